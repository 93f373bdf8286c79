// View-style shape ops (share storage), contiguous/clone, and dtype conversion.
#include "gradlab/ops/movement.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>

#include "gradlab/autograd/record.h"
#include "gradlab/ops/reduce.h"
#include "kernels/elementwise.h"

namespace gradlab {

namespace {

// Strides that let `shape` view memory laid out as (old_shape, old_strides), if any exist.
// Dims are grouped into runs that are contiguous with each other; a view may split
// or merge dims only inside such a run.
std::optional<Shape> view_strides(const Shape& old_shape, const Shape& old_strides, const Shape& shape) {
  Shape strides(shape.size(), 1);
  if (old_shape.empty()) return strides;
  if (numel_of(old_shape) == 0) return contiguous_strides(shape);
  int64_t view_d = static_cast<int64_t>(shape.size()) - 1;
  int64_t chunk_base = old_strides.back();
  int64_t tensor_numel = 1, view_numel = 1;
  for (int64_t d = static_cast<int64_t>(old_shape.size()) - 1; d >= 0; --d) {
    tensor_numel *= old_shape[d];
    const bool run_ends = d == 0 || (old_shape[d - 1] != 1 && old_strides[d - 1] != tensor_numel * chunk_base);
    if (!run_ends) continue;
    while (view_d >= 0 && (view_numel < tensor_numel || shape[view_d] == 1)) {
      strides[view_d] = view_numel * chunk_base;
      view_numel *= shape[view_d];
      --view_d;
    }
    if (view_numel != tensor_numel) return std::nullopt;
    if (d > 0) {
      chunk_base = old_strides[d - 1];
      tensor_numel = 1;
      view_numel = 1;
    }
  }
  if (view_d != -1) return std::nullopt;
  return strides;
}

Tensor view_as_shape(const Tensor& a, const Shape& shape, const Shape& strides, const char* name) {
  Tensor out = make_view(a, shape, strides, a.offset());
  const Shape in_shape = a.shape();
  // d view(a) = grad reshaped back
  record(name, {out}, {a}, {}, [in_shape](const BackwardContext& c) {
    return variable_list{reshape(c.grad(), in_shape)};
  });
  return out;
}

// PyTorch's TensorIterator order of dims (reorder_dimensions): an insertion sort,
// innermost first, in which the first operand whose strides for two dims are both
// nonzero and differ decides (equal strides: the bigger dim goes outside). Operands'
// strides are given broadcast to `sizes` (0 where broadcast).
std::vector<int64_t> iteration_order(const Shape& sizes, const std::vector<Shape>& strides) {
  const int64_t n = static_cast<int64_t>(sizes.size());
  auto order = [&](int64_t d0, int64_t d1) {  // > 0: d0 belongs outside d1
    for (const Shape& s : strides) {
      if (s[d0] == 0 || s[d1] == 0) continue;
      if (s[d0] != s[d1]) return s[d0] < s[d1] ? -1 : 1;
      if (sizes[d0] > sizes[d1]) return 1;
    }
    return 0;
  };
  std::vector<int64_t> perm(n);  // innermost first
  for (int64_t i = 0; i < n; ++i) perm[i] = n - 1 - i;
  for (int64_t i = 1; i < n; ++i) {
    int64_t d1 = i;
    for (int64_t d0 = i - 1; d0 >= 0; --d0) {
      const int c = order(perm[d0], perm[d1]);
      if (c < 0) break;
      if (c > 0) {
        std::swap(perm[d0], perm[d1]);
        d1 = d0;
      }
    }
  }
  return perm;
}

// Dense strides for `sizes` with the dims laid out in `perm` (innermost first).
Shape dense_strides(const Shape& sizes, const std::vector<int64_t>& perm) {
  Shape out(sizes.size());
  int64_t stride = 1;
  for (int64_t d : perm) {
    out[d] = stride;
    if (sizes[d] > 1) stride *= sizes[d];
  }
  return out;
}

// The layout PyTorch gives a copy that preserves its input's memory format:
// the input's own strides when they are dense without overlap, else dense
// strides with the input's order of dims in memory (innermost = smallest stride;
// a 0 stride leaves the order as it is).
Shape preserved_strides(const Tensor& a) {
  if (a.is_non_overlapping_and_dense()) return a.strides();
  return dense_strides(a.shape(), iteration_order(a.shape(), {a.strides()}));
}

}  // namespace

Tensor view(const Tensor& a, const Shape& requested) {
  const Shape shape = infer_size(requested, a.numel());
  const auto strides = view_strides(a.shape(), a.strides(), shape);
  GL_CHECK(strides.has_value(),
           "view size is not compatible with input tensor's size and stride (at least one dimension "
           "spans across two contiguous subspaces). Use .reshape(...) instead.");
  return view_as_shape(a, shape, *strides, "ViewBackward0");
}

Tensor reshape(const Tensor& a, const Shape& requested) {
  const Shape shape = infer_size(requested, a.numel());
  // PyTorch's reshape is _reshape_alias whenever a view will do, so its node is named for that.
  if (auto strides = view_strides(a.shape(), a.strides(), shape))
    return view_as_shape(a, shape, *strides, "ReshapeAliasBackward0");
  // Else a copy, then PyTorch's _unsafe_view: the result shares the copy's memory but is not a
  // view of it (nothing else holds the copy), so an in-place op on it is an ordinary one.
  const Tensor copy = clone_contiguous(a);
  Tensor out = make_alias(copy, shape, contiguous_strides(shape), copy.offset());
  const Shape in_shape = a.shape();
  record("UnsafeViewBackward0", {out}, {copy}, {}, [in_shape](const BackwardContext& c) {
    return variable_list{reshape(c.grad(), in_shape)};
  });
  return out;
}

Tensor flatten(const Tensor& a, int64_t start_dim, int64_t end_dim) {
  const int64_t s = wrap_dim(start_dim, a.dim()), e = wrap_dim(end_dim, a.dim());
  if (a.dim() == 0) return reshape(a, {1});
  GL_CHECK(s <= e, "flatten() has invalid args: start_dim cannot come after end_dim");
  if (s == e) return a;
  Shape shape(a.shape().begin(), a.shape().begin() + s);
  int64_t merged = 1;
  for (int64_t d = s; d <= e; ++d) merged *= a.shape()[d];
  shape.push_back(merged);
  shape.insert(shape.end(), a.shape().begin() + e + 1, a.shape().end());
  return reshape(a, shape);
}

Tensor transpose(const Tensor& a, int64_t d0, int64_t d1) {
  const int64_t n = a.dim();
  d0 = wrap_dim(d0, n);
  d1 = wrap_dim(d1, n);
  Shape shape = a.shape(), strides = a.strides();
  if (n > 0) {
    std::swap(shape[d0], shape[d1]);
    std::swap(strides[d0], strides[d1]);
  }
  Tensor out = make_view(a, shape, strides, a.offset());
  // d transpose(a) = grad transposed back
  record("TransposeBackward0", {out}, {a}, {}, [d0, d1](const BackwardContext& c) {
    return variable_list{transpose(c.grad(), d0, d1)};
  });
  return out;
}

Tensor t(const Tensor& a) {
  GL_CHECK(a.dim() <= 2, "t() expects a tensor with <= 2 dimensions, but self is ", a.dim(), "D");
  if (a.dim() < 2) {
    Tensor out = make_view(a, a.shape(), a.strides(), a.offset());
    record("TBackward0", {out}, {a}, {}, [](const BackwardContext& c) { return variable_list{c.grad()}; });
    return out;
  }
  Tensor out = make_view(a, {a.shape()[1], a.shape()[0]}, {a.strides()[1], a.strides()[0]}, a.offset());
  // d a^T = grad^T
  record("TBackward0", {out}, {a}, {}, [](const BackwardContext& c) { return variable_list{t(c.grad())}; });
  return out;
}

Tensor permute(const Tensor& a, const std::vector<int64_t>& dims) {
  const int64_t n = a.dim();
  GL_CHECK(static_cast<int64_t>(dims.size()) == n,
           "permute(sparse_coo): number of dimensions in the tensor input does not match the length "
           "of the desired ordering of dimensions i.e. input.dim() = ", n, " is not equal to len(dims) = ",
           dims.size());
  Shape shape(n), strides(n);
  std::vector<int64_t> inverse(n);
  std::vector<bool> seen(n, false);
  for (int64_t i = 0; i < n; ++i) {
    const int64_t d = wrap_dim(dims[i], n);
    GL_CHECK(!seen[d], "permute(): duplicate dims are not allowed.");
    seen[d] = true;
    shape[i] = a.shape()[d];
    strides[i] = a.strides()[d];
    inverse[d] = i;
  }
  Tensor out = make_view(a, shape, strides, a.offset());
  // d permute(a) = grad permuted by the inverse order
  record("PermuteBackward0", {out}, {a}, {}, [inverse](const BackwardContext& c) {
    return variable_list{permute(c.grad(), inverse)};
  });
  return out;
}

Tensor squeeze(const Tensor& a) {
  Shape shape, strides;
  for (int64_t d = 0; d < a.dim(); ++d)
    if (a.shape()[d] != 1) {
      shape.push_back(a.shape()[d]);
      strides.push_back(a.strides()[d]);
    }
  Tensor out = make_view(a, shape, strides, a.offset());
  const Shape in_shape = a.shape();
  // d squeeze(a) = grad with each size-1 dim unsqueezed back, one by one as PyTorch's
  // unsqueeze_to (UnsqueezeBackward0 under create_graph; the grad itself when none was 1)
  record("SqueezeBackward0", {out}, {a}, {}, [in_shape](const BackwardContext& c) {
    Tensor g = c.grad();
    for (size_t d = 0; d < in_shape.size(); ++d)
      if (in_shape[d] == 1) g = unsqueeze(g, static_cast<int64_t>(d));
    return variable_list{g};
  });
  return out;
}

Tensor squeeze(const Tensor& a, int64_t dim) {
  const int64_t d = wrap_dim(dim, a.dim());
  Shape shape = a.shape(), strides = a.strides();
  if (a.dim() > 0 && shape[d] == 1) {
    shape.erase(shape.begin() + d);
    strides.erase(strides.begin() + d);
  }
  Tensor out = make_view(a, shape, strides, a.offset());
  const Shape in_shape = a.shape();
  // d squeeze(a, dim) = grad unsqueezed at dim if that was 1, else the grad itself (live run
  // s100000-635: no ReshapeAliasBackward0 under create_graph)
  record("SqueezeBackward1", {out}, {a}, {}, [in_shape, d](const BackwardContext& c) {
    return variable_list{!in_shape.empty() && in_shape[d] == 1 ? unsqueeze(c.grad(), d) : c.grad()};
  });
  return out;
}

Tensor unsqueeze(const Tensor& a, int64_t dim) {
  const int64_t d = wrap_dim(dim, a.dim() + 1);
  Shape shape = a.shape(), strides = a.strides();
  const int64_t stride = d < a.dim() ? strides[d] * shape[d] : 1;
  shape.insert(shape.begin() + d, 1);
  strides.insert(strides.begin() + d, stride);
  Tensor out = make_view(a, shape, strides, a.offset());
  // d unsqueeze(a) = grad squeezed at the same dim
  record("UnsqueezeBackward0", {out}, {a}, {}, [d](const BackwardContext& c) {
    return variable_list{squeeze(c.grad(), d)};
  });
  return out;
}

// The negative sizes expand lets through meet PyTorch's element count, which
// multiplies them as unsigned 64-bit numbers and refuses an overflow (sticky:
// a later 0 does not undo it) or a product beyond int64. When a 0 comes first,
// PyTorch goes on to make a tensor with a negative size; Gradlab refuses that
// as PyTorch's factories do (README, "Differences from PyTorch").
namespace {
void check_expanded_numel(const Shape& shape) {
  uint64_t product = 1;
  bool overflow = false;
  for (int64_t s : shape) {
    const uint64_t u = static_cast<uint64_t>(s);
    if (product != 0 && u > std::numeric_limits<uint64_t>::max() / product) overflow = true;
    product *= u;
  }
  overflow = overflow || product > static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  GL_CHECK(!overflow, "numel: integer multiplication overflow");
  for (int64_t s : shape)
    GL_CHECK(s >= 0, "Trying to create tensor with negative dimension ", s, ": ", shape_str(shape));
}
}  // namespace

Tensor expand(const Tensor& a, const Shape& sizes) {
  const int64_t n = static_cast<int64_t>(sizes.size());
  GL_CHECK(n >= a.dim(), "expand(torch.FloatTensor{", shape_str(a.shape()), "}, size=", shape_str(sizes),
           "): the number of sizes provided (", n, ") must be greater or equal to the number of "
           "dimensions in the tensor (", a.dim(), ")");
  // PyTorch's inferExpandGeometry, right to left: a -1 keeps the existing size
  // (refused in a new leading dim, but a 0-d input's sizes are taken as given),
  // any other size must match or replace a 1. Other negative sizes pass here.
  Shape shape(n), strides(n);
  for (int64_t i = n - 1; i >= 0; --i) {
    const int64_t j = i - (n - a.dim());
    const int64_t have = j >= 0 ? a.shape()[j] : 1;
    int64_t want = sizes[i];
    if (want == -1 && a.dim() > 0) {
      GL_CHECK(j >= 0, "The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension ", i);
      want = have;
    }
    GL_CHECK(have == want || have == 1, "The expanded size of the tensor (", want,
             ") must match the existing size (", have, ") at non-singleton dimension ", i,
             ".  Target sizes: ", shape_str(sizes), ".  Tensor sizes: ", shape_str(a.shape()));
    shape[i] = want;
    strides[i] = (j >= 0 && have == want) ? a.strides()[j] : 0;
  }
  check_expanded_numel(shape);
  Tensor out = make_view(a, shape, strides, a.offset());
  // d expand(a) = grad summed over the expanded dims (FunctionNode's sum_to does it)
  record("ExpandBackward0", {out}, {a}, {}, [](const BackwardContext& c) { return variable_list{c.grad()}; });
  return out;
}

namespace {
Tensor clone_into(const Tensor& a, Tensor out) {
  kernels::copy_into(out, a);
  record("CloneBackward0", {out}, {a}, {}, [](const BackwardContext& c) { return variable_list{c.grad()}; });
  return out;
}
}  // namespace

// PyTorch's clone preserves the memory format: a transposed tensor's clone is transposed.
Tensor clone(const Tensor& a) { return clone_into(a, empty_preserving_layout(a, a.dtype())); }
Tensor clone_contiguous(const Tensor& a) { return clone_into(a, Tensor::empty(a.shape(), a.dtype())); }

Tensor contiguous(const Tensor& a) { return a.is_contiguous() ? a : clone_contiguous(a); }

Shape elementwise_strides(const Shape& sizes, const std::vector<const Tensor*>& operands) {
  bool same_shape = true, contiguous = true, dense = true;
  for (const Tensor* t : operands) {
    same_shape = same_shape && t->shape() == sizes;
    contiguous = contiguous && t->is_contiguous();
    dense = dense && t->is_non_overlapping_and_dense();
  }
  if (contiguous) return contiguous_strides(sizes);
  // TensorIterator's fast set-up: operands of one shape and one dense layout keep it.
  if (same_shape && dense) {
    bool equal = true;
    for (const Tensor* t : operands) equal = equal && t->strides() == operands.front()->strides();
    if (equal) return operands.front()->strides();
  }
  std::vector<Shape> strides;
  for (const Tensor* t : operands) strides.push_back(kernels::broadcast_strides(*t, sizes));
  return dense_strides(sizes, iteration_order(sizes, strides));
}

Tensor empty_preserving_layout(const Tensor& a, DType dtype) {
  Tensor out = Tensor::empty(a.shape(), dtype);
  out.impl()->strides = preserved_strides(a);
  return out;
}

Tensor to(const Tensor& a, DType dtype) {
  if (a.dtype() == dtype) return a;
  // A new tensor in the input's layout, as PyTorch's _to_copy: a cast of a.t() is still transposed.
  Tensor out = empty_preserving_layout(a, dtype);
  kernels::copy_into(out, a);
  // Differentiable between floating dtypes only; the cast back happens in FunctionNode.
  if (is_floating(dtype) && is_floating(a.dtype()))
    record("ToCopyBackward0", {out}, {a}, {}, [](const BackwardContext& c) { return variable_list{c.grad()}; });
  else
    propagate_flags({out}, {a});
  return out;
}

}  // namespace gradlab
