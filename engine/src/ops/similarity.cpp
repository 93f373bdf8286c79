// F.cosine_similarity as PyTorch 1.13 computes it, so values, gradients and
// the graph (SumBackward1 over MulBackward0 of two DivBackward0) agree:
// each input is divided by the square root of its squared norm, which is
// clamped to eps^2 in place without recording, so the clamp passes the
// gradient through unchanged, then the product is summed along dim.
#include <cmath>

#include "gradlab/autograd/grad_mode.h"
#include "gradlab/error.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/inplace.h"
#include "gradlab/ops/movement.h"
#include "gradlab/ops/nn.h"
#include "gradlab/ops/reduce.h"
#include "gradlab/shape.h"

namespace gradlab {

Tensor cosine_similarity(const Tensor& x1_in, const Tensor& x2_in, int64_t dim, double eps) {
  const Shape common = broadcast_shapes(x1_in.shape(), x2_in.shape());
  const DType dtype = result_type(x1_in, x2_in);
  GL_CHECK(is_floating(dtype), "expected common dtype to be floating point, yet common dtype is ",
           scalar_type_name(dtype));
  const Tensor x1 = expand(to(x1_in, dtype), common), x2 = expand(to(x2_in, dtype), common);
  Tensor n1 = sum(pow(x1, 2.0), {dim}, true), n2 = sum(pow(x2, 2.0), {dim}, true);
  {
    NoGradGuard no_grad;
    clamp_(n1, eps * eps, NAN);
    clamp_(n2, eps * eps, NAN);
  }
  return sum(mul(div(x1, sqrt(n1)), div(x2, sqrt(n2))), {dim}, false);
}

}  // namespace gradlab
