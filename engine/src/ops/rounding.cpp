// Rounding and float class tests. Each forward sits above its backward rule.
#include "gradlab/ops/rounding.h"

#include <cmath>

#include "gradlab/autograd/record.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/movement.h"
#include "kernels/elementwise.h"
#include "kernels/loops.h"

namespace gradlab {

namespace {

// PyTorch names the CPU kernel that has no bool (or integer) version.
void check_dtype(const Tensor& a, const char* kernel, bool integers) {
  GL_CHECK(a.dtype() != DType::Bool && (integers || is_floating(a.dtype())), "\"", kernel,
           "\" not implemented for '", scalar_type_name(a.dtype()), "'");
}

// A rounding op of a floating tensor, f applied in its own dtype; an integer tensor is already
// whole, and PyTorch returns a copy of it.
template <typename F>
Tensor rounded(const Tensor& a, const char* kernel, const char* node, F f) {
  check_dtype(a, kernel, true);
  if (!is_floating(a.dtype())) return clone(a);
  Tensor out;
  GL_DISPATCH_FLOAT(a.dtype(), T, out = (kernels::unary<T, T>(a, a.dtype(), [f](T x) { return static_cast<T>(f(x)); })));
  // d round(a) = 0 almost everywhere (PyTorch's zeros_like(grad))
  record(node, {out}, {a}, {}, [](const BackwardContext& c) { return variable_list{zeros_like(c.grad())}; });
  return out;
}

// A bool tensor that holds f(x) of every element; integers are whole and finite.
template <typename F>
Tensor classified(const Tensor& a, bool integer_answer, F f) {
  if (!is_floating(a.dtype())) return integer_answer ? ones(a.shape(), DType::Bool) : zeros(a.shape(), DType::Bool);
  Tensor out;
  GL_DISPATCH_FLOAT(a.dtype(), T, out = (kernels::unary<T, kernels::bool_t>(a, DType::Bool, [f](T x) {
                      return static_cast<kernels::bool_t>(f(x));
                    })));
  return out;
}

}  // namespace

Tensor floor(const Tensor& a) {
  return rounded(a, "floor_vml_cpu", "FloorBackward0", [](auto x) { return std::floor(x); });
}

Tensor ceil(const Tensor& a) {
  return rounded(a, "ceil_vml_cpu", "CeilBackward0", [](auto x) { return std::ceil(x); });
}

// nearbyint rounds half to even in the default rounding mode, as PyTorch's kernel.
Tensor round(const Tensor& a) {
  return rounded(a, "round_vml_cpu", "RoundBackward0", [](auto x) { return std::nearbyint(x); });
}

// PyTorch's kernel scales by 10^|decimals| in the tensor's own dtype: x * 10^d rounded, then
// divided back; for negative decimals x / 10^d rounded, then multiplied back.
Tensor round(const Tensor& a, int64_t decimals) {
  // decimals=0 goes to PyTorch's plain round kernel for the dtype check (live run s128006-157).
  check_dtype(a, decimals == 0 ? "round_vml_cpu" : "round_cpu", false);
  const bool negative = decimals < 0;
  const double scale = std::pow(10.0, static_cast<double>(negative ? -decimals : decimals));
  Tensor out;
  GL_DISPATCH_FLOAT(a.dtype(), T, out = (kernels::unary<T, T>(a, a.dtype(), [s = static_cast<T>(scale), negative](T x) {
                      return negative ? static_cast<T>(std::nearbyint(x / s) * s)
                                      : static_cast<T>(std::nearbyint(x * s) / s);
                    })));
  record("RoundBackward1", {out}, {a}, {}, [](const BackwardContext& c) { return variable_list{zeros_like(c.grad())}; });
  return out;
}

Tensor trunc(const Tensor& a) {
  return rounded(a, "trunc_vml_cpu", "TruncBackward0", [](auto x) { return std::trunc(x); });
}

Tensor frac(const Tensor& a) {
  check_dtype(a, "frac_cpu", false);
  Tensor out;
  GL_DISPATCH_FLOAT(a.dtype(), T, out = (kernels::unary<T, T>(a, a.dtype(), [](T x) { return x - std::trunc(x); })));
  // d frac(a) = grad (trunc's part is flat)
  record("FracBackward0", {out}, {a}, {}, [](const BackwardContext& c) { return variable_list{c.grad()}; });
  return out;
}

Tensor isnan(const Tensor& a) {
  return classified(a, false, [](auto x) { return std::isnan(x); });
}

Tensor isinf(const Tensor& a) {
  return classified(a, false, [](auto x) { return std::isinf(x); });
}

Tensor isfinite(const Tensor& a) {
  return classified(a, true, [](auto x) { return std::isfinite(x); });
}

}  // namespace gradlab
