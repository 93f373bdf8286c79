// bincount: PyTorch 1.13 fixtures (counts, weighted sums and their dtypes, error texts).
#include "nn_fixture.h"

namespace gradlab {
namespace {

variable_list call_bincount(const std::string& op, const variable_list& in, const test::Kwargs& kw) {
  if (op != "bincount") return {};
  return {bincount(in[0], in.size() > 1 ? in[1] : Tensor(), kw.integer("minlength", 0))};
}

TEST(Bincount, PyTorchFixtures) { EXPECT_GE(test::replay_nn_fixtures(call_bincount), 17u); }

// The engine records no node for it (PyTorch's would be NotImplemented), so the result takes no gradient.
TEST(Bincount, WeightsRequiringGradGiveAResultWithout) {
  const Tensor w = test::sample({3}, 1);
  const Tensor sums = bincount(from_values({1, 1, 0}, {3}, DType::Int64), w);
  EXPECT_FALSE(sums.requires_grad());
  const std::vector<double> wv = test::values_of(w);
  EXPECT_EQ(test::values_of(sums), (std::vector<double>{wv[2], wv[0] + wv[1]}));
}

}  // namespace
}  // namespace gradlab
