// Matrix products. matmul follows torch.matmul's rules for 1-D, 2-D and batched operands.
#pragma once
#include "gradlab/tensor.h"

namespace gradlab {

Tensor matmul(const Tensor& a, const Tensor& b);
Tensor mm(const Tensor& a, const Tensor& b);
// self + mat1 @ mat2 with self broadcast to the product (AddmmBackward0), as nn.Linear uses it.
Tensor addmm(const Tensor& self, const Tensor& mat1, const Tensor& mat2);
Tensor bmm(const Tensor& a, const Tensor& b);
Tensor mv(const Tensor& a, const Tensor& v);
Tensor dot(const Tensor& a, const Tensor& b);
Tensor outer(const Tensor& a, const Tensor& b);

}  // namespace gradlab
