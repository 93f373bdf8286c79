// im2col / col2im with their gradients: each is the adjoint of the other.
#include "ops/fold.h"

#include "gradlab/autograd/record.h"

namespace gradlab {

Tensor unfold_windows(const Tensor& x, const kernels::Window2d& w) {
  Tensor out = kernels::im2col(x, w);
  const int64_t c = x.shape()[1], h = x.shape()[2], wd = x.shape()[3];
  // d im2col(x) = col2im(grad): every copy of an input element sends its gradient back
  record("Im2ColBackward0", {out}, {x}, {}, [w, c, h, wd](const BackwardContext& ctx) {
    return variable_list{fold_windows(ctx.grad(), c, h, wd, w)};
  });
  return out;
}

Tensor fold_windows(const Tensor& cols, int64_t channels, int64_t height, int64_t width,
                    const kernels::Window2d& w) {
  Tensor out = kernels::col2im(cols, channels, height, width, w);
  // d col2im(cols) = im2col(grad): each column entry was added into one output element
  record("Col2ImBackward0", {out}, {cols}, {}, [w](const BackwardContext& ctx) {
    return variable_list{unfold_windows(ctx.grad(), w)};
  });
  return out;
}

}  // namespace gradlab
