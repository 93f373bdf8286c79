// torch.nn.functional losses with reduction none/mean/sum. Losses PyTorch gives
// their own node (MseLossBackward0, NllLossBackward0, BinaryCrossEntropy...) compute
// the forward without a graph and record that node, whose backward is written with
// differentiable ops; l1_loss and cross_entropy are composites, as in PyTorch.
#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "gradlab/autograd/grad_mode.h"
#include "gradlab/autograd/record.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/indexing.h"
#include "gradlab/ops/movement.h"
#include "gradlab/ops/nn.h"
#include "gradlab/ops/reduce.h"
#include "kernels/loops.h"
#include "ops/loss_reduction.h"

namespace gradlab {

namespace {

std::string torch_size(const Shape& s) { return "torch.Size(" + shape_str(s) + ")"; }


// The factor each element's gradient carries: 1/n for a mean over n elements.
double grad_scale(const Tensor& loss, Reduction r) {
  return r == Reduction::Mean ? 1.0 / static_cast<double>(loss.numel()) : 1.0;
}

// Records `name` for a loss of (input, target) whose backward is
// {dloss/dinput, dloss/dtarget}(grad * scale) with grad of the reduced shape.
using PointwiseGrads = std::function<variable_list(const Tensor& g, const Tensor& x, const Tensor& y, bool needs_y)>;
Tensor pointwise_loss(const char* name, const Tensor& input, const Tensor& target, Reduction r,
                      const std::function<Tensor(const Tensor&, const Tensor&)>& forward, PointwiseGrads backward) {
  Tensor elementwise, out;
  {
    NoGradGuard no_grad;
    elementwise = forward(input, target);
    out = reduce_loss(elementwise, r);
  }
  const double scale = grad_scale(elementwise, r);
  record(name, {out}, {input, target}, {input, target}, [scale, backward](const BackwardContext& c) {
    const Tensor g = scale == 1.0 ? c.grad() : mul(c.grad(), scale);
    return backward(g, c.saved[0], c.saved[1], c.needs(1));
  });
  return out;
}

bool all_in_unit_interval(const Tensor& x) {
  bool ok = true;
  GL_DISPATCH_FLOAT(x.dtype(), T, {
    const T* p = x.data_ptr<T>();
    kernels::for_each_offset<1>(x.shape(), {x.strides().data()}, [&](const std::array<int64_t, 1>& o) {
      ok = ok && p[o[0]] >= 0 && p[o[0]] <= 1;
    });
  });
  return ok;
}

}  // namespace

Reduction reduction_from_name(const std::string& name) {
  if (name == "none") return Reduction::None;
  if (name == "mean") return Reduction::Mean;
  if (name == "sum") return Reduction::Sum;
  fail(name, " is not a valid value for reduction");
}

Tensor mse_loss(const Tensor& input, const Tensor& target, Reduction r) {
  broadcast_shapes(input.shape(), target.shape());  // PyTorch broadcasts the pair before the kernel's dtype check
  const DType dt = result_type(input, target);
  GL_CHECK(is_floating(dt), "\"mse_cpu\" not implemented for '", scalar_type_name(dt), "'");
  // The kernel subtracts in the result dtype, so a bool operand is a number here (no sub's bool error).
  return pointwise_loss(
      "MseLossBackward0", input, target, r,
      [dt](const Tensor& x, const Tensor& y) {
        const Tensor d = sub(to(x, dt), to(y, dt));
        return mul(d, d);
      },
      // d (x - y)^2 = 2 (x - y) grad, and its negation for y
      [dt](const Tensor& g, const Tensor& x, const Tensor& y, bool needs_y) {
        const Tensor gx = mul(mul(sub(to(x, dt), to(y, dt)), 2.0), g);
        return variable_list{gx, needs_y ? neg(gx) : Tensor()};
      });
}

Tensor l1_loss(const Tensor& input, const Tensor& target, Reduction r) { return reduce_loss(abs(sub(input, target)), r); }

namespace {

// nll_loss on input [C], [N, C] or [N, C, H, W] with target [], [N] or [N, H, W] (checked by the
// caller). The loss is linear in the input: coef holds -weight[t] (over the total weight for mean)
// at each counted target, so the backward is grad * coef and differentiates again for free.
Tensor nll_kernel(const Tensor& input, const Tensor& target, Reduction r, const Tensor& weight, int64_t ignore_index,
                  const char* node) {
  GL_CHECK(target.dtype() == DType::Int64, "expected scalar type Long but found ", scalar_type_name(target.dtype()));
  GL_CHECK(!weight.defined() || weight.dtype() == input.dtype(), "expected scalar type ",
           scalar_type_name(input.dtype()), " but found ", scalar_type_name(weight.dtype()));
  const bool batched = input.dim() > 1;
  const int64_t n = batched ? input.shape()[0] : 1, classes = input.shape()[batched ? 1 : 0];
  const int64_t inner = input.dim() == 4 ? input.shape()[2] * input.shape()[3] : 1;
  const Tensor x = contiguous(input.detach()), t = contiguous(target.detach());
  const Tensor w = weight.defined() ? contiguous(weight.detach()) : Tensor();
  Tensor coef = zeros(input.shape(), input.dtype());
  Tensor counted = zeros(input.shape(), DType::Bool);  // the counted targets' positions
  Tensor losses = zeros(target.shape(), input.dtype());
  double total = 0;
  const int64_t* pt = t.data_ptr<int64_t>();
  GL_DISPATCH_FLOAT(input.dtype(), T, {
    const T* px = x.data_ptr<T>();
    const T* pw = w.defined() ? w.data_ptr<T>() : nullptr;
    T* pc = coef.data_ptr<T>();
    kernels::bool_t* ph = counted.data_ptr<kernels::bool_t>();
    T* pl = losses.data_ptr<T>();
    for (int64_t i = 0; i < n; ++i) {
      for (int64_t k = 0; k < inner; ++k) {
        const int64_t cls = pt[i * inner + k];
        if (cls == ignore_index) continue;
        GL_CHECK(cls >= 0 && cls < classes, "Target ", cls, " is out of bounds.");
        const T wt = pw ? pw[cls] : T(1);
        const int64_t at = (i * classes + cls) * inner + k;
        pl[i * inner + k] = -wt * px[at];
        pc[at] = -wt;
        ph[at] = 1;
        total += static_cast<double>(wt);
      }
    }
  });
  Tensor out;
  {
    NoGradGuard no_grad;
    // Mean divides by the counted weight: 0/0 (everything ignored) is nan, as PyTorch.
    out = r == Reduction::None ? losses : r == Reduction::Sum ? sum(losses) : div(sum(losses), total);
    if (r == Reduction::Mean && total != 0) coef = div(coef, total);
  }
  // d nll(x) = coef * grad at the counted targets (grad broadcast over the class dim when
  // unreduced), zero elsewhere: PyTorch writes into zeros, so an infinite grad leaves the other
  // classes 0, not NaN (live run s99006-784)
  record(node, {out}, {input}, {}, [coef, counted, batched, r](const BackwardContext& c) {
    const Tensor g = r == Reduction::None && batched ? unsqueeze(c.grad(), 1) : c.grad();
    return variable_list{where(counted, mul(g, coef), scalar_tensor(0.0, c.grad().dtype()))};
  });
  return out;
}

// The class dim's weights shaped to broadcast against an input of `dim` dims.
Tensor class_weights(const Tensor& weight, int64_t dim) {
  Shape shape(static_cast<size_t>(dim), 1);
  shape[dim == 1 ? 0 : 1] = weight.numel();
  return view(weight, shape);
}

// PyTorch 1.13's label smoothing for class-index targets: (1 - e) * nll + e / C * smooth, where
// smooth is -sum over classes of (weighted) log-probabilities, zero at ignored targets.
Tensor smoothed_cross_entropy(const Tensor& logp, const Tensor& target, Reduction r, const Tensor& weight,
                              int64_t ignore_index, double smoothing) {
  const int64_t class_dim = logp.dim() == 1 ? 0 : 1, classes = logp.shape()[class_dim];
  const Tensor nll = nll_loss(logp, target, r, weight, ignore_index);
  const Tensor ignored = eq(target, wrapped_number(static_cast<double>(ignore_index)));
  Tensor smooth = weight.defined() ? neg(sum(mul(logp, class_weights(weight, logp.dim())), {class_dim}, false))
                                   : neg(sum(logp, {class_dim}, false));
  smooth = masked_fill(smooth, ignored, 0.0);
  if (r == Reduction::Sum) smooth = sum(smooth);
  if (r == Reduction::Mean) {
    // Over the counted targets: their weights, or their number without weights.
    double counted = 0;
    const Tensor t = contiguous(target.detach());
    const Tensor w = weight.defined() ? contiguous(to(weight.detach(), DType::Float64)) : Tensor();
    const int64_t* pt = t.data_ptr<int64_t>();
    for (int64_t i = 0; i < t.numel(); ++i)
      if (pt[i] != ignore_index) counted += w.defined() ? w.data_ptr<double>()[pt[i]] : 1.0;
    smooth = div(sum(smooth), counted);
  }
  return add(mul(nll, 1.0 - smoothing), mul(smooth, smoothing / static_cast<double>(classes)));
}

// Class probabilities as targets (a target of the input's shape).
Tensor probability_cross_entropy(const Tensor& input, const Tensor& target, Reduction r, const Tensor& weight,
                                 double smoothing) {
  const int64_t class_dim = input.dim() == 1 ? 0 : 1, classes = input.shape()[class_dim];
  GL_CHECK(!weight.defined() || (weight.dim() == 1 && weight.numel() == classes),
           "cross_entropy: weight tensor should be defined either for all ", classes,
           " classes or no classes but got weight tensor of shape: ", shape_str(weight.shape()));
  const Tensor logp = log_softmax(input, class_dim);
  const Tensor smoothed =
      smoothing > 0 ? add(mul(target, 1.0 - smoothing), smoothing / static_cast<double>(classes)) : target;
  Tensor terms = mul(logp, smoothed);
  if (weight.defined()) terms = mul(terms, class_weights(weight, input.dim()));
  switch (r) {
    case Reduction::None: return neg(sum(terms, {class_dim}, false));
    case Reduction::Sum: return neg(sum(terms));
    case Reduction::Mean: break;
  }
  // The mean is over the samples (every position but the class dim), not the classes.
  return div(neg(sum(terms)), static_cast<double>(input.numel() / std::max<int64_t>(classes, 1)));
}

}  // namespace

Tensor nll_loss(const Tensor& input, const Tensor& target, Reduction r, const Tensor& weight, int64_t ignore_index) {
  GL_CHECK(input.dim() > 0, "Expected 1 or more dimensions (got ", input.dim(), ")");
  GL_CHECK(input.dim() == 1 || (target.dim() > 0 && input.shape()[0] == target.shape()[0]),
           "Expected input batch_size (", input.shape()[0], ") to match target batch_size (",
           target.dim() > 0 ? target.shape()[0] : 1, ").");
  const int64_t classes = input.shape()[input.dim() == 1 ? 0 : 1];
  if (input.dim() <= 2) {
    GL_CHECK(target.dim() <= 1, "0D or 1D target tensor expected, multi-target not supported");
    GL_CHECK(input.dim() == 2 || target.dim() == 0, "size mismatch (got input: ", shape_str(input.shape()),
             ", target: ", shape_str(target.shape()), ")");
    GL_CHECK(!weight.defined() || (weight.dim() == 1 && weight.numel() == classes),
             "weight tensor should be defined either for all ", classes,
             " classes or no classes but got weight tensor of shape: ", shape_str(weight.shape()));
    return nll_kernel(input, target, r, weight, ignore_index, "NllLossBackward0");
  }
  if (input.dim() == 4) {
    GL_CHECK(target.dim() == 3, "only batches of spatial targets supported (3D tensors) but got targets of dimension: ",
             target.dim());
    GL_CHECK(!weight.defined() || weight.numel() == classes, "weight tensor should be defined either for all or no classes");
    const Shape& si = input.shape();
    const Shape& st = target.shape();
    // PyTorch's text has no closing parenthesis here.
    GL_CHECK(si[0] == st[0] && si[2] == st[1] && si[3] == st[2], "size mismatch (got input: ", shape_str(si),
             " , target: ", shape_str(st));
    return nll_kernel(input, target, r, weight, ignore_index, "NllLoss2DBackward0");
  }
  // 3-D and 5-D or more: PyTorch folds the spatial dims into one and solves the 4-D problem.
  const int64_t n = input.shape()[0];
  const Shape spatial(input.shape().begin() + 2, input.shape().end());
  Shape out_size = spatial;
  out_size.insert(out_size.begin(), n);
  GL_CHECK(Shape(target.shape().begin() + 1, target.shape().end()) == spatial, "Expected target size ",
           shape_str(out_size), ", got ", shape_str(target.shape()));
  const int64_t inner = numel_of(spatial);
  const Tensor folded = nll_loss(view(contiguous(input), {n, classes, 1, inner}), view(contiguous(target), {n, 1, inner}),
                                 r, weight, ignore_index);
  return r == Reduction::None ? view(folded, out_size) : folded;
}

Tensor cross_entropy(const Tensor& input, const Tensor& target, Reduction r, const Tensor& weight,
                     int64_t ignore_index, double label_smoothing) {
  const bool probabilities = input.shape() == target.shape();
  if (probabilities) {
    GL_CHECK(is_floating(target.dtype()), "Expected floating point type for target with class probabilities, got ",
             scalar_type_name(target.dtype()));
    GL_CHECK(ignore_index < 0, "ignore_index is not supported for floating point target");
  }
  GL_CHECK(label_smoothing <= 1.0, "label_smoothing must be between 0.0 and 1.0. Got: ", label_smoothing);
  GL_CHECK(input.dim() > 0, "Expected 1 or more dimensions (got ", input.dim(), ")");
  if (probabilities) return probability_cross_entropy(input, target, r, weight, label_smoothing);
  const Tensor logp = log_softmax(input, input.dim() == 1 ? 0 : 1);
  if (label_smoothing > 0) return smoothed_cross_entropy(logp, target, r, weight, ignore_index, label_smoothing);
  return nll_loss(logp, target, r, weight, ignore_index);
}

Tensor binary_cross_entropy(const Tensor& input, const Tensor& target, Reduction r) {
  GL_CHECK(input.shape() == target.shape(), "Using a target size (", torch_size(target.shape()),
           ") that is different to the input size (", torch_size(input.shape()),
           ") is deprecated. Please ensure they have the same size.");
  GL_CHECK(target.dtype() == input.dtype(), "Found dtype ", scalar_type_name(target.dtype()), " but expected ",
           scalar_type_name(input.dtype()));
  GL_CHECK(all_in_unit_interval(input), "all elements of input should be between 0 and 1");
  return pointwise_loss(
      "BinaryCrossEntropyBackward0", input, target, r,
      // PyTorch clamps each log at -100 so a 0 or 1 input gives a finite loss.
      [](const Tensor& x, const Tensor& y) {
        const Tensor log_x = clamp(log(x), -100, NAN), log_1mx = clamp(log(rsub(x, 1.0)), -100, NAN);
        return neg(add(mul(y, log_x), mul(rsub(y, 1.0), log_1mx)));
      },
      // d bce = grad (x - y) / max(x (1 - x), 1e-12) for x, grad (log(1 - x) - log x) for y
      [](const Tensor& g, const Tensor& x, const Tensor& y, bool needs_y) {
        const Tensor gx = div(mul(g, sub(x, y)), clamp(mul(x, rsub(x, 1.0)), 1e-12, NAN));
        return variable_list{gx, needs_y ? mul(g, sub(log(rsub(x, 1.0)), log(x))) : Tensor()};
      });
}

Tensor binary_cross_entropy_with_logits(const Tensor& input, const Tensor& target, Reduction r) {
  GL_CHECK(input.shape() == target.shape(), "Target size (", torch_size(target.shape()),
           ") must be the same as input size (", torch_size(input.shape()), ")");
  // PyTorch 1.13 computes (1 - target).mul_(input).add_(m).add_(log(exp(-m) + exp(-input - m))) with
  // m = max(-input, 0), in place in target's dtype; its errors come from those steps in that order.
  GL_CHECK(input.dtype() != DType::Bool,
           "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to "
           "invert a mask, use the `~` or `logical_not()` operator instead.");
  GL_CHECK(target.dtype() != DType::Bool,
           "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or "
           "`logical_xor()` operator instead.");
  // An int64 target fails at mul_ by a float input (that input's type), an int64 input at exp_ (Float).
  GL_CHECK(is_floating(input.dtype()) && is_floating(target.dtype()), "result type ",
           is_floating(input.dtype()) ? scalar_type_name(input.dtype()) : "Float",
           " can't be cast to the desired output type Long");
  Tensor out;
  {
    NoGradGuard no_grad;
    // The same steps, so an infinite logit gives PyTorch's -inf/inf/nan and the loss has target's dtype.
    const Tensor m = clamp(neg(input), 0, NAN);
    const Tensor log_term = log(add(exp(neg(m)), exp(sub(neg(input), m))));
    const Tensor linear = to(add(to(mul(rsub(target, 1.0), input), target.dtype()), m), target.dtype());
    out = reduce_loss(to(add(linear, log_term), target.dtype()), r);
  }
  const bool mean = r == Reduction::Mean;
  const double n = static_cast<double>(input.numel());
  // d = (sigmoid(x) - y) grad for x, (-x) grad for y, each then divided by numel for a mean:
  // PyTorch's binary_cross_entropy_with_logits_backward and its _target_backward, so under
  // create_graph the gradients end in DivBackward1 (mean) or MulBackward0 as in PyTorch.
  record("BinaryCrossEntropyWithLogitsBackward0", {out}, {input, target}, {input, target},
         [mean, n](const BackwardContext& c) {
           const Tensor& x = c.saved[0];
           const Tensor& y = c.saved[1];
           Tensor gx = mul(sub(sigmoid(x), y), c.grad());
           Tensor gy = c.needs(1) ? mul(neg(x), c.grad()) : Tensor();
           if (mean) {
             gx = div_by_scalar(gx, n);
             if (gy.defined()) gy = div_by_scalar(gy, n);
           }
           return variable_list{gx, gy};
         });
  return out;
}

Tensor reduce_loss(const Tensor& loss, Reduction r) {
  switch (r) {
    case Reduction::None: return loss;
    case Reduction::Mean: return mean(loss);
    case Reduction::Sum: return sum(loss);
  }
  return loss;
}

}  // namespace gradlab
