// torch.cumprod: running products along a dim. Integer and bool inputs
// multiply as int64 unless `dtype` says otherwise, as PyTorch's do; floating
// inputs accumulate in double (PyTorch's CPU accumulation type).
//
//   Tensor c = cumprod(x, -1);
//   Tensor d = cumprod(x, 0, DType::Float64);   // CumprodBackward0 straight onto x
#pragma once
#include <optional>

#include "gradlab/tensor.h"

namespace gradlab {

Tensor cumprod(const Tensor& input, int64_t dim, std::optional<DType> dtype = std::nullopt);

// PyTorch 1.13's cumprod_backward (FunctionsManual): the gradient of output = cumprod(input, dim).
// prod's backward reaches it through the cumprods of prod_safe_zeros_backward.
Tensor cumprod_backward(const Tensor& grad, const Tensor& input, int64_t dim, const Tensor& output);

}  // namespace gradlab
