// Elementwise ops: values at known points, gradients against finite
// differences (float64, several shapes, broadcasting, non-contiguous inputs),
// double backward, PyTorch's conventions at kinks, and type promotion.
#include <cmath>
#include <limits>
#include <string>

#include "test_util.h"

namespace gradlab {
namespace {

using test::expect_error;
using test::expect_values;
using test::make;
using test::sample;

using Unary = std::function<Tensor(const Tensor&)>;

struct NamedUnary {
  const char* name;
  Unary fn;
  bool positive_only;
};

std::vector<NamedUnary> unary_ops() {
  return {
      {"neg", [](const Tensor& x) { return neg(x); }, false},
      {"abs", [](const Tensor& x) { return abs(x); }, false},
      {"square", [](const Tensor& x) { return square(x); }, false},
      {"sqrt", [](const Tensor& x) { return sqrt(x); }, true},
      {"rsqrt", [](const Tensor& x) { return rsqrt(x); }, true},
      {"reciprocal", [](const Tensor& x) { return reciprocal(x); }, false},
      {"exp", [](const Tensor& x) { return exp(x); }, false},
      {"log", [](const Tensor& x) { return log(x); }, true},
      {"log1p", [](const Tensor& x) { return log1p(x); }, true},
      {"expm1", [](const Tensor& x) { return expm1(x); }, false},
      {"sin", [](const Tensor& x) { return sin(x); }, false},
      {"cos", [](const Tensor& x) { return cos(x); }, false},
      {"tan", [](const Tensor& x) { return tan(x); }, false},
      {"tanh", [](const Tensor& x) { return tanh(x); }, false},
      {"sigmoid", [](const Tensor& x) { return sigmoid(x); }, false},
      {"relu", [](const Tensor& x) { return relu(x); }, false},
      {"leaky_relu", [](const Tensor& x) { return leaky_relu(x, 0.2); }, false},
      {"gelu", [](const Tensor& x) { return gelu(x); }, false},
      {"silu", [](const Tensor& x) { return silu(x); }, false},
      {"elu", [](const Tensor& x) { return elu(x, 1.5); }, false},
      {"softplus", [](const Tensor& x) { return softplus(x, 2.0, 1.0); }, false},
      {"clamp", [](const Tensor& x) { return clamp(x, -0.5, 0.6); }, false},
      {"pow_scalar", [](const Tensor& x) { return pow(x, 3.0); }, false},
      {"pow_fractional", [](const Tensor& x) { return pow(x, 1.5); }, true},
      {"rpow", [](const Tensor& x) { return pow(2.5, x); }, false},
      {"rsub", [](const Tensor& x) { return rsub(x, 2.0); }, false},
      {"div_scalar", [](const Tensor& x) { return div(x, 4.0); }, false},
  };
}

Tensor positive(const Tensor& x) {
  NoGradGuard guard;
  Tensor p = add(abs(x.detach()), 0.2);
  p.set_requires_grad(true);
  return p;
}

TEST(Elementwise, UnaryGradientsMatchFiniteDifferences) {
  for (const auto& op : unary_ops()) {
    for (const Shape& shape : {Shape{}, Shape{5}, Shape{2, 3}}) {
      Tensor x = sample(shape, 3);
      if (op.positive_only) x = positive(x);
      SCOPED_TRACE(op.name);
      EXPECT_NO_THROW(autograd::gradcheck([&](const variable_list& in) { return variable_list{op.fn(in[0])}; }, {x}));
    }
  }
}

TEST(Elementwise, UnaryDoubleBackward) {
  for (const auto& op : unary_ops()) {
    if (std::string(op.name) == "relu" || std::string(op.name) == "clamp" || std::string(op.name) == "abs" ||
        std::string(op.name) == "neg" || std::string(op.name) == "rsub" || std::string(op.name) == "div_scalar" ||
        std::string(op.name) == "leaky_relu")
      continue;  // piecewise linear: the second derivative is zero and not recorded by PyTorch either
    Tensor x = sample({4}, 5);
    if (op.positive_only) x = positive(x);
    SCOPED_TRACE(op.name);
    auto first_grad = [&](const variable_list& in) {
      return autograd::grad({sum(op.fn(in[0]))}, {in[0]}, {}, /*retain_graph=*/true, true, false);
    };
    EXPECT_NO_THROW(autograd::gradcheck(first_grad, {x}));
  }
}

using Binary = std::function<Tensor(const Tensor&, const Tensor&)>;

TEST(Elementwise, BinaryGradientsWithBroadcastingAndNonContiguousInputs) {
  const std::vector<std::pair<const char*, Binary>> ops = {
      {"add", [](const Tensor& a, const Tensor& b) { return add(a, b, 0.5); }},
      {"sub", [](const Tensor& a, const Tensor& b) { return sub(a, b, 2.0); }},
      {"mul", [](const Tensor& a, const Tensor& b) { return mul(a, b); }},
      {"div", [](const Tensor& a, const Tensor& b) { return div(a, b); }},
      {"pow", [](const Tensor& a, const Tensor& b) { return pow(abs(a), b); }},
      {"maximum", [](const Tensor& a, const Tensor& b) { return maximum(a, b); }},
      {"minimum", [](const Tensor& a, const Tensor& b) { return minimum(a, b); }},
      {"where", [](const Tensor& a, const Tensor& b) { return where(gt(a, b), a, b); }},
  };
  const std::vector<std::pair<Shape, Shape>> shapes = {
      {{3}, {3}}, {{2, 3}, {3}}, {{2, 1}, {1, 3}}, {{}, {2, 2}}, {{4, 1, 3}, {2, 1}}};
  for (const auto& [name, fn] : ops)
    for (const auto& [sa, sb] : shapes) {
      SCOPED_TRACE(std::string(name) + " " + shape_str(sa) + " " + shape_str(sb));
      Tensor a = sample(sa, 1), b = sample(sb, 2);
      EXPECT_NO_THROW(autograd::gradcheck([&](const variable_list& in) { return variable_list{fn(in[0], in[1])}; }, {a, b}));
    }
  // Non-contiguous: a transposed view on both sides.
  for (const auto& [name, fn] : ops) {
    SCOPED_TRACE(std::string(name) + " transposed");
    Tensor a = sample({3, 2}, 4), b = sample({2, 3}, 6);
    EXPECT_NO_THROW(autograd::gradcheck(
        [&](const variable_list& in) { return variable_list{fn(transpose(in[0], 0, 1), in[1])}; }, {a, b}));
  }
}

TEST(Elementwise, BinaryDoubleBackward) {
  Tensor a = sample({2, 3}, 1), b = sample({3}, 2);
  for (const Binary& fn : std::vector<Binary>{[](const Tensor& x, const Tensor& y) { return mul(x, y); },
                                              [](const Tensor& x, const Tensor& y) { return div(x, y); },
                                              [](const Tensor& x, const Tensor& y) { return pow(abs(x), y); }}) {
    auto grads = [&](const variable_list& in) {
      return autograd::grad({sum(fn(in[0], in[1]))}, {in[0], in[1]}, {}, /*retain_graph=*/true, true, false);
    };
    EXPECT_NO_THROW(autograd::gradcheck(grads, {a, b}));
  }
}

TEST(Elementwise, KinksFollowPyTorch) {
  Tensor x = make({-1, 0, 2}, {3}, DType::Float64, true);
  autograd::backward({sum(relu(x))}, {}, false, false);
  expect_values(x.grad(), {0, 0, 1});  // relu'(0) = 0
  x.set_grad(Tensor());
  autograd::backward({sum(abs(x))}, {}, false, false);
  expect_values(x.grad(), {-1, 0, 1});  // abs'(0) = 0
  x.set_grad(Tensor());
  autograd::backward({sum(clamp(x, 0.0, 2.0))}, {}, false, false);
  expect_values(x.grad(), {0, 1, 1});  // bounds pass the gradient
  Tensor a = make({1, 2}, {2}, DType::Float64, true), b = make({1, 3}, {2}, DType::Float64, true);
  autograd::backward({sum(maximum(a, b))}, {}, false, false);
  expect_values(a.grad(), {0.5, 0});  // ties split evenly
  expect_values(b.grad(), {0.5, 1});
}

TEST(Elementwise, ForwardValues) {
  Tensor x = make({-2, -0.5, 0, 0.5, 2}, {5});
  expect_values(sigmoid(x), {0.11920292, 0.37754067, 0.5, 0.62245933, 0.88079708});
  expect_values(gelu(x), {-0.04550026, -0.15426877, 0, 0.34573123, 1.95449974});
  expect_values(elu(x), {-0.86466472, -0.39346934, 0, 0.5, 2});
  expect_values(softplus(x), {0.12692801, 0.47407698, 0.69314718, 0.97407698, 2.12692801});
  expect_values(leaky_relu(x), {-0.02, -0.005, 0, 0.5, 2});
  expect_values(sign(x), {-1, -1, 0, 1, 1});
  expect_values(clamp(x, std::nan(""), 0.4), {-2, -0.5, 0, 0.4, 0.4});
  expect_values(pow(make({2, 3}, {2}), make({3}, {1})), {8, 27});
}

// clamp(min=None, max=None) as PyTorch 1.13: a NaN bound is a bound, not a missing one.
// It makes the result floating; alone it leaves the values, with another bound it
// makes every value NaN; it passes no gradient. No bound at all is refused first.
TEST(Elementwise, ClampWithANaNBound) {
  const double nan = std::nan("");
  const Tensor i = make({1, 7, -3}, {3}, DType::Int64);
  EXPECT_EQ(clamp(i, std::optional<double>(nan), std::nullopt).dtype(), DType::Float32);
  expect_values(clamp(i, std::optional<double>(nan), std::nullopt), {1, 7, -3});
  expect_values(clamp(i, std::nullopt, std::optional<double>(nan)), {1, 7, -3});
  expect_values(clamp(i, std::optional<double>(nan), std::optional<double>(5)), {nan, nan, nan});
  expect_values(clamp(i, std::optional<double>(0), std::optional<double>(nan)), {nan, nan, nan});
  EXPECT_EQ(clamp(make({1, 0}, {2}, DType::Bool), std::optional<double>(nan), std::nullopt).dtype(), DType::Float32);
  expect_error([&] { clamp(i, std::nullopt, std::nullopt); }, "torch.clamp: At least one of 'min' or 'max' must not be None");
  expect_error([&] { clamp_(i, std::optional<double>(nan), std::nullopt); },
               "result type Float can't be cast to the desired output type long int");
  expect_error([&] { clamp_(zeros({0}), std::nullopt, std::nullopt); },
               "torch.clamp: At least one of 'min' or 'max' must not be None");
  expect_error([&] { clamp_(make({0, 0}, {2}, DType::Float32, true), std::nullopt, std::nullopt); },
               "a leaf Variable that requires grad is being used in an in-place operation.");
  EXPECT_EQ(clamp_(zeros({0}), std::optional<double>(nan), std::nullopt).shape(), (Shape{0}));
  const Tensor x = make({0.5, 2}, {2}, DType::Float64, true);
  const Tensor y = clamp(x, std::optional<double>(nan), std::nullopt);
  EXPECT_EQ(y.grad_fn()->name(), "ClampBackward1");
  autograd::backward({sum(y)}, {}, false, false);
  expect_values(x.grad(), {0, 0});
  // The engine's own double form still reads NaN as no bound.
  expect_values(clamp(i, nan, 2.0), {1, 2, -3});
}

// clamp's gradient is a where, as PyTorch's clamp_backward: outside the bounds it is
// +0 even for an infinite or negative incoming gradient (live run seed 40000).
TEST(Elementwise, ClampGradientOutsideTheBoundsIsZero) {
  const double inf = std::numeric_limits<double>::infinity();
  const Tensor x = make({-1, 0.5, 3}, {3}, DType::Float32, true);
  autograd::backward({clamp(x, 0.0, 2.0)}, {make({-inf, -2, inf}, {3}, DType::Float32)}, true, false);
  expect_values(x.grad(), {0, -2, 0});
  EXPECT_FALSE(std::signbit(test::values_of(x.grad())[0]));
  // Flat in y, as PyTorch's: under create_graph only a gradient that requires grad gives history.
  const Tensor y = make({-1, 0.5}, {2}, DType::Float64, true);
  const Tensor plain = ones({2}, DType::Float64), tracked = make({1, 1}, {2}, DType::Float64, true);
  EXPECT_FALSE(autograd::grad({clamp(y, 0.0, std::nan(""))}, {y}, {plain}, true, true, false)[0].requires_grad());
  const Tensor g = autograd::grad({clamp(y, 0.0, std::nan(""))}, {y}, {tracked}, true, true, false)[0];
  ASSERT_TRUE(g.requires_grad());
  EXPECT_EQ(g.grad_fn()->name(), "WhereBackward0");
}

// pow(tensor, tensor) as PyTorch's pow_backward_self/_exponent: the base's gradient is a
// where (WhereBackward0 under create_graph, s96007-92) and the result is saved, so changing
// it in place is an error even when only the base needs a gradient (s96000-500).
TEST(Elementwise, PowOfTwoTensorsGradientAsPyTorch) {
  const Tensor x = make({3.3, 3.3}, {2, 1}, DType::Float32, true);
  const Tensor g = autograd::grad({pow(x, make({1.91, 0}, {2, 1}))}, {x}, {ones({2, 1})}, true, true, false)[0];
  EXPECT_EQ(g.grad_fn()->name(), "WhereBackward0");
  expect_values(g, {5.66084194, 0});
  const Tensor y = make({0.3, 0.7}, {2}, DType::Float32, true);
  Tensor r = pow(y, make({0.24, -2.26}, {2}));
  zero_(r);
  expect_error([&] { autograd::backward({r}, {ones({2})}, false, false); },
               "which is output 0 of PowBackward1, is at version 1; expected version 0 instead.");
}

// elu's gradient tests x <= 0 as PyTorch's kernel: at a NaN input it is the incoming
// gradient itself, 0 for a zero one, not NaN (live run s92005-675, item 68).
TEST(Elementwise, EluGradientAtNaNIsTheIncomingGradient) {
  const Tensor x = make({std::nan(""), -1, 2}, {3}, DType::Float64, true);
  expect_values(autograd::grad({elu(x, 1.0)}, {x}, {make({0, 1, 1}, {3}, DType::Float64)}, true, false, false)[0],
                {0, 0.36787944, 1});
  expect_values(autograd::grad({elu(x, 1.0)}, {x}, {make({2, 1, 1}, {3}, DType::Float64)}, true, false, false)[0],
                {2, 0.36787944, 1});
}

// cos's gradient is grad * -sin(x) as in PyTorch, so under create_graph it ends in
// MulBackward0 (live run s90002-203, item 66).
TEST(Elementwise, CosGradientNodeAsPyTorch) {
  const Tensor x = make({1, 4}, {2}, DType::Float64, true);
  const Tensor g = autograd::grad({sum(cos(x))}, {x}, {}, true, true, false)[0];
  EXPECT_EQ(g.grad_fn()->name(), "MulBackward0");
  expect_values(g, {-0.84147098, 0.7568025});
}

// Under create_graph the gradient of relu/leaky_relu requires grad when the input does,
// even for a gradient that does not: PyTorch's backward kernels take the result / self as
// an input (ThresholdBackwardBackward0, LeakyReluBackwardBackward0; live run seed 60000).
TEST(Elementwise, ReluGradientUnderCreateGraphRequiresGrad) {
  const Tensor x = make({-1, 2}, {2}, DType::Float64, true);
  const Tensor g = autograd::grad({relu(x)}, {x}, {ones({2}, DType::Float64)}, true, true, false)[0];
  EXPECT_TRUE(g.requires_grad());
  EXPECT_EQ(g.grad_fn()->name(), "ThresholdBackwardBackward0");
  expect_values(g, {0, 1});
  const Tensor l = autograd::grad({leaky_relu(x, 0.01)}, {x}, {ones({2}, DType::Float64)}, true, true, false)[0];
  EXPECT_TRUE(l.requires_grad());
  EXPECT_EQ(l.grad_fn()->name(), "LeakyReluBackwardBackward0");
  expect_values(l, {0.01, 1});
  // Flat in x: the second derivative is 0.
  autograd::backward({sum(g)}, {}, false, false);
  expect_values(x.grad(), {0, 0});
}

TEST(Elementwise, TypePromotionFollowsPyTorch) {
  Tensor i = make({1, 2}, {2}, DType::Int64);
  Tensor f = make({1, 2}, {2}, DType::Float32);
  Tensor d = make({1, 2}, {2}, DType::Float64);
  EXPECT_EQ(add(i, 2.0).dtype(), DType::Int64);
  EXPECT_EQ(add(i, 2.5).dtype(), DType::Float32);
  EXPECT_EQ(mul(f, 2.5).dtype(), DType::Float32);
  EXPECT_EQ(add(f, d).dtype(), DType::Float64);
  EXPECT_EQ(add(f, scalar_tensor(1, DType::Float64)).dtype(), DType::Float32);  // 0-d doesn't promote
  EXPECT_EQ(add(i, scalar_tensor(1, DType::Float64)).dtype(), DType::Float64);  // higher category does
  EXPECT_EQ(div(i, i).dtype(), DType::Float32);
  EXPECT_EQ(exp(i).dtype(), DType::Float32);
  EXPECT_EQ(gt(f, scalar_tensor(1, DType::Float64, true)).dtype(), DType::Bool);
}

TEST(Elementwise, GradientKeepsInputDtype) {
  Tensor f = make({1, 2}, {2}, DType::Float32, true);
  Tensor d = make({3, 4}, {2}, DType::Float64);
  Tensor y = sum(mul(f, d));
  EXPECT_EQ(y.dtype(), DType::Float64);
  autograd::backward({y}, {}, false, false);
  EXPECT_EQ(f.grad().dtype(), DType::Float32);
  expect_values(f.grad(), {3, 4});
}

TEST(Elementwise, Errors) {
  expect_error([] { add(make({1, 2, 3}, {1, 3}), make({1, 2, 1, 2}, {2, 2})); },
               "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1");
  expect_error([] { neg(make({1}, {1}, DType::Bool)); }, "Negation, the `-` operator, on a bool tensor is not supported.");
  expect_error([] { where(make({1}, {1}), make({1}, {1}), make({1}, {1})); },
               "where expected condition to be a boolean tensor");
}

TEST(Elementwise, ComparisonsGiveBoolWithoutGrad) {
  Tensor a = make({1, 2, 3}, {3}, DType::Float32, true);
  Tensor b = make({2}, {1});
  for (const Tensor& c : {eq(a, b), ne(a, b), lt(a, b), le(a, b), gt(a, b), ge(a, b)}) {
    EXPECT_EQ(c.dtype(), DType::Bool);
    EXPECT_FALSE(c.requires_grad());
  }
  expect_values(lt(a, b), {1, 0, 0});
  expect_values(ge(a, b), {0, 1, 1});
  EXPECT_TRUE(allclose(a, add(a, 1e-7)));
  EXPECT_FALSE(allclose(a, add(a, 1e-3)));
}

// A plain number is PyTorch's wrapped Python scalar: integral values are ints,
// others and -0 are floats, and they lift a tensor only to the default dtype
// of a higher category (values from PyTorch 1.13).
TEST(Elementwise, WrappedNumbersPromoteAsPyTorch) {
  const Tensor m = make({1, 0}, {2}, DType::Bool);
  const Tensor i = make({1, 2}, {2}, DType::Int64), b = make({1, 0}, {2}, DType::Bool);
  const Tensor f = make({1, 2}, {2}), d = make({1, 2}, {2}, DType::Float64);
  EXPECT_EQ(where(m, wrapped_number(1.5), wrapped_number(0.5)).dtype(), DType::Float32);
  EXPECT_EQ(where(m, wrapped_number(1), wrapped_number(0)).dtype(), DType::Int64);
  EXPECT_EQ(where(m, i, wrapped_number(1.5)).dtype(), DType::Float32);
  EXPECT_EQ(where(m, d, wrapped_number(1.5)).dtype(), DType::Float64);
  // -0 is a float whatever the tensor, and its sign survives in either operand order.
  for (const Tensor& t : {i, b, f}) {
    for (const Tensor& r : {mul(t, -0.0), mul(wrapped_number(-0.0), t)}) {
      EXPECT_EQ(r.dtype(), DType::Float32);
      EXPECT_TRUE(std::signbit(test::values_of(r)[0]));
    }
  }
  // Bounds of clamp take part in promotion; bool with int bounds is int64.
  EXPECT_EQ(clamp(i, 0.5, 1.5).dtype(), DType::Float32);
  expect_values(clamp(i, 0.5, 1.5), {1, 1.5});
  EXPECT_EQ(clamp(i, 0, 1).dtype(), DType::Int64);
  EXPECT_EQ(clamp(b, 0, 1).dtype(), DType::Int64);
  EXPECT_EQ(clamp(b, std::nan(""), 0.5).dtype(), DType::Float32);
  EXPECT_EQ(clamp(d, 0.5, 1.5).dtype(), DType::Float64);
  Tensor fg = make({0.2, 2}, {2}, DType::Float32, true);
  EXPECT_EQ(clamp(fg, 0, 1).grad_fn()->name(), "ClampBackward1");
  // bool + bool (and + true) is logical or; bool in a subtraction is refused.
  EXPECT_EQ(add(b, wrapped_number(1)).dtype(), DType::Int64);
  const Tensor bb = add(b, to(make({1, 1}, {2}), DType::Bool));
  EXPECT_EQ(bb.dtype(), DType::Bool);
  expect_values(to(bb, DType::Int64), {1, 1});
  // alpha scales like a number: never a fraction into an integer result.
  expect_error([&] { add(i, wrapped_number(1), 0.5); },
               "For integral input tensors, argument alpha must not be a floating point number.");
  expect_error([&] { sub(i, i, 0.5); }, "For integral input tensors, argument alpha must not be a floating point number.");
  EXPECT_EQ(add(i, wrapped_number(1.5), 2).dtype(), DType::Float32);
  expect_values(add(i, wrapped_number(1.5), 2), {4, 5});
  expect_values(add(i, f, 0.5), {1.5, 3});
  expect_error([&] { sub(b, 1.0); }, "Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying "
                                      "to invert a mask, use the `~` or `logical_not()` operator instead.");
  expect_error([&] { sub(f, b); }, "with a bool tensor is not supported");
  expect_error([&] { rsub(b, 1.0); }, "with a bool tensor is not supported");
}

TEST(Elementwise, IntegerPowersAsPyTorch) {
  const Tensor i = make({1, 2}, {2}, DType::Int64);
  expect_error([&] { pow(i, -1.0); }, "Integers to negative integer powers are not allowed.");
  expect_error([&] { pow(make({1, 0}, {2}, DType::Bool), -1.0); }, "Integers to negative integer powers are not allowed.");
  EXPECT_EQ(pow(i, 0.5).dtype(), DType::Float32);
  EXPECT_EQ(pow(i, 2.0).dtype(), DType::Int64);
  // A tensor exponent may be negative: only 1 and -1 survive it.
  const Tensor r = pow(make({1, 2, -1, 3}, {4}, DType::Int64), make({-1}, {}, DType::Int64));
  EXPECT_EQ(r.dtype(), DType::Int64);
  expect_values(r, {1, 0, -1, 0});
  expect_values(pow(make({2, 3}, {2}, DType::Int64), make({10, 3}, {2}, DType::Int64)), {1024, 27});
}

// PyTorch masks both gradients of a^b at b == 0 and the exponent's at a == 0, b >= 0.
TEST(Elementwise, PowTensorExponentGradientAtZeroToTheZero) {
  Tensor a = make({0, 0, 2, 0, 0, 0}, {6}, DType::Float64, true);
  Tensor e = make({0, 1, 0, 2, -1, 0.5}, {6}, DType::Float64, true);
  const auto g = autograd::grad({sum(pow(a, e))}, {a, e}, {}, false, false, false);
  const double inf = INFINITY;
  const auto ga = test::values_of(g[0]), gexp = test::values_of(g[1]);
  const std::vector<double> want_a{0, 1, 0, 0, -inf, inf}, want_e{0, 0, std::log(2.0), 0, -inf, 0};
  for (size_t k = 0; k < 6; ++k) {
    EXPECT_EQ(ga[k], want_a[k]) << k;
    EXPECT_EQ(gexp[k], want_e[k]) << k;
  }
}

TEST(Elementwise, SignOfNaNAndNegativeZeroIsPositiveZero) {
  const auto v = test::values_of(sign(make({NAN, -0.0, 0.0, -2.0}, {4}, DType::Float64)));
  EXPECT_EQ(v[0], 0.0);
  EXPECT_FALSE(std::signbit(v[0]));
  EXPECT_FALSE(std::signbit(v[1]));
  EXPECT_EQ(v[3], -1.0);
}

// where broadcasts the condition with a, then the result with b: the operands PyTorch's message names.
TEST(Elementwise, WhereBroadcastErrorNamesConditionThenOperands) {
  const auto mask = [](const Shape& s) { return zeros(s, DType::Bool); };
  expect_error([&] { where(mask({2, 4}), zeros({1, 1, 3}), zeros({2, 4})); },
               "The size of tensor a (4) must match the size of tensor b (3) at non-singleton dimension 2");
  expect_error([&] { where(mask({2, 1, 3, 0}), zeros({1, 3, 4}), zeros({1, 4, 2, 1})); },
               "The size of tensor a (0) must match the size of tensor b (4) at non-singleton dimension 3");
  expect_error([&] { where(mask({3, 1}), zeros({1, 2}), zeros({4, 1})); },
               "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0");
}

TEST(Elementwise, BroadcastErrorNamesTheRightmostMismatch) {
  expect_error([] { add(ones({2, 3}), ones({3, 2})); },
               "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1");
  expect_error([] { add(ones({4, 2, 3}), ones({5, 1, 2})); },
               "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 2");
  expect_error([] { mul(ones({2, 3}), ones({4, 1, 2})); },
               "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 2");
}

// Kernels PyTorch 1.13 has only for some dtypes refuse the others, with its kernel's name.
TEST(Elementwise, OpsRefuseDtypesPyTorchHasNoKernelFor) {
  const Tensor b = make({1}, {1}, DType::Bool), i = make({1}, {1}, DType::Int64);
  expect_error([&] { relu(b); }, "Boolean inputs not supported for relu");
  expect_error([&] { abs(b); }, "\"abs_cpu\" not implemented for 'Bool'");
  expect_error([&] { gelu(i); }, "\"GeluKernelImpl\" not implemented for 'Long'");
  expect_error([&] { gelu(b); }, "\"GeluKernelImpl\" not implemented for 'Bool'");
  expect_error([&] { elu(i, 1.0); }, "\"elu_cpu\" not implemented for 'Long'");
  expect_error([&] { leaky_relu(b, 0.01); }, "\"leaky_relu_cpu\" not implemented for 'Bool'");
  expect_error([&] { softplus(i, 1.0, 20.0); }, "\"softplus_cpu\" not implemented for 'Long'");
  expect_error([&] { pow(b, b); }, "\"pow\" not implemented for 'Bool'");
  // Shapes are checked before the kernel's dtype (live run s94008-130).
  expect_error([&] { pow(ones({3}, DType::Bool), ones({4}, DType::Bool)); },
               "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0");
  // Integer inputs that PyTorch does take keep their dtype.
  EXPECT_EQ(relu(i).dtype(), DType::Int64);
  EXPECT_EQ(abs(make({-3}, {1}, DType::Int64)).data_ptr<int64_t>()[0], 3);
  const Tensor p = pow(b, make({2}, {1}, DType::Int64));
  EXPECT_EQ(p.dtype(), DType::Int64);
  expect_values(p, {1});
}

// The sign of zero as PyTorch 1.13 leaves it: abs and elu clear it, relu, minimum and maximum keep it.
TEST(Elementwise, SignedZerosAsPyTorch) {
  const Tensor nz = make({-0.0}, {1}), pz = make({0.0}, {1});
  auto sign_bit = [](const Tensor& t) { return std::signbit(test::values_of(t)[0]); };
  EXPECT_FALSE(sign_bit(abs(nz)));
  EXPECT_TRUE(sign_bit(relu(nz)));
  EXPECT_FALSE(sign_bit(elu(nz, 1.0)));
  EXPECT_TRUE(sign_bit(minimum(nz, pz)));
  EXPECT_FALSE(sign_bit(minimum(pz, nz)));
  EXPECT_TRUE(sign_bit(maximum(nz, pz)));
  EXPECT_FALSE(sign_bit(maximum(pz, nz)));
  // elu is exp(x) - 1 as PyTorch's kernel: a tiny float32 input rounds to 0, not to itself.
  expect_values(elu(make({-1e-10}, {1}), 1.0), {0}, 0);
}

// On a tie of -0. and +0., PyTorch's AVX2 loop (16 float32 / 8 float64 values at a time, contiguous)
// returns b and its scalar tail returns a.
TEST(Elementwise, ExtremumTiesFollowPyTorchsVectorisedLoop) {
  auto signs = [](const Tensor& t) {
    std::string s;
    for (const double v : test::values_of(t)) s += std::signbit(v) ? '-' : '+';
    return s;
  };
  const Tensor nz20 = full({20}, -0.0), pz20 = zeros({20});
  EXPECT_EQ(signs(maximum(nz20, pz20)), "++++++++++++++++----");
  EXPECT_EQ(signs(minimum(nz20, pz20)), "++++++++++++++++----");
  EXPECT_EQ(signs(maximum(full({10}, -0.0, DType::Float64), zeros({}, DType::Float64))), "++++++++--");
  EXPECT_EQ(signs(maximum(full({}, -0.0, DType::Float64), zeros({10}, DType::Float64))), "++++++++--");
  EXPECT_EQ(signs(maximum(nz20, zeros({20}, DType::Float64))), "++++++++++++++++----");
  EXPECT_EQ(signs(maximum(full({4, 5}, -0.0), zeros({4, 5}))), "++++++++++++++++----");
  // A strided operand takes PyTorch's scalar loop: a throughout.
  EXPECT_EQ(signs(maximum(transpose(full({5, 4}, -0.0), 0, 1), zeros({4, 5}))), "--------------------");
}

// A number exponent of +-0.5 is a square root in PyTorch; a tensor exponent is pow.
TEST(Elementwise, PowByHalfIsASquareRoot) {
  EXPECT_TRUE(std::isnan(test::values_of(pow(make({-INFINITY}, {1}), 0.5))[0]));
  EXPECT_EQ(test::values_of(pow(make({-0.0}, {1}), -0.5))[0], -INFINITY);
  EXPECT_EQ(test::values_of(pow(make({-INFINITY}, {1}), make({0.5}, {1})))[0], INFINITY);
  expect_values(pow(make({4, 9}, {2}), -0.5), {0.5, 1.0 / 3});
}

// Gradients at the ops' special values, as PyTorch 1.13's formulas give them.
TEST(Elementwise, GradientsAtNaNZeroAndInfinity) {
  auto grad_of = [](const Tensor& x, const Tensor& y) { return autograd::grad({sum(y)}, {x}, {}, false, false, false)[0]; };
  auto exact = [](const Tensor& t, const std::vector<double>& want) {
    const auto got = test::values_of(t);
    ASSERT_EQ(got.size(), want.size());
    for (size_t k = 0; k < want.size(); ++k) {
      EXPECT_EQ(got[k], want[k]) << k;
      EXPECT_EQ(std::signbit(got[k]), std::signbit(want[k])) << k;
    }
  };
  // maximum/minimum: a NaN compares unequal, so both operands get the whole gradient; ties share it.
  for (const bool is_max : {true, false}) {
    Tensor x = make({NAN, 1, 2}, {3}, DType::Float64, true), y = make({1, NAN, 2}, {3}, DType::Float64, true);
    const Tensor out = is_max ? maximum(x, y) : minimum(x, y);
    const auto g = autograd::grad({sum(out)}, {x, y}, {}, false, false, false);
    exact(g[0], {1, 1, 0.5});
    exact(g[1], {1, 1, 0.5});
  }
  // relu passes the gradient where the output is NaN, and an infinite gradient is dropped, not NaN.
  Tensor r = make({NAN, 1, -1}, {3}, DType::Float64, true);
  exact(grad_of(r, relu(r)), {1, 1, 0});
  Tensor r2 = make({-1, 2}, {2}, DType::Float64, true);
  exact(autograd::grad({relu(r2)}, {r2}, {make({INFINITY, 1}, {2}, DType::Float64)}, false, false, false)[0], {0, 1});
  Tensor a = make({NAN}, {1}, DType::Float64, true);
  exact(grad_of(a, abs(a)), {0});
  // pow at 0 and -0: e * x^(e - 1), with the square-root forms for a number exponent.
  Tensor z = make({0.0, -0.0}, {2}, DType::Float64, true);
  exact(grad_of(z, pow(z, -1.0)), {-INFINITY, -INFINITY});
  exact(grad_of(z, pow(z, 0.5)), {INFINITY, -INFINITY});
  exact(grad_of(z, pow(z, -2.0)), {-INFINITY, INFINITY});
  exact(grad_of(z, pow(z, make({0.5}, {}, DType::Float64))), {INFINITY, INFINITY});
}

// maximum/minimum's gradients are PyTorch's where(self == other, grad / 2, grad).masked_fill_(...):
// MaskedFillBackward0 under create_graph (live run s121013-454); values from PyTorch 1.13.
TEST(Elementwise, ExtremumGradientNodesAsPyTorch) {
  const Tensor a = make({1, 2, 3}, {3}, DType::Float32, true);
  const Tensor b = make({2, 2, 1}, {3}, DType::Float32, true);
  const Tensor go = make({1, 1, 1}, {3}, DType::Float32, true);
  const variable_list gmax = autograd::grad({maximum(a, b)}, {a, b}, {go}, true, true, false);
  EXPECT_EQ(gmax[0].grad_fn()->name(), "MaskedFillBackward0");
  expect_values(gmax[0], {0, 0.5, 1});
  expect_values(gmax[1], {1, 0.5, 0});
  const variable_list gmin = autograd::grad({minimum(a, b)}, {a, b}, {go}, true, true, false);
  EXPECT_EQ(gmin[1].grad_fn()->name(), "MaskedFillBackward0");
  expect_values(gmin[0], {1, 0.5, 0});
  expect_values(gmin[1], {0, 0.5, 1});
}

// add/sub check the shapes before the alpha (PyTorch's meta function builds its TensorIterator
// first; sub's bool check comes before both); live run s121001-579, messages from PyTorch 1.13.
TEST(Elementwise, ShapesBeforeAlpha) {
  const Tensor a = make({1, 2}, {2}, DType::Int64), b = make({1, 2, 3}, {3}, DType::Int64);
  const char* sizes = "The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0";
  expect_error([&] { sub(a, b, 0.5); }, sizes);
  expect_error([&] { add(a, b, 0.5); }, sizes);
  expect_error([&] { sub(make({1, 0}, {2}, DType::Bool), make({1, 0, 1}, {3}, DType::Bool), 0.5); },
               "Subtraction, the `-` operator, with two bool tensors is not supported.");
}

// sigmoid's backward is PyTorch's sigmoid_backward node: its derivative for the output is
// gg * grad * (-2y + 1), so a zero incoming gradient gives -0 where y > 1/2 (live run
// s122086-645). Values from PyTorch 1.13.
TEST(Elementwise, SigmoidSecondDerivativeAsPyTorch) {
  const Tensor x = make({2.89, -1.0, 0.0, 0.3}, {4}, DType::Float64, true);
  const Tensor go = make({0.0, 0.0, 1.0, 2.0}, {4}, DType::Float64, true);
  const Tensor g = autograd::grad({sigmoid(x)}, {x}, {go}, true, true, false)[0];
  const std::vector<double> s = test::values_of(autograd::grad({sum(g)}, {x}, {}, true, true, false)[0]);
  EXPECT_TRUE(s[0] == 0 && std::signbit(s[0]));
  EXPECT_TRUE(s[1] == 0 && !std::signbit(s[1]));
  EXPECT_EQ(s[2], 0);
  EXPECT_NEAR(s[3], -0.07279236791115253, 1e-12);
}

// The gradient of add/sub's second operand is PyTorch's maybe_multiply(grad, alpha) and
// maybe_multiply(-grad, alpha): under create_graph its node is MulBackward1 (a product by a
// number inside a formula) or, for sub with alpha 1, NegBackward0 (live run s122032-250).
TEST(Elementwise, AlphaGradientNodesAsPyTorch) {
  const Tensor a = make({1, 2}, {2}, DType::Float32, true);
  const Tensor b = make({3, 4}, {2}, DType::Float32, true);
  const Tensor go = make({1, 1}, {2}, DType::Float32, true);
  auto grad_of_b = [&](const Tensor& y) { return autograd::grad({y}, {b}, {go}, true, true, false)[0]; };
  EXPECT_EQ(grad_of_b(sub(a, b)).grad_fn()->name(), "NegBackward0");
  const Tensor sub2 = grad_of_b(sub(a, b, 2));
  EXPECT_EQ(sub2.grad_fn()->name(), "MulBackward1");
  expect_values(sub2, {-2, -2});
  const Tensor add2 = grad_of_b(add(a, b, 2));
  EXPECT_EQ(add2.grad_fn()->name(), "MulBackward1");
  expect_values(autograd::grad({sum(add2)}, {go}, {}, false, true, false)[0], {2, 2});
  EXPECT_FALSE(grad_of_b(add(a, b)).grad_fn());
}

// The divisor's gradient is PyTorch's -grad * ((a / b) / b): MulBackward0 under create_graph
// (live run s97007-360), values from PyTorch 1.13.
TEST(Elementwise, DivisorGradientNodeAsPyTorch) {
  const Tensor a = make({2, -3}, {2}, DType::Float64);
  const Tensor b = make({1.27, -1.29}, {2}, DType::Float64, true);
  const Tensor g = autograd::grad({sum(div(a, b))}, {b}, {}, true, true, false)[0];
  EXPECT_EQ(g.grad_fn()->name(), "MulBackward0");
  expect_values(g, {-1.2400024800049598, 1.802776275464215}, 1e-12);
}

// reciprocal's gradient is PyTorch's -grad * (r * r): MulBackward0 under create_graph (s99002-10).
TEST(Elementwise, ReciprocalGradientNodeAsPyTorch) {
  const Tensor x = make({-2.01, 0.5}, {2}, DType::Float64, true);
  const Tensor g = autograd::grad({reciprocal(x)}, {x}, {ones({2}, DType::Float64)}, true, true, false)[0];
  EXPECT_EQ(g.grad_fn()->name(), "MulBackward0");
  expect_values(g, {-1 / (2.01 * 2.01), -4.0}, 1e-12);
}

// maximum/minimum's sign of zero on a tie follows PyTorch 1.13's AVX2 loop over the coalesced
// inner dim, broadcast operands included (s98007-216, s99001-830; positions from PyTorch).
TEST(Elementwise, SignedZeroTiesFollowPyTorchsLoops) {
  const auto negative_zeros = [](const Tensor& t) {
    std::vector<int64_t> at;
    const auto v = test::values_of(t);
    for (size_t i = 0; i < v.size(); ++i)
      if (v[i] == 0 && std::signbit(v[i])) at.push_back(static_cast<int64_t>(i));
    return at;
  };
  const auto filled = [](const Shape& shape, double value, DType dt) { return full(shape, value, dt); };
  Tensor b = zeros({1, 4, 4});
  copy_(select(select(select(b, 0, 0), 0, 3), 0, 1), full({}, -0.0));
  EXPECT_EQ(negative_zeros(minimum(zeros({3, 4, 4}), b)), (std::vector<int64_t>{13, 29, 45}));
  EXPECT_TRUE(negative_zeros(maximum(filled({3, 4, 4}, -0.0, DType::Float32), zeros({1, 4, 4}))).empty());
  EXPECT_TRUE(negative_zeros(minimum(zeros({3, 4, 3}), filled({1, 4, 3}, -0.0, DType::Float32))).empty());
  std::vector<int64_t> rows;
  for (int64_t r = 0; r < 3; ++r)
    for (int64_t i = 0; i < 16; ++i) rows.push_back(r * 20 + i);
  EXPECT_EQ(negative_zeros(minimum(zeros({3, 4, 5}, DType::Float64), filled({1, 4, 5}, -0.0, DType::Float64))), rows);
  EXPECT_TRUE(
      negative_zeros(minimum(zeros({4, 1, 5}, DType::Float64), filled({1, 3, 5}, -0.0, DType::Float64))).empty());
  EXPECT_EQ(negative_zeros(minimum(zeros({20}, DType::Float64), filled({}, -0.0, DType::Float64))).size(), 16u);
  // Transposed operands go in memory order: the first 48 of its 60 values, j < 16 of (3, 20).
  std::vector<int64_t> memory_order;
  for (int64_t i = 0; i < 3; ++i)
    for (int64_t j = 0; j < 16; ++j) memory_order.push_back(i * 20 + j);
  const Tensor zeros_t = transpose(zeros({20, 3}), 0, 1);
  const Tensor negative_t = transpose(filled({20, 3}, -0.0, DType::Float32), 0, 1);
  EXPECT_EQ(negative_zeros(minimum(zeros_t, negative_t)), memory_order);
}

// elu's double backward at +inf is 0, as PyTorch's elu_double_backward (its unselected
// branch once computed exp(inf), and 0 * inf made it NaN; live run s110006-553).
TEST(Elementwise, EluDoubleBackwardAtInfinityIsZero) {
  const Tensor x = make({std::numeric_limits<double>::infinity(), 1.99, -1}, {3}, DType::Float32, true);
  const Tensor g = autograd::grad({elu(x, 0.5)}, {x}, {ones({3})}, true, true, false)[0];
  const std::vector<double> second = test::values_of(autograd::grad({sum(g)}, {x}, {}, false, false, false)[0]);
  EXPECT_EQ(second[0], 0);
  EXPECT_EQ(second[1], 0);
  EXPECT_NEAR(second[2], 0.5 * std::exp(-1.0), 1e-6);
}

// pow(number, tensor) is PyTorch's pow(Scalar, Tensor): the number promotes as a
// wrapped number (an int base over int64 stays int64), the node is PowBackward2
// saving the exponent, and at base 0 a non-negative exponent's gradient is 0.
TEST(Elementwise, PowOfANumberIsPowBackward2) {
  const Tensor ints = pow(2.0, make({0, 1, 2}, {3}, DType::Int64));
  EXPECT_EQ(ints.dtype(), DType::Int64);
  expect_values(ints, {1, 2, 4});
  EXPECT_EQ(pow(2.5, make({0, 1}, {2}, DType::Int64)).dtype(), DType::Float32);
  const Tensor e = make({-0.5, 1}, {2}, DType::Float32, true);
  const Tensor y = pow(0.0, e);
  EXPECT_EQ(y.grad_fn()->name(), "PowBackward2");
  const std::vector<double> g = test::values_of(autograd::grad({y}, {e}, {ones({2})}, true, false, false)[0]);
  EXPECT_EQ(g, (std::vector<double>{-std::numeric_limits<double>::infinity(), 0}));
  const Tensor w = make({1, 3}, {2}, DType::Float32, true);
  const Tensor x = mul(w, 1.0);
  const Tensor z = pow(3.0, x);
  mul_(x, 2.0);
  expect_error([&] { autograd::backward({z}, {ones({2})}, false, false); },
               "which is output 0 of MulBackward0, is at version 1; expected version 0 instead.");
}

// The sign of each value, -0 apart from +0; NaN as NaN.
std::vector<std::string> signs_of(const Tensor& t) {
  std::vector<std::string> out;
  for (double v : test::values_of(t))
    out.push_back(std::isnan(v) ? "nan" : v == 0 ? (std::signbit(v) ? "-0" : "+0") : v < 0 ? "-" : "+");
  return out;
}

// PyTorch 1.13's elu_backward at a NaN input: its vectorised loop (chunks of 16 float32 or 8
// float64 values of each contiguous row) gives NaN, its scalar tail the plain gradient (live run
// s101005-225). Values from PyTorch 1.13; elu_double_backward multiplies by x < 0, so it is 0 at 0
// and NaN where the first gradient is.
TEST(Elementwise, EluGradientAtNanFollowsPyTorchsLoops) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> v(24);
  for (int i = 0; i < 24; ++i) v[i] = -2 + 4.0 * i / 23;
  v[10] = v[20] = nan;
  const Tensor x = make(v, {24}, DType::Float32, true);
  const Tensor g = autograd::grad({elu(x, 0.5)}, {x}, {ones({24})}, true, true, false)[0];
  std::vector<double> gv = test::values_of(g);
  EXPECT_TRUE(std::isnan(gv[10]));
  EXPECT_EQ(gv[20], 1);
  const std::vector<double> second = test::values_of(autograd::grad({sum(g)}, {x}, {}, false, false, false)[0]);
  EXPECT_TRUE(std::isnan(second[10]));
  EXPECT_EQ(second[20], 0);
  EXPECT_NEAR(second[0], 0.0676676407456398, 1e-7);

  std::vector<double> d(10);
  for (int i = 0; i < 10; ++i) d[i] = -2 + 4.0 * i / 9;
  d[3] = d[9] = nan;
  const Tensor xd = make(d, {10}, DType::Float64, true);
  gv = test::values_of(autograd::grad({elu(xd)}, {xd}, {ones({10}, DType::Float64)}, false, false, false)[0]);
  EXPECT_TRUE(std::isnan(gv[3]));
  EXPECT_EQ(gv[9], 1);

  // Rows of 20 (the gradient is one row expanded): 16 vectorised, 4 scalar in each.
  std::vector<double> r(60, -1);
  r[17] = r[25] = nan;
  const Tensor xr = make(r, {3, 20}, DType::Float32, true);
  gv = test::values_of(autograd::grad({elu(xr)}, {xr}, {expand(ones({20}), {3, 20})}, false, false, false)[0]);
  EXPECT_EQ(gv[17], 1);
  EXPECT_TRUE(std::isnan(gv[25]));

  // A transposed input is computed in memory order; a strided one by the scalar loop only.
  std::vector<double> t(20, 1);
  t[13] = t[5] = nan;  // memory positions of (1, 3) and (1, 1) of the (4, 5) transpose
  const Tensor xt = transpose(make(t, {5, 4}), 0, 1).detach().set_requires_grad(true);
  gv = test::values_of(autograd::grad({elu(xt)}, {xt}, {ones_like(xt)}, false, false, false)[0]);
  EXPECT_TRUE(std::isnan(gv[1 * 5 + 3]));
  EXPECT_TRUE(std::isnan(gv[1 * 5 + 1]));
  std::vector<double> st(60, 1);
  st[0] = nan;
  const Tensor xs = slice(make(st, {60}), 0, 0, 60, 2).detach().set_requires_grad(true);
  gv = test::values_of(autograd::grad({elu(xs)}, {xs}, {ones({30})}, false, false, false)[0]);
  EXPECT_EQ(gv[0], 1);

  // elu_double_backward's factor x < 0: 0 at 0 and -0 (PyTorch 1.13: [0, 0, 0.1839, 0]).
  const Tensor x0 = make({0.0, -0.0, -1, 2}, {4}, DType::Float32, true);
  const Tensor g0 = autograd::grad({elu(x0, 0.5)}, {x0}, {ones({4})}, true, true, false)[0];
  const Tensor s0 = autograd::grad({sum(g0)}, {x0}, {}, true, true, false)[0];
  EXPECT_EQ(s0.grad_fn()->name(), "MulBackward0");
  expect_values(s0, {0, 0, 0.18393972, 0});
}

// PyTorch 1.13 hands gelu of a contiguous float32 tensor of more than one element to oneDNN,
// whose S + S * erf(x/√2) is +0 at -0 and far left, and whose backward factor
// (0.5 + T) + 0.5 erf(x/√2) is +0 at -8 (live run s106004-533). Other layouts, one element and
// float64 take PyTorch's own loop: -0, and a tiny gradient. Values from PyTorch 1.13.
TEST(Elementwise, GeluZerosAsPyTorchsKernels) {
  const Tensor x = make({-0.0, -10, -8, 1.5}, {4}, DType::Float32, true);
  const Tensor y = gelu(x);
  EXPECT_EQ(signs_of(y), (std::vector<std::string>{"+0", "+0", "+0", "+"}));
  EXPECT_NEAR(test::values_of(y)[3], 1.3997890949249268, 1e-6);
  const Tensor g = autograd::grad({y}, {x}, {make({1, 1, -1, 1}, {4})}, false, false, false)[0];
  EXPECT_EQ(signs_of(g), (std::vector<std::string>{"+", "+0", "-0", "+"}));
  expect_values(g, {0.5, 0, 0, 1.1274691820144653});

  const Tensor xt = transpose(make({-0.0, -8, -10, 1.5}, {2, 2}), 0, 1).detach().set_requires_grad(true);
  const Tensor yt = gelu(xt);
  EXPECT_EQ(signs_of(yt), (std::vector<std::string>{"-0", "-0", "-0", "+"}));
  const Tensor gt_ = autograd::grad({yt}, {xt}, {make({1, -1, 1, 1}, {2, 2})}, false, false, false)[0];
  const std::vector<double> gtv = test::values_of(gt_);
  EXPECT_NEAR(gtv[1], 7.694599251752704e-22, 1e-27);
  EXPECT_NEAR(gtv[2], -4.041816929973088e-14, 1e-19);

  EXPECT_EQ(signs_of(gelu(make({-0.0}, {1}))), (std::vector<std::string>{"-0"}));
  const Tensor xd = make({-0.0, -10, -8, 1.5}, {4}, DType::Float64, true);
  EXPECT_EQ(signs_of(gelu(xd)), (std::vector<std::string>{"-0", "-0", "-", "+"}));
  const Tensor gd = autograd::grad({gelu(xd)}, {xd}, {make({1, 1, -1, 1}, {4}, DType::Float64)}, false, false, false)[0];
  EXPECT_NEAR(test::values_of(gd)[2], 3.9807546004751306e-14, 1e-27);
}

// oneDNN's gelu_erf approximates erf; Gradlab follows it operation for operation, so float32
// values of two or more contiguous elements are PyTorch's to the bit (gelu(-3) is 4e-5 from
// libm's; live run s120014-322), and one element takes libm's as PyTorch's own loop. The second
// derivative is PyTorch's gelu_double_backward. Values from PyTorch 1.13.
TEST(Elementwise, GeluValuesAsPyTorchsOneDnn) {
  const Tensor x = make({-3, -3.6754, 0.5, 1.04994953}, {4}, DType::Float32, true);
  const Tensor y = gelu(x);
  EXPECT_EQ(test::values_of(y), (std::vector<double>{-0.004049867391586304, -0.0004364987835288048,
                                                     0.3457311987876892, 0.8957427144050598}));
  const Tensor g = autograd::grad({y}, {x}, {ones({4})}, true, true, false)[0];
  EXPECT_EQ(test::values_of(g), (std::vector<double>{-0.011945605278015137, -0.001590728759765625,
                                                     0.867495059967041, 1.0945067405700684}));
  expect_values(autograd::grad({sum(g)}, {x}, {}, false, false, false)[0],
                {-0.0310229379683733, -0.00535283237695694, 0.6161143183708191, 0.2063545286655426});
  EXPECT_EQ(test::values_of(gelu(make({-3.6754}, {1}))), (std::vector<double>{-0.0004363892658147961}));
}

}  // namespace
}  // namespace gradlab
