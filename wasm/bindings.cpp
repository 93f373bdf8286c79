// The engine's services besides the ops: data in and out, metadata, printing,
// errors, autograd and grad_fn nodes. Like the ops (adapters/dispatch.cpp,
// gl_call), each is a row of a table behind one extern "C" entry point,
// gl_service(id), that reads its arguments from the scratch area of doubles;
// wasm/src/raw.js puts a `_name` function on the module for each, with the
// argument order the rest of the package calls it with. No Embind: its
// runtime cost start-up time (an invoker built per function) and download
// size, and nothing here needs more than numbers, the scratch area and a
// staging buffer for values and text.
#include <emscripten/emscripten.h>

#include "adapters/autograd_adapters.h"
#include "adapters/capture_adapters.h"
#include "adapters/handles.h"
#include "adapters/signatures.h"
#include "adapters/tensor_adapters.h"

using namespace gradlab;
using namespace gradlab::wasm;

namespace {

double error_flag_address_svc(const double*) { return static_cast<double>(error_flag_address()); }
// The message of the last failure (text), clearing the flag.
double take_error_svc(const double*) { return put_text(take_error()); }
// nbytes -> the address of the staging buffer
double stage_svc(const double* a) {
  return static_cast<double>(reinterpret_cast<uintptr_t>(stage(static_cast<size_t>(a[0]))));
}

using Service = double (*)(const double*);
// Ids are positions here; wasm/src/raw.js lists the same names in the same
// order (and checks the count, gl_service(-1)).
const Service kServices[] = {
    error_flag_address_svc, take_error_svc, stage_svc, share_svc, memory_bytes_svc,
    // Data and metadata.
    from_data_svc, copy_out_svc, meta_svc, flags_svc, version_svc, item_svc, set_requires_grad_svc,
    set_volatile_svc, set_legacy_svc, grad_svc, set_grad_svc, retain_grad_svc, detach_svc, detach__svc,
    data_svc, same_storage_svc, impl_address_svc, grad_address_svc,
    // Printing.
    repr_svc, array_str_svc, set_torch_printoptions_svc, set_numpy_printoptions_svc,
    // Autograd.
    backward_svc, autograd_grad_svc, register_hook_svc, remove_hook_svc, gradcheck_svc, grad_fn_svc,
    node_name_svc, node_address_svc, node_next_svc, node_variable_svc, node_free_svc, is_grad_enabled_svc,
    set_grad_enabled_svc, custom_function_svc,
    // Capture mode, for the playground's Graph pane (src/capture.js).
    capture_start_svc, capture_stop_svc, capture_enabled_svc, capture_name_svc, capture_read_svc,
    capture_graph_svc, capture_preview_svc,
};
constexpr int kServiceCount = static_cast<int>(sizeof(kServices) / sizeof(kServices[0]));

}  // namespace

extern "C" {

// Runs service `id` on the arguments in the scratch area; on failure 0 with
// the error flag raised. gl_service(-1) is the number of services.
EMSCRIPTEN_KEEPALIVE double gl_service(int id) {
  if (id == -1) return kServiceCount;
  if (id < 0 || id >= kServiceCount) {
    set_error("unknown service id " + std::to_string(id));
    return 0;
  }
  return run_guarded(sig::custom, reinterpret_cast<AnyFn>(kServices[id]), gl_scratch_data(8));
}

}  // extern "C"
