// Element access shared by the printers: reading a View's values by flat
// index, row-major strides, and the corners that summarization keeps.
#pragma once
#include <cstdint>
#include <vector>

#include "gradlab/print.h"

namespace gradlab::print::detail {

inline int64_t numel(const std::vector<int64_t>& shape) {
  int64_t n = 1;
  for (int64_t s : shape) n *= s;
  return n;
}

inline std::vector<int64_t> strides_of(const std::vector<int64_t>& shape) {
  std::vector<int64_t> st(shape.size(), 1);
  for (size_t i = shape.size(); i-- > 1;) st[i - 1] = st[i] * shape[i];
  return st;
}

inline double as_double(const View& v, int64_t i) {
  switch (v.dtype) {
    case DType::Float32: return static_cast<const float*>(v.data)[i];
    case DType::Float64: return static_cast<const double*>(v.data)[i];
    case DType::Int64: return static_cast<double>(static_cast<const int64_t*>(v.data)[i]);
    case DType::Bool: return static_cast<const uint8_t*>(v.data)[i] ? 1.0 : 0.0;
  }
  return 0.0;
}

inline int64_t as_int(const View& v, int64_t i) {
  switch (v.dtype) {
    case DType::Int64: return static_cast<const int64_t*>(v.data)[i];
    case DType::Bool: return static_cast<const uint8_t*>(v.data)[i] ? 1 : 0;
    default: return static_cast<int64_t>(as_double(v, i));
  }
}

// Flat indices of the elements NumPy's _leading_trailing and PyTorch's
// get_summarized_data keep: along every axis longer than 2*edgeitems, only
// the first and last edgeitems. Without summarization, every index.
inline std::vector<int64_t> kept_indices(const std::vector<int64_t>& shape, bool summarize,
                                         int64_t edgeitems) {
  std::vector<int64_t> out{0};
  std::vector<int64_t> st = strides_of(shape);
  for (size_t ax = 0; ax < shape.size(); ++ax) {
    std::vector<int64_t> pos;
    if (summarize && shape[ax] > 2 * edgeitems) {
      for (int64_t i = 0; i < edgeitems; ++i) pos.push_back(i);
      for (int64_t i = shape[ax] - edgeitems; i < shape[ax]; ++i) pos.push_back(i);
    } else {
      for (int64_t i = 0; i < shape[ax]; ++i) pos.push_back(i);
    }
    std::vector<int64_t> next;
    next.reserve(out.size() * pos.size());
    for (int64_t base : out)
      for (int64_t p : pos) next.push_back(base + p * st[ax]);
    out.swap(next);
  }
  return out;
}

}  // namespace gradlab::print::detail
