// tril / triu: the lower or upper triangle of the last two dims (of each
// matrix of a batch), the rest zero. `diagonal` shifts the edge: 0 is the main
// diagonal, k > 0 above it, k < 0 below it. The result is a new contiguous
// tensor, as PyTorch's.
//
//   Tensor causal = tril(ones({4, 4}));
#pragma once
#include "gradlab/tensor.h"

namespace gradlab {

Tensor tril(const Tensor& a, int64_t diagonal = 0);
Tensor triu(const Tensor& a, int64_t diagonal = 0);

}  // namespace gradlab
