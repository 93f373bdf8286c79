// The autograd graph: Node (PyTorch's grad_fn), Edge, AccumulateGrad for
// leaves, and FunctionNode, the one node type every op uses: a name, saved
// tensors and a backward closure written with differentiable ops.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gradlab/autograd/saved_variable.h"
#include "gradlab/tensor.h"

namespace gradlab {

struct Edge {
  std::shared_ptr<Node> fn;  // null: the input needs no gradient
  uint32_t input_nr = 0;
  bool valid() const { return fn != nullptr; }
};

// Drops a reference to a node without recursing: a long chain of nodes (each
// holding the next through edges or saved tensors) is freed with an explicit
// stack instead of nested destructors, which would overflow WebAssembly's stack.
void release_node(std::shared_ptr<Node>&& node);

class Node : public std::enable_shared_from_this<Node> {
 public:
  Node();
  virtual ~Node();
  virtual std::string name() const = 0;
  // grads: one per forward output (undefined where no gradient arrived).
  // Returns one gradient per next edge (undefined = none).
  virtual variable_list apply(variable_list&& grads) = 0;
  virtual void release_variables() {}
  virtual size_t num_outputs() const { return 1; }

  const std::vector<Edge>& next_edges() const { return next_edges_; }
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
  std::vector<Edge> next_edges_;

 private:
  uint64_t sequence_nr_;
};

// The sink of a leaf that requires grad: adds the gradient into leaf.grad.
class AccumulateGrad : public Node {
 public:
  explicit AccumulateGrad(Tensor variable) : variable_(std::move(variable)) {}
  std::string name() const override { return "AccumulateGrad"; }
  variable_list apply(variable_list&& grads) override;
  const Tensor& variable() const { return variable_; }

 private:
  Tensor variable_;
};

// Everything an op's backward closure sees.
struct BackwardContext {
  const variable_list& grads;            // one per forward output
  const variable_list& saved;            // unpacked saved tensors, in saving order
  const std::vector<bool>& needs_input;  // which inputs want a gradient
  bool needs(size_t i) const { return i < needs_input.size() && needs_input[i]; }
  const Tensor& grad() const { return grads[0]; }
};
using BackwardFn = std::function<variable_list(const BackwardContext&)>;

class FunctionNode : public Node {
 public:
  FunctionNode(std::string name, BackwardFn fn, size_t num_outputs);
  std::string name() const override { return name_; }
  variable_list apply(variable_list&& grads) override;
  void release_variables() override;
  size_t num_outputs() const override { return num_outputs_; }

  // Set up by record(): the inputs' edges and geometry, and what to save.
  void add_input(const Tensor& input);
  void save(const Tensor& t, bool is_output) { saved_.emplace_back(t, is_output); }
  // Sizes the vectors once: ops run in tight loops and growth reallocates.
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
  std::string name_;
  BackwardFn fn_;
  size_t num_outputs_;
  std::vector<InputMeta> input_meta_;
  std::vector<SavedVariable> saved_;
};

}  // namespace gradlab
