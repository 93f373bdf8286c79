// torch.bincount: how often each value of a 1-d non-negative int64 tensor
// occurs, or the sum of its weights. Counts are int64; weighted sums keep a
// float32/float64 weight's dtype and are float64 for int64 or bool weights.
//
//   Tensor counts = bincount(labels, Tensor(), /*minlength=*/10);
#pragma once
#include <cstdint>

#include "gradlab/tensor.h"

namespace gradlab {

Tensor bincount(const Tensor& input, const Tensor& weights = Tensor(), int64_t minlength = 0);

}  // namespace gradlab
