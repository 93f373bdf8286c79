// In-place ops. Without a graph they write straight into storage. With one,
// the op runs out of place on a snapshot of self (so what it saves for backward
// is the old value) and self takes over the result's grad_fn: PyTorch's
// "rebase history" (on a view, the base is rebased too: inplace_view.cpp).
// Either way the version counter is bumped, which is how saved tensors notice
// they were overwritten.
#include "gradlab/ops/inplace.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

#include "gradlab/autograd/grad_mode.h"
#include "gradlab/autograd/record.h"
#include "gradlab/ops/advanced_index.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/movement.h"
#include "gradlab/random.h"
#include "kernels/elementwise.h"
#include "ops/inplace_view.h"
#include "ops/sub_check.h"

namespace gradlab {

namespace {

// PyTorch's autograd checks, which run before the kernel looks at the memory.
void check_inplace(const Tensor& self, TensorList inputs) {
  if (!GradMode::is_enabled() || !any_requires_grad(inputs)) return;
  const TensorImpl* base = self.impl()->view_base.get();
  if (base) {
    GL_CHECK(!self.impl()->view_from_no_grad,
             "A view was created in no_grad mode and is being modified inplace with grad mode enabled. Given "
             "that this use case is ambiguous and error-prone, it is forbidden. You can clarify your code by "
             "moving both the view and the inplace either both inside the no_grad block (if you don't want the "
             "inplace to be tracked) or both outside (if you want the inplace to be tracked).");
    if (self.impl()->view_of_multi_output) {
      // PyTorch names the view's node when it has one, else words it as its no_grad case.
      // It reads the node the view holds, not one rebuilt after its base changed in place
      // (grad_fn() would rebuild it as AsStridedBackward0; live run s94007-268).
      const auto& fn = self.impl()->grad_fn;
      const std::string who = fn ? "Output " + std::to_string(self.impl()->output_nr) + " of " + fn->name() +
                                       " is a view and is being modified inplace."
                                 : "A view was created in no_grad mode and is being modified inplace with grad "
                                   "mode enabled.";
      fail(who, " This view is the output of a function that returns multiple views. Such functions do not allow "
                "the output views to be modified inplace. You should replace the inplace operation by an "
                "out-of-place one.");
    }
    // PyTorch's test: the view needs a gradient and its base is a leaf, whether
    // or not the base needs one (a view made a leaf with requires_grad_() counts).
    GL_CHECK(!(self.requires_grad() && !base->grad_fn),
             "a view of a leaf Variable that requires grad is being used in an in-place operation.");
  }
  // PyTorch reads the node the tensor holds, not one a view would rebuild after its base changed
  // in place: a view made before its base needed a gradient, whose grad_fn nobody read since,
  // still counts as a leaf here (live run s121004-789).
  GL_CHECK(!(self.impl()->grad_fn == nullptr && self.requires_grad()),
           "a leaf Variable that requires grad is being used in an in-place operation.");
}

// An expanded tensor shows one element at several places: writing computed
// values there has no single answer, so PyTorch's kernels refuse (with or
// without grad). fill_ and zero_ write one value everywhere and may; a tensor
// without elements writes nothing.
void check_no_self_overlap(const Tensor& self) {
  if (self.numel() == 0) return;
  for (int64_t d = 0; d < self.dim(); ++d)
    GL_CHECK(!(self.strides()[d] == 0 && self.shape()[d] > 1),
             "unsupported operation: more than one element of the written-to tensor refers to a single memory "
             "location. Please clone() the tensor before performing the operation.");
}

// An operand that shares some but not all of self's memory would be read
// while it is being written. PyTorch's test: only dense operands without
// overlap are compared (others are too hard to tell); the same elements in the
// same layout (x.mul_(x)) are fine.
void check_no_partial_overlap(const Tensor& self, const Tensor& input) {
  if (!input.defined() || self.impl()->storage != input.impl()->storage) return;
  if (self.numel() == 0 || input.numel() == 0) return;
  if (!self.is_non_overlapping_and_dense() || !input.is_non_overlapping_and_dense()) return;
  const int64_t a0 = self.offset(), a1 = a0 + self.numel(), b0 = input.offset(), b1 = b0 + input.numel();
  const bool same = a0 == b0 && a1 == b1 && self.strides() == input.strides();
  GL_CHECK(same || a1 <= b0 || b1 <= a0,
           "unsupported operation: some elements of the input tensor and the written-to tensor refer to a single "
           "memory location. Please clone() the tensor before performing the operation.");
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

// PyTorch moves a tensor's retain_grad() onto the node an in-place op gives it: .grad is then
// the gradient of its new value, and the old node no longer writes it (live run s98005-949).
void move_retained_grad(const Tensor& self, const std::shared_ptr<Node>& old_fn) {
  if (!self.impl()->retains_grad || !old_fn || !self.grad_fn()) return;
  auto& old_list = old_fn->retains_grad;
  old_list.erase(std::remove_if(old_list.begin(), old_list.end(),
                                [&](const auto& entry) { return entry.second.lock() == self.impl_ptr(); }),
                 old_list.end());
  self.grad_fn()->retains_grad.emplace_back(self.impl()->output_nr, self.impl_ptr());
}

enum class Overlap { Refused, Allowed };

// `meta` is an op's own check of its arguments, which PyTorch runs after
// autograd's checks and before the kernel's memory checks.
template <typename Compute>
Tensor apply_inplace(const Tensor& self, const variable_list& others, Compute compute,
                     Overlap overlap = Overlap::Refused, const std::function<void()>& meta = {}) {
  variable_list inputs = others;
  inputs.push_back(self);
  check_inplace(self, inputs);
  if (meta) meta();
  if (overlap == Overlap::Refused) check_no_self_overlap(self);
  for (const auto& other : others) check_no_partial_overlap(self, other);
  if (!graph_enabled_for(inputs)) {
    Tensor r;
    {
      NoGradGuard guard;
      r = compute(self);
    }
    GL_CHECK(r.dim() <= self.dim() && broadcast_shapes(r.shape(), self.shape()) == self.shape(),
             "output with shape ", shape_str(self.shape()), " doesn't match the broadcast shape ",
             shape_str(broadcast_shapes(r.shape(), self.shape())));
    check_cast(r, self);  // after the shapes, as PyTorch's TensorIterator
    kernels::copy_into(self, r);
    self.bump_version();
    return self;
  }
  Tensor r = compute(snapshot(self));
  GL_CHECK(r.shape() == self.shape(), "output with shape ", shape_str(self.shape()),
           " doesn't match the broadcast shape ", shape_str(r.shape()));
  check_cast(r, self);
  kernels::copy_into(self, r);
  self.bump_version();
  if (const auto& base = self.impl()->view_base) {
    rebase_view_history(self, Tensor(base), r);
    return self;
  }
  const std::shared_ptr<Node> old_fn = self.impl()->grad_fn;
  self.impl()->grad_fn = r.grad_fn();
  self.impl()->output_nr = r.impl()->output_nr;
  self.impl()->requires_grad = false;
  move_retained_grad(self, old_fn);
  return self;
}

// C++'s name of a dtype, as PyTorch's clamp_ prints the type it writes to.
const char* cpp_type_name(DType d) {
  switch (d) {
    case DType::Float32: return "float";
    case DType::Float64: return "double";
    case DType::Int64: return "long int";
    case DType::Bool: return "bool";
  }
  return "?";
}

}  // namespace

Tensor add_(const Tensor& self, const Tensor& other, double alpha) {
  return apply_inplace(self, {other}, [&](const Tensor& s) { return add(s, other, alpha); });
}
Tensor sub_(const Tensor& self, const Tensor& other, double alpha) {
  return apply_inplace(self, {other}, [&](const Tensor& s) { return sub(s, other, alpha); }, Overlap::Refused,
                       [&] { check_no_bool_sub(self, other); });
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
  // The bool check is sub_'s meta function, before the overlap check (live run s101003-728).
  return apply_inplace(self, {}, [&](const Tensor& s) { return sub(s, other); }, Overlap::Refused,
                       [&] { check_no_bool_sub(self, scalar_tensor(other, DType::Float64, true)); });
}
Tensor mul_(const Tensor& self, double other) {
  return apply_inplace(self, {}, [&](const Tensor& s) { return mul(s, other); });
}
Tensor div_(const Tensor& self, double other) {
  return apply_inplace(self, {}, [&](const Tensor& s) { return div(s, other); });
}
Tensor clamp_(const Tensor& self, std::optional<double> min, std::optional<double> max) {
  // The bounds take part in type promotion (clamp_result_type); PyTorch checks the
  // promoted type fits self before it looks at self's memory, and spells self's
  // type as its C++ name ("long int", "bool"). No bound at all is checked first.
  auto meta = [&] {
    GL_CHECK(min || max, "torch.clamp: At least one of 'min' or 'max' must not be None");
    const DType dt = clamp_result_type(self, min, max);
    GL_CHECK(can_cast(dt, self.dtype()), "result type ", scalar_type_name(dt),
             " can't be cast to the desired output type ", cpp_type_name(self.dtype()));
  };
  return apply_inplace(self, {}, [&](const Tensor& s) { return clamp(s, min, max); }, Overlap::Refused, meta);
}

Tensor clamp_(const Tensor& self, double min, double max) {
  const auto bound = [](double x) { return std::isnan(x) ? std::nullopt : std::optional<double>(x); };
  return clamp_(self, bound(min), bound(max));
}

Tensor fill_(const Tensor& self, double value) {
  return apply_inplace(self, {}, [&](const Tensor& s) {
    Tensor out = full(s.shape(), value, s.dtype());
    // Filled values no longer depend on the old ones: zero gradient. PyTorch
    // names the node of fill_ with a number FillBackward2.
    record("FillBackward2", {out}, {s}, {}, [](const BackwardContext& c) {
      return variable_list{zeros_like(c.grad())};
    });
    return out;
  }, Overlap::Allowed);
}

Tensor zero_(const Tensor& self) {
  return apply_inplace(self, {}, [&](const Tensor& s) {
    Tensor out = zeros(s.shape(), s.dtype());
    record("ZeroBackward0", {out}, {s}, {}, [](const BackwardContext& c) {
      return variable_list{zeros_like(c.grad())};
    });
    return out;
  }, Overlap::Allowed);
}

Tensor copy_(const Tensor& self, const Tensor& src) {
  // PyTorch's copy_ wants a gradient only when self's dtype can carry one: copying into an
  // integer or bool tensor runs none of autograd's checks (an output of split, a view made in
  // no_grad) and records nothing, whatever src requires (live run s97002-594).
  if (!is_floating(self.dtype()) && GradMode::is_enabled()) {
    NoGradGuard no_grad;
    return copy_(self, src);
  }
  // x.copy_(x) copies nothing: PyTorch's copy_ returns before its overlap checks when src is
  // self itself (so an expanded x may), though autograd still records CopyBackwards and bumps
  // the version (live run s120007-901).
  const Overlap overlap = src.impl() == self.impl() ? Overlap::Allowed : Overlap::Refused;
  return apply_inplace(self, {src}, [&](const Tensor& s) {
    // Checked after the autograd and overlap checks, as PyTorch's kernel does.
    const Shape target = src.dim() <= s.dim() ? broadcast_shapes(s.shape(), src.shape()) : Shape{};
    GL_CHECK(src.dim() <= s.dim() && target == s.shape(), "output with shape ", shape_str(s.shape()),
             " doesn't match the broadcast shape ", shape_str(broadcast_shapes(s.shape(), src.shape())));
    Tensor out = Tensor::empty(s.shape(), s.dtype());
    kernels::copy_into(out, src);
    // d copy_(self, src) = 0 for the old self, grad (summed to src's shape) for src
    record("CopyBackwards", {out}, {s, src}, {}, [](const BackwardContext& c) {
      return variable_list{zeros_like(c.grad()), c.grad()};
    });
    return out;
  }, overlap);
}

// PyTorch refuses integer and bool tensors in its kernels' own words, before
// it looks at self's memory; it draws the numbers in the order of self's
// memory, so a transposed view gets them as its base would.
Tensor uniform_(const Tensor& self, double from, double to) {
  auto meta = [&] { random::check_uniform_dtype(self.dtype()); };
  return apply_inplace(self, {}, [&](const Tensor& s) {
    Tensor out = empty_preserving_layout(self, s.dtype());
    GL_DISPATCH_FLOAT(s.dtype(), T, random::fill_uniform(out.data_ptr<T>(), out.numel(), from, to));
    record("UniformBackward0", {out}, {s}, {}, [](const BackwardContext& c) {
      return variable_list{zeros_like(c.grad())};
    });
    return out;
  }, Overlap::Refused, meta);
}

Tensor normal_(const Tensor& self, double mean, double std) {
  auto meta = [&] { random::check_normal_dtype(self.dtype()); };
  return apply_inplace(self, {}, [&](const Tensor& s) {
    Tensor out = empty_preserving_layout(self, s.dtype());
    // PyTorch's block path is for contiguous tensors only; others draw one by one.
    const bool contiguous = self.is_contiguous();
    GL_DISPATCH_FLOAT(s.dtype(), T, {
      if (contiguous)
        random::fill_normal(out.data_ptr<T>(), out.numel(), mean, std);
      else
        random::fill_normal_serial(out.data_ptr<T>(), out.numel(), mean, std);
    });
    record("NormalBackward0", {out}, {s}, {}, [](const BackwardContext& c) {
      return variable_list{zeros_like(c.grad())};
    });
    return out;
  }, Overlap::Refused, meta);
}

// random_(): full-range integers for the dtype (mode 0), [0, to) (mode 1) or
// [from, to) (mode 2), drawn in the order of self's memory as uniform_ does.
Tensor random_(const Tensor& self, int64_t mode, int64_t from, int64_t to) {
  auto meta = [&] {
    if (mode == 1) from = 0;
    if (mode != 0)
      GL_CHECK(from < to, "random_ expects 'from' to be less than 'to', but got from=", from, " >= to=", to);
  };
  return apply_inplace(self, {}, [&](const Tensor& s) {
    Tensor out = empty_preserving_layout(self, s.dtype());
    if (mode == 0) {
      GL_DISPATCH_ALL(s.dtype(), T, random::fill_random_full(out.data_ptr<T>(), out.numel()));
    } else {
      Tensor ints = Tensor::empty({out.numel()}, DType::Int64);
      random::fill_randint(ints.data_ptr<int64_t>(), ints.numel(), from, to);
      const int64_t* v = ints.data_ptr<int64_t>();
      GL_DISPATCH_ALL(s.dtype(), T, {
        T* d = out.data_ptr<T>();
        for (int64_t i = 0; i < out.numel(); ++i) d[i] = static_cast<T>(v[i]);
      });
    }
    record("RandomBackward0", {out}, {s}, {}, [](const BackwardContext& c) {
      return variable_list{zeros_like(c.grad())};
    });
    return out;
  }, Overlap::Refused, meta);
}

namespace {

// The optimizers' fused updates: PyTorch's CPU kernels compute
// self + (value * t1) * t2 with the last product and the sum fused into one
// FMA (as GCC builds them), and self + (value * t1) / t2. They run without a
// graph only (torch.optim steps under no_grad).
template <typename Combine>
Tensor pointwise3_(const Tensor& self, const Tensor& t1, const Tensor& t2, const char* name, Combine combine) {
  GL_CHECK(!graph_enabled_for({self, t1, t2}), name, ": only without a graph (under no_grad), as torch.optim uses it");
  GL_CHECK(is_floating(self.dtype()), name, ": expected a floating point tensor");
  return apply_inplace(self, {t1, t2}, [&](const Tensor& s) {
    const auto dense = [&](const Tensor& t) {
      Tensor e = contiguous(expand(t, self.shape()));
      return e.dtype() == self.dtype() ? e : kernels::cast_nograd(e, self.dtype());
    };
    Tensor a = dense(t1), b = dense(t2), base = dense(s);
    Tensor out = Tensor::empty(self.shape(), self.dtype());
    GL_DISPATCH_FLOAT(self.dtype(), T, {
      const T *pa = a.data_ptr<T>(), *pb = b.data_ptr<T>(), *ps = base.data_ptr<T>();
      T* po = out.data_ptr<T>();
      for (int64_t i = 0; i < out.numel(); ++i) po[i] = combine(ps[i], pa[i], pb[i]);
    });
    return out;
  }, Overlap::Refused);
}

}  // namespace

Tensor addcmul_(const Tensor& self, const Tensor& t1, const Tensor& t2, double value) {
  return pointwise3_(self, t1, t2, "addcmul_", [value](auto s, auto a, auto b) {
    using T = decltype(s);
    return static_cast<T>(std::fma(static_cast<T>(value) * a, b, s));
  });
}

Tensor addcdiv_(const Tensor& self, const Tensor& t1, const Tensor& t2, double value) {
  return pointwise3_(self, t1, t2, "addcdiv_", [value](auto s, auto a, auto b) {
    using T = decltype(s);
    return static_cast<T>(s + static_cast<T>(value) * a / b);
  });
}

// x[indices] = values, in place: index_put's copy written back into self (IndexPutBackward0, or
// CopySlices on a view), with every check of the in-place ops.
Tensor index_put_(const Tensor& self, const std::vector<Tensor>& indices, const Tensor& values, bool accumulate) {
  return apply_inplace(self, {values}, [&](const Tensor& s) { return index_put(s, indices, values, accumulate); });
}

}  // namespace gradlab
