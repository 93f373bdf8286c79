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

// The tensors an op hands to record(): a braced list ({out}, {a, b}) or a
// vector, viewed without copying. A braced list lives until the end of the
// call, which is all record() needs; building a vector there would cost a heap
// allocation per list on every op.
class TensorList {
 public:
  TensorList() = default;
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winit-list-lifetime"  // the view is used within the call only
#endif
  TensorList(std::initializer_list<Tensor> list) : data_(list.begin()), size_(list.size()) {}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
  TensorList(const variable_list& list) : data_(list.data()), size_(list.size()) {}  // NOLINT: implicit on purpose
  const Tensor* begin() const { return data_; }
  const Tensor* end() const { return data_ + size_; }
  size_t size() const { return size_; }
  const Tensor& operator[](size_t i) const { return data_[i]; }

 private:
  const Tensor* data_ = nullptr;
  size_t size_ = 0;
};

// True when an op on these inputs must build a graph node.
bool any_requires_grad(TensorList inputs);
bool graph_enabled_for(TensorList inputs);

// Marks outputs volatile/legacy when any input is.
void propagate_flags(TensorList outputs, TensorList inputs);

// name: a string literal (the node keeps the pointer).
// Saved tensors: inputs are saved as they are; outputs listed in save_outputs are
// saved weakly linked to the node (see SavedVariable).
void record(const char* name, TensorList outputs, TensorList inputs, TensorList save, BackwardFn fn,
            TensorList save_outputs = {});

}  // namespace gradlab
