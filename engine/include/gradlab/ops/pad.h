// F.pad in "constant" mode (PyTorch's constant_pad_nd): pad holds (before,
// after) pairs starting from the last dim; negative amounts crop.
//
//   Tensor y = pad(x, {1, 1, 2, 0}, 0.5);  // F.pad(x, (1, 1, 2, 0), value=0.5)
#pragma once
#include <vector>

#include "gradlab/tensor.h"

namespace gradlab {

Tensor pad(const Tensor& input, const std::vector<int64_t>& pad, double value = 0);

}  // namespace gradlab
