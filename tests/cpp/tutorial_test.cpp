// The seed tutorial end to end, through the engine: values, gradients and the
// exact text PyTorch 0.3 printed (see shared/seed-tutorial.md).
#include "test_util.h"

namespace gradlab {
namespace {

TEST(Tutorial, PrintsWhatPyTorch03Printed) {
  Tensor tensor = test::make({1, 2, 3, 4}, {2, 2});
  tensor.set_legacy(Legacy::Tensor);  // torch.FloatTensor([[1,2],[3,4]])
  Tensor variable = tensor.detach();  // Variable(tensor, requires_grad=True)
  variable.set_legacy(Legacy::Variable);
  variable.set_requires_grad(true);

  EXPECT_EQ(tensor_repr(tensor), "\n 1  2\n 3  4\n[torch.FloatTensor of size 2x2]\n");
  EXPECT_EQ(tensor_repr(variable), "Variable containing:\n 1  2\n 3  4\n[torch.FloatTensor of size 2x2]\n");

  Tensor t_out = mean(mul(tensor, tensor));
  Tensor v_out = mean(mul(variable, variable));
  EXPECT_EQ(tensor_repr(t_out), "7.5");
  EXPECT_EQ(tensor_repr(v_out), "Variable containing:\n 7.5000\n[torch.FloatTensor of size 1]\n");

  autograd::backward({v_out}, {}, false, false);
  EXPECT_EQ(tensor_repr(variable.grad()),
            "Variable containing:\n 0.5000  1.0000\n 1.5000  2.0000\n[torch.FloatTensor of size 2x2]\n");
  EXPECT_EQ(tensor_repr(variable.data()), "\n 1  2\n 3  4\n[torch.FloatTensor of size 2x2]\n");
  EXPECT_EQ(numpy_str(variable.data()), "[[ 1.  2.]\n [ 3.  4.]]");
}

TEST(Tutorial, ModernReprOfTheSameObjects) {
  Tensor x = test::make({1, 2, 3, 4}, {2, 2}, DType::Float32, true);
  EXPECT_EQ(tensor_repr(x), "tensor([[1., 2.],\n        [3., 4.]], requires_grad=True)");
  Tensor out = mean(mul(x, x));
  EXPECT_EQ(tensor_repr(out), "tensor(7.5000, grad_fn=<MeanBackward0>)");
  autograd::backward({out}, {}, false, false);
  EXPECT_EQ(tensor_repr(x.grad()), "tensor([[0.5000, 1.0000],\n        [1.5000, 2.0000]])");
  EXPECT_EQ(numpy_str(x.detach()), "[[1. 2.]\n [3. 4.]]");
}

}  // namespace
}  // namespace gradlab
