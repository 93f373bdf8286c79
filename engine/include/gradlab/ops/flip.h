// torch.flip: a copy with the order of elements reversed along each of `dims`
// (none for an empty list). Any dtype; differentiable (FlipBackward0).
//
//   Tensor r = flip(x, {0, -1});
#pragma once
#include <vector>

#include "gradlab/tensor.h"

namespace gradlab {

Tensor flip(const Tensor& input, const std::vector<int64_t>& dims);

}  // namespace gradlab
