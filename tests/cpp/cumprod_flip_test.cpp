// cumprod and flip: values, dtypes, errors, PyTorch 1.13's cumprod gradient at zeros
// (its grad-mode-off O(n) path and grad-mode-on path differ at inf and NaN), node
// names, gradcheck and double gradcheck; PyTorch 1.13 fixtures (nn_ops.json).
#include <cmath>
#include <limits>

#include "nn_fixture.h"
#include "test_util.h"

namespace gradlab {
namespace {

using test::expect_error;
using test::make;
using test::sample;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Bit-for-bit where it matters: NaN where NaN, the sign of a zero, the value otherwise.
void expect_exact(const Tensor& t, const std::vector<double>& expected) {
  const auto got = test::values_of(t);
  ASSERT_EQ(got.size(), expected.size());
  for (size_t i = 0; i < got.size(); ++i) {
    if (std::isnan(expected[i])) {
      EXPECT_TRUE(std::isnan(got[i])) << "at " << i << ": " << got[i];
    } else {
      EXPECT_EQ(got[i], expected[i]) << "at " << i;
      EXPECT_EQ(std::signbit(got[i]), std::signbit(expected[i])) << "sign at " << i;
    }
  }
}

variable_list call_ops(const std::string& op, const variable_list& in, const test::Kwargs& kw) {
  if (op == "cumprod") return {cumprod(in[0], kw.integer("dim", 0))};
  if (op == "flip") return {flip(in[0], kw.ints("dims", {}))};
  if (op == "prod") {
    const auto dim = kw.optional_int("dim");
    return {dim ? prod(in[0], *dim, kw.flag("keepdim", false)) : prod(in[0])};
  }
  return {};
}

// cumprod, flip and prod at zeros (PyTorch's values, gradients and grad_fn names).
TEST(Cumprod, PyTorchFixtures) { EXPECT_GE(test::replay_nn_fixtures(call_ops), 20u); }

TEST(Cumprod, ValuesAndDtypes) {
  const Tensor x = make({2, -1, 3, 0.5, 1.5, 2, -0.5, 4}, {2, 4}, DType::Float64);
  expect_exact(cumprod(x, 1), {2, -2, -6, -3, 1.5, 3, -1.5, -6});
  expect_exact(cumprod(x, -2), {2, -1, 3, 0.5, 3, -2, -1.5, 2});
  // Integers and bools multiply as int64; a dtype converts first.
  EXPECT_EQ(cumprod(make({1, 2, 3}, {3}, DType::Int64), 0).dtype(), DType::Int64);
  EXPECT_EQ(cumprod(make({1, 0}, {2}, DType::Bool), 0).dtype(), DType::Int64);
  expect_exact(cumprod(make({1.5, 2.5}, {2}), 0, DType::Int64), {1, 2});
  EXPECT_EQ(cumprod(make({1, 2}, {2}, DType::Int64), 0, DType::Float32).dtype(), DType::Float32);
  // float32 accumulates in double, as PyTorch's CPU kernel: 1e60 overflows only when stored.
  expect_exact(cumprod(make({1e30, 1e30, 1e-30}, {3}), 0), {static_cast<float>(1e30), kInf, static_cast<float>(1e30)});
  expect_exact(cumprod(make({-0.0}, {1}), 0), {-0.0});
  expect_exact(cumprod(make({2.5}, {}), 0), {2.5});
  EXPECT_EQ(cumprod(zeros({2, 0}), 1).shape(), (Shape{2, 0}));
  expect_error([&] { cumprod(make({1, 0}, {2}, DType::Bool), 0, DType::Bool); },
               "\"cumprod_out_cpu\" not implemented for 'Bool'");
  expect_error([&] { cumprod(x, 2); }, "Dimension out of range (expected to be in range of [-2, 1], but got 2)");
}

TEST(Cumprod, DtypeArgumentKeepsTheNodeOnTheInput) {
  const Tensor x = make({1, 2}, {2}, DType::Float32, true);
  const Tensor y = cumprod(x, 0, DType::Float64);
  EXPECT_EQ(y.dtype(), DType::Float64);
  EXPECT_EQ(y.grad_fn()->name(), "CumprodBackward0");
  EXPECT_EQ(y.grad_fn()->next_edges()[0].fn->name(), "AccumulateGrad");
  autograd::backward({sum(y)}, {}, false, false);
  EXPECT_EQ(x.grad().dtype(), DType::Float32);
  expect_exact(x.grad(), {3, 1});
  // PyTorch 1.13 asserts on an integer cumprod of a float tensor that requires grad.
  expect_error([&] { cumprod(x, 0, DType::Int64); }, "isDifferentiableType(variable.scalar_type()) INTERNAL ASSERT FAILED");
}

// PyTorch 1.13's values (grad = 1, 2, 3, ... over the input); the grad-mode-on column is the
// gradient under create_graph, which takes the other path once there is a zero.
TEST(Cumprod, GradientAtZerosAsPyTorch) {
  struct Case {
    std::vector<double> input, plain, with_graph;
  };
  const Case cases[] = {
      {{2, -1, 3, 0.5, 1.5, 2, -0.5, 4},
       {-16, 34, -10, -24, -22, -20.25, 117, -12},
       {-16, 34, -10, -24, -22, -20.25, 117, -12}},
      {{2, 0, 3, 0.5, 1.5, 2, -0.5, 4}, {1, 34, 0, 0, -22, -20.25, 117, -12}, {1, 34, 0, 0, -22, -20.25, 117, -12}},
  };
  for (const auto& c : cases) {
    const Tensor x = make(c.input, {2, 4}, DType::Float64, true);
    const Tensor g = view(arange(1, 9, 1, DType::Float64), {2, 4});
    expect_exact(autograd::grad({cumprod(x, 1)}, {x}, {g}, false, false, false)[0], c.plain);
    const Tensor gg = autograd::grad({cumprod(x, 1)}, {x}, {g}, false, true, false)[0];
    EXPECT_TRUE(gg.requires_grad());
    expect_exact(gg, c.with_graph);
  }
  const Case five[] = {
      {{2, 0, 3, 0, 5, 0, 2, -0.5, 4, 1}, {1, 22, 0, 0, 0, -64, 0, 0, 0, 0}, {1, 22, 0, 0, 0, -64, 0, 0, 0, 0}},
      {{2, 0, kInf, 0, 5, kNaN, 0, -0.0, 4, 1},
       {1, kNaN, 0, 0, 0, kNaN, kNaN, 0, 0, 0},
       {kNaN, kNaN, 0, kNaN, kNaN, 6, kNaN, kNaN, kNaN, kNaN}},
  };
  for (const auto& c : five) {
    const Tensor x = make(c.input, {2, 5}, DType::Float64, true);
    const Tensor g = view(arange(1, 11, 1, DType::Float64), {2, 5});
    expect_exact(autograd::grad({cumprod(x, 1)}, {x}, {g}, false, false, false)[0], c.plain);
    expect_exact(autograd::grad({cumprod(x, 1)}, {x}, {g}, false, true, false)[0], c.with_graph);
  }
  const Tensor x = make({2, 0, 3, 0, -1, 0}, {2, 3}, DType::Float64, true);
  expect_exact(autograd::grad({cumprod(x, 0)}, {x}, {ones({2, 3}, DType::Float64)}, false, false, false)[0],
               {1, 0, 1, 2, 0, 3});
}

TEST(Cumprod, GradientNodesUnderCreateGraph) {
  const Tensor g = make({1, 2, 3}, {3}, DType::Float64);
  const Tensor a = make({2, -1, 3}, {3}, DType::Float64, true);
  const Tensor ga = autograd::grad({cumprod(a, 0)}, {a}, {g}, false, true, false)[0];
  EXPECT_EQ(ga.grad_fn()->name(), "DivBackward0");  // flip(cumsum(flip(y * g))) / x
  EXPECT_EQ(ga.grad_fn()->next_edges()[0].fn->name(), "FlipBackward0");
  const Tensor b = make({2, 0, 3}, {3}, DType::Float64, true);
  const Tensor gb = autograd::grad({cumprod(b, 0)}, {b}, {g}, false, true, false)[0];
  EXPECT_EQ(gb.grad_fn()->name(), "CopySlices");
  expect_exact(gb, {1, 22, 0});
}

// The double gradchecks keep the graph (retain_graph, PyTorch's default under create_graph):
// cumprod's and prod's gradients read their saved results.
TEST(Cumprod, GradcheckAndDoubleGradcheck) {
  const Tensor plain = sample({3, 4}, 1);
  const Tensor with_zeros = make({0.5, 0, -0.7, 0.9, 0, 0.3, 0, -1.2, 0.8, 0.6, -0.4, 0}, {3, 4}, DType::Float64, true);
  for (const Tensor& x : {plain, with_zeros}) {
    for (int64_t dim : {0, 1, -1}) {
      auto f = [dim](const Tensor& t) { return cumprod(t, dim); };
      EXPECT_NO_THROW(autograd::gradcheck([&](const variable_list& in) { return variable_list{f(in[0])}; }, {x}));
      EXPECT_NO_THROW(autograd::gradcheck(
          [&](const variable_list& in) {
            return autograd::grad({sum(mul(f(in[0]), in[1]))}, {in[0]}, {}, true, true, false);
          },
          {x, test::sample({3, 4}, 2)}));
    }
  }
}

TEST(Flip, ValuesDtypesAndErrors) {
  const Tensor x = view(arange(0, 6, 1, DType::Float64), {2, 3});
  expect_exact(flip(x, {0}), {3, 4, 5, 0, 1, 2});
  expect_exact(flip(x, {1}), {2, 1, 0, 5, 4, 3});
  expect_exact(flip(x, {0, -1}), {5, 4, 3, 2, 1, 0});
  expect_exact(flip(x, {}), {0, 1, 2, 3, 4, 5});
  expect_exact(flip(t(x), {1}), {3, 0, 4, 1, 5, 2});  // a transposed (non-contiguous) input
  expect_exact(flip(make({3}, {}), {0}), {3});
  EXPECT_EQ(flip(make({1, 0, 1}, {3}, DType::Bool), {0}).dtype(), DType::Bool);
  expect_exact(flip(make({1, 0, 0}, {3}, DType::Bool), {0}), {0, 0, 1});
  expect_exact(flip(make({7, -8}, {2}, DType::Int64), {0}), {-8, 7});
  EXPECT_EQ(flip(zeros({0, 2}), {0}).shape(), (Shape{0, 2}));
  expect_error([&] { flip(x, {0, -2}); }, "dim 0 appears multiple times in the list of dims");
  expect_error([&] { flip(x, {2}); }, "Dimension out of range (expected to be in range of [-2, 1], but got 2)");
  expect_error([&] { flip(make({3}, {}), {1}); }, "Dimension out of range (expected to be in range of [-1, 0], but got 1)");
}

TEST(Flip, GradientIsTheSameFlip) {
  const Tensor x = sample({2, 3}, 4);
  const Tensor y = flip(x, {1});
  EXPECT_EQ(y.grad_fn()->name(), "FlipBackward0");
  const Tensor gx = autograd::grad({y}, {x}, {make({0, 1, 2, 3, 4, 5}, {2, 3}, DType::Float64, true)}, false, true,
                                   false)[0];
  EXPECT_EQ(gx.grad_fn()->name(), "FlipBackward0");
  expect_exact(gx, {2, 1, 0, 5, 4, 3});
  for (const std::vector<int64_t>& dims : {std::vector<int64_t>{0}, {1, 0}, {}}) {
    auto f = [dims](const Tensor& t) { return flip(t, dims); };
    EXPECT_NO_THROW(autograd::gradcheck([&](const variable_list& in) { return variable_list{f(in[0])}; }, {x}));
    EXPECT_NO_THROW(autograd::gradcheck(
        [&](const variable_list& in) {
          return autograd::grad({sum(mul(pow(f(in[0]), 2.0), in[1]))}, {in[0]}, {}, true, true, false);
        },
        {x, sample({2, 3}, 5)}));
  }
}

}  // namespace
}  // namespace gradlab
