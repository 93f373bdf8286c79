// Rounding (floor, ceil, round, trunc, frac) and the float class tests
// (isnan, isinf, isfinite), as PyTorch 1.13 gives them: rounding keeps an
// integer tensor as it is (a copy), refuses bool, and has a zero gradient
// (frac's is the incoming one); the tests return bool and have none.
//
//   Tensor r = round(x, 2);       // torch.round(x, decimals=2)
//   Tensor m = isnan(x);
#pragma once
#include "gradlab/tensor.h"

namespace gradlab {

Tensor floor(const Tensor& a);
Tensor ceil(const Tensor& a);
Tensor round(const Tensor& a);                    // half to even, RoundBackward0
Tensor round(const Tensor& a, int64_t decimals);  // RoundBackward1, floating dtypes only
Tensor trunc(const Tensor& a);
Tensor frac(const Tensor& a);  // a - trunc(a), floating dtypes only

Tensor isnan(const Tensor& a);
Tensor isinf(const Tensor& a);
Tensor isfinite(const Tensor& a);

}  // namespace gradlab
