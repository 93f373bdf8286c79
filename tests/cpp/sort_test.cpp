// sort / argsort / topk: PyTorch 1.13 fixtures (values, indices, tie order
// under stable=True, NaN placement, error texts), gradcheck and double gradcheck.
#include "nn_fixture.h"

namespace gradlab {
namespace {

variable_list call_sort(const std::string& op, const variable_list& in, const test::Kwargs& kw) {
  const int64_t dim = kw.integer("dim", -1);
  if (op == "sort") {
    const std::optional<bool> stable = kw.has("stable") ? std::optional<bool>(kw.flag("stable", false)) : std::nullopt;
    auto [values, indices] = sort(in[0], dim, kw.flag("descending", false), stable);
    return {values, indices};
  }
  if (op == "argsort") return {argsort(in[0], dim, kw.flag("descending", false), kw.flag("stable", false))};
  if (op == "topk") {
    auto [values, indices] =
        topk(in[0], kw.integer("k", 0), dim, kw.flag("largest", true), kw.flag("sorted", true));
    return {values, indices};
  }
  return {};
}

TEST(Sort, PyTorchFixtures) { EXPECT_GE(test::replay_nn_fixtures(call_sort), 23u); }

TEST(Sort, GradcheckAndDoubleGradcheck) {
  const Tensor x = test::sample({3, 4}, 1);
  const std::vector<std::function<Tensor(const Tensor&)>> ops = {
      [](const Tensor& t) { return sort(t, 0).values; },
      [](const Tensor& t) { return sort(t, 1, true, true).values; },
      [](const Tensor& t) { return topk(t, 2, 1).values; },
      [](const Tensor& t) { return topk(t, 2, 0, false).values; },
  };
  for (const auto& f : ops) {
    EXPECT_NO_THROW(autograd::gradcheck([&](const variable_list& in) { return variable_list{f(in[0])}; }, {x}));
    const Tensor go = test::sample(f(x).shape(), 2);
    EXPECT_NO_THROW(autograd::gradcheck(
        [&](const variable_list& in) {
          return autograd::grad({sum(mul(pow(f(in[0]), 2.0), in[1]))}, {in[0]}, {}, true, true, false);
        },
        {x, go}));
  }
}

// sort and topk take PyTorch's value_selecting_reduction_backward: a scatter into zeros.
TEST(Sort, GradientUnderCreateGraphIsAScatter) {
  const Tensor x = test::sample({3, 4}, 1);
  const Tensor s = sort(x, 1).values, t = topk(x, 2, 0).values;
  EXPECT_EQ(autograd::grad({sum(mul(s, s))}, {x}, {}, true, true, false)[0].grad_fn()->name(), "ScatterBackward0");
  EXPECT_EQ(autograd::grad({sum(mul(t, t))}, {x}, {}, true, true, false)[0].grad_fn()->name(), "ScatterBackward0");
}

TEST(Sort, IndicesAndArgsortCarryNoGradient) {
  const Tensor x = test::sample({5}, 3);
  auto [values, indices] = sort(x);
  EXPECT_TRUE(values.requires_grad());
  EXPECT_FALSE(indices.requires_grad());
  EXPECT_FALSE(argsort(x).requires_grad());
}

}  // namespace
}  // namespace gradlab
