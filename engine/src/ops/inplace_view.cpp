// In-place ops on views. y.narrow(0, 0, 1).mul_(2) changes y's elements, so
// y's gradient must go through the multiplication too: PyTorch records that
// as a CopySlices node on the base. Both nodes here work on the view's
// geometry, turned into the flat index of the base element behind each view
// element; with index_select / index_add their backward is itself
// differentiable. Recording costs O(view size): only the backward touches
// every element of the base, as the base's gradient must.
#include "ops/inplace_view.h"

#include <algorithm>
#include <string>
#include <vector>

#include "gradlab/autograd/grad_mode.h"
#include "gradlab/autograd/record.h"
#include "gradlab/error.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/indexing.h"
#include "gradlab/ops/movement.h"
#include "kernels/loops.h"

namespace gradlab {

namespace {

// For each element of `view` (row-major), the row-major index of the base
// element stored at the same place. A storage position is split along the
// base's dims, largest stride first, which is exact for the non-overlapping
// layouts views are cut from.
Tensor base_indices(const Tensor& base, const Tensor& view) {
  std::vector<int64_t> order;
  for (int64_t d = 0; d < base.dim(); ++d)
    if (base.shape()[d] > 1 && base.strides()[d] > 0) order.push_back(d);
  std::stable_sort(order.begin(), order.end(),
                   [&](int64_t a, int64_t b) { return base.strides()[a] > base.strides()[b]; });
  const Shape flat_strides = contiguous_strides(base.shape());

  Tensor idx = Tensor::empty({view.numel()}, DType::Int64);
  int64_t* out = idx.data_ptr<int64_t>();
  const Shape& shape = view.shape();
  const Shape& strides = view.strides();
  std::vector<int64_t> counter(shape.size(), 0);
  int64_t pos = view.offset();
  for (int64_t n = 0; n < view.numel(); ++n) {
    int64_t rest = pos - base.offset(), flat = 0;
    for (int64_t d : order) {
      const int64_t i = rest > 0 ? std::min(rest / base.strides()[d], base.shape()[d] - 1) : 0;
      rest -= i * base.strides()[d];
      flat += i * flat_strides[d];
    }
    GL_CHECK(rest == 0, "in-place operation on a view whose elements are not all in its base");
    out[n] = flat;
    for (int64_t d = static_cast<int64_t>(shape.size()) - 1; d >= 0; --d) {
      if (++counter[d] < shape[d]) {
        pos += strides[d];
        break;
      }
      pos -= (shape[d] - 1) * strides[d];
      counter[d] = 0;
    }
  }
  return idx;
}

// The view as a window on the base's current history.
void record_as_strided(const Tensor& view, const Tensor& base, const Tensor& idx) {
  const Shape base_shape = base.shape();
  record("AsStridedBackward0", {view}, {base}, {}, [=](const BackwardContext& c) {
    const Tensor flat = reshape(c.grad(), {-1});
    return variable_list{reshape(index_add(zeros({numel_of(base_shape)}, flat.dtype()), 0, idx, flat), base_shape)};
  });
  view.impl()->view_version = view.version();
}

// 1 where the base kept its old value, 0 where the view wrote: a constant, so
// multiplying by it stays differentiable in the gradient.
Tensor outside_view(const Shape& base_shape, DType dtype, const Tensor& idx) {
  Tensor keep = ones(base_shape, dtype);
  const int64_t* i = idx.data_ptr<int64_t>();
  GL_DISPATCH_FLOAT(dtype, T, {
    T* p = keep.data_ptr<T>();
    for (int64_t k = 0; k < idx.numel(); ++k) p[i[k]] = T(0);
  });
  return keep;
}

}  // namespace

void rebase_view_history(const Tensor& view, const Tensor& base, const Tensor& result) {
  const Tensor idx = base_indices(base, view);
  const Shape base_shape = base.shape(), view_shape = view.shape();
  // The base's gradient is the incoming one with the view's region replaced by
  // what the op sends back through it: d new_base / d old_base = grad outside
  // the view; d new_base / d result = grad inside it.
  // The view's indices are saved (no user can change them in place): like PyTorch's
  // CopySlices, whose release_variables() drops its fn, a second backward through
  // it without retain_graph raises "Trying to backward through the graph a second time".
  // PyTorch's CopySlices writes the op's gradient for the old view back through the view's
  // geometry (copy_ into grad.as_strided(view)): an expanded view there is a written-to tensor
  // with overlap, refused when the base's old history needs a gradient (live runs s122054-849,
  // s122067-28).
  // An empty view writes nothing, so nothing overlaps (live run s128007-362).
  bool overlapping = false;
  for (int64_t d = 0; d < view.dim(); ++d) overlapping = overlapping || (view.strides()[d] == 0 && view.shape()[d] > 1);
  overlapping = overlapping && view.numel() > 0;
  record("CopySlices", {base}, {history_alias(base), result}, {idx},
         [base_shape, view_shape, overlapping](const BackwardContext& c) {
    GL_CHECK(!(overlapping && c.needs(0)),
             "unsupported operation: more than one element of the written-to tensor refers to a single memory "
             "location. Please clone() the tensor before performing the operation.");
    const Tensor& g = c.grad();
    const Tensor& idx = c.saved[0];
    return variable_list{c.needs(0) ? mul(g, outside_view(base_shape, g.dtype(), idx)) : Tensor(),
                         reshape(index_select(reshape(g, {-1}), 0, idx), view_shape)};
  });
  record_as_strided(view, base, idx);
}

void Tensor::refresh_view_history() const {
  GL_CHECK(!impl_->view_from_no_grad,
           "A view was created in no_grad mode and its base or another view of its base has been modified inplace "
           "with grad mode enabled. Given that this use case is ambiguous and error-prone, it is forbidden. You can "
           "clarify your code by moving both the view and the inplace either both inside the no_grad block (if you "
           "don't want the inplace to be tracked) or both outside (if you want the inplace to be tracked).");
  // An output of split/chunk cannot follow its base's in-place change either: PyTorch raises
  // on every read of its history, naming the node the view holds (live runs s98001-226, s98005-981).
  if (impl_->view_of_multi_output) {
    const std::string who = impl_->grad_fn ? "Output " + std::to_string(impl_->output_nr) + " of " +
                                                 impl_->grad_fn->name() + " is a view and"
                                           : "A view was created in no_grad mode and";
    fail(who, " its base or another view of its base has been modified inplace",
         impl_->grad_fn ? "." : " with grad mode enabled.",
         " This view is the output of a function that returns multiple views. Such functions do not allow the "
         "output views to be modified inplace. You should replace the inplace operation by an out-of-place one.");
  }
  impl_->view_version = version();
  const Tensor base(impl_->view_base);
  if (!base.requires_grad()) {
    // A view that had a history gets the new one even when its base no longer needs a gradient
    // (detached in place since): PyTorch's AsStridedBackward0 then has no next edge, and the
    // gradient stops there (live run s122025-376).
    if (impl_->grad_fn) {
      auto node = std::make_shared<FunctionNode>("AsStridedBackward0", [](const BackwardContext&) {
        return variable_list{Tensor()};
      }, 1);
      node->add_input(base);
      impl_->grad_fn = node;
      impl_->output_nr = 0;
    }
    return;
  }
  AutoGradMode enable(true);  // grad_fn() may be read under no_grad
  record_as_strided(*this, base, base_indices(base, *this));
}

}  // namespace gradlab
