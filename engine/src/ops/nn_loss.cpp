// torch.nn.functional losses with reduction none/mean/sum. Losses PyTorch gives
// their own node (MseLossBackward0, NllLossBackward0, BinaryCrossEntropy...) compute
// the forward without a graph and record that node, whose backward is written with
// differentiable ops; l1_loss and cross_entropy are composites, as in PyTorch.
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "gradlab/autograd/grad_mode.h"
#include "gradlab/autograd/record.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/movement.h"
#include "gradlab/ops/nn.h"
#include "gradlab/ops/reduce.h"
#include "kernels/loops.h"

namespace gradlab {

namespace {

std::string torch_size(const Shape& s) { return "torch.Size(" + shape_str(s) + ")"; }

Tensor reduce(const Tensor& loss, Reduction r) {
  switch (r) {
    case Reduction::None: return loss;
    case Reduction::Mean: return mean(loss);
    case Reduction::Sum: return sum(loss);
  }
  return loss;
}

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
    out = reduce(elementwise, r);
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
  return pointwise_loss(
      "MseLossBackward0", input, target, r,
      [](const Tensor& x, const Tensor& y) {
        const Tensor d = sub(x, y);
        return mul(d, d);
      },
      // d (x - y)^2 = 2 (x - y) grad, and its negation for y
      [](const Tensor& g, const Tensor& x, const Tensor& y, bool needs_y) {
        const Tensor gx = mul(mul(sub(x, y), 2.0), g);
        return variable_list{gx, needs_y ? neg(gx) : Tensor()};
      });
}

Tensor l1_loss(const Tensor& input, const Tensor& target, Reduction r) { return reduce(abs(sub(input, target)), r); }

Tensor nll_loss(const Tensor& input, const Tensor& target, Reduction r) {
  GL_CHECK(input.dim() > 0, "Expected 1 or more dimensions (got 0)");
  GL_CHECK(input.dim() <= 2, "nll_loss: input of shape ", shape_str(input.shape()),
           " is not supported; expected [C] or [N, C]");
  GL_CHECK(target.dtype() == DType::Int64, "expected scalar type Long but found ", scalar_type_name(target.dtype()));
  GL_CHECK(target.dim() <= 1, "0D or 1D target tensor expected, multi-target not supported");
  const bool batched = input.dim() == 2;
  if (batched)
    GL_CHECK(target.dim() == 1 && input.shape()[0] == target.shape()[0], "Expected input batch_size (",
             input.shape()[0], ") to match target batch_size (", target.dim() == 1 ? target.shape()[0] : 1, ").");
  else
    GL_CHECK(target.dim() == 0, "size mismatch (got input: ", shape_str(input.shape()), ", target: ",
             shape_str(target.shape()), ")");
  const int64_t n = batched ? input.shape()[0] : 1, classes = input.shape().back();
  // ignore_index = -100, PyTorch's default: such rows add nothing and are not counted by mean.
  constexpr int64_t kIgnore = -100;
  const Tensor tc = contiguous(target.detach());
  const int64_t* pt = tc.data_ptr<int64_t>();
  int64_t counted = 0;
  for (int64_t i = 0; i < n; ++i) {
    if (pt[i] == kIgnore) continue;
    GL_CHECK(pt[i] >= 0 && pt[i] < classes, "Target ", pt[i], " is out of bounds.");
    ++counted;
  }
  // The loss is a linear function of the input: coef holds -1 (or -1/counted for mean) at each target.
  const double weight = r == Reduction::Mean ? 1.0 / static_cast<double>(counted) : 1.0;
  Tensor coef = zeros(input.shape(), input.dtype());
  Tensor losses = Tensor::empty(batched ? Shape{n} : Shape{}, input.dtype());
  const Shape& st = input.strides();
  GL_DISPATCH_FLOAT(input.dtype(), T, {
    const T* px = input.data_ptr<T>();
    T* pc = coef.data_ptr<T>();
    T* pl = losses.data_ptr<T>();
    for (int64_t i = 0; i < n; ++i) {
      pl[i] = 0;
      if (pt[i] == kIgnore) continue;
      pl[i] = -px[(batched ? i * st[0] : 0) + pt[i] * st.back()];
      pc[i * classes + pt[i]] = static_cast<T>(-(r == Reduction::None ? 1.0 : weight));
    }
  });
  Tensor out;
  if (r == Reduction::None) {
    out = losses;
  } else {
    NoGradGuard no_grad;
    out = sum(losses);
    if (r == Reduction::Mean) out = div(out, static_cast<double>(counted));
  }
  // d nll(x) = coef * grad (grad broadcast over classes when unreduced)
  record("NllLossBackward0", {out}, {input}, {}, [coef, batched, r](const BackwardContext& c) {
    const Tensor g = r == Reduction::None && batched ? unsqueeze(c.grad(), 1) : c.grad();
    return variable_list{mul(g, coef)};
  });
  return out;
}

Tensor cross_entropy(const Tensor& input, const Tensor& target, Reduction r) {
  const int64_t class_dim = input.dim() == 1 ? 0 : 1;
  const Tensor logp = log_softmax(input, class_dim);
  if (!is_floating(target.dtype())) return nll_loss(logp, target, r);
  // Class probabilities as targets: the mean is over the samples, not the classes.
  return reduce(neg(sum(mul(logp, target), {class_dim}, false)), r);
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
  return pointwise_loss(
      "BinaryCrossEntropyWithLogitsBackward0", input, target, r,
      // max(x, 0) - x y + log(1 + exp(-|x|)): no exp of a large positive number.
      [](const Tensor& x, const Tensor& y) { return add(sub(relu(x), mul(x, y)), log1p(exp(neg(abs(x))))); },
      // d = grad (sigmoid(x) - y) for x, -grad x for y
      [](const Tensor& g, const Tensor& x, const Tensor& y, bool needs_y) {
        return variable_list{mul(g, sub(sigmoid(x), y)), needs_y ? neg(mul(g, x)) : Tensor()};
      });
}

}  // namespace gradlab
