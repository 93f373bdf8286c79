// The backward engine: iterative, in dependency order (no recursion, so a
// 100,000-op chain does not overflow WebAssembly's stack).
#pragma once
#include <vector>

#include "gradlab/tensor.h"

namespace gradlab::autograd {

// tensor.backward(gradient, retain_graph, create_graph); an undefined gradient means 1 for scalars.
void backward(const variable_list& roots, const variable_list& grad_roots, bool retain_graph,
              bool create_graph);

// torch.autograd.grad: returns one gradient per input (undefined where unused and allow_unused).
variable_list grad(const variable_list& outputs, const variable_list& inputs,
                   const variable_list& grad_outputs, bool retain_graph, bool create_graph,
                   bool allow_unused);

}  // namespace gradlab::autograd
