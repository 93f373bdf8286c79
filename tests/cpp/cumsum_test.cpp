// cumsum: PyTorch 1.13 fixtures, gradcheck and double gradcheck.
#include "nn_fixture.h"

namespace gradlab {
namespace {

variable_list call_cumsum(const std::string& op, const variable_list& in, const test::Kwargs& kw) {
  if (op != "cumsum") return {};
  return {cumsum(in[0], kw.integer("dim", 0))};
}

TEST(Cumsum, PyTorchFixtures) { EXPECT_GE(test::replay_nn_fixtures(call_cumsum), 7u); }

TEST(Cumsum, GradcheckAndDoubleGradcheck) {
  const Tensor x = test::sample({3, 4}, 1);
  for (int64_t dim : {0, 1}) {
    auto f = [dim](const Tensor& t) { return cumsum(t, dim); };
    EXPECT_NO_THROW(autograd::gradcheck([&](const variable_list& in) { return variable_list{f(in[0])}; }, {x}));
    EXPECT_NO_THROW(autograd::gradcheck(
        [&](const variable_list& in) {
          return autograd::grad({sum(mul(pow(f(in[0]), 2.0), in[1]))}, {in[0]}, {}, false, true, false);
        },
        {x, test::sample({3, 4}, 2)}));
  }
}

}  // namespace
}  // namespace gradlab
