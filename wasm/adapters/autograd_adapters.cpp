// Autograd adapters. JS callbacks (hooks by id, and gradcheck's function) are
// imported JS functions (EM_JS) that never let a JS exception unwind C++
// frames: they report failure with -1 and the C++ side turns it into an
// engine Error, so guards, grad-mode scopes and the graph are restored as for
// any other error.
#include "autograd_adapters.h"

#include <emscripten/emscripten.h>

#include <memory>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "gradlab/autograd/gradcheck.h"
#include "gradlab/gradlab.h"
#include "signatures.h"
#include "tensor_adapters.h"

// The JS side installs Module.glHooks (wasm/src/raw.js).
EM_JS(double, gl_js_hook_call, (int id, double grad), { return Module.glHooks.call(id, grad); });
EM_JS(void, gl_js_hook_drop, (int id), { Module.glHooks.drop(id); });
// Reads the n input handles from the scratch area, writes the output handles
// there; returns their count or -1.
EM_JS(double, gl_js_gradcheck_call, (double n), { return Module.glHooks.gradcheck(n); });
// A custom Function's backward: the same protocol, the host's function by id.
EM_JS(double, gl_js_function_call, (int id, double n), { return Module.glHooks.function(id, n); });

namespace gradlab::wasm {

namespace {
using NodePtr = std::shared_ptr<Node>;
double wrap_node(NodePtr n) {
  return n ? static_cast<double>(reinterpret_cast<Handle>(new NodePtr(std::move(n)))) : 0;
}
const NodePtr& node(double n) { return *reinterpret_cast<NodePtr*>(static_cast<Handle>(n)); }

// The list at a (count, then handles) and the position after it.
variable_list list_of_tensors(const double*& a) {
  variable_list out = tensors_at(a);
  a += 1 + static_cast<size_t>(a[0]);
  return out;
}

// Takes over the n handles JS handed to C++ in the scratch area (it forgot
// them), freeing each after copying.
variable_list adopt(size_t n) {
  const double* a = gl_scratch_data(n);
  variable_list out;
  for (size_t i = 0; i < n; ++i) {
    const auto h = static_cast<Handle>(a[i]);
    out.push_back(tensor(h));
    if (h != 0) free_tensor(h);
  }
  return out;
}
}  // namespace

double backward_svc(const double* a) {
  const bool retain_graph = a[0] != 0, create_graph = a[1] != 0;
  const double* p = a + 2;
  const variable_list roots = list_of_tensors(p);
  const variable_list grads = list_of_tensors(p);
  autograd::backward(roots, grads, retain_graph, create_graph);
  return 0;
}

double autograd_grad_svc(const double* a) {
  const bool retain_graph = a[0] != 0, create_graph = a[1] != 0, allow_unused = a[2] != 0;
  const double* p = a + 3;
  const variable_list outputs = list_of_tensors(p);
  const variable_list inputs = list_of_tensors(p);
  const variable_list grad_outputs = list_of_tensors(p);
  return put_handles(autograd::grad(outputs, inputs, grad_outputs, retain_graph, create_graph, allow_unused));
}

namespace {
// Lives as long as the engine keeps the hook (every copy of the lambda shares
// it); its end tells JS to drop the function from its table, so no JS closure
// is held from C++ and a tensor with a hook is reclaimed like any other.
struct JsHook {
  explicit JsHook(int id) : id(id) {}
  JsHook(const JsHook&) = delete;
  JsHook& operator=(const JsHook&) = delete;
  ~JsHook() { gl_js_hook_drop(id); }
  int id;
};
}  // namespace

double register_hook_svc(const double* a) {
  auto entry = std::make_shared<JsHook>(static_cast<int>(a[1]));
  return T(a[0]).register_hook([entry](const Tensor& g) -> Tensor {
    const double r = gl_js_hook_call(entry->id, static_cast<double>(wrap(g)));
    GL_CHECK(r >= 0, "a tensor hook raised an exception");
    return tensor(static_cast<Handle>(r));
  });
}

double remove_hook_svc(const double* a) {
  T(a[0]).remove_hook(static_cast<int>(a[1]));
  return 0;
}

double gradcheck_svc(const double* a) {
  const double eps = a[0], atol = a[1], rtol = a[2];
  const variable_list inputs = tensors_at(a + 3);
  const autograd::GradcheckFn f = [](const variable_list& xs) {
    const double r = gl_js_gradcheck_call(put_handles(xs));
    GL_CHECK(r >= 0, "the function given to gradcheck raised an exception");
    return adopt(static_cast<size_t>(r));
  };
  return autograd::gradcheck(f, inputs, eps, atol, rtol) ? 1 : 0;
}

namespace {
// Node names are C strings that live as long as the program (record() keeps
// the pointer, and a grad_fn is printable after its backward freed the
// closure); a custom Function's name is kept here, once per distinct name.
const char* interned_name(const std::string& name) {
  static std::unordered_set<std::string> names;
  return names.insert(name).first->c_str();
}
}  // namespace

double custom_function_svc(const double* a) {
  const auto id = static_cast<int>(a[0]);
  const auto length = static_cast<size_t>(a[1]);
  const std::string name(static_cast<const char*>(stage(0)), length);
  auto entry = std::make_shared<JsHook>(id);  // dropped with the node's backward closure
  const double* p = a + 2;
  const variable_list inputs = list_of_tensors(p);
  const variable_list outputs = list_of_tensors(p);
  // What ctx.save_for_backward kept, as the engine's saved variables: freed after a backward
  // without retain_graph and checked for in-place changes, as PyTorch's are.
  const variable_list saved = list_of_tensors(p);
  const variable_list saved_outputs = list_of_tensors(p);
  // An output that receives no gradient gets zeros, as PyTorch's materialize_grads does.
  std::vector<std::pair<Shape, DType>> metas;
  for (const Tensor& o : outputs) metas.emplace_back(o.shape(), o.dtype());
  record(interned_name(name), outputs, inputs, saved, [entry, metas](const BackwardContext& c) {
    variable_list args;  // the output gradients, then the saved tensors unpacked
    for (size_t i = 0; i < metas.size(); ++i) {
      const bool given = i < c.grads.size() && c.grads[i].defined();
      args.push_back(given ? c.grads[i] : zeros(metas[i].first, metas[i].second));
    }
    args.insert(args.end(), c.saved.begin(), c.saved.end());
    const double r = gl_js_function_call(entry->id, put_handles(args));
    GL_CHECK(r >= 0, "a custom Function's backward raised an exception");
    return adopt(static_cast<size_t>(r));
  }, saved_outputs);
  return 0;
}

double grad_fn_svc(const double* a) { return wrap_node(T(a[0]).grad_fn()); }
double node_name_svc(const double* a) { return put_text(node(a[0])->name()); }
double node_address_svc(const double* a) { return static_cast<double>(reinterpret_cast<uintptr_t>(node(a[0]).get())); }

double node_next_svc(const double* a) {
  const NodePtr& n = node(a[0]);
  const size_t count = 2 * n->next_edges().size();
  double* s = gl_scratch_data(count);
  size_t i = 0;
  for (const Edge& e : n->next_edges()) {
    s[i++] = wrap_node(e.fn);
    s[i++] = e.input_nr;
  }
  return static_cast<double>(count);
}

double node_variable_svc(const double* a) {
  const auto* acc = node(a[0])->as_accumulate_grad();
  return acc ? static_cast<double>(wrap(acc->variable())) : 0;
}

double node_free_svc(const double* a) {
  delete reinterpret_cast<NodePtr*>(static_cast<Handle>(a[0]));
  return 0;
}

double is_grad_enabled_svc(const double*) { return GradMode::is_enabled() ? 1 : 0; }
double set_grad_enabled_svc(const double* a) {
  GradMode::set_enabled(a[0] != 0);
  return 0;
}

}  // namespace gradlab::wasm
