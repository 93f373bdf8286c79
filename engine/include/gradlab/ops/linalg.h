// Matrix products. matmul follows torch.matmul's rules for 1-D, 2-D and batched operands.
#pragma once
#include "gradlab/tensor.h"

namespace gradlab {

Tensor matmul(const Tensor& a, const Tensor& b);
Tensor mm(const Tensor& a, const Tensor& b);
Tensor bmm(const Tensor& a, const Tensor& b);
Tensor mv(const Tensor& a, const Tensor& v);
Tensor dot(const Tensor& a, const Tensor& b);
Tensor outer(const Tensor& a, const Tensor& b);

}  // namespace gradlab
