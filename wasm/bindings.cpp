// Embind registrations only: every raw name starts with `_`; the JS wrapper
// in src/ turns them into the PyTorch-style API. Adapters live in adapters/.
// Ops are not here: they go through the dispatcher (adapters/dispatch.cpp,
// one extern "C" entry point for the whole op table, engine/ops.def). Embind
// stays for what crosses as JS values: TypedArrays in and out, strings,
// arrays of handles and the autograd callbacks.
#include <emscripten/bind.h>

#include "adapters/autograd_adapters.h"
#include "adapters/capture_adapters.h"
#include "adapters/handles.h"
#include "adapters/tensor_adapters.h"

using namespace gradlab;
using namespace gradlab::wasm;
using emscripten::function;

EMSCRIPTEN_BINDINGS(gradlab) {
  // Handles, errors, memory.
  function("_share", &share_tensor);
  function("_error_flag_address", &error_flag_address);
  function("_take_error", &take_error);
  function("_memory_bytes", &memory_bytes);

  // Data and metadata.
  function("_from_data", &from_data);
  function("_copy_out", &copy_out);
  function("_meta", &meta);
  function("_flags", &flags);
  function("_version", &version);
  function("_item", &item);
  function("_set_requires_grad", &set_requires_grad);
  function("_set_volatile", &set_volatile);
  function("_set_legacy", &set_legacy);
  function("_grad", &grad);
  function("_set_grad", &set_grad);
  function("_retain_grad", &retain_grad);
  function("_detach", &detach);
  function("_detach_", &detach_);
  function("_data", &data);
  function("_same_storage", &same_storage);
  function("_impl_address", &impl_address);
  function("_grad_address", &grad_address);

  // Printing.
  function("_repr", &repr);
  function("_array_str", &array_str);
  function("_set_torch_printoptions", &set_torch_printoptions);
  function("_set_numpy_printoptions", &set_numpy_printoptions);

  // Autograd.
  function("_backward", &backward_op);
  function("_autograd_grad", &grad_op);
  function("_set_hook_functions", &set_hook_functions);
  function("_register_hook", &register_hook_op);
  function("_remove_hook", &remove_hook_op);
  function("_gradcheck", &gradcheck_op);
  function("_grad_fn", &grad_fn_op);
  function("_node_name", &node_name);
  function("_node_address", &node_address);
  function("_node_next", &node_next);
  function("_node_variable", &node_variable);
  function("_node_free", &node_free);
  function("_is_grad_enabled", &is_grad_enabled);
  function("_set_grad_enabled", &set_grad_enabled);

  // Capture mode, for the playground's Graph pane (src/capture.js).
  function("_capture_start", &capture_start);
  function("_capture_stop", &capture_stop);
  function("_capture_enabled", &capture_enabled);
  function("_capture_name", &capture_name);
  function("_capture_read", &capture_read);
  function("_capture_graph", &capture_graph);
  function("_capture_preview", &capture_preview);
}
