// Adapters for autograd: backward, autograd.grad, hooks and gradcheck that
// call back into JavaScript, grad_fn nodes as handles, and grad mode. Each
// reads its arguments from the scratch area (layouts in bindings.cpp).
#pragma once
#include "handles.h"

namespace gradlab::wasm {

// retain_graph, create_graph, [roots], [grads] (0 where none was given)
double backward_svc(const double* a);
// retain_graph, create_graph, allow_unused, [outputs], [inputs], [grad_outputs]
// -> count of handles in the scratch area, one per input (0 where unused)
double autograd_grad_svc(const double* a);

// Hooks are JS functions in a JS table; the engine knows them by id only and
// calls them through the module's glHooks (see bindings.cpp): call(id,
// gradHandle) returns 0 (keep the gradient), a handle (replace it), or -1 when
// the JS hook threw (JS keeps the thrown value and rethrows it); drop(id) runs
// once the engine no longer holds the hook.
// h, js_id -> the engine's id for remove_hook
double register_hook_svc(const double* a);
double remove_hook_svc(const double* a);  // h, id
// eps, atol, rtol, [inputs]: the function is JS's (glHooks.gradcheck)
double gradcheck_svc(const double* a);

// A custom autograd Function (Python's torch.autograd.Function): id, name
// length (the name's UTF-8 bytes staged), [inputs], [outputs], [saved],
// [saved outputs]. When grad mode is on and an input requires grad, the
// outputs get one node named by the staged text, saving the saved tensors;
// its backward calls glHooks.function(id, n) with the handles of the output
// gradients, then of the saved tensors unpacked, in the scratch area; it
// returns the count of gradient handles it wrote back there (one per input,
// 0 for None) or -1 when the host raised. drop(id) runs once the engine no
// longer holds the function.
double custom_function_svc(const double* a);

// Graph nodes: a handle is a heap shared_ptr<Node>; 0 = none.
double grad_fn_svc(const double* a);
double node_name_svc(const double* a);     // -> text
double node_address_svc(const double* a);
// n -> count; [childHandle, input_nr, ...] per next edge in the scratch area
// (childHandle 0 for an input without grad)
double node_next_svc(const double* a);
// The leaf an AccumulateGrad node writes to (a tensor handle), else 0.
double node_variable_svc(const double* a);
double node_free_svc(const double* a);

double is_grad_enabled_svc(const double* a);
double set_grad_enabled_svc(const double* a);

}  // namespace gradlab::wasm
