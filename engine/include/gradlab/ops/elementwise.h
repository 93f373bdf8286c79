// Elementwise ops: arithmetic with NumPy broadcasting, unary math, activations,
// comparisons and selection. Scalars are 0-d "wrapped number" tensors, so
// x * 2 keeps x's dtype as in PyTorch.
#pragma once
#include <optional>

#include "gradlab/tensor.h"

namespace gradlab {

// PyTorch's type promotion (0-d and wrapped numbers do not lift a dimensioned tensor's dtype
// within the same category).
DType result_type(const Tensor& a, const Tensor& b);
DType result_type(const std::vector<Tensor>& operands);

Tensor add(const Tensor& a, const Tensor& b, double alpha = 1.0);
Tensor sub(const Tensor& a, const Tensor& b, double alpha = 1.0);
Tensor mul(const Tensor& a, const Tensor& b);
Tensor div(const Tensor& a, const Tensor& b);
Tensor add(const Tensor& a, double b);
Tensor sub(const Tensor& a, double b);
Tensor rsub(const Tensor& a, double b);  // b - a
Tensor mul(const Tensor& a, double b);
Tensor div(const Tensor& a, double b);
Tensor pow(const Tensor& a, const Tensor& b);
Tensor pow(const Tensor& a, double exponent);
Tensor pow(double base, const Tensor& exponent);
Tensor rpow(const Tensor& exponent, double base);  // base ** exponent, PyTorch's pow(Scalar, Tensor)
Tensor maximum(const Tensor& a, const Tensor& b);
Tensor minimum(const Tensor& a, const Tensor& b);
// For derivative formulas: a tensor times a number as PyTorch's mul(Tensor, Scalar), whose node
// is MulBackward1 (mul(a, number) takes the number as a wrapped tensor: MulBackward0).
Tensor mul_by_scalar(const Tensor& a, double s);
Tensor div_by_scalar(const Tensor& a, double s);  // div.Scalar: DivBackward1

Tensor neg(const Tensor& a);
Tensor abs(const Tensor& a);
Tensor square(const Tensor& a);
Tensor sqrt(const Tensor& a);
Tensor rsqrt(const Tensor& a);
Tensor reciprocal(const Tensor& a);
Tensor exp(const Tensor& a);
Tensor log(const Tensor& a);
Tensor log1p(const Tensor& a);
Tensor expm1(const Tensor& a);
Tensor sin(const Tensor& a);
Tensor cos(const Tensor& a);
Tensor tan(const Tensor& a);
Tensor tanh(const Tensor& a);
Tensor sigmoid(const Tensor& a);
Tensor relu(const Tensor& a);
Tensor leaky_relu(const Tensor& a, double negative_slope = 0.01);
Tensor gelu(const Tensor& a);  // exact (erf) form, PyTorch's default
Tensor silu(const Tensor& a);
Tensor elu(const Tensor& a, double alpha = 1.0);
Tensor softplus(const Tensor& a, double beta = 1.0, double threshold = 20.0);
Tensor sign(const Tensor& a);
// PyTorch's clamp(min=None, max=None): a missing bound is nullopt, a NaN bound
// is a bound (it makes the result float; with two bounds, every value NaN).
Tensor clamp(const Tensor& a, std::optional<double> min, std::optional<double> max);
// The engine's own shorthand, for code inside it: a NaN bound is no bound.
Tensor clamp(const Tensor& a, double min, double max);
// clamp's result dtype: the bounds are numbers in type promotion (int64 clamped to 0.5 is float32).
DType clamp_result_type(const Tensor& a, std::optional<double> min, std::optional<double> max);

// Comparisons give bool tensors and no gradient.
Tensor eq(const Tensor& a, const Tensor& b);
Tensor ne(const Tensor& a, const Tensor& b);
Tensor lt(const Tensor& a, const Tensor& b);
Tensor le(const Tensor& a, const Tensor& b);
Tensor gt(const Tensor& a, const Tensor& b);
Tensor ge(const Tensor& a, const Tensor& b);
bool allclose(const Tensor& a, const Tensor& b, double rtol = 1e-5, double atol = 1e-8,
              bool equal_nan = false);

Tensor where(const Tensor& cond, const Tensor& a, const Tensor& b);

}  // namespace gradlab
