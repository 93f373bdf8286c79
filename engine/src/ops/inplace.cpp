// In-place ops. Without a graph they write straight into storage. With one,
// the op runs out of place on a snapshot of self (so what it saves for backward
// is the old value) and self takes over the result's grad_fn: PyTorch's
// "rebase history" (on a view, the base is rebased too: inplace_view.cpp).
// Either way the version counter is bumped, which is how saved tensors notice
// they were overwritten.
#include "gradlab/ops/inplace.h"

#include <cmath>

#include "gradlab/autograd/grad_mode.h"
#include "gradlab/autograd/record.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/random.h"
#include "kernels/elementwise.h"
#include "ops/inplace_view.h"

namespace gradlab {

namespace {

void check_inplace(const Tensor& self, TensorList inputs) {
  // An expanded tensor shows one element at several places: writing it in
  // place has no single answer, so PyTorch refuses (with or without grad).
  for (int64_t d = 0; d < self.dim(); ++d)
    GL_CHECK(!(self.strides()[d] == 0 && self.shape()[d] > 1),
             "unsupported operation: more than one element of the written-to tensor refers to a single memory "
             "location. Please clone() the tensor before performing the operation.");
  if (!GradMode::is_enabled() || !any_requires_grad(inputs)) return;
  const TensorImpl* base = self.impl()->view_base.get();
  if (base) {
    GL_CHECK(!self.impl()->view_from_no_grad,
             "A view was created in no_grad mode and is being modified inplace with grad mode enabled. Given "
             "that this use case is ambiguous and error-prone, it is forbidden. You can clarify your code by "
             "moving both the view and the inplace either both inside the no_grad block (if you don't want the "
             "inplace to be tracked) or both outside (if you want the inplace to be tracked).");
    // PyTorch's test: the view needs a gradient and its base is a leaf, whether
    // or not the base needs one (a view made a leaf with requires_grad_() counts).
    GL_CHECK(!(self.requires_grad() && !base->grad_fn),
             "a view of a leaf Variable that requires grad is being used in an in-place operation.");
  }
  GL_CHECK(!(self.is_leaf() && self.requires_grad()),
           "a leaf Variable that requires grad is being used in an in-place operation.");
}

void check_cast(const Tensor& result, const Tensor& self) {
  GL_CHECK(can_cast(result.dtype(), self.dtype()), "result type ", scalar_type_name(result.dtype()),
           " can't be cast to the desired output type ", scalar_type_name(self.dtype()));
}

// A copy of self's values that keeps self's place in the graph (same grad_fn or leaf edge).
Tensor snapshot(const Tensor& self) {
  (void)self.grad_fn();  // a view whose base changed since first catches up with it
  Tensor values = Tensor::empty(self.shape(), self.dtype());
  kernels::copy_into(values, self);
  Tensor copy = history_alias(self);
  TensorImpl* impl = copy.impl();
  impl->storage = values.impl()->storage;
  impl->version = values.impl()->version;
  impl->strides = values.strides();
  impl->offset = 0;
  return copy;
}

template <typename Compute>
Tensor apply_inplace(const Tensor& self, const variable_list& others, Compute compute) {
  variable_list inputs = others;
  inputs.push_back(self);
  check_inplace(self, inputs);
  if (!graph_enabled_for(inputs)) {
    Tensor r;
    {
      NoGradGuard guard;
      r = compute(self);
    }
    check_cast(r, self);
    GL_CHECK(r.dim() <= self.dim() && broadcast_shapes(r.shape(), self.shape()) == self.shape(),
             "output with shape ", shape_str(self.shape()), " doesn't match the broadcast shape ",
             shape_str(broadcast_shapes(r.shape(), self.shape())));
    kernels::copy_into(self, r);
    self.bump_version();
    return self;
  }
  Tensor r = compute(snapshot(self));
  check_cast(r, self);
  GL_CHECK(r.shape() == self.shape(), "output with shape ", shape_str(self.shape()),
           " doesn't match the broadcast shape ", shape_str(r.shape()));
  kernels::copy_into(self, r);
  self.bump_version();
  if (const auto& base = self.impl()->view_base) {
    rebase_view_history(self, Tensor(base), r);
    return self;
  }
  self.impl()->grad_fn = r.grad_fn();
  self.impl()->output_nr = r.impl()->output_nr;
  self.impl()->requires_grad = false;
  return self;
}

}  // namespace

Tensor add_(const Tensor& self, const Tensor& other, double alpha) {
  return apply_inplace(self, {other}, [&](const Tensor& s) { return add(s, other, alpha); });
}
Tensor sub_(const Tensor& self, const Tensor& other, double alpha) {
  return apply_inplace(self, {other}, [&](const Tensor& s) { return sub(s, other, alpha); });
}
Tensor mul_(const Tensor& self, const Tensor& other) {
  return apply_inplace(self, {other}, [&](const Tensor& s) { return mul(s, other); });
}
Tensor div_(const Tensor& self, const Tensor& other) {
  return apply_inplace(self, {other}, [&](const Tensor& s) { return div(s, other); });
}
Tensor add_(const Tensor& self, double other) {
  return apply_inplace(self, {}, [&](const Tensor& s) { return add(s, other); });
}
Tensor sub_(const Tensor& self, double other) {
  return apply_inplace(self, {}, [&](const Tensor& s) { return sub(s, other); });
}
Tensor mul_(const Tensor& self, double other) {
  return apply_inplace(self, {}, [&](const Tensor& s) { return mul(s, other); });
}
Tensor div_(const Tensor& self, double other) {
  return apply_inplace(self, {}, [&](const Tensor& s) { return div(s, other); });
}
Tensor clamp_(const Tensor& self, double min, double max) {
  // PyTorch's clamp_ spells the output type as its C++ type ("long int", "bool").
  const DType dt = clamp_result_type(self, min, max);
  GL_CHECK(can_cast(dt, self.dtype()), "result type ", scalar_type_name(dt), " can't be cast to the desired output type ",
           self.dtype() == DType::Bool ? "bool" : "long int");
  return apply_inplace(self, {}, [&](const Tensor& s) { return clamp(s, min, max); });
}

Tensor fill_(const Tensor& self, double value) {
  return apply_inplace(self, {}, [&](const Tensor& s) {
    Tensor out = full(s.shape(), value, s.dtype());
    // Filled values no longer depend on the old ones: zero gradient.
    record("FillBackward0", {out}, {s}, {}, [](const BackwardContext& c) {
      return variable_list{zeros_like(c.grad())};
    });
    return out;
  });
}

Tensor zero_(const Tensor& self) {
  return apply_inplace(self, {}, [&](const Tensor& s) {
    Tensor out = zeros(s.shape(), s.dtype());
    record("ZeroBackward0", {out}, {s}, {}, [](const BackwardContext& c) {
      return variable_list{zeros_like(c.grad())};
    });
    return out;
  });
}

Tensor copy_(const Tensor& self, const Tensor& src) {
  const Shape target = src.dim() <= self.dim() ? broadcast_shapes(src.shape(), self.shape()) : Shape{};
  GL_CHECK(src.dim() <= self.dim() && target == self.shape(), "output with shape ", shape_str(self.shape()),
           " doesn't match the broadcast shape ", shape_str(broadcast_shapes(src.shape(), self.shape())));
  return apply_inplace(self, {src}, [&](const Tensor& s) {
    Tensor out = Tensor::empty(s.shape(), s.dtype());
    kernels::copy_into(out, src);
    // d copy_(self, src) = 0 for the old self, grad (summed to src's shape) for src
    record("CopyBackwards", {out}, {s, src}, {}, [](const BackwardContext& c) {
      return variable_list{zeros_like(c.grad()), c.grad()};
    });
    return out;
  });
}

Tensor uniform_(const Tensor& self, double from, double to) {
  random::check_uniform_dtype(self.dtype());
  return apply_inplace(self, {}, [&](const Tensor& s) {
    Tensor out = Tensor::empty(s.shape(), s.dtype());
    GL_DISPATCH_FLOAT(s.dtype(), T, random::fill_uniform(out.data_ptr<T>(), out.numel(), from, to));
    record("UniformBackward0", {out}, {s}, {}, [](const BackwardContext& c) {
      return variable_list{zeros_like(c.grad())};
    });
    return out;
  });
}

Tensor normal_(const Tensor& self, double mean, double std) {
  random::check_normal_dtype(self.dtype());
  return apply_inplace(self, {}, [&](const Tensor& s) {
    Tensor out = Tensor::empty(s.shape(), s.dtype());
    GL_DISPATCH_FLOAT(s.dtype(), T, random::fill_normal(out.data_ptr<T>(), out.numel(), mean, std));
    record("NormalBackward0", {out}, {s}, {}, [](const BackwardContext& c) {
      return variable_list{zeros_like(c.grad())};
    });
    return out;
  });
}

}  // namespace gradlab
