// Autograd adapters. JS callbacks (hooks, by id through one JS function, and
// gradcheck's function) are called through trampolines that never let a JS
// exception unwind C++ frames: they
// report failure with -1 and the C++ side turns it into an engine Error, so
// guards, grad-mode scopes and the graph are restored as for any other error.
#include "autograd_adapters.h"

#include <memory>
#include <vector>

#include "gradlab/autograd/gradcheck.h"
#include "gradlab/gradlab.h"
#include "js_lists.h"
#include "signatures.h"

namespace gradlab::wasm {

namespace {
using NodePtr = std::shared_ptr<Node>;
Handle wrap_node(NodePtr n) { return n ? reinterpret_cast<Handle>(new NodePtr(std::move(n))) : 0; }
const NodePtr& node(Handle n) { return *reinterpret_cast<NodePtr*>(n); }

// Takes over handles that JS handed to C++ (it forgot them), freeing each after copying.
variable_list adopt(const val& handles) {
  const auto hs = emscripten::convertJSArrayToNumberVector<double>(handles);
  variable_list out;
  for (double d : hs) {
    const auto h = static_cast<Handle>(d);
    out.push_back(tensor(h));
    if (h != 0) free_tensor(h);
  }
  return out;
}
}  // namespace

void backward_op(val roots, val grads, bool retain_graph, bool create_graph) {
  guard([&] { autograd::backward(tensors_of(roots), tensors_of(grads), retain_graph, create_graph); });
}

val grad_op(val outputs, val inputs, val grad_outputs, bool retain_graph, bool create_graph,
            bool allow_unused) {
  return guard([&] {
    return handles_of(autograd::grad(tensors_of(outputs), tensors_of(inputs), tensors_of(grad_outputs),
                                     retain_graph, create_graph, allow_unused));
  });
}

namespace {
// The two JS functions every hook goes through (set once by the package).
val& hook_call() {
  static val fn = val::undefined();
  return fn;
}
val& hook_drop() {
  static val fn = val::undefined();
  return fn;
}

// Lives as long as the engine keeps the hook (every copy of the lambda shares
// it); its end tells JS to drop the function from its table, so no JS closure
// is held from C++ and a tensor with a hook is reclaimed like any other.
struct JsHook {
  explicit JsHook(int id) : id(id) {}
  JsHook(const JsHook&) = delete;
  JsHook& operator=(const JsHook&) = delete;
  ~JsHook() { hook_drop()(id); }
  int id;
};
}  // namespace

void set_hook_functions(val call, val drop) {
  hook_call() = std::move(call);
  hook_drop() = std::move(drop);
}

int register_hook_op(Handle h, int js_id) {
  auto entry = std::make_shared<JsHook>(js_id);
  return guard([&] {
    return tensor(h).register_hook([entry](const Tensor& g) -> Tensor {
      const double r = hook_call()(entry->id, static_cast<double>(wrap(g))).as<double>();
      GL_CHECK(r >= 0, "a tensor hook raised an exception");
      return tensor(static_cast<Handle>(r));
    });
  });
}

void remove_hook_op(Handle h, int id) {
  guard([&] { tensor(h).remove_hook(id); });
}

bool gradcheck_op(val fn, val inputs, double eps, double atol, double rtol) {
  return guard([&] {
    const autograd::GradcheckFn f = [&fn](const variable_list& xs) {
      const val r = fn(handles_of(xs));
      GL_CHECK(!r.isNumber(), "the function given to gradcheck raised an exception");
      return adopt(r);
    };
    return autograd::gradcheck(f, tensors_of(inputs), eps, atol, rtol);
  });
}

Handle grad_fn_op(Handle h) { return wrap_node(tensor(h).grad_fn()); }
std::string node_name(Handle n) { return node(n)->name(); }
double node_address(Handle n) { return static_cast<double>(reinterpret_cast<uintptr_t>(node(n).get())); }

val node_next(Handle n) {
  std::vector<double> out;
  for (const Edge& e : node(n)->next_edges()) {
    out.push_back(static_cast<double>(wrap_node(e.fn)));
    out.push_back(e.input_nr);
  }
  return val::global("Array").call<val>("from", val(emscripten::typed_memory_view(out.size(), out.data())));
}

Handle node_variable(Handle n) {
  const auto* acc = dynamic_cast<const AccumulateGrad*>(node(n).get());
  return acc ? wrap(acc->variable()) : 0;
}

void node_free(Handle n) { delete reinterpret_cast<NodePtr*>(n); }

bool is_grad_enabled() { return GradMode::is_enabled(); }
void set_grad_enabled(bool enabled) { GradMode::set_enabled(enabled); }

}  // namespace gradlab::wasm
