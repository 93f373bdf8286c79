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

namespace {

// A floating linspace as PyTorch 1.13's AVX2 kernel rounds it, in T: step = (end - start) / (steps - 1);
// element i is start + step * i in the first half and end - step * (steps - 1 - i) in the second
// (both endpoints exact), each one fused multiply-add, as its compiler fuses them; but its vector
// loop (two vectors of 32 bytes at a time, while two fit) computes only each vector's first
// element so and the others as first + j * step, rounded twice. Fitted bit for bit on the oracle.
template <typename T>
void linspace_floating(T* p, int64_t steps, T start, T end) {
  if (steps == 1) {
    p[0] = start;
    return;
  }
  const T step = (end - start) / static_cast<T>(steps - 1);
  const int64_t half = steps / 2;
  const auto at = [&](int64_t i) {
    return i < half ? std::fma(step, static_cast<T>(i), start) : std::fma(-step, static_cast<T>(steps - 1 - i), end);
  };
  constexpr int64_t kLanes = 32 / sizeof(T);
  int64_t i = 0;
  for (; i + 2 * kLanes <= steps; i += 2 * kLanes)
    for (int64_t v = i; v < i + 2 * kLanes; v += kLanes) {
      const T first = at(v);
      p[v] = first;
      for (int64_t j = 1; j < kLanes; ++j) {
        const T offset = static_cast<T>(j) * step;  // rounded on its own: no FMA here (wasm has none)
        p[v + j] = first + offset;
      }
    }
  for (; i < steps; ++i) p[i] = at(i);
}

}  // namespace

Tensor linspace(double start, double end, int64_t steps, DType dtype) {
  GL_CHECK(steps >= 0, "number of steps must be non-negative");
  Tensor t = Tensor::empty({steps}, dtype);
  if (steps == 0) return t;
  if (dtype == DType::Float32) {
    linspace_floating(t.data_ptr<float>(), steps, static_cast<float>(start), static_cast<float>(end));
    return t;
  }
  if (dtype == DType::Float64) {
    linspace_floating(t.data_ptr<double>(), steps, start, end);
    return t;
  }
  // Integers: steps in double, truncated; the second half from the end; one step is [start].
  const double step = steps > 1 ? (end - start) / static_cast<double>(steps - 1) : 0.0;
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

Tensor rand_like(const Tensor& t) { return rand(t.shape(), t.dtype()); }
Tensor randn_like(const Tensor& t) { return randn(t.shape(), t.dtype()); }

}  // namespace gradlab
