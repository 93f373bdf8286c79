// Internal: dtype dispatch and the strided loops every kernel is built on.
#pragma once
#include <array>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

#include "gradlab/error.h"
#include "gradlab/tensor.h"

namespace gradlab::kernels {

// Bool tensors store one byte per element (0 or 1).
using bool_t = uint8_t;

#define GL_DISPATCH_CASE(DT, CT, T, ...) \
  case DT: {                             \
    using T = CT;                        \
    __VA_ARGS__;                         \
    break;                               \
  }

#define GL_DISPATCH_FLOAT(dtype, T, ...)                                      \
  switch (dtype) {                                                            \
    GL_DISPATCH_CASE(::gradlab::DType::Float32, float, T, __VA_ARGS__)        \
    GL_DISPATCH_CASE(::gradlab::DType::Float64, double, T, __VA_ARGS__)       \
    default:                                                                  \
      ::gradlab::fail("expected a floating point tensor, got ", ::gradlab::dtype_name(dtype)); \
  }

#define GL_DISPATCH_ALL(dtype, T, ...)                                               \
  switch (dtype) {                                                                   \
    GL_DISPATCH_CASE(::gradlab::DType::Float32, float, T, __VA_ARGS__)               \
    GL_DISPATCH_CASE(::gradlab::DType::Float64, double, T, __VA_ARGS__)              \
    GL_DISPATCH_CASE(::gradlab::DType::Int64, int64_t, T, __VA_ARGS__)               \
    GL_DISPATCH_CASE(::gradlab::DType::Bool, ::gradlab::kernels::bool_t, T, __VA_ARGS__) \
  }

// Converts one element between dtypes. Float to int64 of NaN or an
// out-of-range value is undefined in C++; we give INT64_MIN, which is what
// PyTorch's x86 build produces, so results are defined and match it there.
template <typename To, typename From>
To convert(From v) {
  if constexpr (std::is_same_v<To, bool_t>) {
    return v != From(0) ? 1 : 0;
  } else if constexpr (std::is_integral_v<To> && std::is_floating_point_v<From>) {
    const bool fits = v >= From(-9.2233720368547758e18) && v < From(9.2233720368547758e18);
    return fits ? static_cast<To>(v) : std::numeric_limits<To>::min();
  } else {
    return static_cast<To>(v);
  }
}

// Dtype-generic access to single elements, for cold loops: one loop serves
// every dtype where a template copy per dtype would add its code four times.
// (Defined in copy.cpp.)

// Writes v converted to dtype (as convert<T>(v)) to dst.
void store_number(void* dst, DType dtype, double v);
// dst += src for one element, in the dtype's own arithmetic (int64 exact, float32 rounded as float32).
using AddElement = void (*)(void* dst, const void* src);
AddElement element_adder(DType dtype);

// Reads one element as a double (exact but for int64 beyond 2^53); inline, as cold
// loops call it per element.
inline double load_number(const void* src, DType dtype) {
  switch (dtype) {
    case DType::Float32: {
      float v;
      std::memcpy(&v, src, sizeof v);
      return v;
    }
    case DType::Float64: {
      double v;
      std::memcpy(&v, src, sizeof v);
      return v;
    }
    case DType::Int64: {
      int64_t v;
      std::memcpy(&v, src, sizeof v);
      return static_cast<double>(v);
    }
    case DType::Bool: return *static_cast<const bool_t*>(src);
  }
  return 0;
}

// Copies one element of `size` bytes (1, 4 or 8, an itemsize).
inline void move_element(char* dst, const char* src, size_t size) {
  if (size == 8) std::memcpy(dst, src, 8);
  else if (size == 4) std::memcpy(dst, src, 4);
  else *dst = *src;
}

// Calls f(o_0, ..., o_{N-1}) for every position of `shape` in row-major order,
// where o_k is the element offset into operand k (strides may be 0 for broadcast dims).
template <size_t N, typename F>
void for_each_offset(const Shape& shape, const std::array<const int64_t*, N>& strides, F&& f) {
  const int64_t nd = static_cast<int64_t>(shape.size());
  for (int64_t s : shape)
    if (s == 0) return;
  std::array<int64_t, N> off{};
  if (nd == 0) {
    f(off);
    return;
  }
  std::vector<int64_t> idx(nd, 0);
  const int64_t inner = shape[nd - 1];
  std::array<int64_t, N> inner_stride;
  for (size_t k = 0; k < N; ++k) inner_stride[k] = strides[k][nd - 1];
  while (true) {
    std::array<int64_t, N> o = off;
    for (int64_t i = 0; i < inner; ++i) {
      f(o);
      for (size_t k = 0; k < N; ++k) o[k] += inner_stride[k];
    }
    // Advance the outer counters (odometer).
    int64_t d = nd - 2;
    for (; d >= 0; --d) {
      for (size_t k = 0; k < N; ++k) off[k] += strides[k][d];
      if (++idx[d] < shape[d]) break;
      for (size_t k = 0; k < N; ++k) off[k] -= strides[k][d] * shape[d];
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

// Strides of `t` seen through a broadcast to `shape` (0 where t is broadcast).
Shape broadcast_strides(const Tensor& t, const Shape& shape);

}  // namespace gradlab::kernels
