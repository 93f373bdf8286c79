// smooth_l1_loss / huber_loss / kl_div: PyTorch 1.13 fixtures (values,
// gradients, grad_fn names, error texts), gradcheck and double gradcheck.
#include "nn_fixture.h"

namespace gradlab {
namespace {

variable_list call_loss(const std::string& op, const variable_list& in, const test::Kwargs& kw) {
  const std::string reduction = kw.has("reduction") ? kw.str("reduction") : "mean";
  if (op == "smooth_l1_loss")
    return {smooth_l1_loss(in[0], in[1], reduction_from_name(reduction), kw.has("beta") ? test::fixture_scalar(kw.v["beta"]) : 1.0)};
  if (op == "huber_loss")
    return {huber_loss(in[0], in[1], reduction_from_name(reduction), kw.has("delta") ? test::fixture_scalar(kw.v["delta"]) : 1.0)};
  if (op == "kl_div") return {kl_div(in[0], in[1], reduction, kw.flag("log_target", false))};
  return {};
}

TEST(LossExtra, PyTorchFixtures) { EXPECT_GE(test::replay_nn_fixtures(call_loss), 26u); }

TEST(LossExtra, GradcheckAndDoubleGradcheck) {
  // Differences kept away from the thresholds, where the losses are smooth.
  // kl_div's target is a probability: positive.
  const Tensor x = test::sample({2, 3}, 1);
  Tensor p = abs(test::sample({2, 3}, 3, false, 0.2));
  p.set_requires_grad(true);
  using Loss = std::function<Tensor(const Tensor&, const Tensor&)>;
  const std::vector<Loss> losses = {
      [](const Tensor& a, const Tensor& b) { return smooth_l1_loss(a, b, Reduction::None, 0.7); },
      [](const Tensor& a, const Tensor& b) { return smooth_l1_loss(a, b, Reduction::Mean, 0.0); },
      [](const Tensor& a, const Tensor& b) { return huber_loss(a, b, Reduction::None, 0.6); },
      [](const Tensor& a, const Tensor& b) { return huber_loss(a, b, Reduction::Sum, 2.0); },
      [](const Tensor& a, const Tensor& b) { return kl_div(a, b, "batchmean"); },
      [](const Tensor& a, const Tensor& b) { return kl_div(a, b, "none", true); },
  };
  for (const Loss& f : losses) {
    EXPECT_NO_THROW(autograd::gradcheck([&](const variable_list& in) { return variable_list{f(in[0], in[1])}; },
                                        {x, p}));
    const Tensor go = test::sample(f(x, p).shape(), 4);
    EXPECT_NO_THROW(autograd::gradcheck(
        [&](const variable_list& in) {
          return autograd::grad({sum(mul(f(in[0], in[1]), in[2]))}, {in[0], in[1]}, {}, true, true, false);
        },
        {x, p, go}));
  }
}

}  // namespace
}  // namespace gradlab
