// batch_norm / layer_norm / group_norm: PyTorch 1.13 fixtures (values, running
// statistics, gradients, grad_fn, error texts), gradcheck and double gradcheck.
#include "nn_fixture.h"

namespace gradlab {
namespace {

using test::Kwargs;
using test::sample;

variable_list call_norm(const std::string& op, const variable_list& in, const Kwargs& kw) {
  const bool affine = kw.flag("affine", false);
  const double eps = kw.has("eps") ? kw.v["eps"].num : 1e-5;
  if (op == "batch_norm") {
    const bool running = kw.flag("running", false);
    const size_t p = running ? 3 : 1;
    const Tensor rm = running ? in[1] : Tensor(), rv = running ? in[2] : Tensor();
    const Tensor y = batch_norm(in[0], rm, rv, affine ? in[p] : Tensor(), affine ? in[p + 1] : Tensor(),
                                kw.flag("training", false), kw.has("momentum") ? kw.v["momentum"].num : 0.1, eps);
    return running ? variable_list{y, rm, rv} : variable_list{y};
  }
  const Tensor w = affine ? in[1] : Tensor(), b = affine ? in[2] : Tensor();
  if (op == "layer_norm") return {layer_norm(in[0], kw.ints("normalized_shape", {}), w, b, eps)};
  if (op == "group_norm") return {group_norm(in[0], kw.integer("num_groups", 1), w, b, eps)};
  return {};
}

TEST(Norm, PyTorchFixtures) { EXPECT_GE(test::replay_nn_fixtures(call_norm), 24u); }

using NormFn = std::function<Tensor(const variable_list&)>;

// gradcheck, and gradcheck of the first gradients (with grad_output as an input).
void check_norm(const NormFn& f, const variable_list& inputs) {
  EXPECT_NO_THROW(autograd::gradcheck([&](const variable_list& in) { return variable_list{f(in)}; }, inputs));
  variable_list with_go = inputs;
  with_go.push_back(sample(f(inputs).shape(), 9));
  EXPECT_NO_THROW(autograd::gradcheck(
      [&](const variable_list& in) {
        const variable_list xs(in.begin(), in.end() - 1);
        return autograd::grad({sum(mul(f(xs), in.back()))}, xs, {}, false, true, true);
      },
      with_go));
}

TEST(Norm, GradcheckAndDoubleGradcheck) {
  const Tensor x = sample({4, 3, 2}, 1), w = sample({3}, 2), b = sample({3}, 3);
  check_norm([](const variable_list& in) { return batch_norm(in[0], {}, {}, in[1], in[2], true); }, {x, w, b});
  const Tensor rm = sample({3}, 4, false), rv = add(sample({3}, 5, false), 2.0);
  check_norm([&](const variable_list& in) { return batch_norm(in[0], rm, rv, in[1], in[2], false); }, {x, w, b});
  check_norm([](const variable_list& in) { return layer_norm(in[0], {3, 2}, in[1], in[2]); },
             {x, sample({3, 2}, 6), sample({3, 2}, 7)});
  check_norm([](const variable_list& in) { return group_norm(in[0], 2, in[1], in[2]); },
             {sample({2, 4, 3}, 8), sample({4}, 2), sample({4}, 3)});
}

TEST(Norm, TrainingUpdatesRunningStatsAndTwoForwardsThenBackwardWork) {
  const Tensor x = sample({4, 3}, 1);
  const Tensor rm = zeros({3}, DType::Float64), rv = ones({3}, DType::Float64);
  const Tensor y1 = batch_norm(x, rm, rv, {}, {}, true);
  const Tensor y2 = batch_norm(mul(x, 2.0), rm, rv, {}, {}, true);
  EXPECT_EQ(rm.version(), 2u);
  EXPECT_NO_THROW(autograd::backward({sum(mul(add(y1, y2), x))}, {}, false, false));
  EXPECT_EQ(y1.grad_fn()->name(), "NativeBatchNormBackward0");
}

// float32 norms accumulate in float32, as PyTorch's: a sum of squares past float32's range is inf
// (live run s130012-761), where float64 has room.
TEST(Norm, Float32SumsOverflowAsPyTorchs) {
  EXPECT_TRUE(std::isinf(test::values_of(norm(test::make({1e20, 1e20}, {2}), 2, {}, false))[0]));
  EXPECT_TRUE(std::isinf(test::values_of(norm(test::make({3e38, 3e38}, {2}), 1, {}, false))[0]));
  EXPECT_NEAR(test::values_of(norm(test::make({1e20, 1e20}, {2}, DType::Float64), 2, {}, false))[0], 1.4142135623730951e20, 1e6);
}

}  // namespace
}  // namespace gradlab
