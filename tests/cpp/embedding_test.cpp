// embedding / one_hot: PyTorch 1.13 fixtures, gradcheck and double gradcheck.
#include "nn_fixture.h"

namespace gradlab {
namespace {

variable_list call_lookup(const std::string& op, const variable_list& in, const test::Kwargs& kw) {
  if (op == "embedding") return {embedding(in[1], in[0], kw.optional_int("padding_idx"))};
  if (op == "one_hot") return {one_hot(in[0], kw.integer("num_classes", -1))};
  return {};
}

TEST(Embedding, PyTorchFixtures) { EXPECT_GE(test::replay_nn_fixtures(call_lookup), 18u); }

TEST(Embedding, GradcheckAndDoubleGradcheck) {
  const Tensor index = from_values({0, 2, 4, 4, 2, 2}, {2, 3}, DType::Int64);
  const Tensor w = test::sample({5, 3}, 1);
  // Without padding_idx: its zero gradient is by design not the derivative (the fixtures cover it).
  auto f = [&](const Tensor& t) { return embedding(index, t); };
  EXPECT_NO_THROW(autograd::gradcheck([&](const variable_list& in) { return variable_list{f(in[0])}; }, {w}));
  const Tensor go = test::sample({2, 3, 3}, 2);
  EXPECT_NO_THROW(autograd::gradcheck(
      [&](const variable_list& in) {
        return autograd::grad({sum(mul(pow(f(in[0]), 2.0), in[1]))}, {in[0]}, {}, true, true, false);
      },
      {w, go}));
}

}  // namespace
}  // namespace gradlab
