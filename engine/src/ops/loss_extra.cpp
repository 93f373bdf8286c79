// smooth_l1_loss and huber_loss are ops of their own in PyTorch (their nodes
// carry its names); their forward runs without a graph and their backward is
// written with differentiable ops, so double backward works. kl_div is a
// composite, as in PyTorch, so its graph carries PyTorch's node names too.
#include "gradlab/ops/loss_extra.h"

#include <functional>
#include <limits>

#include "gradlab/autograd/grad_mode.h"
#include "gradlab/autograd/record.h"
#include "gradlab/error.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/movement.h"
#include "gradlab/ops/reduce.h"
#include "ops/loss_reduction.h"

namespace gradlab {

namespace {


Tensor constant_like(const Tensor& t, double v) { return full_like(t, v); }

// A loss of d = input - target elementwise: value(d) reduced, recorded as
// `name`; slope(d) is d value / d d, written with differentiable ops.
using OfDifference = std::function<Tensor(const Tensor&)>;
Tensor difference_loss(const char* name, const char* kernel, const Tensor& input, const Tensor& target, Reduction r,
                       const OfDifference& value, const OfDifference& slope) {
  const DType dt = result_type(input, target);
  GL_CHECK(is_floating(dt), "\"", kernel, "\" not implemented for '", scalar_type_name(dt), "'");
  Tensor out;
  double scale = 1.0;
  {
    NoGradGuard no_grad;
    const Tensor loss = value(sub(input, target));
    if (r == Reduction::Mean) scale = 1.0 / static_cast<double>(loss.numel());
    out = reduce_loss(loss, r);
  }
  // d loss = slope(input - target) * grad (times 1/n for a mean); the target's is slope(target - input) * grad,
  // as PyTorch computes it, which differs from the negation only where slope is not odd (beta = 0 at d = 0)
  record(name, {out}, {input, target}, {input, target}, [scale, slope](const BackwardContext& c) {
    const Tensor& x = c.saved[0];
    const Tensor& y = c.saved[1];
    const Tensor g = scale == 1.0 ? c.grad() : mul(c.grad(), scale);
    variable_list grads(2);
    if (c.needs(0)) grads[0] = sum_to(mul(slope(sub(x, y)), g), x.shape());
    if (c.needs(1)) grads[1] = sum_to(mul(slope(sub(y, x)), g), y.shape());
    return grads;
  });
  return out;
}

// PyTorch's xlogy: 0 where x is 0 (unless y is NaN), x * log(y) elsewhere.
Tensor xlogy(const Tensor& x, const Tensor& y) {
  Tensor out;
  {
    NoGradGuard no_grad;
    const Tensor zero_or_nan = where(ne(y, y), constant_like(y, std::numeric_limits<double>::quiet_NaN()),
                                     constant_like(y, 0.0));
    out = where(eq(x, constant_like(x, 0.0)), zero_or_nan, mul(x, log(y)));
  }
  // d xlogy = grad * xlogy(x != 0, y) for x and grad * x / y for y, as PyTorch's (NaN at y = 0)
  record("XlogyBackward0", {out}, {x, y}, {x, y}, [](const BackwardContext& c) {
    const Tensor& xs = c.saved[0];
    const Tensor& ys = c.saved[1];
    variable_list grads(2);
    if (c.needs(0)) grads[0] = mul(c.grad(), xlogy(to(ne(xs, constant_like(xs, 0.0)), ys.dtype()), ys));
    if (c.needs(1)) grads[1] = div(mul(c.grad(), xs), ys);
    return grads;
  });
  return out;
}

}  // namespace

Tensor smooth_l1_loss(const Tensor& input, const Tensor& target, Reduction r, double beta) {
  GL_CHECK(beta >= 0, "smooth_l1_loss does not support negative values for beta.");
  return difference_loss(
      "SmoothL1LossBackward0", "smooth_l1_cpu", input, target, r,
      [beta](const Tensor& d) {
        const Tensor z = abs(d);
        return where(lt(z, constant_like(z, beta)), div(mul(mul(d, d), 0.5), beta), sub(z, 0.5 * beta));
      },
      // -1 at or below -beta, 1 at or above beta, d / beta between (so at d = 0 a zero beta gives -1, as PyTorch)
      [beta](const Tensor& d) {
        const Tensor minus = constant_like(d, -1.0), plus = constant_like(d, 1.0);
        if (beta == 0) return where(le(d, constant_like(d, 0.0)), minus, plus);
        return where(le(d, constant_like(d, -beta)), minus, where(ge(d, constant_like(d, beta)), plus, div(d, beta)));
      });
}

Tensor huber_loss(const Tensor& input, const Tensor& target, Reduction r, double delta) {
  GL_CHECK(delta > 0, "huber_loss does not support non-positive values for delta.");
  return difference_loss(
      "HuberLossBackward0", "huber_cpu", input, target, r,
      [delta](const Tensor& d) {
        const Tensor z = abs(d);
        return where(lt(z, constant_like(z, delta)), mul(mul(d, d), 0.5), mul(sub(z, 0.5 * delta), delta));
      },
      // -delta at or below -delta, delta at or above delta, d between
      [delta](const Tensor& d) {
        return where(le(d, constant_like(d, -delta)), constant_like(d, -delta),
                     where(ge(d, constant_like(d, delta)), constant_like(d, delta), d));
      });
}

Tensor kl_div(const Tensor& input, const Tensor& target, const std::string& reduction, bool log_target) {
  const bool batchmean = reduction == "batchmean";
  const Reduction r = batchmean ? Reduction::Sum : reduction_from_name(reduction);
  GL_CHECK(is_floating(input.dtype()) && is_floating(target.dtype()), "kl_div: Integral inputs not supported.");
  // target * (log target - input), with target given as its log when log_target
  const Tensor loss = log_target ? mul(exp(target), sub(target, input)) : sub(xlogy(target, target), mul(target, input));
  // 'batchmean' divides the sum by the batch size; a 0-d input has none and keeps the sum.
  if (batchmean && input.dim() > 0) return div(sum(loss), static_cast<double>(input.shape()[0]));
  return reduce_loss(loss, r);
}

}  // namespace gradlab
