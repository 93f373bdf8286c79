#include "gradlab/tensor.h"

#include <cstdlib>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <limits>

#include "gradlab/autograd/grad_mode.h"
#include "gradlab/autograd/node.h"
#include "gradlab/error.h"
#include "kernels/loops.h"
#include "pooled.h"

namespace gradlab {

namespace {
// Beyond this a request is certainly a mistake (and size_t is 32 bits in wasm32):
// refuse before asking the allocator.
constexpr uint64_t kMaxBytes = std::min<uint64_t>(uint64_t(1) << 40, std::numeric_limits<size_t>::max());

[[noreturn]] void out_of_memory(double bytes) {
  // PyTorch's allocator message, so users recognise an out-of-memory request.
  // Printed from the double so a size past 2^64 still shows as a number.
  char text[64];
  std::snprintf(text, sizeof text, "%.0f", bytes);
  fail("DefaultCPUAllocator: not enough memory: you tried to allocate ", text, " bytes.");
}
}  // namespace

namespace {
MemoryStats live;
}  // namespace

MemoryStats memory_stats() { return live; }

Storage::Storage(size_t n) : nbytes(n) {
  if (n > kMaxBytes) out_of_memory(static_cast<double>(n));
  data = n <= sizeof(inline_bytes_) ? static_cast<void*>(inline_bytes_) : std::malloc(n);
  if (data == nullptr) out_of_memory(static_cast<double>(n));
  live.storages += 1;
  live.bytes += static_cast<int64_t>(n);
}

Storage::~Storage() {
  if (data != inline_bytes_) std::free(data);
  live.storages -= 1;
  live.bytes -= static_cast<int64_t>(nbytes);
}

TensorImpl::TensorImpl() = default;
TensorImpl::~TensorImpl() { release_node(std::move(grad_fn)); }

Tensor Tensor::empty(const Shape& shape, DType dtype) {
  const size_t isz = itemsize(dtype);
  int64_t n = 1;
  // A 0-d tensor (every result of a scalar op) has nothing to check and no
  // sizes or strides to store.
  if (!shape.empty()) {
    for (int64_t s : shape)
      GL_CHECK(s >= 0, "Trying to create tensor with negative dimension ", s, ": ", shape_str(shape));
    // Sizes multiply in double first: a product of huge dims must not wrap around.
    double count = 1;
    for (int64_t s : shape) count *= static_cast<double>(s);
    if (count * static_cast<double>(isz) > static_cast<double>(kMaxBytes)) out_of_memory(count * static_cast<double>(isz));
    n = numel_of(shape);
  }
  // Storage and version counter start out shared by the same tensors, so one
  // allocation holds both (.data later gives its tensor a counter of its own).
  struct StorageBlock {
    explicit StorageBlock(size_t nbytes) : storage(nbytes) {}
    Storage storage;
    VersionCounter version;
  };
  auto block = pooled::make_shared<StorageBlock>(static_cast<size_t>(n) * isz);
  auto impl = pooled::make_shared<TensorImpl>();
  impl->storage = std::shared_ptr<Storage>(block, &block->storage);
  impl->version = std::shared_ptr<VersionCounter>(block, &block->version);
  if (!shape.empty()) {
    impl->shape = shape;
    impl->strides = contiguous_strides(shape);
  }
  impl->dtype = dtype;
  return Tensor(std::move(impl));
}

int64_t Tensor::size(int64_t d) const { return impl_->shape[wrap_dim(d, dim())]; }

bool Tensor::is_contiguous() const {
  int64_t expected = 1;
  for (int64_t i = dim() - 1; i >= 0; --i) {
    const int64_t s = impl_->shape[i];
    if (s == 1) continue;
    if (s == 0) return true;
    if (impl_->strides[i] != expected) return false;
    expected *= s;
  }
  return true;
}

bool Tensor::is_non_overlapping_and_dense() const {
  std::vector<std::pair<int64_t, int64_t>> dims;  // (stride, size) of the dims that move
  for (int64_t d = 0; d < dim(); ++d)
    if (impl_->shape[d] != 1) dims.emplace_back(impl_->strides[d], impl_->shape[d]);
  std::sort(dims.begin(), dims.end());
  int64_t expected = 1;
  for (const auto& [stride, size] : dims) {
    if (size == 0) return true;
    if (stride != expected) return false;
    expected *= size;
  }
  return true;
}

double Tensor::item() const {
  GL_CHECK(numel() == 1, "a Tensor with ", numel(), " elements cannot be converted to Scalar");
  double v = 0;
  GL_DISPATCH_ALL(dtype(), T, v = static_cast<double>(*data_ptr<T>()));
  return v;
}

Tensor& Tensor::set_requires_grad(bool value) {
  if (!is_leaf()) {
    GL_CHECK(value,
             "you can only change requires_grad flags of leaf variables. If you want to use a "
             "computed variable in a subgraph that doesn't require differentiation use "
             "var_no_grad = var.detach().");
    return *this;
  }
  GL_CHECK(!value || is_floating(dtype()),
           "only Tensors of floating point and complex dtype can require gradients");
  impl_->requires_grad = value;
  return *this;
}

void Tensor::set_grad(const Tensor& g) {
  if (g.defined()) {
    GL_CHECK(g.dtype() == dtype(), "assigned grad has data of a different type");
    GL_CHECK(g.shape() == shape(), "assigned grad has data of a different size");
  }
  impl_->grad = g.impl_ptr();
}

void Tensor::retain_grad() {
  GL_CHECK(requires_grad(), "can't retain_grad on Tensor that has requires_grad=False");
  if (is_leaf() || impl_->retains_grad) return;
  impl_->retains_grad = true;
  impl_->grad_fn->retains_grad.emplace_back(impl_->output_nr, impl_);
}

static std::shared_ptr<TensorImpl> shallow_copy(const TensorImpl& src) {
  auto impl = pooled::make_shared<TensorImpl>();
  impl->storage = src.storage;
  impl->version = src.version;
  impl->shape = src.shape;
  impl->strides = src.strides;
  impl->offset = src.offset;
  impl->dtype = src.dtype;
  impl->legacy = src.legacy;
  return impl;
}

Tensor Tensor::detach() const { return Tensor(shallow_copy(*impl_)); }

Tensor Tensor::data() const {
  auto impl = shallow_copy(*impl_);
  impl->version = std::make_shared<VersionCounter>();
  // In 0.3, a Variable's .data is a plain tensor.
  if (impl->legacy == Legacy::Variable) impl->legacy = Legacy::Tensor;
  return Tensor(std::move(impl));
}

void Tensor::detach_() {
  // A view's history is tied to its base's; cutting it alone would make the two disagree.
  GL_CHECK(!impl_->view_base,
           "Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel (DDP) for "
           "training, and gradient_as_bucket_view is set as True, gradients are views of DDP buckets, and hence "
           "detach_() cannot be called on these gradients. To fix this error, please refer to the "
           "Optimizer.zero_grad() function in torch/optim/optimizer.py as the solution.");
  impl_->grad_fn.reset();
  impl_->output_nr = 0;
  impl_->requires_grad = false;
}

Tensor::EdgeRef Tensor::gradient_edge() const {
  if (const auto& fn = grad_fn()) return {fn, impl_->output_nr};
  // Only a leaf's own flag gives it an accumulator: a view that requires grad
  // through its base alone (made under no_grad) gets no gradient, as in PyTorch.
  if (!impl_->requires_grad) return {};
  auto acc = impl_->grad_accumulator.lock();
  if (!acc) {
    acc = std::make_shared<AccumulateGrad>(*this);
    impl_->grad_accumulator = acc;
  }
  return {acc, 0};
}

namespace {
int next_hook_id() {
  static int id = 0;
  return ++id;
}
}  // namespace

int Tensor::register_hook(TensorHook hook) {
  GL_CHECK(requires_grad(), "cannot register a hook on a tensor that doesn't require gradient");
  const int id = next_hook_id();
  if (is_leaf())
    impl_->hooks.emplace_back(id, std::move(hook));
  else
    impl_->grad_fn->pre_hooks.push_back({id, impl_->output_nr, std::move(hook)});
  return id;
}

void Tensor::remove_hook(int id) {
  auto& leaf_hooks = impl_->hooks;
  for (auto it = leaf_hooks.begin(); it != leaf_hooks.end(); ++it)
    if (it->first == id) {
      leaf_hooks.erase(it);
      return;
    }
  if (!impl_->grad_fn) return;
  auto& pre = impl_->grad_fn->pre_hooks;
  for (auto it = pre.begin(); it != pre.end(); ++it)
    if (it->id == id) {
      pre.erase(it);
      return;
    }
}

Tensor history_alias(const Tensor& t) {
  auto impl = pooled::make_shared<TensorImpl>(*t.impl());
  impl->grad.reset();
  impl->hooks.clear();
  impl->retains_grad = false;
  impl->view_base.reset();
  return Tensor(std::move(impl));
}

Tensor make_alias(const Tensor& t, Shape shape, Shape strides, int64_t offset) {
  auto impl = shallow_copy(*t.impl());
  impl->shape = std::move(shape);
  impl->strides = std::move(strides);
  impl->offset = offset;
  impl->is_volatile = t.is_volatile();
  return Tensor(std::move(impl));
}

Tensor make_view(const Tensor& base, Shape shape, Shape strides, int64_t offset) {
  Tensor out = make_alias(base, std::move(shape), std::move(strides), offset);
  TensorImpl* impl = out.impl();
  const auto& root = base.impl()->view_base;
  impl->view_base = root ? root : base.impl_ptr();
  impl->view_from_no_grad = !GradMode::is_enabled() || (root && base.impl()->view_from_no_grad);
  impl->view_of_multi_output = root && base.impl()->view_of_multi_output;
  impl->view_version = impl->version->version;
  return out;
}

namespace kernels {
Shape broadcast_strides(const Tensor& t, const Shape& shape) {
  Shape out(shape.size(), 0);
  const size_t lead = shape.size() - t.shape().size();
  for (size_t i = 0; i < t.shape().size(); ++i)
    out[lead + i] = t.shape()[i] == 1 ? 0 : t.strides()[i];
  return out;
}
}  // namespace kernels

}  // namespace gradlab
