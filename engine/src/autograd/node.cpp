#include "gradlab/autograd/node.h"

#include <algorithm>

#include "gradlab/autograd/grad_mode.h"
#include "gradlab/error.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/inplace.h"
#include "gradlab/ops/movement.h"
#include "gradlab/ops/reduce.h"

namespace gradlab {

namespace {
// Later nodes run first when several are ready, as in PyTorch's engine.
uint64_t next_sequence_nr() {
  static uint64_t n = 0;
  return n++;
}
}  // namespace

Node::Node() : sequence_nr_(next_sequence_nr()) {}

void release_node(std::shared_ptr<Node>&& node) {
  thread_local bool draining = false;
  thread_local std::vector<std::shared_ptr<Node>> pending;
  if (!node) return;
  if (node.use_count() > 1) {  // not the last reference: nothing is freed, nothing can recurse
    node.reset();
    return;
  }
  pending.push_back(std::move(node));
  if (draining) return;  // the outer loop below will free it
  draining = true;
  while (!pending.empty()) {
    std::shared_ptr<Node> n = std::move(pending.back());
    pending.pop_back();
    n.reset();  // may push this node's children onto `pending`
  }
  draining = false;
}

Node::~Node() {
  for (auto& e : next_edges_) release_node(std::move(e.fn));
}

// PyTorch's accumulateGrad rules. .grad must be a tensor the leaf can own and
// change in place (zero_(), an SGD step), never a broadcast view of the incoming gradient.
variable_list AccumulateGrad::apply(variable_list&& grads) {
  Tensor g = std::move(grads[0]);
  if (!g.defined()) return {};
  Tensor current = variable_.grad();
  if (!current.defined()) {
    if (GradMode::is_enabled()) {
      // create_graph: a copy that keeps the gradient's history (CopyBackwards, as PyTorch).
      variable_.set_grad(copy_(Tensor::empty(g.shape(), g.dtype()), g));
    } else if (g.impl_ptr().use_count() == 1 && g.is_non_overlapping_and_dense()) {
      variable_.set_grad(g.detach());  // nobody else holds it: steal it, no copy
    } else {
      variable_.set_grad(clone_contiguous(g.detach()));
    }
  } else if (GradMode::is_enabled()) {
    variable_.set_grad(add(current, g));
  } else {
    // In place, as PyTorch's `variable.grad += new_grad`: a grad the user holds sees the sum.
    add_(current, g);
  }
  // A legacy Variable's .grad is itself a legacy Variable (0.3 printing).
  if (variable_.legacy() != Legacy::None) variable_.grad().set_legacy(Legacy::Variable);
  return {};
}

FunctionNode::FunctionNode(const char* name, BackwardFn fn, size_t num_outputs)
    : name_(name), fn_(std::move(fn)), num_outputs_(num_outputs) {}

void FunctionNode::add_input(const Tensor& input) {
  auto edge = input.defined() ? input.gradient_edge() : Tensor::EdgeRef{};
  next_edges_.push_back({std::move(edge.fn), edge.input_nr});
  input_meta_.push_back({input.defined() ? input.shape() : Shape{},
                         input.defined() ? input.dtype() : DType::Float32});
}

void FunctionNode::release_variables() {
  for (auto& s : saved_) s.release();
}

variable_list FunctionNode::apply(variable_list&& grads) {
  // No gradient reached any output (every path here gave none, as a custom node
  // may): none flows on, as PyTorch's generated backward functions give none when
  // no incoming gradient is defined. Backward formulas may assume one is.
  if (std::none_of(grads.begin(), grads.end(), [](const Tensor& g) { return g.defined(); }))
    return variable_list(next_edges_.size());
  // The unpacked list reuses the capacity of an earlier node's (one heap
  // allocation fewer per node); a nested backward (from a hook) finds none and allocates.
  static variable_list spare_saved;
  variable_list saved = std::move(spare_saved);
  saved.clear();
  saved.reserve(saved_.size());
  // A plain pointer: the node only names itself in unpack's error, and a
  // shared_from_this per backward step was a weak-count lock and release.
  for (const auto& s : saved_) saved.push_back(s.unpack(this));
  SmallVector<bool, 8> needs;
  needs.reserve(next_edges_.size());
  for (const Edge& e : next_edges_) needs.push_back(e.valid());
  BackwardContext ctx{grads, saved, needs};
  variable_list out = fn_(ctx);
  out.resize(next_edges_.size());
  for (size_t i = 0; i < out.size(); ++i) {
    if (!needs[i] || !out[i].defined()) {
      out[i] = Tensor();
      continue;
    }
    // Broadcasting is undone here once for every op: reduce to the input's shape and dtype.
    const InputMeta& m = input_meta_[i];
    if (out[i].shape() != m.shape) out[i] = sum_to(out[i], m.shape);
    if (out[i].dtype() != m.dtype) out[i] = to(out[i], m.dtype);
  }
  saved.clear();
  if (saved.capacity() > spare_saved.capacity()) spare_saved = std::move(saved);
  return out;
}

}  // namespace gradlab
