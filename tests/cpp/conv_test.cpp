// conv1d / conv2d: PyTorch 1.13 fixtures (values, gradients, grad_fn, error
// texts), gradcheck and double gradcheck, and the float32 LeNet-5 conv step.
#include <chrono>
#include <cstdio>

#include "nn_fixture.h"

namespace gradlab {
namespace {

using test::Kwargs;
using test::sample;

variable_list call_conv(const std::string& op, const variable_list& in, const Kwargs& kw) {
  if (op != "conv1d" && op != "conv2d" && op != "conv_transpose2d") return {};
  const Tensor bias = kw.flag("bias", false) ? in[2] : Tensor();
  if (op == "conv_transpose2d")
    return {conv_transpose2d(in[0], in[1], bias, kw.ints("stride", {1}), kw.ints("padding", {0}),
                             kw.ints("output_padding", {0}), kw.integer("groups", 1), kw.ints("dilation", {1}))};
  const IntList stride = kw.ints("stride", {1}), dilation = kw.ints("dilation", {1});
  const int64_t groups = kw.integer("groups", 1);
  auto conv = [&](auto padding) {
    return op == "conv1d" ? conv1d(in[0], in[1], bias, stride, padding, dilation, groups)
                          : conv2d(in[0], in[1], bias, stride, padding, dilation, groups);
  };
  if (kw.is_string("padding")) return {conv(padding_mode_from_name(kw.str("padding")))};
  return {conv(kw.ints("padding", {0}))};
}

TEST(Conv, PyTorchFixtures) { EXPECT_GE(test::replay_nn_fixtures(call_conv), 55u); }

// sum(conv(x, w, b) * go) differentiated once with create_graph: checking that
// function's gradient checks the backward's own backward (PyTorch's gradgradcheck).
autograd::GradcheckFn first_grads(const std::function<Tensor(const variable_list&)>& f, size_t n) {
  return [f, n](const variable_list& in) {
    const variable_list xs(in.begin(), in.begin() + n);
    return autograd::grad({sum(mul(f(xs), in[n]))}, xs, {}, false, true, true);
  };
}

struct ConvCase {
  const char* name;
  Shape x, w;
  IntList stride, padding, dilation;
  int64_t groups;
  const char* mode;
};

TEST(Conv, GradcheckAndDoubleGradcheck) {
  const std::vector<ConvCase> cases = {
      {"plain", {2, 2, 5, 4}, {3, 2, 3, 2}, {1}, {0}, {1}, 1, ""},
      {"stride padding", {1, 2, 6, 5}, {2, 2, 3, 3}, {2, 1}, {1, 2}, {1}, 1, ""},
      {"dilation groups", {1, 4, 7, 6}, {4, 2, 2, 3}, {1}, {1}, {2, 1}, 2, ""},
      {"same even kernel", {1, 2, 4, 5}, {2, 2, 2, 4}, {1}, {}, {1}, 1, "same"},
      {"unbatched", {2, 4, 4}, {2, 2, 3, 3}, {1}, {0}, {1}, 1, ""},
  };
  for (const ConvCase& c : cases) {
    SCOPED_TRACE(c.name);
    const Tensor x = sample(c.x, 1), w = sample(c.w, 2), b = sample({c.w[0]}, 3);
    auto f = [&](const variable_list& in) {
      return *c.mode ? conv2d(in[0], in[1], in[2], c.stride, padding_mode_from_name(c.mode), c.dilation, c.groups)
                     : conv2d(in[0], in[1], in[2], c.stride, c.padding, c.dilation, c.groups);
    };
    EXPECT_NO_THROW(autograd::gradcheck([&](const variable_list& in) { return variable_list{f(in)}; }, {x, w, b}));
    const Tensor go = sample(f({x, w, b}).shape(), 4);
    EXPECT_NO_THROW(autograd::gradcheck(first_grads(f, 3), {x, w, b, go}));
  }
  const Tensor x = sample({2, 2, 7}, 5), w = sample({4, 1, 3}, 6);
  auto f1 = [](const variable_list& in) { return conv1d(in[0], in[1], Tensor(), {2}, {1}, {2}, 2); };
  EXPECT_NO_THROW(autograd::gradcheck([&](const variable_list& in) { return variable_list{f1(in)}; }, {x, w}));
  EXPECT_NO_THROW(autograd::gradcheck(first_grads(f1, 2), {x, w, sample(f1({x, w}).shape(), 7)}));
}

// A plain backward takes batch-wide products on raw kernels; with create_graph
// it takes the differentiable ops. Both must give the same gradients.
TEST(Conv, BackwardWithAndWithoutCreateGraphAgree) {
  struct Case {
    Shape x, w;
    IntList stride, padding, dilation;
    int64_t groups;
  };
  const std::vector<Case> cases = {
      {{3, 2, 5, 4}, {3, 2, 3, 2}, {1}, {0}, {1}, 1},
      {{2, 4, 7, 6}, {6, 2, 2, 3}, {2, 1}, {1, 2}, {2, 1}, 2},
      {{2, 3, 1, 9}, {3, 1, 1, 3}, {1, 3}, {0, 2}, {1, 2}, 3},
  };
  for (const Case& c : cases) {
    const Tensor x = sample(c.x, 1), w = sample(c.w, 2), b = sample({c.w[0]}, 3);
    const Tensor y = conv2d(x, w, b, c.stride, c.padding, c.dilation, c.groups);
    const Tensor go = sample(y.shape(), 4, false);
    const variable_list plain = autograd::grad({y}, {x, w, b}, {go}, true, false, false);
    const variable_list graphed = autograd::grad({y}, {x, w, b}, {go}, false, true, false);
    for (size_t i = 0; i < plain.size(); ++i) {
      const auto p = test::values_of(plain[i]), q = test::values_of(graphed[i]);
      ASSERT_EQ(p.size(), q.size());
      for (size_t j = 0; j < p.size(); ++j) EXPECT_NEAR(p[j], q[j], 1e-12) << i;
    }
  }
}

TEST(Conv, TransposedGradcheckAndDoubleGradcheck) {
  const Tensor x = sample({2, 4, 3, 2}, 1), w = sample({4, 1, 3, 2}, 2), b = sample({2}, 3);
  auto f = [](const variable_list& in) { return conv_transpose2d(in[0], in[1], in[2], {2, 1}, {1}, {1, 0}, 2, {1, 2}); };
  EXPECT_NO_THROW(autograd::gradcheck([&](const variable_list& in) { return variable_list{f(in)}; }, {x, w, b}));
  EXPECT_NO_THROW(autograd::gradcheck(first_grads(f, 3), {x, w, b, sample(f({x, w, b}).shape(), 4)}));
}

TEST(Conv, BadArgumentsLeaveTheEngineUsable) {
  const Tensor x = sample({1, 2, 4, 4}, 1), w = sample({3, 2, 3, 3}, 2);
  test::expect_error([&] { conv2d(x, w, Tensor(), {1}, {-1}); }, "negative padding is not supported");
  const Tensor y = conv2d(x, w);
  EXPECT_EQ(shape_str(y.shape()), "[1, 3, 2, 2]");
  EXPECT_EQ(y.grad_fn()->name(), "ConvolutionBackward0");
}

// The LeNet-5 convolutions (batch 64, 1x28x28 -> conv 6@5x5 -> pool -> conv
// 16@5x5 -> pool) in float32, forward and backward, against the same step in
// float64; prints the float32 time per step.
TEST(Conv, LeNetStepFloat32MatchesFloat64) {
  const Tensor x64 = sample({64, 1, 28, 28}, 1, false), w1_64 = sample({6, 1, 5, 5}, 2), b1_64 = sample({6}, 3);
  const Tensor w2_64 = sample({16, 6, 5, 5}, 4), b2_64 = sample({16}, 5);
  auto step = [](const Tensor& x, const Tensor& w1, const Tensor& b1, const Tensor& w2, const Tensor& b2) {
    const Tensor h = max_pool2d(relu(conv2d(x, w1, b1)), {2});
    const Tensor y = max_pool2d(relu(conv2d(h, w2, b2)), {2});
    const Tensor loss = sum(mul(y, y));
    return autograd::grad({loss}, {w1, b1, w2, b2}, {}, false, false, false);
  };
  auto f32 = [](const Tensor& t) {
    Tensor c = to(t.detach(), DType::Float32);
    if (t.requires_grad()) c.set_requires_grad(true);
    return c;
  };
  const Tensor x = f32(x64), w1 = f32(w1_64), b1 = f32(b1_64), w2 = f32(w2_64), b2 = f32(b2_64);
  const variable_list want = step(x64, w1_64, b1_64, w2_64, b2_64);
  variable_list got;
  const int steps = 10;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < steps; ++i) got = step(x, w1, b1, w2, b2);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / steps;
  std::printf("[ LeNet-5 conv step, float32, batch 64: %.2f ms ]\n", ms);
  for (size_t i = 0; i < want.size(); ++i) {
    const auto g = test::values_of(got[i]), e = test::values_of(want[i]);
    ASSERT_EQ(g.size(), e.size());
    for (size_t j = 0; j < e.size(); ++j) EXPECT_NEAR(g[j], e[j], 1e-3 * std::max(1.0, std::fabs(e[j]))) << i;
  }
}

}  // namespace
}  // namespace gradlab
