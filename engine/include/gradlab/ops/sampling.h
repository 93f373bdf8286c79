// torch.randperm and torch.multinomial on the engine's generator, drawing
// PyTorch 1.13's CPU numbers for the same seed (engine/src/random.cpp).
#pragma once
#include "gradlab/tensor.h"

namespace gradlab {

// A permutation of 0..n-1. `seed`, when defined (an int64 scalar), seeds a
// fresh generator for this call instead of drawing from the default one.
Tensor randperm(int64_t n, DType dtype = DType::Int64, const Tensor& seed = Tensor());

// Indices of num_samples draws from each row of probabilities (1 or 2 dims,
// not necessarily normalised), as int64.
Tensor multinomial(const Tensor& probs, int64_t num_samples, bool replacement = false);

}  // namespace gradlab
