#include "gradlab/autograd/engine.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <queue>
#include <unordered_set>

#include "gradlab/autograd/capture.h"
#include "gradlab/autograd/grad_mode.h"
#include "gradlab/autograd/node.h"
#include "gradlab/error.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/movement.h"

namespace gradlab::autograd {

namespace {

struct NodeState {
  int dependencies = 0;
  bool needed = true;
  variable_list buffer;
};

// Each graph node's state during one backward pass, in a deque (stable
// addresses) and found through the node's own pass fields (Node::pass_): no
// hash table, whose lookups (about eight per node) took a tenth of a backward
// pass over a chain of small ops. A pass nested in another (a hook that calls
// backward) saves the fields it overwrites and puts them back when it ends,
// so the outer pass finds its states again.
class NodeStates {
 public:
  NodeStates() : id_(++last_id_) { ++depth_; }
  ~NodeStates() {
    for (auto it = displaced_.rbegin(); it != displaced_.rend(); ++it) {
      NodePassSlot::pass(*it->node) = it->pass;
      NodePassSlot::state(*it->node) = it->state;
    }
    --depth_;
  }
  NodeStates(const NodeStates&) = delete;
  NodeStates& operator=(const NodeStates&) = delete;

  size_t count(Node* n) const { return NodePassSlot::pass(*n) == id_ ? 1 : 0; }
  NodeState& operator[](Node* n) {
    if (NodePassSlot::pass(*n) != id_) add(n);
    return *static_cast<NodeState*>(NodePassSlot::state(*n));
  }

 private:
  void add(Node* n) {
    uint64_t& pass = NodePassSlot::pass(*n);
    void*& state = NodePassSlot::state(*n);
    if (depth_ > 1 && pass != 0) displaced_.push_back({n, pass, state});
    pass = id_;
    state = &states_.emplace_back();
  }
  struct Displaced {
    Node* node;
    uint64_t pass;
    void* state;
  };
  // Pass numbers are never reused (0: a node no pass has seen).
  static inline uint64_t last_id_ = 0;
  static inline int depth_ = 0;
  uint64_t id_;
  std::deque<NodeState> states_;
  std::vector<Displaced> displaced_;
};

// Runs the tensor hooks and retain_grad bookkeeping for gradients arriving at `node`.
void run_pre_hooks(Node& node, variable_list& grads) {
  for (auto& hook : node.pre_hooks) {
    Tensor& g = grads[hook.output_nr];
    if (!g.defined()) continue;
    Tensor replaced = hook.fn(g);
    if (replaced.defined()) g = replaced;
  }
  for (auto& [output_nr, weak] : node.retains_grad) {
    auto impl = weak.lock();
    if (!impl || output_nr >= grads.size() || !grads[output_nr].defined()) continue;
    Tensor t(impl);
    const Tensor& g = grads[output_nr];
    Tensor current = t.grad();
    // A copy, as PyTorch's retain_grad hook: the gradient may be a broadcast
    // view, and .grad must take in-place ops (history kept under create_graph).
    t.set_grad(current.defined() ? add(current, g) : clone(g));
  }
}

// Leaf hooks live on the tensor (as PyTorch's do), run before accumulation or capture.
void run_leaf_hooks(AccumulateGrad& acc, variable_list& grads) {
  for (auto& [id, fn] : acc.variable().impl()->hooks) {
    if (!grads[0].defined()) break;
    Tensor replaced = fn(grads[0]);
    if (replaced.defined()) grads[0] = replaced;
  }
}

struct Capture {
  Node* node;
  uint32_t input_nr;
  size_t slot;
};

// The shared core of backward() and grad(). Returns the captured gradients.
variable_list execute(const std::vector<Edge>& roots, const variable_list& root_grads,
                      bool keep_graph, bool create_graph, const std::vector<Edge>& captures) {
  AutoGradMode mode(create_graph);
  const bool capture_mode = !captures.empty();

  // 1. Discover the graph (iterative DFS) and a post-order for the "needed" pass.
  NodeStates state;
  std::vector<Node*> post_order;
  {
    std::vector<std::pair<Node*, size_t>> stack;
    for (const auto& e : roots) {
      if (!e.valid() || state.count(e.fn.get())) continue;
      state[e.fn.get()];
      stack.push_back({e.fn.get(), 0});
      while (!stack.empty()) {
        auto& [n, i] = stack.back();
        if (i < n->next_edges().size()) {
          Node* child = n->next_edges()[i++].fn.get();
          if (child && !state.count(child)) {
            state[child];
            stack.push_back({child, 0});
          }
        } else {
          post_order.push_back(n);
          stack.pop_back();
        }
      }
    }
  }
  if (capture_mode) {
    // Only nodes that lead to a captured input need to run.
    std::unordered_set<Node*> capture_nodes;
    for (const auto& c : captures)
      if (c.valid()) capture_nodes.insert(c.fn.get());
    for (Node* n : post_order) {
      bool needed = capture_nodes.count(n) > 0;
      if (!n->as_accumulate_grad())
        for (const auto& e : n->next_edges()) needed = needed || (e.fn && state[e.fn.get()].needed);
      state[n].needed = needed;
    }
  }
  for (Node* n : post_order) {
    if (!state[n].needed) continue;
    for (const auto& e : n->next_edges())
      if (e.fn && state[e.fn.get()].needed) ++state[e.fn.get()].dependencies;
  }

  // 2. Seed the root gradients.
  // Lists a node is done with (its gradients in, its gradients out) become
  // other nodes' buffers: one heap allocation fewer per node and pass.
  // A few suffice: along a chain each node's lists go straight to the next
  // node; any beyond these are freed as before.
  std::array<variable_list, 4> spare;
  size_t spares = 0;
  auto recycle = [&](variable_list& list) {
    list.clear();
    if (list.capacity() > 0 && spares < spare.size()) spare[spares++] = std::move(list);
  };
  auto accumulate_into = [&](Node* n, uint32_t input_nr, const Tensor& g) {
    NodeState& s = state[n];
    if (s.buffer.capacity() == 0 && spares > 0) s.buffer = std::move(spare[--spares]);
    if (s.buffer.size() < n->num_outputs()) s.buffer.resize(n->num_outputs());
    Tensor& slot = s.buffer[input_nr];
    slot = slot.defined() ? add(slot, g) : g;
  };
  for (size_t i = 0; i < roots.size(); ++i)
    if (roots[i].valid() && root_grads[i].defined())
      accumulate_into(roots[i].fn.get(), roots[i].input_nr, root_grads[i]);

  auto later_first = [](Node* a, Node* b) { return a->sequence_nr() < b->sequence_nr(); };
  std::priority_queue<Node*, std::vector<Node*>, decltype(later_first)> ready(later_first);
  for (Node* n : post_order)
    if (state[n].needed && state[n].dependencies == 0) ready.push(n);

  variable_list captured(captures.size());
  capture::PassScope pass(roots, capture_mode);  // capture mode (the Graph pane), not autograd.grad's captures
  while (!ready.empty()) {
    Node* n = ready.top();
    ready.pop();
    NodeState& s = state[n];
    variable_list grads = std::move(s.buffer);
    grads.resize(n->num_outputs());
    auto* acc = n->as_accumulate_grad();
    if (acc)
      run_leaf_hooks(*acc, grads);
    else
      run_pre_hooks(*n, grads);
    if (pass.on()) capture::node_received(*n, grads);

    for (size_t k = 0; k < captures.size(); ++k)
      if (captures[k].fn.get() == n && grads[captures[k].input_nr].defined())
        captured[k] = grads[captures[k].input_nr];
    if (capture_mode && acc) continue;  // autograd.grad does not touch .grad

    variable_list outputs = n->apply(std::move(grads));
    if (pass.on()) capture::node_sent(*n, outputs);
    if (!keep_graph) n->release_variables();
    const auto& edges = n->next_edges();
    for (size_t i = 0; i < edges.size(); ++i) {
      Node* child = edges[i].fn.get();
      if (!child || !state[child].needed) continue;
      if (i < outputs.size() && outputs[i].defined())
        accumulate_into(child, edges[i].input_nr, outputs[i]);
      if (--state[child].dependencies == 0) ready.push(child);
    }
    recycle(grads);
    recycle(outputs);
  }
  pass.done();
  return captured;
}

Tensor implicit_grad(const Tensor& root) {
  GL_CHECK(root.numel() == 1, "grad can be implicitly created only for scalar outputs");
  return ones_like(root.detach());
}

Edge edge_of(const Tensor& t) {
  auto e = t.gradient_edge();
  return {e.fn, e.input_nr};
}

// A root needs an edge, as PyTorch's run_backward asks for: a view that requires
// grad only through a base that started requiring it after the view was made has
// none (live run s94008-92).
Edge root_edge_of(const Tensor& t, size_t i) {
  Edge e = edge_of(t);
  GL_CHECK(e.valid(), "element ", i, " of tensors does not require grad and does not have a grad_fn");
  return e;
}

// PyTorch's _make_grads (Python, before the engine runs): each given gradient
// must have its output's shape, and a missing one is made for an output that
// requires grad. Only then are the roots checked for requiring grad.
variable_list make_grads(const variable_list& roots, const variable_list& given) {
  variable_list grads;
  for (size_t i = 0; i < roots.size(); ++i) {
    const Tensor& r = roots[i];
    if (i < given.size() && given[i].defined()) {
      const Tensor& g = given[i];
      GL_CHECK(g.shape() == r.shape(), "Mismatch in shape: grad_output[", i, "] has a shape of torch.Size(",
               shape_str(g.shape()), ") and output[", i, "] has a shape of torch.Size(", shape_str(r.shape()), ").");
      grads.push_back(g);
    } else {
      grads.push_back(r.requires_grad() ? implicit_grad(r) : Tensor());
    }
  }
  for (size_t i = 0; i < roots.size(); ++i)
    GL_CHECK(roots[i].requires_grad(), "element ", i, " of tensors does not require grad and does not have a grad_fn");
  return grads;
}

}  // namespace

void backward(const variable_list& roots, const variable_list& grad_roots, bool retain_graph,
              bool create_graph) {
  const variable_list grads = make_grads(roots, grad_roots);
  std::vector<Edge> edges;
  for (size_t i = 0; i < roots.size(); ++i) edges.push_back(root_edge_of(roots[i], i));
  execute(edges, grads, retain_graph, create_graph, {});
}

variable_list grad(const variable_list& outputs, const variable_list& inputs,
                   const variable_list& grad_outputs, bool retain_graph, bool create_graph,
                   bool allow_unused) {
  const variable_list grads = make_grads(outputs, grad_outputs);
  std::vector<Edge> edges;
  for (size_t i = 0; i < outputs.size(); ++i) edges.push_back(root_edge_of(outputs[i], i));
  std::vector<Edge> captures;
  for (size_t i = 0; i < inputs.size(); ++i) {
    GL_CHECK(inputs[i].requires_grad(), "One of the differentiated Tensors does not require grad");
    captures.push_back(edge_of(inputs[i]));
  }
  variable_list result = execute(edges, grads, retain_graph, create_graph, captures);
  for (size_t i = 0; i < result.size(); ++i) {
    GL_CHECK(result[i].defined() || allow_unused,
             "One of the differentiated Tensors appears to not have been used in the graph. Set "
             "allow_unused=True if this is the desired behavior.");
    if (result[i].defined() && !create_graph) result[i] = result[i].detach();
  }
  return result;
}

}  // namespace gradlab::autograd
