// Reductions beyond sum/mean (amax/amin, max/min, argmax/argmin, prod, var, std,
// norm, logsumexp): values at known points, gradients against finite
// differences over dims/keepdim/negative dims/non-contiguous inputs, PyTorch's
// conventions at ties and zeros, double backward, node names and messages.
#include <string>

#include "test_util.h"

namespace gradlab {
namespace {

using test::expect_error;
using test::expect_values;
using test::make;
using test::sample;

void backward(const Tensor& y) { autograd::backward({y}, {}, false, false); }

using Reduction = std::function<Tensor(const Tensor&, const Dims&, bool)>;

struct NamedReduction {
  const char* name;
  Reduction fn;
};

std::vector<NamedReduction> reductions() {
  return {
      {"amax", [](const Tensor& x, const Dims& d, bool k) { return amax(x, d, k); }},
      {"amin", [](const Tensor& x, const Dims& d, bool k) { return amin(x, d, k); }},
      {"var", [](const Tensor& x, const Dims& d, bool k) { return var(x, d, true, k); }},
      {"var_biased", [](const Tensor& x, const Dims& d, bool k) { return var(x, d, false, k); }},
      {"std", [](const Tensor& x, const Dims& d, bool k) { return std(x, d, true, k); }},
      {"norm2", [](const Tensor& x, const Dims& d, bool k) { return norm(x, 2.0, d, k); }},
      {"norm1", [](const Tensor& x, const Dims& d, bool k) { return norm(x, 1.0, d, k); }},
      {"norm3", [](const Tensor& x, const Dims& d, bool k) { return norm(x, 3.0, d, k); }},
      {"norm1.5", [](const Tensor& x, const Dims& d, bool k) { return norm(x, 1.5, d, k); }},
      {"norm0.5", [](const Tensor& x, const Dims& d, bool k) { return norm(x, 0.5, d, k); }},
      {"norm-1", [](const Tensor& x, const Dims& d, bool k) { return norm(x, -1.0, d, k); }},
      {"norm_inf", [](const Tensor& x, const Dims& d, bool k) { return norm(x, INFINITY, d, k); }},
      {"logsumexp", [](const Tensor& x, const Dims& d, bool k) { return logsumexp(x, d, k); }},
      {"prod_dim",
       [](const Tensor& x, const Dims& d, bool k) { return d.size() == 1 ? prod(x, d[0], k) : prod(x); }},
      {"max_dim",
       [](const Tensor& x, const Dims& d, bool k) { return d.size() == 1 ? max(x, d[0], k).values : max(x); }},
      {"min_dim",
       [](const Tensor& x, const Dims& d, bool k) { return d.size() == 1 ? min(x, d[0], k).values : min(x); }},
  };
}

TEST(Reduce, GradientsMatchFiniteDifferences) {
  const std::vector<std::pair<Shape, Dims>> cases = {
      {{5}, {}}, {{5}, {0}}, {{2, 3}, {1}}, {{2, 3}, {-2}}, {{2, 3, 4}, {0, 2}}, {{2, 3, 4}, {-1}}, {{}, {}},
      {{}, {0}}, {{3, 1}, {1}}};
  for (const auto& op : reductions())
    for (const auto& [shape, dims] : cases)
      for (bool keepdim : {false, true}) {
        SCOPED_TRACE(std::string(op.name) + " " + shape_str(shape) + " dims " + shape_str(dims) +
                     (keepdim ? " keepdim" : ""));
        // std and var of one element are NaN (no spread to divide by), as in PyTorch.
        const std::string name = op.name;
        int64_t reduced = 1;
        for (int64_t d : dims) reduced *= shape.empty() ? 1 : shape[wrap_dim(d, shape.size())];
        if (dims.empty()) reduced = numel_of(shape);
        if ((name == "var" || name == "std") && reduced < 2) continue;
        Tensor x = sample(shape, 7);
        EXPECT_NO_THROW(autograd::gradcheck(
            [&](const variable_list& in) { return variable_list{op.fn(in[0], dims, keepdim)}; }, {x}));
      }
}

TEST(Reduce, GradientsOfNonContiguousInputs) {
  for (const auto& op : reductions())
    for (const Dims& dims : {Dims{0}, Dims{-1}, Dims{}}) {
      SCOPED_TRACE(std::string(op.name) + " dims " + shape_str(dims));
      Tensor x = sample({3, 4}, 11);
      EXPECT_NO_THROW(autograd::gradcheck(
          [&](const variable_list& in) { return variable_list{op.fn(transpose(in[0], 0, 1), dims, true)}; }, {x}));
    }
}

TEST(Reduce, DoubleBackward) {
  // The first gradient of sum(f(x)^2) is 2 f(x) f'(x): even piecewise-linear reductions must
  // record their backward for its derivative to come out right.
  for (const auto& op : reductions()) {
    const std::string name = op.name;
    for (const Dims& dims : {Dims{1}, Dims{}}) {
      SCOPED_TRACE(name + " dims " + shape_str(dims));
      Tensor x = sample({2, 3}, 5);
      auto first_grad = [&](const variable_list& in) {
        return autograd::grad({sum(mul(op.fn(in[0], dims, false), op.fn(in[0], dims, false)))}, {in[0]}, {}, true,
                              true, false);
      };
      EXPECT_NO_THROW(autograd::gradcheck(first_grad, {x}));
    }
  }
}

TEST(Reduce, MaxMinValuesAndIndices) {
  const Tensor x = make({1, 5, 2, 7, 7, 0}, {2, 3});
  expect_values(amax(x, {1}), {5, 7});
  expect_values(amax(x, {-2}, true), {7, 7, 2});
  EXPECT_EQ(amax(x, {-2}, true).shape(), (Shape{1, 3}));
  expect_values(amin(x, {}), {0});
  expect_values(amin(x, {0, 1}, true), {0});
  EXPECT_EQ(amin(x, {0, 1}, true).shape(), (Shape{1, 1}));
  expect_values(max(x), {7});
  expect_values(min(x), {0});
  const auto mx = max(x, 1);
  expect_values(mx.values, {5, 7});
  expect_values(mx.indices, {1, 0});  // the first of the tied 7s
  EXPECT_EQ(mx.indices.dtype(), DType::Int64);
  const auto mn = min(x, -1, true);
  expect_values(mn.values, {1, 0});
  expect_values(mn.indices, {0, 2});
  EXPECT_EQ(mn.indices.shape(), (Shape{2, 1}));
  expect_values(argmax(x), {3});
  expect_values(argmin(x), {5});
  expect_values(argmax(x, 0), {1, 1, 0});
  expect_values(argmin(x, 1, true), {0, 2});
  EXPECT_EQ(argmin(x, 1, true).shape(), (Shape{2, 1}));
  // Transposed input: indices count along the viewed dim.
  expect_values(argmax(transpose(x, 0, 1), 1), {1, 1, 0});
  expect_values(argmax(transpose(x, 0, 1)), {1});
  // 0-d inputs accept dim 0 and -1.
  const Tensor s = make({3}, {});
  expect_values(max(s, 0).values, {3});
  expect_values(max(s, -1, true).indices, {0});
  expect_values(argmax(s, 0), {0});
  // Integer and bool inputs keep their dtype.
  const Tensor i = make({1, 5, 3, 2}, {2, 2}, DType::Int64);
  EXPECT_EQ(amax(i, {1}).dtype(), DType::Int64);
  expect_values(max(i, 1).values, {5, 3});
  expect_values(argmax(i), {1});
  const Tensor b = make({1, 0}, {1, 2}, DType::Bool);
  EXPECT_EQ(max(b, 1).values.dtype(), DType::Bool);
  expect_values(max(b, 1).indices, {0});
}

TEST(Reduce, NaNPropagatesThroughMaxMin) {
  const Tensor x = make({1, NAN, 3, NAN}, {4});
  expect_values(amax(x, {}), {NAN});
  expect_values(min(x), {NAN});
  expect_values(max(x, 0).indices, {1});
  expect_values(argmin(x), {1});
}

// max()/min() of a whole float tensor: which of +0 and -0 wins follows PyTorch 1.13's
// vectorised reduce_all (lanes per vector place, then folded), not the first occurrence (live
// run s122001-533). Values from PyTorch 1.13.
TEST(Reduce, WholeMaxMinPickZerosAsPyTorch) {
  const auto sign_of_zero = [](const Tensor& t) {
    const double v = t.item();
    return v != 0 ? std::string("nonzero") : std::signbit(v) ? std::string("-0") : std::string("+0");
  };
  const std::vector<double> m = {-1, -1, -1, -1, -1, -1};
  auto with = [&](std::vector<double> head, const std::vector<double>& tail) {
    head.insert(head.end(), tail.begin(), tail.end());
    return head;
  };
  EXPECT_EQ(sign_of_zero(max(make(with({0.0, -0.0}, m), {8}))), "-0");
  EXPECT_EQ(sign_of_zero(max(make(with({-0.0, 0.0}, m), {8}))), "+0");
  EXPECT_EQ(sign_of_zero(max(make({-0.0, -0.0, -0.0, -0.0, 0.0, 0.0, 0.0, 0.0, -0.0, -0.0, -0.0}, {11}))), "+0");
  EXPECT_EQ(sign_of_zero(max(make({0.0, -0.0, 0.0}, {3}))), "+0");
  EXPECT_EQ(sign_of_zero(min(make({-0.0, 0.0, 1.0, 0.0, -0.0}, {5}))), "-0");
  EXPECT_EQ(sign_of_zero(max(make({-0.0, 0.0, -1, -1, 0.0, -0.0}, {6}, DType::Float64))), "-0");
  EXPECT_EQ(sign_of_zero(max(make({0.0, -0.0, -1, -0.0, -1, -1}, {6}, DType::Float64))), "-0");
  EXPECT_TRUE(std::isnan(max(make({0.0, std::nan(""), -0.0}, {3})).item()));
}

TEST(Reduce, TiesShareOrRouteTheGradient) {
  // PyTorch: amax splits among ties per slice, global max splits over all ties, max(dim) picks the index.
  const std::vector<double> v = {3, 1, 3, 0, 0, 3};
  Tensor x = make(v, {2, 3}, DType::Float64, true);
  backward(sum(amax(x, {1})));
  expect_values(x.grad(), {0.5, 0, 0.5, 0, 0, 1});
  Tensor y = make(v, {2, 3}, DType::Float64, true);
  backward(max(y));
  expect_values(y.grad(), {1.0 / 3, 0, 1.0 / 3, 0, 0, 1.0 / 3});
  Tensor z = make(v, {2, 3}, DType::Float64, true);
  backward(sum(max(z, 1).values));
  expect_values(z.grad(), {1, 0, 0, 0, 0, 1});
  Tensor w = make(v, {2, 3}, DType::Float64, true);
  backward(sum(min(w, 0, true).values));
  expect_values(w.grad(), {0, 0, 1, 1, 1, 0});
  Tensor u = make({2, 2}, {2}, DType::Float64, true);
  backward(amin(u, {}));
  expect_values(u.grad(), {0.5, 0.5});
}

TEST(Reduce, ProdValuesAndZeros) {
  const Tensor x = make({1, 2, 3, 4, 5, 6}, {2, 3});
  expect_values(prod(x), {720});
  expect_values(prod(x, 1), {6, 120});
  expect_values(prod(x, -2, true), {4, 10, 18});
  EXPECT_EQ(prod(x, -2, true).shape(), (Shape{1, 3}));
  const Tensor i = make({2, 3, 4}, {3}, DType::Int64);
  EXPECT_EQ(prod(i).dtype(), DType::Int64);
  expect_values(prod(i), {24});
  EXPECT_EQ(prod(make({1, 0}, {2}, DType::Bool)).dtype(), DType::Int64);
  expect_values(prod(zeros({2, 0}), 1), {1, 1});
  // One zero: exact gradient there, zero elsewhere; two zeros: all zero (PyTorch's rule).
  Tensor a = make({0, 1, 2, 0, 0, 3}, {2, 3}, DType::Float64, true);
  backward(sum(prod(a, 1)));
  expect_values(a.grad(), {2, 0, 0, 0, 0, 0});
  Tensor b = make({2, 0, 5}, {3}, DType::Float64, true);
  backward(prod(b));
  expect_values(b.grad(), {0, 10, 0});
  Tensor c = make({0, 3, 0}, {3}, DType::Float64, true);
  backward(prod(c));
  expect_values(c.grad(), {0, 0, 0});
  // Gradients at a zero match finite differences, first and second order.
  Tensor d = make({0.5, 0, -1.5, 2, 0.7, -0.3}, {2, 3}, DType::Float64, true);
  EXPECT_NO_THROW(autograd::gradcheck([](const variable_list& in) { return variable_list{prod(in[0], 1)}; }, {d}));
  EXPECT_NO_THROW(autograd::gradcheck([](const variable_list& in) { return variable_list{prod(in[0])}; }, {d}));
  EXPECT_NO_THROW(autograd::gradcheck(
      [](const variable_list& in) { return autograd::grad({prod(in[0])}, {in[0]}, {}, true, true, false); }, {d}));
  EXPECT_NO_THROW(autograd::gradcheck(
      [](const variable_list& in) { return autograd::grad({sum(prod(in[0], 1))}, {in[0]}, {}, true, true, false); },
      {d}));
}

TEST(Reduce, VarStdValues) {
  const Tensor x = make({1, 2, 4, 2, 2, 2}, {2, 3});
  expect_values(var(x, {1}), {7.0 / 3, 0});
  expect_values(var(x, {1}, false), {14.0 / 9, 0});
  expect_values(std(x, {-1}, true, true), {std::sqrt(7.0 / 3), 0});
  EXPECT_EQ(std(x, {-1}, true, true).shape(), (Shape{2, 1}));
  expect_values(var(x, {}), {29.0 / 30});
  expect_values(var(x, {0, 1}), {29.0 / 30});
  expect_values(var(make({1}, {1}), {}), {NAN});
  expect_values(std(zeros({2, 0}), {1}), {NAN, NAN});
  // A constant slice has std 0; its gradient is 0 there, not NaN.
  Tensor c = make({1, 1, 1}, {3}, DType::Float64, true);
  backward(std(c, {}));
  expect_values(c.grad(), {0, 0, 0});
}

// PyTorch 1.13's var_backward with no degree of freedom over a 0-d tensor: grad * inf
// (its sign follows grad; 0 * inf is NaN); std's gradient there stays NaN.
TEST(Reduce, VarOfAScalarWithoutDegreesOfFreedom) {
  const double inf = std::numeric_limits<double>::infinity(), nan = std::nan("");
  const Tensor x = make({0.3}, {}, DType::Float32, true);
  autograd::backward({var(x, {-1}, true, false)}, {make({-2}, {}, DType::Float32)}, false, false);
  EXPECT_EQ(test::values_of(x.grad()), std::vector<double>{-inf});
  const Tensor y = make({0.3}, {}, DType::Float32, true);
  autograd::backward({var(y, {}, true, false)}, {}, false, false);
  EXPECT_EQ(test::values_of(y.grad()), std::vector<double>{inf});
  const Tensor z = make({0.3}, {}, DType::Float32, true);
  autograd::backward({std(z, {-1}, true, false)}, {}, false, false);
  expect_values(z.grad(), {nan});
  // With a degree of freedom left, the formula as before.
  const Tensor w = make({0.3}, {}, DType::Float32, true);
  autograd::backward({var(w, {}, false, false)}, {}, false, false);
  expect_values(w.grad(), {0});
}

// Live differential run (seed 40000): argmax/argmin over one dim of size 1 are
// zeros for any dtype, bool too (PyTorch runs no kernel there); norm's p=2
// gradient is grad * (a / norm) with 0 where the norm is 0 (MulBackward0 on top,
// NaN from an infinite grad), as PyTorch 1.13.
TEST(Reduce, PyTorchsShortcutsAndFormulas) {
  const Tensor b = to(make({0, 1, 0, 1}, {1, 1, 4}), DType::Bool);
  expect_values(argmax(b, -3, false), {0, 0, 0, 0});
  EXPECT_EQ(argmin(b, 1, true).shape(), (Shape{1, 1, 4}));
  expect_error([&] { argmax(b, -1, false); }, "\"argmax_cpu\" not implemented for 'Bool'");
  expect_error([&] { argmax(to(make({1}, {}), DType::Bool), 0, false); }, "\"argmax_cpu\" not implemented for 'Bool'");
  const double inf = std::numeric_limits<double>::infinity();
  const Tensor x = make({-1, 0}, {2}, DType::Float32, true);
  autograd::backward({norm(x, 2, {}, false)}, {make({inf}, {}, DType::Float32)}, false, false);
  EXPECT_EQ(test::values_of(x.grad())[0], -inf);
  EXPECT_TRUE(std::isnan(test::values_of(x.grad())[1]));
  const Tensor z = make({0, 0}, {2}, DType::Float32, true);
  autograd::backward({norm(z, 2, {}, false)}, {make({inf}, {}, DType::Float32)}, false, false);
  for (double v : test::values_of(z.grad())) EXPECT_TRUE(std::isnan(v));
  const Tensor w = make({3, 4}, {2}, DType::Float64, true);
  EXPECT_EQ(autograd::grad({norm(w, 2, {}, false)}, {w}, {}, true, true, false)[0].grad_fn()->name(), "MulBackward0");
}

// Live run seed 70000: max() puts its share of the gradient at the hits only (a NaN share
// stays off the others, as PyTorch's index_put_).
TEST(Reduce, MaxSharesItsGradientOnlyAtTheHits) {
  const double nan = std::nan("");
  const Tensor x = make({1, nan, 3}, {3}, DType::Float64, true);
  autograd::backward({max(x)}, {make({nan}, {}, DType::Float64)}, false, false);
  const auto g = test::values_of(x.grad());
  EXPECT_EQ(g[0], 0);
  EXPECT_TRUE(std::isnan(g[1]));
  EXPECT_EQ(g[2], 0);
  // max(dim) routes its gradient to the index only: -inf stays off the others (s93000-903).
  const Tensor y = make({1, 5, 3, 2}, {2, 2}, DType::Float32, true);
  autograd::backward({max(y, 0, true).values}, {make({-INFINITY, 1}, {1, 2}, DType::Float32)}, false, false);
  const auto gy = test::values_of(y.grad());
  EXPECT_EQ(gy[0], 0);
  EXPECT_EQ(gy[1], 1);
  EXPECT_EQ(gy[2], -INFINITY);
  EXPECT_EQ(gy[3], 0);
}

// max/min(dim) put the gradient into zeros with a differentiable scatter, as PyTorch's
// value_selecting_reduction_backward: under create_graph the gradient is ScatterBackward0
// whose src comes through UnsqueezeBackward0 without keepdim (s96009-158; values from PyTorch).
TEST(Reduce, MaxMinDimGradientIsAScatter) {
  const Tensor x = make({3, 1, 2, 0.5, 4, -1}, {2, 3}, DType::Float64, true);
  const Tensor v = min(x, 1).values;
  const Tensor g = autograd::grad({sum(mul(v, v))}, {x}, {}, true, true, false)[0];
  expect_values(g, {0, 2, 0, 0, 0, -2});
  ASSERT_TRUE(g.grad_fn());
  EXPECT_EQ(g.grad_fn()->name(), "ScatterBackward0");
  ASSERT_EQ(g.grad_fn()->next_edges().size(), 2u);
  EXPECT_FALSE(g.grad_fn()->next_edges()[0].valid());
  EXPECT_EQ(g.grad_fn()->next_edges()[1].fn->name(), "UnsqueezeBackward0");
  backward(sum(g));
  expect_values(x.grad(), {0, 2, 0, 0, 0, 2});
  const Tensor k = max(x, 0, true).values;
  const Tensor gk = autograd::grad({sum(pow(k, 2.0))}, {x}, {}, true, true, false)[0];
  EXPECT_EQ(gk.grad_fn()->name(), "ScatterBackward0");
  EXPECT_EQ(gk.grad_fn()->next_edges()[1].fn->name(), "MulBackward0");
  // A 0-d input scatters too.
  const Tensor s = make({2}, {}, DType::Float64, true);
  const Tensor m = max(s, 0).values;
  EXPECT_EQ(autograd::grad({mul(m, m)}, {s}, {}, true, true, false)[0].grad_fn()->name(), "ScatterBackward0");
  for (const bool keep : {false, true})
    EXPECT_NO_THROW(autograd::gradcheck(
        [&](const variable_list& in) {
          const Tensor y = max(in[0], -1, keep).values;
          return autograd::grad({sum(mul(y, y))}, {in[0]}, {}, true, true, false);
        },
        {sample({3, 4}, 2)}));
}

TEST(Reduce, NormValues) {
  const Tensor x = make({1, -2, 3, 0}, {4});
  expect_values(norm(x, 2, {}), {std::sqrt(14.0)});
  expect_values(norm(x, 1, {}), {6});
  expect_values(norm(x, 3, {}), {std::cbrt(36.0)});
  expect_values(norm(x, INFINITY, {}), {3});
  expect_values(norm(x, -INFINITY, {}), {0});
  expect_values(norm(x, 0, {}), {3});
  expect_values(norm(x, 0.5, {}), {std::pow(1 + std::sqrt(2.0) + std::sqrt(3.0), 2.0)});
  const Tensor m = make({3, 4, 0, 0}, {2, 2});
  expect_values(norm(m, 2, {1}), {5, 0});
  expect_values(norm(m, 2, {-2}, true), {3, 4});
  expect_values(norm(zeros({2, 0}), 2, {1}), {0, 0});
  // At the zero vector the 2-norm's gradient is 0 (PyTorch masks it); p=1 uses sign; inf splits ties.
  Tensor z = make({0, 0, 0}, {3}, DType::Float64, true);
  backward(norm(z, 2, {}));
  expect_values(z.grad(), {0, 0, 0});
  Tensor o = make({0, 1, -2}, {3}, DType::Float64, true);
  backward(norm(o, 1, {}));
  expect_values(o.grad(), {0, 1, -1});
  Tensor n = make({0, 2, -2}, {3}, DType::Float64, true);
  backward(norm(n, INFINITY, {}));
  expect_values(n.grad(), {0, 0.5, -0.5});
  Tensor q = make({0, 1, -2}, {3}, DType::Float64, true);
  backward(norm(q, 3, {}));
  expect_values(q.grad(), {0, 0.2311, -0.9245}, 1e-3);
  Tensor h = make({0, 1, -2}, {3}, DType::Float64, true);
  backward(norm(h, 0.5, {}));
  expect_values(h.grad(), {0, 2.4142, -1.7071}, 1e-3);
}

TEST(Reduce, LogsumexpIsStable) {
  const Tensor x = make({1000, 1000, -1000, 0}, {2, 2});
  expect_values(logsumexp(x, {1}), {1000 + std::log(2.0), 0});
  expect_values(logsumexp(x, {}), {1000 + std::log(2.0)});
  EXPECT_EQ(test::values_of(logsumexp(make({INFINITY, 1}, {2}), {0})), std::vector<double>{INFINITY});
  EXPECT_EQ(test::values_of(logsumexp(make({-INFINITY, -INFINITY}, {2}), {0})), std::vector<double>{-INFINITY});
  EXPECT_EQ(test::values_of(logsumexp(zeros({2, 0}), {1})), (std::vector<double>{-INFINITY, -INFINITY}));
  const Tensor i = logsumexp(make({1, 5}, {2}, DType::Int64), {0});
  EXPECT_EQ(i.dtype(), DType::Float32);
  expect_values(i, {5.0181499}, 1e-5);
  Tensor y = make({1000, 1000}, {2}, DType::Float64, true);
  backward(logsumexp(y, {0}));
  expect_values(y.grad(), {0.5, 0.5});
}

TEST(Reduce, NodeNames) {
  Tensor x = sample({2, 3}, 1);
  EXPECT_EQ(amax(x, {1}).grad_fn()->name(), "AmaxBackward0");
  EXPECT_EQ(amin(x, {}).grad_fn()->name(), "AminBackward0");
  EXPECT_EQ(max(x).grad_fn()->name(), "MaxBackward1");
  EXPECT_EQ(min(x).grad_fn()->name(), "MinBackward1");
  EXPECT_EQ(max(x, 1).values.grad_fn()->name(), "MaxBackward0");
  EXPECT_EQ(min(x, 1).values.grad_fn()->name(), "MinBackward0");
  EXPECT_FALSE(max(x, 1).indices.requires_grad());
  EXPECT_FALSE(argmax(x).requires_grad());
  EXPECT_EQ(prod(x).grad_fn()->name(), "ProdBackward0");
  EXPECT_EQ(prod(x, 0).grad_fn()->name(), "ProdBackward1");
  EXPECT_EQ(var(x, {1}).grad_fn()->name(), "VarBackward0");
  EXPECT_EQ(std(x, {}).grad_fn()->name(), "StdBackward0");
  EXPECT_EQ(norm(x, 2, {}).grad_fn()->name(), "NormBackward1");
  EXPECT_EQ(logsumexp(x, {1}).grad_fn()->name(), "LogsumexpBackward0");
}

TEST(Reduce, VolatileReachesIndices) {
  Tensor x = sample({2, 3}, 1, false);
  x.set_volatile(true);
  EXPECT_TRUE(max(x, 1).indices.is_volatile());
  EXPECT_TRUE(argmin(x, 0).is_volatile());
}

TEST(Reduce, ErrorMessages) {
  const Tensor x = sample({2, 3}, 1, false);
  const Tensor e = zeros({2, 0});
  const std::string range = "Dimension out of range (expected to be in range of [-2, 1], but got 5)";
  expect_error([&] { max(x, 5); }, range);
  expect_error([&] { amax(x, {5}); }, range);
  expect_error([&] { prod(x, -3); }, "Dimension out of range (expected to be in range of [-2, 1], but got -3)");
  expect_error([&] { argmax(x, 2); }, "Dimension out of range (expected to be in range of [-2, 1], but got 2)");
  expect_error([&] { amax(x, {1, -1}); }, "dim 1 appears multiple times in the list of dims");
  expect_error([&] { var(x, {1, 1}); }, "dim 1 appears multiple times in the list of dims");
  expect_error([&] { max(e); },
               "max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim "
               "with the 'dim' argument.");
  expect_error([&] { min(e); }, "min(): Expected reduction dim to be specified for input.numel() == 0.");
  expect_error([&] { amax(e, {}); }, "amax(): Expected reduction dim to be specified for input.numel() == 0.");
  expect_error([&] { max(e, 1); }, "max(): Expected reduction dim 1 to have non-zero size.");
  expect_error([&] { min(e, -1); }, "min(): Expected reduction dim 1 to have non-zero size.");
  expect_error([&] { amax(e, {0, 1}); }, "amax(): Expected reduction dim 1 to have non-zero size.");
  expect_error([&] { amin(zeros({0, 2}), {0, 1}); }, "amin(): Expected reduction dim 0 to have non-zero size.");
  expect_error([&] { argmax(e); }, "argmax(): Expected reduction dim to be specified for input.numel() == 0.");
  expect_error([&] { argmin(e, 1); }, "argmin(): Expected reduction dim 1 to have non-zero size.");
  EXPECT_EQ(max(e, 0).values.shape(), (Shape{0}));
  EXPECT_EQ(argmax(e, 0).shape(), (Shape{0}));
  const Tensor i = make({1, 2}, {2}, DType::Int64);
  expect_error([&] { var(i, {}); }, "std and var only support floating point and complex dtypes");
  expect_error([&] { std(i, {}); }, "std and var only support floating point and complex dtypes");
  expect_error([&] { norm(i, 2, {}); },
               "norm(): input dtype should be either floating point or complex. Got Long instead.");
}

// amax/amin name the first empty dim of the list as it was given; argmax/argmin have no bool kernel.
TEST(Reduce, EmptyDimNamedAsGivenAndNoBoolArgmax) {
  expect_error([] { amax(zeros({0, 2, 0}), {2, 0}); }, "amax(): Expected reduction dim 2 to have non-zero size.");
  expect_error([] { amin(zeros({2, 0}), {-1}); }, "amin(): Expected reduction dim -1 to have non-zero size.");
  expect_error([] { amax(zeros({0, 2, 0}), {-1, 0}); }, "amax(): Expected reduction dim -1 to have non-zero size.");
  const Tensor b = make({1, 0}, {2}, DType::Bool);
  expect_error([&] { argmax(b); }, "\"argmax_cpu\" not implemented for 'Bool'");
  expect_error([&] { argmin(b, 0); }, "\"argmin_cpu\" not implemented for 'Bool'");
  EXPECT_EQ(max(b).item(), 1.0);  // max keeps its bool kernel
  // The empty checks come first, and an empty result never reaches the missing kernel.
  expect_error([] { argmax(zeros({0, 3}, DType::Bool)); },
               "argmax(): Expected reduction dim to be specified for input.numel() == 0.");
  EXPECT_EQ(argmin(zeros({0, 3}, DType::Bool), 1).shape(), Shape{0});
}

// PyTorch checks an empty input's dims one by one in the order given (range, then emptiness)
// and only then looks for repeats (s96000-999: amin([0, 0]) of an empty dim 0).
TEST(Reduce, EmptyDimCheckedBeforeRepeats) {
  const Tensor e = zeros({0, 3});
  expect_error([&] { amin(e, {0, 0}); }, "amin(): Expected reduction dim 0 to have non-zero size.");
  expect_error([&] { amax(e, {1, 0, 0}); }, "amax(): Expected reduction dim 0 to have non-zero size.");
  expect_error([&] { amax(e, {-2, -2}); }, "amax(): Expected reduction dim -2 to have non-zero size.");
  expect_error([&] { amin(e, {0, 5}); }, "amin(): Expected reduction dim 0 to have non-zero size.");
  expect_error([&] { amin(e, {5, 0}); }, "Dimension out of range (expected to be in range of [-2, 1], but got 5)");
  // No empty dim among them: the repeat, even before a later dim out of range.
  expect_error([&] { amin(e, {1, 1, 0}); }, "amin(): Expected reduction dim 0 to have non-zero size.");
  expect_error([&] { amin(e, {1, 1}); }, "dim 1 appears multiple times in the list of dims");
}

// sum, mean, amax, amin, logsumexp and norm wrap every dim before looking for repeats;
// var and std check each dim's range and repetition in turn (PyTorch 1.13).
TEST(Reduce, RangeOfEveryDimBeforeRepeats) {
  const Tensor x = sample({2, 3}, 1, false);
  const std::string range = "Dimension out of range (expected to be in range of [-2, 1], but got 5)";
  const std::string repeat = "dim 0 appears multiple times in the list of dims";
  expect_error([&] { amin(x, {0, 0, 5}); }, range);
  expect_error([&] { amax(x, {0, 0, 5}); }, range);
  expect_error([&] { sum(x, {0, 0, 5}); }, range);
  expect_error([&] { mean(x, {0, 0, 5}); }, range);
  expect_error([&] { logsumexp(x, {0, 0, 5}); }, range);
  expect_error([&] { norm(x, 2, {0, 0, 5}); }, range);
  expect_error([&] { var(x, {0, 0, 5}); }, repeat);
  expect_error([&] { std(x, {0, 0, 5}); }, repeat);
  expect_error([&] { sum(x, {0, 0}); }, repeat);
}
// prod of a 0-d tensor passes the gradient itself back, as PyTorch's prod_backward: under
// create_graph it needs no gradient of its own (live run s101000-711).
TEST(Reduce, ProdOfAScalarPassesTheGradientItself) {
  const Tensor x = make({0.52}, {}, DType::Float64, true);
  const Tensor g = autograd::grad({prod(x, -1, true)}, {x}, {}, true, true, false)[0];
  EXPECT_FALSE(g.requires_grad());
  expect_values(g, {1});
  EXPECT_FALSE(autograd::grad({prod(x)}, {x}, {}, true, true, false)[0].requires_grad());
}

// A 0-d std/var without a degree of freedom: the gradient is grad * (2 / 0), PyTorch's mul by a
// number, so its node under create_graph is MulBackward1 (live run s126017-473).
TEST(Reduce, ScalarStdGradientIsAMulByANumber) {
  const Tensor x = make({-1.86}, {}, DType::Float32, true);
  const auto g = autograd::grad({std(x, {-1}, true, false)}, {x}, {}, true, true, false);
  EXPECT_EQ(g[0].grad_fn()->name(), "MulBackward1");
  EXPECT_TRUE(std::isnan(test::values_of(g[0])[0]));
}

}  // namespace
}  // namespace gradlab
