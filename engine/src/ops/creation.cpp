// Tensor factories.
#include "gradlab/ops/creation.h"

#include <cmath>

#include "gradlab/error.h"
#include "gradlab/ops/movement.h"
#include "gradlab/random.h"
#include "kernels/elementwise.h"

namespace gradlab {

namespace {
template <typename T>
void fill_raw(const Tensor& t, T v) {
  T* p = t.data_ptr<T>();
  const int64_t n = t.numel();
  for (int64_t i = 0; i < n; ++i) p[i] = v;
}
void fill_value(const Tensor& t, double v) {
  GL_DISPATCH_ALL(t.dtype(), T, fill_raw<T>(t, kernels::convert<T>(v)));
}
// Integral values act as Python ints; fractions, inf, NaN and -0 (whose sign an int would lose) as floats.
// Beyond 2^53 - 1 (JS's Number.MAX_SAFE_INTEGER) a number may have been a rounded float, so it stays one.
bool acts_as_int(double v) {
  return std::isfinite(v) && v == std::floor(v) && std::fabs(v) <= 9007199254740991.0 && !(v == 0 && std::signbit(v));
}
}  // namespace

Tensor full(const Shape& shape, double value, DType dtype) {
  check_number_fits(value, dtype);
  Tensor t = Tensor::empty(shape, dtype);
  fill_value(t, value);
  return t;
}
Tensor zeros(const Shape& shape, DType dtype) { return full(shape, 0.0, dtype); }
Tensor ones(const Shape& shape, DType dtype) { return full(shape, 1.0, dtype); }

Tensor scalar_tensor(double value, DType dtype, bool wrapped_number) {
  Tensor t = full({}, value, dtype);
  t.impl()->is_wrapped_number = wrapped_number;
  return t;
}

Tensor wrapped_number(double v) {
  return scalar_tensor(v, acts_as_int(v) ? DType::Int64 : DType::Float64, /*wrapped_number=*/true);
}

DType number_dtype(double v) { return acts_as_int(v) ? DType::Int64 : DType::Float32; }

Tensor from_values(const std::vector<double>& values, const Shape& shape, DType dtype) {
  GL_CHECK(static_cast<int64_t>(values.size()) == numel_of(shape), "from_values: ", values.size(),
           " values do not fill shape ", shape_str(shape));
  Tensor t = Tensor::empty(shape, dtype);
  GL_DISPATCH_ALL(dtype, T, {
    T* p = t.data_ptr<T>();
    for (size_t i = 0; i < values.size(); ++i) p[i] = kernels::convert<T>(values[i]);
  });
  return t;
}

// PyTorch's *_like keep the input's layout (preserve_format): a permuted input gives a permuted
// result, whose flatten() then copies as in PyTorch (live run s106008-279). The result is dense,
// so filling its storage in order fills every element.
Tensor full_like(const Tensor& t, double value) {
  check_number_fits(value, t.dtype());
  Tensor out = empty_preserving_layout(t, t.dtype());
  fill_value(out, value);
  return out;
}
Tensor zeros_like(const Tensor& t) { return full_like(t, 0.0); }
Tensor ones_like(const Tensor& t) { return full_like(t, 1.0); }

Tensor arange(double start, double end, double step, DType dtype) {
  GL_CHECK(step != 0, "step must be nonzero");
  GL_CHECK(std::isfinite(start) && std::isfinite(end), "unsupported range: ", start, " -> ", end);
  GL_CHECK((step > 0 && end >= start) || (step < 0 && end <= start),
           "upper bound and larger bound inconsistent with step sign");
  const int64_t n = static_cast<int64_t>(std::ceil((end - start) / step));
  Tensor t = Tensor::empty({n}, dtype);
  GL_DISPATCH_ALL(dtype, T, {
    T* p = t.data_ptr<T>();
    for (int64_t i = 0; i < n; ++i) p[i] = kernels::convert<T>(start + static_cast<double>(i) * step);
  });
  return t;
}

Tensor linspace(double start, double end, int64_t steps, DType dtype) {
  GL_CHECK(steps >= 0, "number of steps must be non-negative");
  Tensor t = Tensor::empty({steps}, dtype);
  const double step = steps > 1 ? (end - start) / static_cast<double>(steps - 1) : 0.0;
  // PyTorch fills the second half from the end so both endpoints are exact; one step is [start].
  const int64_t half = steps == 1 ? 1 : steps / 2;
  GL_DISPATCH_ALL(dtype, T, {
    T* p = t.data_ptr<T>();
    for (int64_t i = 0; i < steps; ++i)
      p[i] = static_cast<T>(i < half ? start + step * static_cast<double>(i)
                                     : end - step * static_cast<double>(steps - 1 - i));
  });
  return t;
}

Tensor eye(int64_t n, int64_t m, DType dtype) {
  if (m < 0) m = n;
  GL_CHECK(n >= 0, "n must be greater or equal to 0, got ", n);
  Tensor t = zeros({n, m}, dtype);
  GL_DISPATCH_ALL(dtype, T, {
    T* p = t.data_ptr<T>();
    for (int64_t i = 0; i < std::min(n, m); ++i) p[i * m + i] = T(1);
  });
  return t;
}

Tensor rand(const Shape& shape, DType dtype) {
  random::check_uniform_dtype(dtype);
  Tensor t = Tensor::empty(shape, dtype);
  GL_DISPATCH_FLOAT(dtype, T, random::fill_uniform(t.data_ptr<T>(), t.numel(), 0.0, 1.0));
  return t;
}

Tensor randn(const Shape& shape, DType dtype) {
  random::check_normal_dtype(dtype);
  Tensor t = Tensor::empty(shape, dtype);
  GL_DISPATCH_FLOAT(dtype, T, random::fill_normal(t.data_ptr<T>(), t.numel(), 0.0, 1.0));
  return t;
}

Tensor randint(int64_t low, int64_t high, const Shape& shape, DType dtype) {
  GL_CHECK(low < high, "random_ expects 'from' to be less than 'to', but got from=", low, " >= to=", high);
  Tensor t = Tensor::empty(shape, DType::Int64);
  random::fill_randint(t.data_ptr<int64_t>(), t.numel(), low, high);
  return dtype == DType::Int64 ? t : kernels::cast_nograd(t, dtype);
}

// PyTorch's rand_like/randn_like are empty_like (preserve_format, as full_like above) then
// uniform_/normal_, which draw in the order of the result's memory; normal_ takes its block path
// only for a contiguous result, a permuted one draws value by value.
Tensor rand_like(const Tensor& t) {
  random::check_uniform_dtype(t.dtype());
  Tensor out = empty_preserving_layout(t, t.dtype());
  GL_DISPATCH_FLOAT(t.dtype(), T, random::fill_uniform(out.data_ptr<T>(), out.numel(), 0.0, 1.0));
  return out;
}

Tensor randn_like(const Tensor& t) {
  random::check_normal_dtype(t.dtype());
  Tensor out = empty_preserving_layout(t, t.dtype());
  const bool contiguous = out.is_contiguous();
  GL_DISPATCH_FLOAT(t.dtype(), T, {
    if (contiguous)
      random::fill_normal(out.data_ptr<T>(), out.numel(), 0.0, 1.0);
    else
      random::fill_normal_serial(out.data_ptr<T>(), out.numel(), 0.0, 1.0);
  });
  return out;
}

}  // namespace gradlab
