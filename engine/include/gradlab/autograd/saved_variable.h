// A tensor saved by a graph node for its backward pass. It remembers the
// version it saw (in-place changes after saving are an error, as in PyTorch)
// and can be released after backward unless the graph is retained.
#pragma once
#include <memory>
#include <string>

#include "gradlab/tensor.h"

namespace gradlab {

class SavedVariable {
 public:
  SavedVariable() = default;
  // is_output: the tensor is an output of the node that saves it. Holding its
  // grad_fn strongly would make a cycle, so the node is remembered weakly.
  SavedVariable(const Tensor& t, bool is_output);

  // saved_for: the node that saved it, named by the modified-in-place error (may be null).
  Tensor unpack(const Node* saved_for) const;
  void release() { data_.reset(); released_ = true; }
  bool defined() const { return was_defined_; }

 private:
  std::shared_ptr<TensorImpl> data_;   // for outputs: a shallow copy without grad_fn
  std::weak_ptr<TensorImpl> original_;  // set when data_ is a copy of a non-output
  std::weak_ptr<TensorImpl> original_base_;  // and the base, when that was a view
  std::weak_ptr<Node> weak_grad_fn_;
  uint32_t saved_version_ = 0;
  uint32_t output_nr_ = 0;
  bool is_output_ = false;
  bool was_defined_ = false;
  bool released_ = false;
  bool requires_grad_ = false;
  bool is_leaf_ = false;
};

}  // namespace gradlab
