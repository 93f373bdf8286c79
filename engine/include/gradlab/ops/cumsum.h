// torch.cumsum: running sums along a dim. Integer and bool inputs sum as
// int64, as PyTorch's do.
//
//   Tensor c = cumsum(x, -1);
#pragma once
#include "gradlab/tensor.h"

namespace gradlab {

Tensor cumsum(const Tensor& input, int64_t dim);

}  // namespace gradlab
