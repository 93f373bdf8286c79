// The backward engine when an op's backward gives no gradient for an input:
// nothing flows on from there, and the ops upstream are not asked to handle
// an undefined gradient.
#include "test_util.h"

#include "gradlab/autograd/record.h"

namespace gradlab {
namespace {

using test::expect_values;
using test::make;

// A view op upstream of a node whose backward returns no gradient used to
// receive an undefined gradient and crash (UnsqueezeBackward0 squeezing nothing).
TEST(UndefinedGrad, StopsAtTheNodeThatGaveNone) {
  Tensor x = make({1, 2, 3}, {3}, DType::Float32, true);
  Tensor y = make({4, 5, 6}, {3}, DType::Float32, true);
  Tensor u = unsqueeze(x, 0);
  Tensor out = add(u, y);
  Tensor blocked = out.detach();
  record("NoGradForInputBackward", {blocked}, {out}, {},
         [](const BackwardContext&) { return variable_list{Tensor()}; });
  Tensor total = add(sum(blocked), sum(y));
  autograd::backward({total}, {}, false, false);
  EXPECT_FALSE(x.grad().defined());
  ASSERT_TRUE(y.grad().defined());
  expect_values(y.grad(), {1, 1, 1});
}

}  // namespace
}  // namespace gradlab
