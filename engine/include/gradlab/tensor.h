// Tensor: a handle to shared storage viewed through shape, strides and offset,
// plus the autograd metadata PyTorch keeps on a Variable (requires_grad, grad,
// grad_fn, hooks) and the tutorial's legacy flags (volatile, 0.3 printing).
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "gradlab/dtype.h"
#include "gradlab/shape.h"

namespace gradlab {

class Node;
class Tensor;
using variable_list = std::vector<Tensor>;

// A flat buffer. Views, detach() and .data share it.
struct Storage {
  explicit Storage(size_t nbytes);
  ~Storage();
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;
  void* data = nullptr;
  size_t nbytes = 0;

 private:
  // A tensor of a few elements (a scalar, above all) keeps its bytes here:
  // tight loops of tiny ops then make one heap allocation fewer per result.
  // Aligned as malloc aligns (enough for every dtype): a stricter alignas
  // made every storage an aligned allocation in wasm, whose malloc aligns to 8.
  alignas(std::max_align_t) unsigned char inline_bytes_[16];
};

// Bumped by every in-place op; shared by a tensor, its views and detach(),
// but not by .data (as in PyTorch, where .data hides changes from autograd).
struct VersionCounter {
  uint32_t version = 0;
};

using TensorHook = std::function<Tensor(const Tensor&)>;

// PyTorch 0.3 objects the tutorial uses: torch.FloatTensor(...) makes a Tensor,
// Variable(...) a Variable; results take the "largest" kind of their inputs.
// They only change printing ("Variable containing:" and the size footer).
enum class Legacy : uint8_t { None = 0, Tensor = 1, Variable = 2 };

// Live engine storage, for torch.memory() and leak tests.
struct MemoryStats {
  int64_t storages = 0;
  int64_t bytes = 0;
};
MemoryStats memory_stats();  // may return an undefined Tensor (keep grad)

struct TensorImpl {
  // Declared (and defined in tensor.cpp) so that make_shared's value
  // initialisation runs the member initialisers only, without first zeroing
  // the whole object as it does for an implicit constructor.
  TensorImpl();
  TensorImpl(const TensorImpl&) = default;
  ~TensorImpl();  // releases grad_fn without recursion (see release_node)
  std::shared_ptr<Storage> storage;
  std::shared_ptr<VersionCounter> version;
  Shape shape;
  Shape strides;
  int64_t offset = 0;
  DType dtype = DType::Float32;

  // Autograd metadata.
  bool requires_grad = false;       // meaningful for leaves; non-leaves require grad iff grad_fn
  bool retains_grad = false;
  bool is_volatile = false;
  Legacy legacy = Legacy::None;     // made by Variable/FloatTensor: prints in PyTorch 0.3's format
  bool is_wrapped_number = false;   // a plain JS number turned into a 0-d tensor (type promotion)
  std::shared_ptr<Node> grad_fn;
  uint32_t output_nr = 0;
  std::weak_ptr<Node> grad_accumulator;
  std::shared_ptr<TensorImpl> grad;  // may be null
  std::vector<std::pair<int, TensorHook>> hooks;  // hooks of a leaf (non-leaf hooks live on grad_fn)
  // For a view: the tensor whose elements it shows (the first non-view in a
  // chain of views), so an in-place op on the view can rebase that tensor's
  // history. Strong, as PyTorch's view metadata: the answer must not depend on
  // when the base's last other handle goes. No cycle: a base never points to
  // its views. The view's own shape, strides and offset are its geometry in
  // the base's storage.
  std::shared_ptr<TensorImpl> view_base;
  // Made while grad mode was off (or from such a view): PyTorch forbids
  // tracking an in-place change through it, since whether it should be is ambiguous.
  bool view_from_no_grad = false;
  // One of several views an op returned together (split, chunk), or a view of
  // one: PyTorch refuses tracked in-place changes through it, since its
  // node's other outputs could not follow them.
  bool view_of_multi_output = false;
  // The version the view's grad_fn was made at. An in-place change through
  // the base or another view bumps the shared counter; grad_fn() then rebuilds
  // the view's history from the base's (as PyTorch does on access).
  uint32_t view_version = 0;
};

class Tensor {
 public:
  Tensor() = default;
  explicit Tensor(std::shared_ptr<TensorImpl> impl) : impl_(std::move(impl)) {}

  // A new contiguous tensor with uninitialised memory.
  static Tensor empty(const Shape& shape, DType dtype = DType::Float32);

  bool defined() const { return impl_ != nullptr; }
  TensorImpl* impl() const { return impl_.get(); }
  const std::shared_ptr<TensorImpl>& impl_ptr() const { return impl_; }

  const Shape& shape() const { return impl_->shape; }
  const Shape& strides() const { return impl_->strides; }
  int64_t offset() const { return impl_->offset; }
  DType dtype() const { return impl_->dtype; }
  int64_t dim() const { return static_cast<int64_t>(impl_->shape.size()); }
  int64_t numel() const { return numel_of(impl_->shape); }
  int64_t size(int64_t d) const;
  bool is_contiguous() const;
  // Every element at its own place with no gaps, in some order of the dims.
  bool is_non_overlapping_and_dense() const;
  bool is_same(const Tensor& o) const { return impl_ == o.impl_; }

  // Pointer to the first element (storage + offset).
  template <typename T>
  T* data_ptr() const {
    return static_cast<T*>(impl_->storage->data) + impl_->offset;
  }
  void* raw_ptr() const {
    return static_cast<char*>(impl_->storage->data) + impl_->offset * itemsize(impl_->dtype);
  }
  // Reads one element as double (for scalars, printing and tests).
  double item() const;

  // Autograd.
  // A view also requires grad when its base does (even before it has a grad_fn of its own).
  bool requires_grad() const {
    const TensorImpl* base = impl_->view_base.get();
    return impl_->requires_grad || impl_->grad_fn != nullptr ||
           (base != nullptr && (base->requires_grad || base->grad_fn != nullptr));
  }
  Tensor& set_requires_grad(bool value);  // leaves only, floating dtypes only
  bool is_leaf() const { return grad_fn() == nullptr; }
  const std::shared_ptr<Node>& grad_fn() const {
    refresh_view();
    return impl_->grad_fn;
  }
  Tensor grad() const { return Tensor(impl_->grad); }
  void set_grad(const Tensor& g);
  void retain_grad();
  bool is_volatile() const { return impl_->is_volatile; }
  void set_volatile(bool v) const { impl_->is_volatile = v; }
  Legacy legacy() const { return impl_->legacy; }
  void set_legacy(Legacy v) const { impl_->legacy = v; }
  uint32_t version() const { return impl_->version->version; }
  void bump_version() const { ++impl_->version->version; }

  // Shares storage; no autograd history. detach() shares the version counter, data() does not.
  Tensor detach() const;
  Tensor data() const;
  void detach_();

  // The edge through which a gradient reaches this tensor (grad_fn or the leaf's accumulator).
  struct EdgeRef {
    std::shared_ptr<Node> fn;
    uint32_t input_nr = 0;
  };
  EdgeRef gradient_edge() const;

  // Hooks: called with the gradient; a defined return value replaces it. Returns an id for removal.
  int register_hook(TensorHook hook);
  void remove_hook(int id);

 private:
  // A view whose base changed in place since its grad_fn was made gets a new
  // one; so does a view without history whose base has gained some.
  void refresh_view() const {
    const TensorImpl* base = impl_->view_base.get();
    if (base && impl_->version->version != impl_->view_version &&
        (impl_->grad_fn || base->grad_fn || base->requires_grad))
      refresh_view_history();
  }
  void refresh_view_history() const;  // in ops/inplace_view.cpp

  std::shared_ptr<TensorImpl> impl_;
};

// A second handle on t's elements (same storage, version counter, geometry)
// and on its place in the graph (grad_fn, output_nr, requires_grad), without
// t's grad, hooks, retain_grad or view link: what autograd keeps of a tensor
// without keeping the tensor itself.
Tensor history_alias(const Tensor& t);

// A view of `base`'s storage with new geometry, linked to base's base for
// in-place autograd (PyTorch's views); autograd metadata is the caller's job.
Tensor make_view(const Tensor& base, Shape shape, Shape strides, int64_t offset);

// The same storage with new geometry and no view link: a kernel's
// reinterpretation of a buffer, or an op's result that PyTorch does not treat as a view.
Tensor make_alias(const Tensor& t, Shape shape, Shape strides, int64_t offset);

}  // namespace gradlab
