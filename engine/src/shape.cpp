#include "gradlab/shape.h"

#include <algorithm>

#include "gradlab/error.h"

namespace gradlab {

int64_t numel_of(const Shape& shape) {
  int64_t n = 1;
  for (int64_t s : shape) n *= s;
  return n;
}

Shape contiguous_strides(const Shape& shape) {
  Shape strides(shape.size());
  int64_t acc = 1;
  for (size_t i = shape.size(); i-- > 0;) {
    strides[i] = acc;
    acc *= shape[i] > 1 ? shape[i] : 1;
  }
  return strides;
}

std::string shape_str(const Shape& shape) {
  std::string s = "[";
  for (size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + "]";
}

Shape broadcast_shapes(const Shape& a, const Shape& b) {
  const size_t n = std::max(a.size(), b.size());
  Shape out(n);
  // Align from the right, as NumPy does, and report the rightmost mismatch, as PyTorch does.
  for (size_t i = n; i-- > 0;) {
    const int64_t da = i < n - a.size() ? 1 : a[i - (n - a.size())];
    const int64_t db = i < n - b.size() ? 1 : b[i - (n - b.size())];
    GL_CHECK(da == db || da == 1 || db == 1, "The size of tensor a (", da,
             ") must match the size of tensor b (", db, ") at non-singleton dimension ", i);
    out[i] = da == 1 ? db : da;
  }
  return out;
}

int64_t wrap_dim(int64_t dim, int64_t ndim) {
  const int64_t n = ndim > 0 ? ndim : 1;
  GL_CHECK(dim >= -n && dim < n, "Dimension out of range (expected to be in range of [", -n, ", ",
           n - 1, "], but got ", dim, ")");
  return dim < 0 ? dim + n : dim;
}

void check_dims_in_range(const std::vector<int64_t>& dims, int64_t ndim) {
  for (const int64_t d : dims) wrap_dim(d, ndim);
}

std::vector<bool> dim_mask(const std::vector<int64_t>& dims, int64_t ndim) {
  // A 0-d tensor accepts dim 0 or -1 once, so track one slot more than it has.
  std::vector<bool> seen(std::max<int64_t>(ndim, 1), false);
  for (int64_t d : dims) {
    const int64_t w = wrap_dim(d, ndim);
    GL_CHECK(!seen[w], "dim ", w, " appears multiple times in the list of dims");
    seen[w] = true;
  }
  std::vector<bool> mask(ndim, dims.empty());
  for (int64_t d = 0; d < ndim; ++d) mask[d] = mask[d] || seen[d];
  return mask;
}

Shape infer_size(const Shape& requested, int64_t numel) {
  Shape out = requested;
  int64_t known = 1;
  int infer_at = -1;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] == -1) {
      GL_CHECK(infer_at < 0, "only one dimension can be inferred");
      infer_at = static_cast<int>(i);
    } else {
      GL_CHECK(out[i] >= 0, "invalid shape dimension ", out[i]);
      known *= out[i];
    }
  }
  // PyTorch's infer_size_impl: a -1 among sizes whose product is 0 fits only an
  // empty input, and there it could be anything, which gets a message of its own.
  const bool ok = infer_at < 0 ? known == numel : (numel == known || (known > 0 && numel % known == 0));
  GL_CHECK(ok, "shape '", shape_str(requested), "' is invalid for input of size ", numel);
  if (infer_at >= 0) {
    GL_CHECK(known != 0, "cannot reshape tensor of 0 elements into shape ", shape_str(requested),
             " because the unspecified dimension size -1 can be any value and is ambiguous");
    out[infer_at] = numel / known;
  }
  return out;
}

}  // namespace gradlab
