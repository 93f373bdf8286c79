// In-place binary ops reading self's own memory as they write it (inplace_alias.h).
#include "ops/inplace_alias.h"

#include <algorithm>

#include "gradlab/ops/movement.h"

namespace gradlab {

bool reads_own_writes(const Tensor& self, const Tensor& other, DType result_dtype) {
  if (!other.defined() || self.impl()->storage != other.impl()->storage) return false;
  if (self.dtype() == DType::Bool || other.dtype() != self.dtype() || result_dtype != self.dtype()) return false;
  if (self.numel() == 0) return false;
  const Shape strides = kernels::broadcast_strides(other, self.shape());
  return !(other.offset() == self.offset() && strides == self.strides());
}

AliasedLoop plan_aliased(const Tensor& self, const Tensor& other) {
  const Shape& shape = self.shape();
  const Shape& ss = self.strides();
  const Shape os = kernels::broadcast_strides(other, shape);
  AliasedLoop p;
  // TensorIterator's order of dims, innermost first: self (the output) decides first.
  const Shape order = elementwise_strides(shape, {&self, &other});
  std::vector<int64_t> dims;
  for (int64_t d = 0; d < static_cast<int64_t>(shape.size()); ++d)
    if (shape[d] != 1) dims.push_back(d);
  std::sort(dims.begin(), dims.end(), [&](int64_t a, int64_t b) { return order[a] < order[b]; });
  const int64_t base = other.offset() - self.offset();
  if (dims.empty()) {
    p.inner = 1;
    p.rows.emplace_back(0, base);
    return p;
  }
  const int64_t first = dims.front();
  p.inner = shape[first];
  p.self_step = ss[first];
  p.other_step = os[first];
  size_t k = 1;
  for (; k < dims.size(); ++k) {
    const int64_t d = dims[k];
    if (ss[d] != p.inner * p.self_step || os[d] != p.inner * p.other_step) break;
    p.inner *= shape[d];
  }
  p.vectorised = p.self_step == 1 && (p.other_step == 1 || p.other_step == 0);
  // The remaining dims, innermost first, as an odometer over row starts.
  const std::vector<int64_t> outer(dims.begin() + static_cast<std::ptrdiff_t>(k), dims.end());
  std::vector<int64_t> idx(outer.size(), 0);
  int64_t so = 0, oo = base;
  while (true) {
    p.rows.emplace_back(so, oo);
    size_t i = 0;
    for (; i < outer.size(); ++i) {
      const int64_t d = outer[i];
      so += ss[d];
      oo += os[d];
      if (++idx[i] < shape[d]) break;
      so -= ss[d] * shape[d];
      oo -= os[d] * shape[d];
      idx[i] = 0;
    }
    if (i == outer.size()) break;
  }
  return p;
}

}  // namespace gradlab
