#include "ops/scalar_path.h"

#include "kernels/loops.h"

namespace gradlab::scalar_path {

namespace {
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
}  // namespace

bool prepare(const Tensor& a, const Tensor& b, DType dtype, Tensor& out, Values& v) {
  if (a.dim() != 0 || b.dim() != 0) return false;
  if (dtype == DType::Float32) {
    v.a32 = value_as<float>(a);
    v.b32 = value_as<float>(b);
  } else if (dtype == DType::Float64) {
    v.a64 = value_as<double>(a);
    v.b64 = value_as<double>(b);
  } else {
    return false;
  }
  out = Tensor::empty({}, dtype);
  return true;
}

}  // namespace gradlab::scalar_path
