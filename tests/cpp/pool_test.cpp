// max_pool2d / avg_pool2d: PyTorch 1.13 fixtures (values, indices, gradients,
// grad_fn, error texts), gradcheck and double gradcheck.
#include "nn_fixture.h"

namespace gradlab {
namespace {

using test::Kwargs;
using test::sample;

variable_list call_pool(const std::string& op, const variable_list& in, const Kwargs& kw) {
  const IntList kernel = kw.ints("kernel_size", {}), stride = kw.ints("stride", {});
  const IntList padding = kw.ints("padding", {0});
  const bool ceil_mode = kw.flag("ceil_mode", false);
  if (op == "max_pool2d") {
    const IntList dilation = kw.ints("dilation", {1});
    if (!kw.flag("return_indices", false)) return {max_pool2d(in[0], kernel, stride, padding, dilation, ceil_mode)};
    auto [values, indices] = max_pool2d_with_indices(in[0], kernel, stride, padding, dilation, ceil_mode);
    return {values, indices};
  }
  if (op == "avg_pool2d")
    return {avg_pool2d(in[0], kernel, stride, padding, ceil_mode, kw.flag("count_include_pad", true),
                       kw.optional_int("divisor_override"))};
  if (op == "max_pool1d") {
    const IntList dilation = kw.ints("dilation", {1});
    if (!kw.flag("return_indices", false)) return {max_pool1d(in[0], kernel, stride, padding, dilation, ceil_mode)};
    auto [values, indices] = max_pool1d_with_indices(in[0], kernel, stride, padding, dilation, ceil_mode);
    return {values, indices};
  }
  if (op == "avg_pool1d")
    return {avg_pool1d(in[0], kernel, stride, padding, ceil_mode, kw.flag("count_include_pad", true))};
  const IntList size = kw.ints("output_size", {});
  if (op == "adaptive_avg_pool2d") return {adaptive_avg_pool2d(in[0], size)};
  if (op == "adaptive_max_pool2d") {
    if (!kw.flag("return_indices", false)) return {adaptive_max_pool2d(in[0], size)};
    auto [values, indices] = adaptive_max_pool2d_with_indices(in[0], size);
    return {values, indices};
  }
  return {};
}

TEST(Pool, PyTorchFixtures) { EXPECT_GE(test::replay_nn_fixtures(call_pool), 70u); }

using PoolFn = std::function<Tensor(const Tensor&)>;

void check_pool(const PoolFn& f, const Shape& shape) {
  const Tensor x = sample(shape, 1);
  EXPECT_NO_THROW(autograd::gradcheck([&](const variable_list& in) { return variable_list{f(in[0])}; }, {x}));
  // The backward's backward: gradcheck of d sum(f(x) * go) / dx in (x, go).
  const Tensor go = sample(f(x).shape(), 2);
  EXPECT_NO_THROW(autograd::gradcheck(
      [&](const variable_list& in) {
        return autograd::grad({sum(mul(f(in[0]), in[1]))}, {in[0]}, {}, false, true, false);
      },
      {x, go}));
}

TEST(Pool, GradcheckAndDoubleGradcheck) {
  check_pool([](const Tensor& x) { return max_pool2d(x, {2}); }, {2, 2, 4, 6});
  check_pool([](const Tensor& x) { return max_pool2d(x, {3, 2}, {2, 1}, {1}, {1, 2}, true); }, {1, 2, 7, 6});
  check_pool([](const Tensor& x) { return avg_pool2d(x, {2}); }, {2, 2, 4, 6});
  check_pool([](const Tensor& x) { return avg_pool2d(x, {3, 2}, {2}, {1}, true, false); }, {1, 2, 6, 5});
  check_pool([](const Tensor& x) { return avg_pool2d(x, {3}, {1}, {1}, false, true, 4); }, {3, 5, 4});
  check_pool([](const Tensor& x) { return max_pool1d(x, {3}, {2}, {1}, {1}, true); }, {2, 2, 8});
  check_pool([](const Tensor& x) { return avg_pool1d(x, {3}, {2}, {1}, true, false); }, {2, 8});
  check_pool([](const Tensor& x) { return adaptive_avg_pool2d(x, {3, 4}); }, {2, 2, 7, 5});
  check_pool([](const Tensor& x) { return adaptive_max_pool2d(x, {3, 2}); }, {2, 2, 7, 5});
}

TEST(Pool, DoubleBackwardNodesAreNamedAsPyTorch) {
  const Tensor x = sample({1, 1, 4, 4}, 3);
  const Tensor gm = autograd::grad({sum(max_pool2d(x, {2}))}, {x}, {}, false, true, false)[0];
  EXPECT_EQ(gm.grad_fn()->name(), "MaxPool2DWithIndicesBackwardBackward0");
  const Tensor ga = autograd::grad({sum(avg_pool2d(x, {2}))}, {x}, {}, false, true, false)[0];
  EXPECT_EQ(ga.grad_fn()->name(), "AvgPool2DBackwardBackward0");
  const Tensor gaa = autograd::grad({sum(adaptive_avg_pool2d(x, {3}))}, {x}, {}, false, true, false)[0];
  EXPECT_EQ(gaa.grad_fn()->name(), "AdaptiveAvgPool2DBackwardBackward0");
  const Tensor gam = autograd::grad({sum(adaptive_max_pool2d(x, {3}))}, {x}, {}, false, true, false)[0];
  EXPECT_EQ(gam.grad_fn()->name(), "AdaptiveMaxPool2DBackwardBackward0");
}

TEST(Pool, MaxPool1dWithoutGradAllowsAnEmptyOutput) {
  const Tensor x = sample({2, 1}, 1, false);
  EXPECT_EQ(shape_str(max_pool1d(x, {3}).shape()), "[2, 0]");
  test::expect_error([&] { max_pool1d(sample({2, 1}, 1), {3}); }, "Output size is too small");
}

TEST(Pool, IndicesCarryNoGradient) {
  auto [values, indices] = max_pool2d_with_indices(sample({1, 1, 4, 4}, 4), {2});
  EXPECT_EQ(indices.dtype(), DType::Int64);
  EXPECT_FALSE(indices.requires_grad());
  EXPECT_TRUE(values.requires_grad());
}

}  // namespace
}  // namespace gradlab
