// Advanced indexing (index, index_put, nonzero). Both ops walk one plan of
// where the indexing result's elements live in self (IndexPlan, runs of
// contiguous elements where it can): index gathers from there, index_put
// writes (or adds) there. Each forward sits above its
// backward rule: index's gradient is index_put(accumulate) into zeros, and
// index_put's is the gradient with the written places zeroed (for self) and
// read back with index (for values).
#include "gradlab/ops/advanced_index.h"

#include <algorithm>
#include <cstring>
#include <type_traits>

#include "gradlab/autograd/record.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/indexing.h"
#include "gradlab/ops/movement.h"
#include "gradlab/ops/reduce.h"
#include "kernels/elementwise.h"
#include "kernels/loops.h"

namespace gradlab {

namespace {

// Where the elements of self[indices] live, counted in elements from self's first: the result
// is, in order, the dims before B (offsets `outer`), B (`b`) and the dims after it (`inner`,
// or a dense run of `run` elements when those dims are contiguous in self).
struct IndexPlan {
  Shape shape;
  std::vector<int64_t> outer, b, inner;
  int64_t run = 0;  // > 0: inner is one contiguous run of this many elements

  // f(result position, self offset, count): `count` elements in a row from there.
  template <typename F>
  void for_each_run(F f) const {
    int64_t at = 0;
    for (const int64_t o : outer)
      for (const int64_t x : b) {
        if (run > 0) {
          f(at, o + x, run);
          at += run;
        } else {
          for (const int64_t i : inner) f(at++, o + x + i, 1);
        }
      }
  }
};

// int64 index tensors, one per dim of self (undefined: the whole dim), masks turned into the
// coordinates of their true elements, each checked as PyTorch checks them.
std::vector<Tensor> expand_masks(const Tensor& self, const std::vector<Tensor>& indices) {
  std::vector<Tensor> out;
  for (const Tensor& index : indices) {
    if (!index.defined()) {
      out.push_back(Tensor());
      continue;
    }
    if (index.dtype() == DType::Bool) {
      const int64_t at = static_cast<int64_t>(out.size());
      GL_CHECK(at + index.dim() <= self.dim(), "too many indices for tensor of dimension ", self.dim());
      for (int64_t k = 0; k < index.dim(); ++k)
        GL_CHECK(index.shape()[k] == self.shape()[at + k], "The shape of the mask ", shape_str(index.shape()),
                 " at index ", k, " does not match the shape of the indexed tensor ", shape_str(self.shape()),
                 " at index ", at + k);
      const Tensor coords = nonzero(index);
      for (int64_t k = 0; k < index.dim(); ++k) out.push_back(select(coords, 1, k));
      continue;
    }
    GL_CHECK(index.dtype() == DType::Int64, "tensors used as indices must be long, byte or bool tensors");
    out.push_back(index);
  }
  GL_CHECK(static_cast<int64_t>(out.size()) <= self.dim(), "too many indices for tensor of dimension ", self.dim());
  return out;
}

// The index tensors' common shape, with PyTorch's message when there is none.
Shape broadcast_indices(const std::vector<Tensor>& indices) {
  Shape shape;
  bool ok = true;
  for (const Tensor& t : indices) {
    if (!t.defined()) continue;
    const size_t n = std::max(shape.size(), t.shape().size());
    Shape next(n, 1);
    for (size_t i = 0; i < n; ++i) {
      const int64_t a = i + shape.size() >= n ? shape[i + shape.size() - n] : 1;
      const int64_t b = i + t.shape().size() >= n ? t.shape()[i + t.shape().size() - n] : 1;
      ok = ok && (a == b || a == 1 || b == 1);
      next[i] = a == 1 ? b : a;
    }
    shape = next;
  }
  if (!ok) {
    std::string shapes;
    for (const Tensor& t : indices)
      if (t.defined()) shapes += (shapes.empty() ? "" : ", ") + shape_str(t.shape());
    fail("shape mismatch: indexing tensors could not be broadcast together with shapes ", shapes);
  }
  return shape;
}

IndexPlan plan_index(const Tensor& self, const std::vector<Tensor>& given) {
  const std::vector<Tensor> indices = expand_masks(self, given);
  const Shape b_shape = broadcast_indices(indices);
  int64_t b_numel = 1;
  for (const int64_t s : b_shape) b_numel *= s;
  // The offset each element of B adds, from every index tensor read as B's shape.
  std::vector<int64_t> b_offsets(static_cast<size_t>(b_numel), 0);
  std::vector<int64_t> indexed;
  // PyTorch checks as its kernel reads: first that no indexed dim has size 0 (with something to
  // index), then each element of B's indices in turn, across the index tensors (live run
  // s127005-17), and none at all when the result has no elements (another dim of size 0).
  int64_t rest = 1;
  for (int64_t d = 0; d < self.dim(); ++d)
    if (d >= static_cast<int64_t>(indices.size()) || !indices[static_cast<size_t>(d)].defined()) rest *= self.shape()[d];
  std::vector<Tensor> flat;
  for (size_t d = 0; d < indices.size(); ++d) {
    if (!indices[d].defined()) continue;
    indexed.push_back(static_cast<int64_t>(d));
    flat.push_back(kernels::copy_of(expand(indices[d].detach(), b_shape)));
    GL_CHECK(self.shape()[d] != 0 || b_numel == 0, "index is out of bounds for dimension with size 0");
  }
  for (int64_t i = 0; i < b_numel; ++i)
    for (size_t k = 0; k < indexed.size(); ++k) {
      const int64_t v = flat[k].data_ptr<int64_t>()[i];
      const int64_t size = self.shape()[indexed[k]];
      // PyTorch's message counts the index tensors, not self's dims (x[:, [9]] names dimension 0).
      GL_CHECK(rest == 0 || (v >= -size && v < size), "index ", v, " is out of bounds for dimension ", k,
               " with size ", size);
      b_offsets[static_cast<size_t>(i)] += (v < 0 ? v + size : v) * self.strides()[indexed[k]];
    }
  // B takes the indexed dims' place when they are adjacent, else it goes first (NumPy's rule).
  const bool adjacent = indexed.empty() || indexed.back() - indexed.front() + 1 == static_cast<int64_t>(indexed.size());
  const int64_t at = adjacent && !indexed.empty() ? indexed.front() : 0;
  Shape before, after;
  std::vector<int64_t> before_strides, after_strides;
  for (int64_t d = 0; d < self.dim(); ++d) {
    if (std::find(indexed.begin(), indexed.end(), d) != indexed.end()) continue;
    const bool first = adjacent && d < at;
    (first ? before : after).push_back(self.shape()[d]);
    (first ? before_strides : after_strides).push_back(self.strides()[d]);
  }
  IndexPlan plan;
  plan.shape = before;
  plan.shape.insert(plan.shape.end(), b_shape.begin(), b_shape.end());
  plan.shape.insert(plan.shape.end(), after.begin(), after.end());
  // Offsets in the result's order: the dims before B, B, the dims after it (last fastest).
  const auto offsets_of = [](const Shape& shape, const std::vector<int64_t>& strides) {
    std::vector<int64_t> out{0};
    for (size_t d = 0; d < shape.size(); ++d) {
      std::vector<int64_t> next;
      next.reserve(out.size() * static_cast<size_t>(shape[d]));
      for (const int64_t o : out)
        for (int64_t i = 0; i < shape[d]; ++i) next.push_back(o + i * strides[d]);
      out.swap(next);
    }
    return out;
  };
  plan.outer = offsets_of(before, before_strides);
  plan.b = std::move(b_offsets);
  // The dims after B read as one run when they are row-major contiguous in self.
  int64_t expected = 1, run = 1;
  for (size_t d = after.size(); d-- > 0;) {
    if (after[d] != 1 && after_strides[d] != expected) run = 0;
    expected *= after[d];
    run *= after[d];
  }
  plan.run = run;
  if (run == 0) plan.inner = offsets_of(after, after_strides);
  return plan;
}

// The defined index tensors, as a node saves them (PyTorch's IndexBackward0 and IndexPutBackward0
// save the indices, so a second backward through them is an error), and where each one goes.
struct SavedIndices {
  variable_list tensors;
  std::vector<bool> defined;

  explicit SavedIndices(const std::vector<Tensor>& indices) {
    for (const Tensor& t : indices) {
      defined.push_back(t.defined());
      if (t.defined()) tensors.push_back(t.detach());
    }
  }
  // The index list again from a node's saved tensors (from `first` on).
  std::vector<Tensor> unpack(const variable_list& saved, size_t first) const {
    std::vector<Tensor> out;
    for (const bool d : defined) out.push_back(d ? saved[first++] : Tensor());
    return out;
  }
};

// index_put under the node name it is recorded with: IndexPutBackward0 for the op, and
// IndexPutImplBackward0 inside IndexBackward0's formula, which PyTorch writes with
// _index_put_impl_ (live run s128003-173).
Tensor index_put_named(const Tensor& self, const std::vector<Tensor>& indices, const Tensor& values,
                       bool accumulate, const char* node);

}  // namespace

Tensor index_tensors(const Tensor& self, const std::vector<Tensor>& indices) {
  // A 0-d mask indexes a new dim of size 1 there, as PyTorch (x[x > 0] on a 0-d x is [0] or [1]).
  for (size_t d = 0; d < indices.size(); ++d)
    if (indices[d].defined() && indices[d].dtype() == DType::Bool && indices[d].dim() == 0) {
      std::vector<Tensor> lifted = indices;
      lifted[d] = reshape(indices[d], {1});
      return index_tensors(unsqueeze(self, static_cast<int64_t>(d)), lifted);
    }
  const IndexPlan plan = plan_index(self, indices);
  Tensor out = Tensor::empty(plan.shape, self.dtype());
  const int64_t size = static_cast<int64_t>(itemsize(self.dtype()));
  const char* src = static_cast<const char*>(self.raw_ptr());
  char* dst = static_cast<char*>(out.raw_ptr());
  plan.for_each_run([&](int64_t at, int64_t from, int64_t n) {
    std::memcpy(dst + at * size, src + from * size, static_cast<size_t>(n * size));
  });
  // d self[indices] = grad added back at the indexed places (repeated places add up)
  const Shape shape = self.shape();
  const SavedIndices saved(indices);
  record("IndexBackward0", {out}, {self}, saved.tensors, [shape, saved](const BackwardContext& c) {
    return variable_list{
        index_put_named(zeros(shape, c.grad().dtype()), saved.unpack(c.saved, 0), c.grad(), true, "IndexPutImplBackward0")};
  });
  return out;
}

Tensor index_put(const Tensor& self, const std::vector<Tensor>& indices, const Tensor& values, bool accumulate) {
  return index_put_named(self, indices, values, accumulate, "IndexPutBackward0");
}

namespace {

Tensor index_put_named(const Tensor& self, const std::vector<Tensor>& indices, const Tensor& values,
                       bool accumulate, const char* node) {
  GL_CHECK(values.dtype() == self.dtype(), "Index put requires the source and destination dtypes match, got ",
           scalar_type_name(self.dtype()), " for the destination and ", scalar_type_name(values.dtype()),
           " for the source.");
  // A copy in self's layout, as PyTorch's clone(preserve_format).
  Tensor out = empty_preserving_layout(self, self.dtype());
  kernels::copy_into(out, self);
  const IndexPlan plan = plan_index(out, indices);
  bool fits = values.dim() <= static_cast<int64_t>(plan.shape.size());
  for (int64_t d = 1; fits && d <= values.dim(); ++d) {
    const int64_t v = values.shape()[values.dim() - d], p = plan.shape[plan.shape.size() - d];
    fits = v == 1 || v == p;
  }
  GL_CHECK(fits,
           "shape mismatch: value tensor of shape ", shape_str(values.shape()),
           " cannot be broadcast to indexing result of shape ", shape_str(plan.shape));
  const Tensor v = contiguous(expand(values.detach(), plan.shape));
  GL_DISPATCH_ALL(self.dtype(), T, {
    T* dst = out.data_ptr<T>();
    const T* src = v.data_ptr<T>();
    plan.for_each_run([&](int64_t at, int64_t to, int64_t n) {
      for (int64_t k = 0; k < n; ++k) {
        if (accumulate)  // bools add as logical or, as PyTorch's
          dst[to + k] = std::is_same_v<T, kernels::bool_t> ? static_cast<T>(dst[to + k] || src[at + k])
                                                            : static_cast<T>(dst[to + k] + src[at + k]);
        else dst[to + k] = src[at + k];
      }
    });
  });
  // d self = grad with the written places zeroed (all of grad when adding);
  // d values = grad read back at those places, summed to values' shape
  const SavedIndices saved(indices);
  const Shape values_shape = values.shape();
  record(node, {out}, {self, values}, saved.tensors,
         [saved, accumulate, values_shape](const BackwardContext& c) {
    const Tensor& g = c.grad();
    const std::vector<Tensor> at = saved.unpack(c.saved, 0);
    const Tensor self_grad = accumulate ? g : index_put(g, at, zeros(values_shape, g.dtype()), false);
    return variable_list{self_grad, sum_to(index_tensors(g, at), values_shape)};
  });
  return out;
}

}  // namespace

Tensor nonzero(const Tensor& self) {
  // Values read outside autograd: nonzero of a no_grad view whose base changed in place works in
  // PyTorch (live run s125003-121).
  const Tensor flat = kernels::copy_of(self);
  const int64_t nd = self.dim();
  std::vector<int64_t> coords;
  int64_t count = 0;
  Shape at(static_cast<size_t>(nd), 0);
  GL_DISPATCH_ALL(self.dtype(), T, {
    const T* p = flat.data_ptr<T>();
    for (int64_t i = 0; i < flat.numel(); ++i) {
      if (p[i] != T(0)) {
        coords.insert(coords.end(), at.begin(), at.end());
        ++count;
      }
      for (int64_t d = nd - 1; d >= 0 && ++at[d] == self.shape()[d]; --d) at[d] = 0;
    }
  });
  // PyTorch's result is column-major (strides (1, n)), so a view() of it can fail as there.
  Tensor out = Tensor::empty({count, nd}, DType::Int64);
  out.impl()->strides = {1, count};
  int64_t* p = out.data_ptr<int64_t>();
  for (int64_t i = 0; i < count; ++i)
    for (int64_t d = 0; d < nd; ++d) p[d * count + i] = coords[static_cast<size_t>(i * nd + d)];
  return out;
}

}  // namespace gradlab
