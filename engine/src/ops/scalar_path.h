// Internal: the short way through a binary op whose operands are both 0-d
// (a scalar chain, a gradient of a scalar loss, a plain number): the result is
// a fresh 0-d tensor holding f of the two values, each converted to the
// computing dtype as a cast would convert it. That is exactly what the general
// path gives (the broadcast shape of two 0-d shapes is 0-d and any layout rule
// keeps it), without casting a number operand into a tensor of its own first
// (two allocations and a strided copy), comparing shapes or choosing loops.
#pragma once
#include "gradlab/tensor.h"
#include "kernels/loops.h"

namespace gradlab::scalar_path {

// t's one element converted to T as cast_nograd (copy_into) converts it.
template <typename T>
T value_as(const Tensor& t) {
  switch (t.dtype()) {
    case DType::Float32: return kernels::convert<T>(*t.data_ptr<float>());
    case DType::Float64: return kernels::convert<T>(*t.data_ptr<double>());
    case DType::Int64: return kernels::convert<T>(*t.data_ptr<int64_t>());
    case DType::Bool: return kernels::convert<T>(*t.data_ptr<kernels::bool_t>());
  }
  return T(0);
}

// Sets out to f(a, b) computed in `dtype` and returns true when a and b are
// both 0-d and dtype is floating (int64 and bool keep the general path: nobody
// needs those fast, and each instantiation is code in the download).
template <typename F>
bool binary(const Tensor& a, const Tensor& b, DType dtype, F f, Tensor& out) {
  if (a.dim() != 0 || b.dim() != 0) return false;
  if (dtype == DType::Float32) {
    out = Tensor::empty({}, dtype);
    *out.data_ptr<float>() = static_cast<float>(f(value_as<float>(a), value_as<float>(b)));
    return true;
  }
  if (dtype == DType::Float64) {
    out = Tensor::empty({}, dtype);
    *out.data_ptr<double>() = static_cast<double>(f(value_as<double>(a), value_as<double>(b)));
    return true;
  }
  return false;
}

}  // namespace gradlab::scalar_path
