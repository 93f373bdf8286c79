// Capture mode: what the playground's Graph pane reads. Off by default; when
// on, the engine records each graph node as it is made (id, name, edges, a
// preview of its output value) and, for every backward pass, the order in
// which the engine actually runs the nodes with the gradient each one
// receives and the gradient it sends along each edge. Values are kept as
// bounded previews (shape, dtype, the first and last elements, min/max/mean),
// never as tensors, so capture holds no engine memory a program could notice.
//
// The hooks in record.cpp and engine.cpp cost one predictable branch on
// capture::enabled() when capture is off.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "gradlab/autograd/record.h"
#include "gradlab/shape.h"

namespace gradlab::capture {

namespace detail {
extern bool g_enabled;
}
inline bool enabled() { return detail::g_enabled; }

// A tensor seen through a keyhole. `values` holds every element when there
// are at most kAllValues, else the first and last kEdgeValues (skipped says
// how many lie between them).
struct Preview {
  bool defined = false;
  Shape shape;
  DType dtype = DType::Float32;
  int64_t numel = 0;
  std::vector<double> values;
  int64_t skipped = 0;
  bool has_stats = false;  // min/max/mean of every element (a NaN makes all three NaN)
  double min = 0, max = 0, mean = 0;
};
constexpr int64_t kAllValues = 32;
constexpr int64_t kEdgeValues = 6;
Preview preview(const Tensor& t);

struct NodeEdge {
  int64_t to = -1;  // the next node's id, -1 for an input that needs no gradient
  uint32_t input_nr = 0;
};

// A node is known by its sequence number (unique for the process, and the
// order of creation PyTorch's engine also breaks ties with).
struct NodeInfo {
  uint64_t id = 0;
  std::string name;
  bool leaf = false;  // an AccumulateGrad
  std::vector<NodeEdge> edges;
  // The forward value of each output, as it was when the node was made (a
  // leaf's: its variable when the pass reached it). Empty when the node was
  // made before capture started.
  std::vector<Preview> outputs;
  std::string label;  // the user's name for its tensor (capture::name), as of the read
  Preview accumulated;  // a leaf's .grad once its pass ended
  std::weak_ptr<TensorImpl> variable;  // a leaf's tensor, for a name given after the pass
};

// One node run by a backward pass, in the order the engine ran them.
struct Step {
  uint64_t id = 0;
  std::vector<Preview> received;  // per output: the (summed) gradient it was given
  std::vector<Preview> sent;      // per edge: the gradient sent along it
};

struct Pass {
  int number = 0;         // 1 for the first backward since start()
  bool complete = false;  // false when the pass ended with an error
  bool grad_only = false;  // torch.autograd.grad: leaves' .grad untouched
  bool truncated = false;  // more than kMaxPassNodes nodes ran; later ones are not kept
  std::vector<uint64_t> roots;
  std::vector<NodeInfo> nodes;  // every node that ran, in the order of `steps`
  std::vector<Step> steps;
};
constexpr size_t kMaxPassNodes = 300;
// Passes kept between reads: the first, the latest and an evenly spaced
// sample of the rest (a training loop's picker spans the whole run), at most
// kMaxPasses of them and, past two, at most kMaxKeptNodes nodes in all (a
// read stays small).
constexpr size_t kMaxPasses = 16;
constexpr size_t kMaxKeptNodes = 2400;

// start() clears everything recorded and turns capture on; stop() turns it
// off and keeps what was recorded for take_passes()/snapshot().
void start();
void stop();
void clear();

// The user's name for t: its node's label (or, for a leaf, its
// AccumulateGrad's, whenever that is made). Works with capture off too
// (nothing is recorded then).
void name(const Tensor& t, const std::string& label);

// The passes recorded since the last take, oldest first, and how many
// passes ran since start() (including those not kept). Nodes take the names
// given until now (a Python program names its globals when it ends).
std::vector<Pass> take_passes();
int pass_count();

// The graph behind t as it stands (no gradients): its nodes breadth-first
// from t's grad_fn, at most max_nodes of them.
struct Snapshot {
  std::vector<NodeInfo> nodes;
  bool truncated = false;
};
Snapshot snapshot(const Tensor& t, size_t max_nodes);

// Hooks (call only when enabled()).
void node_created(const std::shared_ptr<Node>& node, TensorList outputs);
// A backward pass: begin, then received/sent around every node it runs, then
// end (also on an error, with complete = false).
void pass_begin(const std::vector<Edge>& roots, bool grad_only);
void node_received(Node& node, const variable_list& grads);
void node_sent(Node& node, const variable_list& grads);
void pass_end(bool complete);

// One backward pass, begun when capture is on; it ends when the scope does
// (an engine error unwinds through it: the pass is then incomplete).
class PassScope {
 public:
  PassScope(const std::vector<Edge>& roots, bool grad_only) : on_(enabled()) {
    if (on_) pass_begin(roots, grad_only);
  }
  PassScope(const PassScope&) = delete;
  PassScope& operator=(const PassScope&) = delete;
  ~PassScope() {
    if (on_) pass_end(done_);
  }
  bool on() const { return on_; }
  void done() { done_ = true; }

 private:
  bool on_;
  bool done_ = false;
};

}  // namespace gradlab::capture
