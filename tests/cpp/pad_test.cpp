// Constant padding: PyTorch 1.13 fixtures, gradcheck and double gradcheck.
#include "nn_fixture.h"

namespace gradlab {
namespace {

variable_list call_pad(const std::string& op, const variable_list& in, const test::Kwargs& kw) {
  if (op != "pad") return {};
  const PadMode mode = kw.has("mode") ? pad_mode_from_name(kw.str("mode")) : PadMode::Constant;
  if (mode != PadMode::Constant) {
    GL_CHECK(!kw.has("value") || kw.v["value"].num == 0, "Padding mode \"", kw.str("mode"),
             "\" doesn't take in value argument");
    return {pad(in[0], kw.ints("pad", {}), mode)};
  }
  return {pad(in[0], kw.ints("pad", {}), kw.has("value") ? kw.v["value"].num : 0.0)};
}

TEST(Pad, PyTorchFixtures) { EXPECT_GE(test::replay_nn_fixtures(call_pad), 38u); }

TEST(Pad, ModesGradcheckAndDoubleGradcheck) {
  const Tensor x = test::sample({1, 2, 4, 5}, 3);
  for (PadMode mode : {PadMode::Reflect, PadMode::Replicate, PadMode::Circular}) {
    auto f = [mode](const Tensor& t) { return pad(t, {2, -1, 1, 3}, mode); };
    EXPECT_NO_THROW(autograd::gradcheck([&](const variable_list& in) { return variable_list{f(in[0])}; }, {x}));
    const Tensor go = test::sample(f(x).shape(), 4);
    EXPECT_NO_THROW(autograd::gradcheck(
        [&](const variable_list& in) {
          return autograd::grad({sum(mul(f(in[0]), in[1]))}, {in[0]}, {}, false, true, false);
        },
        {x, go}));
  }
}

TEST(Pad, GradcheckAndDoubleGradcheck) {
  const Tensor x = test::sample({2, 3, 4}, 1);
  auto f = [](const Tensor& t) { return pad(t, {1, -1, -1, 2}, 0.25); };
  EXPECT_NO_THROW(autograd::gradcheck([&](const variable_list& in) { return variable_list{f(in[0])}; }, {x}));
  const Tensor go = test::sample(f(x).shape(), 2);
  EXPECT_NO_THROW(autograd::gradcheck(
      [&](const variable_list& in) {
        return autograd::grad({sum(mul(f(in[0]), in[1]))}, {in[0]}, {}, false, true, false);
      },
      {x, go}));
  EXPECT_EQ(f(x).grad_fn()->name(), "ConstantPadNdBackward0");
}

}  // namespace
}  // namespace gradlab
