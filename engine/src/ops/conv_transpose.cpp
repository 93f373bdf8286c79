// F.conv_transpose2d: the adjoint of conv2d in its input — a matrix product
// per group onto columns, then col2im into the larger output. Its backward
// (ConvolutionBackward0, as PyTorch names it) is built from matmul and
// unfold_windows, so double backward works.
#include "gradlab/autograd/grad_mode.h"
#include "gradlab/autograd/record.h"
#include "gradlab/error.h"
#include "gradlab/ops/conv.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/linalg.h"
#include "gradlab/ops/movement.h"
#include "gradlab/ops/reduce.h"
#include "kernels/gemm.h"
#include "ops/conv_args.h"
#include "ops/fold.h"

namespace gradlab {

namespace {

using namespace conv_args;

// PyTorch's checks for a transposed convolution, in its order, on a batched input.
void check_transposed(const Tensor& x, const Tensor& weight, const Tensor& bias, const IntList& stride,
                      const IntList& padding, const IntList& output_padding, const IntList& dilation,
                      int64_t groups) {
  for (int64_t p : padding) GL_CHECK(p >= 0, "negative padding is not supported");
  for (int64_t p : output_padding) GL_CHECK(p >= 0, "negative output_padding is not supported");
  for (int64_t s : stride) GL_CHECK(s > 0, "non-positive stride is not supported");
  GL_CHECK(dilation[0] > 0 && dilation[1] > 0, "dilation should be greater than zero, but got dilation_height: ",
           dilation[0], ", dilation_width: ", dilation[1]);
  GL_CHECK((output_padding[0] < stride[0] || output_padding[0] < dilation[0]) &&
               (output_padding[1] < stride[1] || output_padding[1] < dilation[1]),
           "output padding must be smaller than either stride or dilation, but got output_padding_height: ",
           output_padding[0], " output_padding_width: ", output_padding[1], " stride_height: ", stride[0],
           " stride_width: ", stride[1], " dilation_height: ", dilation[0], " dilation_width: ", dilation[1]);
  GL_CHECK(weight.dim() == 4, "Expected 4-dimensional input for 4-dimensional weight ", shape_str(weight.shape()),
           ", but got ", x.dim(), "-dimensional input of size ", shape_str(x.shape()), " instead");
  // PyTorch prints this size inside an extra pair of brackets.
  GL_CHECK(weight.shape()[0] % groups == 0, "Given groups=", groups, ", expected weight to be divisible by ", groups,
           " at dimension 0, but got weight of size [", shape_str(weight.shape()), "] instead");
  GL_CHECK(x.shape()[1] == weight.shape()[0], "Given transposed=1, weight of size ", shape_str(weight.shape()),
           ", expected input", shape_str(x.shape()), " to have ", weight.shape()[0], " channels, but got ",
           x.shape()[1], " channels instead");
  const int64_t out_channels = weight.shape()[1] * groups;
  GL_CHECK(!bias.defined() || (bias.dim() == 1 && bias.shape()[0] == out_channels),
           "Given transposed=1, weight of size ", shape_str(weight.shape()),
           ", expected bias to be 1-dimensional with ", out_channels, " elements, but got bias of size ",
           shape_str(bias.defined() ? bias.shape() : Shape{}), " instead");
}

}  // namespace

Tensor conv_transpose2d(const Tensor& input, const Tensor& weight, const Tensor& bias, const IntList& stride_arg,
                        const IntList& padding_arg, const IntList& output_padding_arg, int64_t groups,
                        const IntList& dilation_arg) {
  GL_CHECK(input.dim() == 3 || input.dim() == 4,
           "Expected 3D (unbatched) or 4D (batched) input to conv_transpose2d, but got input of size: ",
           shape_str(input.shape()));
  if (input.dim() == 3)
    return squeeze(conv_transpose2d(unsqueeze(input, 0), weight, bias, stride_arg, padding_arg, output_padding_arg,
                                    groups, dilation_arg),
                   0);
  GL_CHECK(groups > 0, "non-positive groups is not supported");
  const int64_t weight_spatial = weight.dim() - 2;
  const IntList stride = expand_arg("stride", stride_arg, 2, weight_spatial);
  const IntList padding = expand_arg("padding", padding_arg, 2, weight_spatial);
  const IntList output_padding = expand_arg("output_padding", output_padding_arg, 2, weight_spatial);
  const IntList dilation = expand_arg("dilation", dilation_arg, 2, weight_spatial);
  check_transposed(input, weight, bias, stride, padding, output_padding, dilation, groups);
  const int64_t n = input.shape()[0], c_in = input.shape()[1], h = input.shape()[2], w = input.shape()[3];
  const int64_t c_out = weight.shape()[1] * groups;
  // The output is the input of the conv2d this op is the adjoint of: that conv's windows end at (h, w).
  kernels::Window2d win;
  win.kh = weight.shape()[2], win.kw = weight.shape()[3], win.sh = stride[0], win.sw = stride[1];
  win.ph = padding[0], win.pw = padding[1], win.dh = dilation[0], win.dw = dilation[1], win.oh = h, win.ow = w;
  const int64_t oh = (h - 1) * win.sh - 2 * win.ph + win.dh * (win.kh - 1) + output_padding[0] + 1;
  const int64_t ow = (w - 1) * win.sw - 2 * win.pw + win.dw * (win.kw - 1) + output_padding[1] + 1;
  GL_CHECK(oh > 0 && ow > 0, "Given input size per channel: (", h, " x ", w, "). Calculated output size per channel: (",
           oh, " x ", ow, "). Output size is too small");
  GL_CHECK(input.dtype() == weight.dtype(), "expected scalar type ", scalar_type(input.dtype()), " but found ",
           scalar_type(weight.dtype()));
  GL_CHECK(!bias.defined() || bias.dtype() == input.dtype(), "expected scalar type ", scalar_type(input.dtype()),
           " but found ", scalar_type(bias.dtype()));
  const int64_t cg = c_in / groups, k = c_out / groups * win.kh * win.kw, l = h * w;
  auto grouped_weight = [=](const Tensor& wt) { return reshape(wt, {groups, cg, k}); };  // [G, Cin/G, K]
  Tensor out;
  {
    NoGradGuard no_grad;
    const Tensor xm = view(contiguous(input), {n, groups, cg, l});
    const Tensor cols = kernels::gemm(transpose(grouped_weight(weight), 1, 2), xm);  // [N, G, K, L]
    out = kernels::col2im(view(cols, {n, groups * k, l}), c_out, oh, ow, win);
    if (bias.defined()) out = as_shape(add(view(out, {n, c_out, oh * ow}), view(bias, {1, c_out, 1})), out.shape());
  }
  const Shape x_shape = input.shape(), w_shape = weight.shape();
  // With cols = im2col(grad) as [N, G, K, L] and x as [N, G, Cin/G, L]:
  // d input = W cols, d weight = sum over N of x cols^T, d bias = sum of grad over N and space
  record("ConvolutionBackward0", {out}, {input, weight, bias}, {input, weight}, [=](const BackwardContext& c) {
    const Tensor cols = view(unfold_windows(c.grad(), win), {n, groups, k, l});
    variable_list grads(3);
    if (c.needs(0)) grads[0] = reshape(matmul(grouped_weight(c.saved[1]), cols), x_shape);
    if (c.needs(1)) {
      const Tensor xm = reshape(c.saved[0], {n, groups, cg, l});
      grads[1] = reshape(sum(matmul(xm, transpose(cols, 2, 3)), {0}), w_shape);
    }
    if (c.needs(2)) grads[2] = sum(reshape(c.grad(), {n, c_out, oh * ow}), {0, 2});
    return grads;
  });
  return out;
}

}  // namespace gradlab
