// Capture mode (see capture.h): the recorder behind the playground's Graph
// pane. Everything here runs only while capture is on, except the flag.
#include "gradlab/autograd/capture.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <unordered_map>
#include <utility>

#include "gradlab/autograd/node.h"
#include "kernels/loops.h"

namespace gradlab::capture {

namespace detail {
bool g_enabled = false;
}

namespace {

// Past this many elements a preview has no min/max/mean: reading them all
// would cost more than the op that made the tensor is worth to the pane.
constexpr int64_t kMaxStatsElements = int64_t{1} << 24;
// Records of freed nodes and names of freed tensors are dropped once the
// tables grow past this (and past twice their size at the last prune).
constexpr size_t kPruneAtLeast = 1024;

// The storage offset of the i-th element in row-major order.
int64_t offset_of(const Tensor& t, int64_t i) {
  const Shape& shape = t.shape();
  const Shape& strides = t.strides();
  int64_t off = 0;
  for (size_t d = shape.size(); d-- > 0;) {
    off += (i % shape[d]) * strides[d];
    i /= shape[d];
  }
  return off;
}

// Calls f(value) for every element, in row-major order.
template <typename T, typename F>
void for_each_element(const Tensor& t, F&& f) {
  const T* base = t.data_ptr<T>();
  const int64_t n = t.numel();
  if (t.is_contiguous()) {
    for (int64_t i = 0; i < n; ++i) f(static_cast<double>(base[i]));
    return;
  }
  const Shape& shape = t.shape();
  const Shape& strides = t.strides();
  std::vector<int64_t> index(shape.size(), 0);
  int64_t off = 0;
  for (int64_t k = 0; k < n; ++k) {
    f(static_cast<double>(base[off]));
    for (size_t d = shape.size(); d-- > 0;) {
      if (++index[d] < shape[d]) {
        off += strides[d];
        break;
      }
      off -= strides[d] * (shape[d] - 1);
      index[d] = 0;
    }
  }
}

template <typename T>
void fill_preview(const Tensor& t, Preview& p) {
  const T* base = t.data_ptr<T>();
  const int64_t n = p.numel;
  const auto at = [&](int64_t i) { return static_cast<double>(base[offset_of(t, i)]); };
  if (n <= kAllValues) {
    p.values.reserve(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) p.values.push_back(at(i));
  } else {
    p.values.reserve(2 * kEdgeValues);
    for (int64_t i = 0; i < kEdgeValues; ++i) p.values.push_back(at(i));
    for (int64_t i = n - kEdgeValues; i < n; ++i) p.values.push_back(at(i));
    p.skipped = n - 2 * kEdgeValues;
  }
  if (n > kMaxStatsElements) return;
  double lo = std::numeric_limits<double>::infinity();
  double hi = -lo;
  double sum = 0;
  bool nan = false;
  for_each_element<T>(t, [&](double x) {
    nan = nan || x != x;
    lo = x < lo ? x : lo;
    hi = x > hi ? x : hi;
    sum += x;
  });
  p.has_stats = true;
  const double q = std::numeric_limits<double>::quiet_NaN();
  p.min = nan ? q : lo;
  p.max = nan ? q : hi;
  p.mean = nan ? q : sum / static_cast<double>(n);
}

// What only creation time knows: the forward values. Name and edges are read
// from the node itself whenever it is described (it is alive then).
struct LiveNode {
  std::weak_ptr<Node> node;  // the record goes when the node does
  std::vector<Preview> outputs;
};

struct OpenPass {
  Pass pass;
  // Where each leaf of the pass sits in pass.nodes, and its variable, whose
  // .grad is read when the pass ends.
  std::vector<std::pair<size_t, std::weak_ptr<TensorImpl>>> leaves;
};

struct State {
  std::unordered_map<uint64_t, LiveNode> live;  // op nodes made while capturing
  size_t live_prune_at = kPruneAtLeast;
  std::unordered_map<uint64_t, std::pair<std::weak_ptr<Node>, std::string>> node_names;
  std::vector<std::pair<std::weak_ptr<TensorImpl>, std::string>> leaf_names;
  size_t names_prune_at = kPruneAtLeast;
  std::vector<Pass> kept;
  std::vector<OpenPass> open;  // a hook may run a backward inside a backward
  int count = 0;
  int stride = 1;  // kept passes other than the first and latest are multiples of it
};

State& state() {
  static State s;
  return s;
}

void prune_names(State& s) {
  if (s.node_names.size() + s.leaf_names.size() < s.names_prune_at) return;
  for (auto it = s.node_names.begin(); it != s.node_names.end();)
    it = it->second.first.expired() ? s.node_names.erase(it) : std::next(it);
  s.leaf_names.erase(std::remove_if(s.leaf_names.begin(), s.leaf_names.end(),
                                    [](const auto& e) { return e.first.expired(); }),
                     s.leaf_names.end());
  s.names_prune_at = std::max(kPruneAtLeast, 2 * (s.node_names.size() + s.leaf_names.size()));
}

std::string leaf_label(const State& s, const TensorImpl* impl) {
  // The latest name given wins, as a reassigned variable's does.
  for (auto it = s.leaf_names.rbegin(); it != s.leaf_names.rend(); ++it) {
    if (auto named = it->first.lock(); named && named.get() == impl) return it->second;
  }
  return {};
}

std::string node_label(const State& s, uint64_t id) {
  auto it = s.node_names.find(id);
  return it == s.node_names.end() ? std::string() : it->second.second;
}

void describe_edges(const Node& n, NodeInfo& info) {
  info.edges.reserve(n.next_edges().size());
  for (const Edge& e : n.next_edges())
    info.edges.push_back({e.fn ? static_cast<int64_t>(e.fn->sequence_nr()) : -1, e.input_nr});
}

// What is known of a node now: its creation record if it was made while
// capturing; a leaf's value is read now (it changes between passes).
NodeInfo info_for(const State& s, const Node& n) {
  NodeInfo info;
  info.id = n.sequence_nr();
  info.name = n.name();
  describe_edges(n, info);
  if (auto it = s.live.find(info.id); it != s.live.end()) info.outputs = it->second.outputs;
  if (const auto* acc = n.as_accumulate_grad()) {
    info.leaf = true;
    info.outputs = {preview(acc->variable())};
    info.variable = acc->variable().impl_ptr();
    info.label = leaf_label(s, acc->variable().impl());
  } else {
    info.label = node_label(s, info.id);
  }
  return info;
}

void keep(State& s, Pass&& pass) {
  auto& kept = s.kept;
  // The latest pass makes way for this one unless it is the first or on the sampling grid.
  if (!kept.empty() && kept.back().number != 1 && kept.back().number % s.stride != 0) kept.pop_back();
  kept.push_back(std::move(pass));
  const auto too_many = [&] {
    size_t nodes = 0;
    for (const Pass& p : kept) nodes += p.nodes.size();
    return kept.size() > kMaxPasses || (kept.size() > 2 && nodes > kMaxKeptNodes);
  };
  while (too_many()) {
    s.stride *= 2;
    const int latest = kept.back().number;
    const int stride = s.stride;
    kept.erase(std::remove_if(kept.begin(), kept.end(),
                              [&](const Pass& p) { return p.number != 1 && p.number != latest && p.number % stride != 0; }),
               kept.end());
  }
}

}  // namespace

Preview preview(const Tensor& t) {
  Preview p;
  if (!t.defined()) return p;
  p.defined = true;
  p.shape = t.shape();
  p.dtype = t.dtype();
  p.numel = t.numel();
  if (p.numel > 0) GL_DISPATCH_ALL(t.dtype(), T, fill_preview<T>(t, p));
  return p;
}

void clear() {
  State& s = state();
  s.live.clear();
  s.live_prune_at = kPruneAtLeast;
  s.node_names.clear();
  s.leaf_names.clear();
  s.names_prune_at = kPruneAtLeast;
  s.kept.clear();
  s.count = 0;
  s.stride = 1;
}

void start() {
  clear();
  state().live.reserve(kPruneAtLeast);
  detail::g_enabled = true;
}

void stop() { detail::g_enabled = false; }

void name(const Tensor& t, const std::string& label) {
  if (!enabled() || !t.defined()) return;
  State& s = state();
  if (const auto& fn = t.grad_fn()) {
    s.node_names[fn->sequence_nr()] = {fn, label};
  } else if (t.requires_grad()) {  // a leaf that will have an AccumulateGrad
    s.leaf_names.emplace_back(t.impl_ptr(), label);
  }
  prune_names(s);
}

std::vector<Pass> take_passes() {
  State& s = state();
  std::vector<Pass> out = std::move(s.kept);
  s.kept.clear();
  for (Pass& p : out) {
    for (NodeInfo& n : p.nodes) {
      if (!n.label.empty()) continue;
      if (!n.leaf) n.label = node_label(s, n.id);
      else if (auto impl = n.variable.lock()) n.label = leaf_label(s, impl.get());
    }
  }
  return out;
}

int pass_count() { return state().count; }

Snapshot snapshot(const Tensor& t, size_t max_nodes) {
  Snapshot out;
  if (!t.defined() || !t.grad_fn()) return out;
  const State& s = state();
  std::unordered_map<const Node*, bool> seen;
  std::deque<std::shared_ptr<Node>> queue{t.grad_fn()};
  seen[queue.front().get()] = true;
  while (!queue.empty()) {
    if (out.nodes.size() >= max_nodes) {
      out.truncated = true;
      break;
    }
    std::shared_ptr<Node> n = std::move(queue.front());
    queue.pop_front();
    out.nodes.push_back(info_for(s, *n));
    for (const Edge& e : n->next_edges()) {
      if (e.fn && !seen[e.fn.get()]) {
        seen[e.fn.get()] = true;
        queue.push_back(e.fn);
      }
    }
  }
  return out;
}

void node_created(const std::shared_ptr<Node>& node, TensorList outputs) {
  State& s = state();
  LiveNode& rec = s.live[node->sequence_nr()];
  rec.node = node;
  rec.outputs.reserve(outputs.size());
  for (const Tensor& o : outputs) rec.outputs.push_back(preview(o));
  if (s.live.size() >= s.live_prune_at) {
    for (auto it = s.live.begin(); it != s.live.end();)
      it = it->second.node.expired() ? s.live.erase(it) : std::next(it);
    s.live_prune_at = std::max(kPruneAtLeast, 2 * s.live.size());
  }
}

void pass_begin(const std::vector<Edge>& roots, bool grad_only) {
  State& s = state();
  OpenPass open;
  open.pass.number = ++s.count;
  open.pass.grad_only = grad_only;
  for (const Edge& e : roots)
    if (e.fn) open.pass.roots.push_back(e.fn->sequence_nr());
  s.open.push_back(std::move(open));
}

void node_received(Node& node, const variable_list& grads) {
  State& s = state();
  if (s.open.empty()) return;
  OpenPass& open = s.open.back();
  Pass& pass = open.pass;
  if (pass.nodes.size() >= kMaxPassNodes) {
    pass.truncated = true;
    return;
  }
  if (const auto* acc = node.as_accumulate_grad())
    open.leaves.emplace_back(pass.nodes.size(), acc->variable().impl_ptr());
  pass.nodes.push_back(info_for(s, node));
  Step step;
  step.id = node.sequence_nr();
  step.received.reserve(grads.size());
  for (const Tensor& g : grads) step.received.push_back(preview(g));
  pass.steps.push_back(std::move(step));
}

void node_sent(Node& node, const variable_list& grads) {
  State& s = state();
  if (s.open.empty()) return;
  Pass& pass = s.open.back().pass;
  // A node past kMaxPassNodes has no step to add to.
  if (pass.steps.empty() || pass.steps.back().id != node.sequence_nr()) return;
  Step& step = pass.steps.back();
  step.sent.reserve(grads.size());
  for (const Tensor& g : grads) step.sent.push_back(preview(g));
}

void pass_end(bool complete) {
  State& s = state();
  if (s.open.empty()) return;
  OpenPass open = std::move(s.open.back());
  s.open.pop_back();
  open.pass.complete = complete;
  for (const auto& [index, weak] : open.leaves) {
    if (auto impl = weak.lock()) open.pass.nodes[index].accumulated = preview(Tensor(impl).grad());
  }
  keep(s, std::move(open.pass));
}

}  // namespace gradlab::capture
