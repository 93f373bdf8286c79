// Internal: what conv2d and conv_transpose2d share — reading int-or-list
// arguments, the type names PyTorch's messages print, and a fresh result
// under a new shape.
#pragma once
#include <string>

#include "gradlab/error.h"
#include "gradlab/ops/conv.h"

namespace gradlab::conv_args {

inline std::string join(const IntList& v, const char* sep) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) s += sep;
    s += std::to_string(v[i]);
  }
  return s;
}

// A single value applies to every spatial dim, as PyTorch's int arguments do;
// otherwise there must be one per spatial dim of the weight.
inline IntList expand_arg(const char* name, const IntList& v, int64_t spatial, int64_t weight_spatial) {
  const IntList full = v.size() == 1 ? IntList(spatial, v[0]) : v;
  GL_CHECK(static_cast<int64_t>(full.size()) == weight_spatial, "expected ", name,
           " to be a single integer value or a list of ", weight_spatial,
           " values to match the convolution dimensions, but got ", name, "=[", join(full, ", "), "]");
  return full;
}

// The element type names PyTorch's messages print (caffe2's TypeMeta names).
inline const char* element_type(DType d) {
  switch (d) {
    case DType::Float32: return "float";
    case DType::Float64: return "double";
    case DType::Int64: return "long int";
    default: return "bool";
  }
}

// c10's ScalarType names, as in "expected scalar type Float but found Double".
inline const char* scalar_type(DType d) {
  switch (d) {
    case DType::Float32: return "Float";
    case DType::Float64: return "Double";
    case DType::Int64: return "Long";
    default: return "Bool";
  }
}

inline const char* legacy_type(DType d) {
  switch (d) {
    case DType::Float32: return "torch.FloatTensor";
    case DType::Float64: return "torch.DoubleTensor";
    case DType::Int64: return "torch.LongTensor";
    default: return "torch.BoolTensor";
  }
}

// A fresh result under another contiguous shape: the op's own output, not a view of a temporary.
inline Tensor as_shape(const Tensor& fresh, const Shape& shape) {
  Tensor out = make_view(fresh, shape, contiguous_strides(shape), fresh.offset());
  out.impl()->view_base.reset();
  return out;
}

}  // namespace gradlab::conv_args
