// The autograd graph: Node (PyTorch's grad_fn), Edge, AccumulateGrad for
// leaves, and FunctionNode, the one node type every op uses: a name, saved
// tensors and a backward closure written with differentiable ops.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <new>
#include <type_traits>
#include <string>
#include <utility>
#include <vector>

#include "gradlab/autograd/saved_variable.h"
#include "gradlab/autograd/small_vector.h"
#include "gradlab/tensor.h"

namespace gradlab {

struct Edge {
  std::shared_ptr<Node> fn;  // null: the input needs no gradient
  uint32_t input_nr = 0;
  bool valid() const { return fn != nullptr; }
};

// A node's inputs: one to three for almost every op, kept inside the node.
using EdgeList = SmallVector<Edge, 3>;

// Drops a reference to a node without recursing: a long chain of nodes (each
// holding the next through edges or saved tensors) is freed with an explicit
// stack instead of nested destructors, which would overflow WebAssembly's stack.
void release_node(std::shared_ptr<Node>&& node);

class AccumulateGrad;

class Node : public std::enable_shared_from_this<Node> {
 public:
  Node();
  virtual ~Node();
  virtual std::string name() const = 0;
  // The node as a leaf's sink, or null; instead of dynamic_cast, so the wasm
  // build needs no RTTI.
  virtual AccumulateGrad* as_accumulate_grad() { return nullptr; }
  const AccumulateGrad* as_accumulate_grad() const { return const_cast<Node*>(this)->as_accumulate_grad(); }
  // grads: one per forward output (undefined where no gradient arrived).
  // Returns one gradient per next edge (undefined = none).
  virtual variable_list apply(variable_list&& grads) = 0;
  virtual void release_variables() {}
  virtual size_t num_outputs() const { return 1; }

  const EdgeList& next_edges() const { return next_edges_; }
  uint64_t sequence_nr() const { return sequence_nr_; }

  // Hooks on the gradient arriving for output `output_nr` (tensor hooks of non-leaves).
  struct PreHook {
    int id;
    uint32_t output_nr;
    TensorHook fn;
  };
  std::vector<PreHook> pre_hooks;
  // Non-leaf tensors that called retain_grad(): their .grad is set when the gradient arrives.
  std::vector<std::pair<uint32_t, std::weak_ptr<TensorImpl>>> retains_grad;

 protected:
  EdgeList next_edges_;

 private:
  friend class NodePassSlot;
  uint64_t sequence_nr_;
  // Where the running backward pass keeps this node's state (engine.cpp): the
  // pass's number and the state itself, found without a hash table.
  uint64_t pass_ = 0;
  void* pass_state_ = nullptr;
};

// The engine's access to a node's pass fields (engine.cpp).
class NodePassSlot {
 public:
  static uint64_t& pass(Node& n) { return n.pass_; }
  static void*& state(Node& n) { return n.pass_state_; }
};

// The sink of a leaf that requires grad: adds the gradient into leaf.grad.
class AccumulateGrad : public Node {
 public:
  explicit AccumulateGrad(Tensor variable) : variable_(std::move(variable)) {}
  std::string name() const override { return "AccumulateGrad"; }
  AccumulateGrad* as_accumulate_grad() override { return this; }
  variable_list apply(variable_list&& grads) override;
  const Tensor& variable() const { return variable_; }

 private:
  Tensor variable_;
};

// Everything an op's backward closure sees.
struct BackwardContext {
  const variable_list& grads;            // one per forward output
  const variable_list& saved;            // unpacked saved tensors, in saving order
  const SmallVector<bool, 8>& needs_input;  // which inputs want a gradient
  bool needs(size_t i) const { return i < needs_input.size() && needs_input[i]; }
  const Tensor& grad() const { return grads[0]; }
};

// An op's backward closure. Like std::function<variable_list(const
// BackwardContext&)> but move-only, with captures of up to kInline bytes kept
// inside it (every op's closure does; a larger one goes to the heap), and one
// generated helper per lambda besides its body. std::function made six per
// lambda (two clones, target, target_type, destroy, destroy_deallocate),
// about 20 KB of the wasm for the ~90 backward closures, and allocated the
// captures of most ops on the heap once per op.
class BackwardFn {
 public:
  BackwardFn() = default;
  template <typename F, typename = std::enable_if_t<!std::is_same_v<std::decay_t<F>, BackwardFn>>>
  BackwardFn(F&& f) {  // NOLINT: implicit, as std::function's, so ops pass lambdas directly
    using C = std::decay_t<F>;
    if constexpr (sizeof(C) <= kInline && alignof(C) <= alignof(std::max_align_t)) {
      new (inline_) C(std::forward<F>(f));
      call_ = [](const void* self, const BackwardContext& c) { return (*static_cast<const C*>(self))(c); };
      manage_ = [](void* self, void* to) {
        C* from = static_cast<C*>(self);
        if (to) new (to) C(std::move(*from));
        from->~C();
      };
    } else {
      *reinterpret_cast<C**>(inline_) = new C(std::forward<F>(f));
      call_ = [](const void* self, const BackwardContext& c) { return (**static_cast<C* const*>(self))(c); };
      manage_ = [](void* self, void* to) {
        C** from = static_cast<C**>(self);
        if (to) *static_cast<C**>(to) = *from;
        else delete *from;
      };
    }
  }
  BackwardFn(BackwardFn&& o) noexcept : call_(o.call_), manage_(o.manage_) {
    if (manage_) manage_(o.inline_, inline_);
    o.call_ = nullptr;
    o.manage_ = nullptr;
  }
  BackwardFn& operator=(BackwardFn&& o) noexcept {
    if (this != &o) {
      this->~BackwardFn();
      new (this) BackwardFn(std::move(o));
    }
    return *this;
  }
  BackwardFn(const BackwardFn&) = delete;
  BackwardFn& operator=(const BackwardFn&) = delete;
  ~BackwardFn() {
    if (manage_) manage_(inline_, nullptr);
  }
  explicit operator bool() const { return call_ != nullptr; }
  variable_list operator()(const BackwardContext& c) const { return call_(inline_, c); }

 private:
  static constexpr size_t kInline = 48;
  alignas(std::max_align_t) unsigned char inline_[kInline];
  variable_list (*call_)(const void*, const BackwardContext&) = nullptr;
  // Moves the closure from `self` into `to` (raw storage) and ends it at
  // `self`; with `to` null, only ends it.
  void (*manage_)(void* self, void* to) = nullptr;
};

class FunctionNode : public Node {
 public:
  // name: a string literal (kept by pointer: a std::string of a name such as
  // "MulBackward0" would be a heap allocation per op).
  FunctionNode(const char* name, BackwardFn fn, size_t num_outputs);
  std::string name() const override { return name_; }
  variable_list apply(variable_list&& grads) override;
  void release_variables() override;
  size_t num_outputs() const override { return num_outputs_; }

  // Set up by record(): the inputs' edges and geometry, and what to save.
  void add_input(const Tensor& input);
  void save(const Tensor& t, bool is_output) { saved_.emplace_back(t, is_output); }
  // Sizes the lists once: an op with more inputs than fit in the node
  // (cat, stack) then allocates once instead of growing.
  void reserve(size_t inputs, size_t saved) {
    next_edges_.reserve(inputs);
    input_meta_.reserve(inputs);
    saved_.reserve(saved);
  }

 private:
  struct InputMeta {
    Shape shape;
    DType dtype;
  };
  const char* name_;
  BackwardFn fn_;
  size_t num_outputs_;
  SmallVector<InputMeta, 3> input_meta_;
  SmallVector<SavedVariable, 2> saved_;
};

}  // namespace gradlab
