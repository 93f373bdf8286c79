// In-place ops on views. y.narrow(0, 0, 1).mul_(2) changes y's elements, so
// y's gradient must go through the multiplication too: PyTorch records that
// as a CopySlices node on the base. Both nodes here work on flat indices of
// the base (which element of the base each view element is), with
// index_select / index_add, so their backward is itself differentiable.
#include "ops/inplace_view.h"

#include <algorithm>
#include <vector>

#include "gradlab/autograd/grad_mode.h"
#include "gradlab/autograd/record.h"
#include "gradlab/error.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/indexing.h"
#include "gradlab/ops/movement.h"

namespace gradlab {

namespace {

// Storage position of every element of t, in row-major order.
std::vector<int64_t> storage_positions(const Tensor& t) {
  std::vector<int64_t> out;
  out.reserve(static_cast<size_t>(t.numel()));
  if (t.numel() == 0) return out;
  const Shape& shape = t.shape();
  const Shape& strides = t.strides();
  std::vector<int64_t> index(shape.size(), 0);
  int64_t pos = t.offset();
  for (int64_t n = 0; n < t.numel(); ++n) {
    out.push_back(pos);
    for (int64_t d = static_cast<int64_t>(shape.size()) - 1; d >= 0; --d) {
      if (++index[d] < shape[d]) {
        pos += strides[d];
        break;
      }
      pos -= (shape[d] - 1) * strides[d];
      index[d] = 0;
    }
  }
  return out;
}

// For each element of view (row-major), the flat index of the base element
// stored at the same place.
std::vector<int64_t> base_indices(const Tensor& base, const Tensor& view) {
  const auto base_pos = storage_positions(base);
  const auto view_pos = storage_positions(view);
  std::vector<int64_t> idx;
  idx.reserve(view_pos.size());
  if (base_pos.empty()) return idx;
  const auto [lo, hi] = std::minmax_element(base_pos.begin(), base_pos.end());
  std::vector<int64_t> where(static_cast<size_t>(*hi - *lo + 1), -1);
  for (size_t i = 0; i < base_pos.size(); ++i) where[base_pos[i] - *lo] = static_cast<int64_t>(i);
  for (int64_t p : view_pos) {
    const int64_t k = p >= *lo && p <= *hi ? where[p - *lo] : -1;
    GL_CHECK(k >= 0, "in-place operation on a view whose elements are not all in its base");
    idx.push_back(k);
  }
  return idx;
}

// The view as a window on the base's current history.
void record_as_strided(const Tensor& view, const Tensor& base, const Tensor& idx) {
  const Shape base_shape = base.shape();
  const int64_t base_numel = base.numel();
  record("AsStridedBackward0", {view}, {base}, {}, [=](const BackwardContext& c) {
    const Tensor flat = reshape(c.grad(), {-1});
    return variable_list{reshape(index_add(zeros({base_numel}, flat.dtype()), 0, idx, flat), base_shape)};
  });
  view.impl()->view_version = view.version();
}

Tensor as_index_tensor(const std::vector<int64_t>& positions) {
  std::vector<double> flat(positions.begin(), positions.end());
  return from_values(flat, {static_cast<int64_t>(flat.size())}, DType::Int64);
}

}  // namespace

void rebase_view_history(const Tensor& view, const std::shared_ptr<TensorImpl>& base_impl, const Tensor& result) {
  const Tensor base(base_impl);
  const std::vector<int64_t> positions = base_indices(base, view);
  const Shape base_shape = base.shape(), view_shape = view.shape();
  // 1 where the base keeps its old value, 0 where the view wrote.
  std::vector<double> keep(static_cast<size_t>(base.numel()), 1.0);
  for (int64_t k : positions) keep[k] = 0.0;
  const Tensor keep_old = from_values(keep, base_shape, base.dtype());
  const Tensor idx = as_index_tensor(positions);

  // d new_base / d old_base = grad outside the view; d new_base / d result = grad inside it.
  record("CopySlices", {base}, {history_alias(base), result}, {}, [=](const BackwardContext& c) {
    const Tensor& g = c.grad();
    return variable_list{mul(g, keep_old), reshape(index_select(reshape(g, {-1}), 0, idx), view_shape)};
  });
  record_as_strided(view, base, idx);
}

void Tensor::refresh_view_history() const {
  impl_->view_version = version();
  const auto base = impl_->view_base.lock();
  if (!base || !(base->grad_fn || base->requires_grad)) return;
  AutoGradMode enable(true);  // grad_fn() may be read under no_grad
  const Tensor base_tensor(base);
  record_as_strided(*this, base_tensor, as_index_tensor(base_indices(base_tensor, *this)));
}

}  // namespace gradlab
