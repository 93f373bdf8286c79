// Internal: the short way through a binary op whose operands are both 0-d
// (a scalar chain, a gradient of a scalar loss, a plain number): the result is
// a fresh 0-d tensor holding f of the two values, each converted to the
// computing dtype as a cast would convert it. That is exactly what the general
// path gives (the broadcast shape of two 0-d shapes is 0-d and any layout rule
// keeps it), without casting a number operand into a tensor of its own first
// (two allocations and a strided copy), comparing shapes or choosing loops.
// Everything but the op's own arithmetic is out of line (scalar_path.cpp):
// each op that uses it adds only a few instructions to the download.
#pragma once
#include "gradlab/tensor.h"

namespace gradlab::scalar_path {

// The two operands' values, converted to float32 and to float64.
struct Values {
  float a32, b32;
  double a64, b64;
};

// True when a and b are both 0-d and dtype is floating (int64 and bool keep
// the general path: nobody needs those fast). Then out is a fresh 0-d tensor
// of dtype and v holds the operands converted to dtype (as copy_into converts).
bool prepare(const Tensor& a, const Tensor& b, DType dtype, Tensor& out, Values& v);

// Sets out to f(a, b) computed in dtype and returns true, or returns false
// when the general path must run.
template <typename F>
bool binary(const Tensor& a, const Tensor& b, DType dtype, F f, Tensor& out) {
  Values v;
  if (!prepare(a, b, dtype, out, v)) return false;
  if (dtype == DType::Float32)
    *out.data_ptr<float>() = static_cast<float>(f(v.a32, v.b32));
  else
    *out.data_ptr<double>() = static_cast<double>(f(v.a64, v.b64));
  return true;
}

}  // namespace gradlab::scalar_path
