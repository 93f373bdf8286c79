// prod's gradient as PyTorch 1.13's prod_backward computes it (both overloads): the
// incoming gradient for a 0-d input, grad * result / input without zeros, zeros (no graph)
// for two or more zeros in a full prod, else prod_safe_zeros_backward's exclusive cumprods.
// Values (with -0, inf and NaN) and node names are PyTorch 1.13's, from the difftest
// programs named at each test.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "test_util.h"

namespace gradlab {
namespace {

using test::make;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

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

// The node names of t's graph, depth first in edge order (as walking grad_fn.next_functions).
std::vector<std::string> graph_names(const Tensor& t) {
  std::vector<std::string> out;
  std::function<void(const Node*)> walk = [&](const Node* n) {
    out.push_back(n->name());
    for (const Edge& e : n->next_edges())
      if (e.fn) walk(e.fn.get());
  };
  if (t.grad_fn()) walk(t.grad_fn().get());
  return out;
}

Tensor grad_of(const Tensor& y, const Tensor& x, const Tensor& g, bool create_graph) {
  return autograd::grad({y}, {x}, {g}, false, create_graph, false)[0];
}

// s110001-747: two or more zeros in a full prod give zeros_like(input) in 1.13 even under
// create_graph, so the gradient needs no grad.
TEST(ProdZeros, TwoZerosInAFullProdGiveZerosWithoutAGraph) {
  const Tensor x = make({2, 0, 3, 0}, {4}, DType::Float64, true);
  const Tensor g = grad_of(prod(x), x, Tensor(), true);
  EXPECT_FALSE(g.requires_grad());
  expect_exact(g, {0, 0, 0, 0});
  const Tensor nan_too = make({kNaN, 0, 0}, {3}, DType::Float64, true);
  expect_exact(grad_of(prod(nan_too), nan_too, Tensor(), false), {0, 0, 0});
}

// s110006-197: prod over -0 and -inf: the exclusive products are -inf and -0 (not NaN).
TEST(ProdZeros, NegativeZeroAndMinusInfinity) {
  const Tensor x = make({-0.0, -kInf}, {2}, DType::Float64, true);
  expect_exact(grad_of(prod(x), x, Tensor(), false), {-kInf, -0.0});
  const Tensor y = make({-0.0, -kInf}, {2}, DType::Float64, true);
  const Tensor g = grad_of(prod(y), y, Tensor(), true);
  expect_exact(g, {-kInf, -0.0});
  const std::vector<std::string> expected = {
      "ViewBackward0",    "MulBackward0",     "MulBackward0",         "CumprodBackward0", "CatBackward0",
      "SliceBackward0",   "ViewBackward0",    "AccumulateGrad",       "IndexSelectBackward0",
      "CumprodBackward0", "CatBackward0",     "IndexSelectBackward0", "SliceBackward0",   "ViewBackward0",
      "AccumulateGrad"};
  EXPECT_EQ(graph_names(g), expected);
}

// s103001-576, s103006-764: prod(dim) with a zero anywhere takes the exclusive products for
// every slice: -0 from two zeros and a negative factor, a finite value at the NaN's neighbours.
TEST(ProdZeros, DimWithAZeroAnywhereUsesExclusiveProductsInEverySlice) {
  const Tensor x = make({0, 0, -1, kNaN, 1, 2}, {2, 3}, DType::Float64, true);
  expect_exact(grad_of(prod(x, 1), x, ones({2}, DType::Float64), false), {-0.0, -0.0, 0, 2, kNaN, kNaN});
  const Tensor g = grad_of(prod(x, 1), x, ones({2}, DType::Float64), true);
  expect_exact(g, {-0.0, -0.0, 0, 2, kNaN, kNaN});
  // keepdim=False: the incoming gradient is unsqueezed (UnsqueezeBackward0 when it needs grad).
  const Tensor y = make({2, 0, 3, -0.5}, {2, 2}, DType::Float64, true);
  const Tensor gy = grad_of(prod(y, 1), y, make({1, 2}, {2}, DType::Float64, true), true);
  expect_exact(gy, {0, 2, -1, 6});
  const std::vector<std::string> expected = {
      "MulBackward0",         "UnsqueezeBackward0", "AccumulateGrad", "MulBackward0",  "CumprodBackward0",
      "CatBackward0",         "SliceBackward0",     "AccumulateGrad", "IndexSelectBackward0",
      "CumprodBackward0",     "CatBackward0",       "IndexSelectBackward0",
      "SliceBackward0",       "AccumulateGrad"};
  EXPECT_EQ(graph_names(gy), expected);
}

TEST(ProdZeros, OneZeroInAFullProd) {
  const Tensor x = make({2, 0, 3, -0.5}, {2, 2}, DType::Float64, true);
  expect_exact(grad_of(prod(x), x, Tensor(), false), {-0.0, -3, -0.0, 0});
  // A single element: prod_safe_zeros_backward passes the gradient, viewed to the input's shape.
  const Tensor one = make({0}, {1}, DType::Float64, true);
  const Tensor g = grad_of(prod(one), one, make({2}, {}, DType::Float64, true), true);
  EXPECT_EQ(g.shape(), (Shape{1}));
  EXPECT_EQ(graph_names(g), (std::vector<std::string>{"ViewBackward0", "AccumulateGrad"}));
  expect_exact(g, {2});
}

TEST(ProdZeros, WithoutZerosTheGradientIsResultOverInput) {
  const Tensor x = make({2, 1.5, 3, -0.5}, {2, 2}, DType::Float64, true);
  const Tensor g = grad_of(prod(x), x, Tensor(), true);
  expect_exact(g, {-2.25, -3, -1.5, 9});
  EXPECT_EQ(graph_names(g), (std::vector<std::string>{"MulBackward0", "DivBackward0", "ProdBackward0",
                                                      "AccumulateGrad", "AccumulateGrad"}));
  const Tensor gd = grad_of(prod(x, 1), x, make({1, 2}, {2}, DType::Float64), true);
  expect_exact(gd, {1.5, 2, -1, 6});
  EXPECT_EQ(graph_names(gd), (std::vector<std::string>{"MulBackward0", "DivBackward0", "UnsqueezeBackward0",
                                                       "ProdBackward1", "AccumulateGrad", "AccumulateGrad"}));
}

TEST(ProdZeros, GradcheckAndDoubleGradcheckWithAZero) {
  const Tensor one_zero = make({0.5, 0, -0.7, 0.9, 1.1, 0.3}, {2, 3}, DType::Float64, true);
  const Tensor zero_per_row = make({0.5, 0, -0.7, 0.9, 0, 0.3}, {2, 3}, DType::Float64, true);
  EXPECT_NO_THROW(autograd::gradcheck([](const variable_list& in) { return variable_list{prod(in[0])}; }, {one_zero}));
  EXPECT_NO_THROW(autograd::gradcheck(
      [](const variable_list& in) { return autograd::grad({prod(in[0])}, {in[0]}, {}, true, true, false); },
      {one_zero}));
  for (const Tensor& x : {one_zero, zero_per_row}) {
    for (int64_t dim : {0, 1}) {
      EXPECT_NO_THROW(autograd::gradcheck(
          [dim](const variable_list& in) { return variable_list{prod(in[0], dim)}; }, {x}));
      EXPECT_NO_THROW(autograd::gradcheck(
          [dim](const variable_list& in) {
            return autograd::grad({sum(mul(prod(in[0], dim), in[1]))}, {in[0]}, {}, true, true, false);
          },
          {x, test::sample({dim == 0 ? 3 : 2}, 3)}));
    }
  }
}

}  // namespace
}  // namespace gradlab
