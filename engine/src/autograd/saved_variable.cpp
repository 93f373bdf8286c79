#include "gradlab/autograd/saved_variable.h"

#include <string>

#include "gradlab/autograd/node.h"
#include "gradlab/error.h"
#include "pooled.h"

namespace gradlab {

namespace {
std::string legacy_type_name(DType d) {
  switch (d) {
    case DType::Float32: return "torch.FloatTensor";
    case DType::Float64: return "torch.DoubleTensor";
    case DType::Int64: return "torch.LongTensor";
    case DType::Bool: return "torch.BoolTensor";
  }
  return "?";
}

// A node as PyTorch's message names it: its C++ name, which for the nodes written by hand in
// torch::autograd (not generated) carries the namespace (live runs s98004-894, s91000-185).
std::string message_name(const Node& node) {
  const std::string name = node.name();
  return name == "CopySlices" || name == "CopyBackwards" ? "torch::autograd::" + name : name;
}
}  // namespace

SavedVariable::SavedVariable(const Tensor& t, bool is_output) {
  if (!t.defined()) return;
  was_defined_ = true;
  is_output_ = is_output;
  saved_version_ = t.version();
  output_nr_ = t.impl()->output_nr;
  requires_grad_ = t.requires_grad();
  is_leaf_ = t.is_leaf();
  if (is_output) {
    // Keep data and metadata but not grad_fn (that is the node saving us).
    Tensor copy = t.detach();
    copy.impl()->is_volatile = t.is_volatile();
    data_ = copy.impl_ptr();
    weak_grad_fn_ = t.grad_fn();
  } else if (t.is_leaf() && t.requires_grad()) {
    // A leaf that requires grad is saved as itself: double backward must reach
    // its AccumulateGrad, and it cannot be modified in place under grad mode,
    // so its history never changes.
    data_ = t.impl_ptr();
  } else {
    // Anything else may later be modified in place and take a grad_fn whose
    // graph reaches this node (m.copy_(m.var())): holding m's own TensorImpl
    // would make a cycle that is never freed. A second handle on the same
    // storage and version counter, with the history it has now, avoids that;
    // the original is remembered weakly, for the in-place error's message.
    data_ = history_alias(t).impl_ptr();
    original_ = t.impl_ptr();
    original_base_ = t.impl()->view_base;
  }
}

Tensor SavedVariable::unpack(const Node* saved_for) const {
  if (!was_defined_) return Tensor();
  GL_CHECK(!released_,
           "Trying to backward through the graph a second time (or directly access saved tensors "
           "after they have already been freed). Saved intermediate values of the graph are freed "
           "when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to "
           "backward through the graph a second time or if you need to access saved tensors after "
           "calling backward.");
  if (data_->version->version != saved_version_) {
    const Shape& s = data_->shape;
    std::string where;
    if (is_output_ && saved_for)
      where = ", which is output " + std::to_string(output_nr_) + " of " + message_name(*saved_for) + ",";
    else if (const auto now = original_.lock(); now && Tensor(now).grad_fn())
      // PyTorch names its current grad_fn, as read now: a view whose base changed in place
      // has been rebuilt as AsStridedBackward0 (live run s104006-544)
      where = ", which is output " + std::to_string(now->output_nr) + " of " + message_name(*Tensor(now).grad_fn()) +
              ",";
    else if (const auto base = original_base_.lock(); base && (base->grad_fn || base->requires_grad))
      // The original, a view, is gone; PyTorch keeps it and reads its node now: after its base
      // changed in place (the version moved) and has a gradient, the rebuilt AsStridedBackward0
      // (live run s126016-455: F.linear's saved weight.t()).
      where = ", which is output 0 of AsStridedBackward0,";
    else if (!is_leaf_ && data_->grad_fn)
      where = ", which is output " + std::to_string(data_->output_nr) + " of " +
              message_name(*data_->grad_fn) + ",";
    fail("one of the variables needed for gradient computation has been modified by an inplace "
         "operation: [",
         legacy_type_name(data_->dtype), " ", shape_str(s), "]", where, " is at version ",
         data_->version->version, "; expected version ", saved_version_,
         " instead. Hint: enable anomaly detection to find the operation that failed to compute "
         "its gradient, with torch.autograd.set_detect_anomaly(True).");
  }
  if (!is_output_) return Tensor(data_);
  // Rebuild the output with its grad_fn so double backward flows through it.
  auto impl = pooled::make_shared<TensorImpl>(*data_);
  impl->grad_fn = weak_grad_fn_.lock();
  impl->output_nr = output_nr_;
  impl->requires_grad = requires_grad_ && !impl->grad_fn;
  impl->grad.reset();
  impl->hooks.clear();
  return Tensor(std::move(impl));
}

}  // namespace gradlab
