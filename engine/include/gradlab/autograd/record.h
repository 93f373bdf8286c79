// How an op joins the graph. Every op calls record() (or propagate_flags() for
// non-differentiable results) once its outputs exist: that carries the legacy
// volatile/printing flags and, when some input needs a gradient, links a
// FunctionNode holding the backward closure.
//
//   Tensor out = ...forward...;
//   // d(a*b) = grad*b, grad*a
//   record("MulBackward0", {out}, {a, b}, {a, b}, [](const BackwardContext& c) {
//     return variable_list{mul(c.grad(), c.saved[1]), mul(c.grad(), c.saved[0])};
//   });
#pragma once
#include <initializer_list>
#include <vector>

#include "gradlab/autograd/node.h"

namespace gradlab {

// True when an op on these inputs must build a graph node.
bool any_requires_grad(const variable_list& inputs);
bool graph_enabled_for(const variable_list& inputs);

// Marks outputs volatile/legacy when any input is.
void propagate_flags(const variable_list& outputs, const variable_list& inputs);

// Saved tensors: inputs are saved as they are; outputs listed in save_outputs are
// saved weakly linked to the node (see SavedVariable).
void record(const char* name, const variable_list& outputs, const variable_list& inputs,
            const variable_list& save, BackwardFn fn, const variable_list& save_outputs = {});

}  // namespace gradlab
