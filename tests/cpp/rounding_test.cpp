// Rounding, float class tests and triangles: what the fixtures of
// tests/oracle/gen_ops.py cannot hold (NaN and infinities in inputs, -0.,
// errors) with PyTorch 1.13's values, and gradchecks.
#include "test_util.h"

namespace gradlab {
namespace {

using test::expect_error;
using test::expect_values;
using test::make;
using test::values_of;

const double kInf = std::numeric_limits<double>::infinity();
const double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(Rounding, SignedZerosAndHalvesAsPyTorch) {
  const Tensor x = make({-1.5, 2.5, -0.5, 0.5, -0.2}, {5});
  expect_values(floor(x), {-2, 2, -1, 0, -1});
  expect_values(ceil(x), {-1, 3, -0.0, 1, -0.0});
  expect_values(round(x), {-2, 2, -0.0, 0, -0.0});
  expect_values(trunc(x), {-1, 2, -0.0, 0, -0.0});
  for (const Tensor& r : {ceil(x), round(x), trunc(x)}) EXPECT_TRUE(std::signbit(values_of(r)[2]));
  expect_values(round(make({1.2345, -2.5, 25, 0}, {4}), 2), {1.23, -2.5, 25, 0}, 1e-6);
  expect_values(round(make({1.2345, -2.5, 25, 0}, {4}), -1), {0, -0.0, 20, 0});
}

TEST(Rounding, IntegersAreCopiedAndBoolRefused) {
  const Tensor i = make({1, -2}, {2}, DType::Int64);
  for (const Tensor& r : {floor(i), ceil(i), round(i), trunc(i)}) {
    EXPECT_EQ(r.dtype(), DType::Int64);
    expect_values(r, {1, -2});
  }
  const Tensor b = make({1, 0}, {2}, DType::Bool);
  expect_error([&] { floor(b); }, "\"floor_vml_cpu\" not implemented for 'Bool'");
  expect_error([&] { round(b); }, "\"round_vml_cpu\" not implemented for 'Bool'");
  expect_error([&] { round(i, 1); }, "\"round_cpu\" not implemented for 'Long'");
  expect_error([&] { round(i, 0); }, "\"round_vml_cpu\" not implemented for 'Long'");  // s128006-157
  expect_error([&] { frac(i); }, "\"frac_cpu\" not implemented for 'Long'");
}

TEST(Rounding, GradientsAndNodeNames) {
  const Tensor x = make({-1.5, 2.5}, {2}, DType::Float64, true);
  EXPECT_EQ(floor(x).grad_fn()->name(), "FloorBackward0");
  EXPECT_EQ(ceil(x).grad_fn()->name(), "CeilBackward0");
  EXPECT_EQ(round(x).grad_fn()->name(), "RoundBackward0");
  EXPECT_EQ(round(x, 0).grad_fn()->name(), "RoundBackward1");
  EXPECT_EQ(trunc(x).grad_fn()->name(), "TruncBackward0");
  EXPECT_EQ(frac(x).grad_fn()->name(), "FracBackward0");
  const auto g = autograd::grad({sum(add(round(x), frac(x)))}, {x}, {}, false, true, false);
  expect_values(g[0], {1, 1});
  EXPECT_FALSE(g[0].requires_grad());  // PyTorch: the incoming gradient and zeros, no graph
  const Tensor s = test::sample({2, 3}, 1);
  EXPECT_NO_THROW(autograd::gradcheck([](const variable_list& in) { return variable_list{frac(in[0])}; }, {s}));
}

TEST(Rounding, FloatClassTests) {
  const Tensor x = make({kNaN, kInf, -kInf, 1}, {4});
  expect_values(isnan(x), {1, 0, 0, 0});
  expect_values(isinf(x), {0, 1, 1, 0});
  expect_values(isfinite(x), {0, 0, 0, 1});
  EXPECT_EQ(isnan(x).dtype(), DType::Bool);
  const Tensor i = make({3, -2}, {2}, DType::Int64);
  expect_values(isnan(i), {0, 0});
  expect_values(isinf(i), {0, 0});
  expect_values(isfinite(i), {1, 1});
  EXPECT_FALSE(isnan(make({1, 2}, {2}, DType::Float32, true)).requires_grad());
}

TEST(Triangles, ValuesLayoutAndErrors) {
  const Tensor m = t(make({0, 1, 2, 3, 4, 5}, {2, 3}));  // [3, 2], transposed
  const Tensor l = tril(m);
  expect_values(l, {0, 0, 1, 4, 2, 5});
  EXPECT_TRUE(l.is_contiguous());
  expect_values(triu(make({1, 2, 3, 4, 5, 6}, {2, 3}, DType::Int64), 1), {0, 2, 3, 0, 0, 6});
  expect_values(tril(make({1, 1, 1, 1}, {2, 2}, DType::Bool)), {1, 0, 1, 1});
  expect_error([&] { tril(make({1, 2, 3}, {3})); }, "Dimension out of range (expected to be in range of [-1, 0], but got -2)");
  expect_error([&] { triu(scalar_tensor(1.0, DType::Float32)); }, "Dimension specified as -2 but tensor has no dimensions");
  EXPECT_EQ(tril(zeros({0, 3})).shape(), (Shape{0, 3}));
}

TEST(Triangles, GradcheckAndDoubleGradcheck) {
  const Tensor x = test::sample({2, 3, 4}, 3);
  for (int64_t k : {-1, 0, 2}) {
    for (bool lower : {true, false}) {
      auto f = [k, lower](const Tensor& a) { return lower ? tril(a, k) : triu(a, k); };
      EXPECT_NO_THROW(autograd::gradcheck([&](const variable_list& in) { return variable_list{f(in[0])}; }, {x}));
      EXPECT_NO_THROW(autograd::gradcheck(
          [&](const variable_list& in) {
            return autograd::grad({sum(mul(pow(f(in[0]), 2.0), in[1]))}, {in[0]}, {}, false, true, false);
          },
          {x, test::sample({2, 3, 4}, 4)}));
    }
  }
  EXPECT_EQ(tril(x).grad_fn()->name(), "TrilBackward0");
  EXPECT_EQ(triu(x).grad_fn()->name(), "TriuBackward0");
}

}  // namespace
}  // namespace gradlab
