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

namespace {

// The order of PyTorch 1.13's AVX2 range kernels (linspace, arange): a vector loop takes two
// vectors of 32 bytes at a time while two fit, computing each vector's first element as
// element(i) and the others from it as next(first, j); the scalar tail computes element(i).
template <typename T, typename Element, typename Next>
void fill_in_vector_order(T* p, int64_t n, Element element, Next next) {
  constexpr int64_t kLanes = 32 / sizeof(T);
  int64_t i = 0;
  for (; i + 2 * kLanes <= n; i += 2 * kLanes)
    for (int64_t v = i; v < i + 2 * kLanes; v += kLanes) {
      const T first = element(v);
      p[v] = first;
      for (int64_t j = 1; j < kLanes; ++j) p[v + j] = next(first, j);
    }
  for (; i < n; ++i) p[i] = element(i);
}

// A floating arange as PyTorch 1.13's kernel rounds it: element i is start + step * i in double
// (its accumulate type), one fused multiply-add, rounded to T; a vector's others are
// fma(j, step, first) in double. Fitted bit for bit on the oracle (tests/oracle/gen_ranges.py).
template <typename T>
void arange_floating(T* p, int64_t n, double start, double step) {
  fill_in_vector_order(
      p, n, [&](int64_t i) { return static_cast<T>(std::fma(step, static_cast<double>(i), start)); },
      [&](T first, int64_t j) {
        return static_cast<T>(std::fma(static_cast<double>(j), step, static_cast<double>(first)));
      });
}

}  // namespace

Tensor arange(double start, double end, double step, DType dtype) {
  GL_CHECK(step != 0, "step must be nonzero");
  GL_CHECK(std::isfinite(start) && std::isfinite(end), "unsupported range: ", start, " -> ", end);
  GL_CHECK((step > 0 && end >= start) || (step < 0 && end <= start),
           "upper bound and larger bound inconsistent with step sign");
  const int64_t n = static_cast<int64_t>(std::ceil((end - start) / step));
  Tensor t = Tensor::empty({n}, dtype);
  if (dtype == DType::Float32) arange_floating(t.data_ptr<float>(), n, start, step);
  else if (dtype == DType::Float64) arange_floating(t.data_ptr<double>(), n, start, step);
  else GL_DISPATCH_ALL(dtype, T, {
    T* p = t.data_ptr<T>();
    for (int64_t i = 0; i < n; ++i) p[i] = kernels::convert<T>(start + static_cast<double>(i) * step);
  });
  return t;
}

namespace {

// A floating linspace as PyTorch 1.13's kernel rounds it, in T: step = (end - start) / (steps - 1);
// element i is start + step * i in the first half and end - step * (steps - 1 - i) in the second
// (both endpoints exact), each one fused multiply-add, as its compiler fuses them; a vector's
// others are first + j * step, rounded twice (no FMA there: wasm has none). Fitted bit for bit.
template <typename T>
void linspace_floating(T* p, int64_t steps, T start, T end) {
  if (steps == 1) {
    p[0] = start;
    return;
  }
  const T step = (end - start) / static_cast<T>(steps - 1);
  const int64_t half = steps / 2;
  fill_in_vector_order(
      p, steps,
      [&](int64_t i) {
        return i < half ? std::fma(step, static_cast<T>(i), start)
                        : std::fma(-step, static_cast<T>(steps - 1 - i), end);
      },
      [&](T first, int64_t j) {
        const T offset = static_cast<T>(j) * step;
        return first + offset;
      });
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
