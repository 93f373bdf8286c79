// Internal: floating sums added in the order PyTorch 1.13's CPU kernel adds
// them, so sum, mean and every gradient that sums over broadcast dims give
// PyTorch's bits, not only its value up to rounding.
#pragma once
#include <vector>

#include "gradlab/ops/reduce.h"

namespace gradlab::kernels {

// Adds `a` (float32 or float64, any strides) over the dims `reduced` marks
// (dim_mask's answer) into `out`: zeros of a's dtype, contiguous, one element
// per kept position (kept dims in order; its shape is the caller's).
void cascade_sum_into(const Tensor& a, const std::vector<bool>& reduced, const Tensor& out);

}  // namespace gradlab::kernels
