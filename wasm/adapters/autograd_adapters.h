// Adapters for autograd: backward, autograd.grad, hooks and gradcheck that
// call back into JavaScript, grad_fn nodes as handles, and grad mode.
#pragma once
#include <emscripten/val.h>

#include <string>

#include "handles.h"

namespace gradlab::wasm {

using emscripten::val;

// grads: one handle per root, 0 where none was given.
void backward_op(val roots, val grads, bool retain_graph, bool create_graph);
// One handle per input, 0 where unused.
val grad_op(val outputs, val inputs, val grad_outputs, bool retain_graph, bool create_graph,
            bool allow_unused);

// Hooks are JS functions in a JS table; the engine knows them by id only.
// call(id, gradHandle) returns 0 (keep the gradient), a handle (replace it),
// or -1 when the JS hook threw (JS keeps the thrown value and rethrows it);
// drop(id) runs once the engine no longer holds the hook.
void set_hook_functions(val call, val drop);
// Returns the engine's id for remove_hook_op.
int register_hook_op(Handle h, int js_id);
void remove_hook_op(Handle h, int id);
// fn(inputHandles) returns an array of output handles it hands over, or -1.
bool gradcheck_op(val fn, val inputs, double eps, double atol, double rtol);

// Graph nodes: a handle is a heap shared_ptr<Node>; 0 = none.
Handle grad_fn_op(Handle h);
std::string node_name(Handle n);
double node_address(Handle n);
// [childHandle, input_nr, ...] per next edge (childHandle 0 for an input without grad).
val node_next(Handle n);
// The leaf an AccumulateGrad node writes to (a tensor handle), else 0.
Handle node_variable(Handle n);
void node_free(Handle n);

bool is_grad_enabled();
void set_grad_enabled(bool enabled);

}  // namespace gradlab::wasm
