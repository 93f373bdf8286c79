#include "gradlab/autograd/record.h"

#include <algorithm>

#include "gradlab/autograd/capture.h"
#include "gradlab/autograd/grad_mode.h"
#include "pooled.h"

namespace gradlab {

bool any_requires_grad(TensorList inputs) {
  for (const auto& t : inputs)
    if (t.defined() && t.requires_grad()) return true;
  return false;
}

bool graph_enabled_for(TensorList inputs) {
  if (!GradMode::is_enabled()) return false;
  bool any = false;
  for (const auto& t : inputs) {
    if (!t.defined()) continue;
    // The tutorial's rule: volatile wins over requires_grad.
    if (t.is_volatile()) return false;
    any = any || t.requires_grad();
  }
  return any;
}

void propagate_flags(TensorList outputs, TensorList inputs) {
  bool is_volatile = false;
  Legacy legacy = Legacy::None;
  for (const auto& t : inputs) {
    if (!t.defined()) continue;
    is_volatile = is_volatile || t.is_volatile();
    legacy = std::max(legacy, t.legacy());
  }
  if (!is_volatile && legacy == Legacy::None) return;
  for (const auto& o : outputs) {
    if (!o.defined()) continue;
    if (is_volatile) o.set_volatile(true);
    o.set_legacy(std::max(legacy, o.legacy()));
  }
}

void record(const char* name, TensorList outputs, TensorList inputs, TensorList save, BackwardFn fn,
            TensorList save_outputs) {
  // One walk over the inputs for what propagate_flags and graph_enabled_for
  // each ask (this runs on every op).
  bool is_volatile = false, needs_grad = false;
  Legacy legacy = Legacy::None;
  for (const auto& t : inputs) {
    if (!t.defined()) continue;
    is_volatile = is_volatile || t.is_volatile();
    legacy = std::max(legacy, t.legacy());
    needs_grad = needs_grad || t.requires_grad();
  }
  if (is_volatile || legacy != Legacy::None) {
    for (const auto& o : outputs) {
      if (!o.defined()) continue;
      if (is_volatile) o.set_volatile(true);
      o.set_legacy(std::max(legacy, o.legacy()));
    }
  }
  // The tutorial's rule: volatile wins over requires_grad.
  if (!needs_grad || is_volatile || !GradMode::is_enabled()) return;
  auto node = pooled::make_shared<FunctionNode>(name, std::move(fn), outputs.size());
  node->reserve(inputs.size(), save.size() + save_outputs.size());
  for (const auto& t : inputs) node->add_input(t);
  for (const auto& t : save) node->save(t, false);
  for (uint32_t i = 0; i < outputs.size(); ++i) {
    TensorImpl* o = outputs[i].impl();
    o->grad_fn = node;
    o->output_nr = i;
    o->requires_grad = false;
  }
  for (const auto& t : save_outputs) node->save(t, true);
  if (capture::enabled()) capture::node_created(node, outputs);  // the Graph pane's recorder
}

}  // namespace gradlab
