// Constant padding: the input (cropped where a pad is negative) copied into a
// filled tensor. Its backward is the opposite padding of the gradient.
#include "gradlab/ops/pad.h"

#include "gradlab/autograd/grad_mode.h"
#include "gradlab/autograd/record.h"
#include "gradlab/error.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/indexing.h"
#include "kernels/elementwise.h"

namespace gradlab {

Tensor pad(const Tensor& input, const std::vector<int64_t>& pad, double value) {
  GL_CHECK(pad.size() % 2 == 0, "Padding length must be divisible by 2");
  const int64_t pairs = static_cast<int64_t>(pad.size()) / 2;
  GL_CHECK(pairs <= input.dim(), "Padding length too large");
  Tensor out;
  {
    NoGradGuard no_grad;
    // Crop first, as PyTorch does: its narrow() checks give the errors for too much cropping.
    Tensor inner = input;
    for (int64_t i = 0; i < pairs; ++i) {
      const int64_t d = input.dim() - 1 - i, before = pad[2 * i], after = pad[2 * i + 1];
      if (before < 0) inner = narrow(inner, d, -before, inner.shape()[d] + before);
      if (after < 0) inner = narrow(inner, d, 0, inner.shape()[d] + after);
    }
    Shape shape = input.shape();
    for (int64_t i = 0; i < pairs; ++i) {
      const int64_t d = input.dim() - 1 - i;
      shape[d] += pad[2 * i] + pad[2 * i + 1];
      GL_CHECK(shape[d] >= 0, "The input size ", input.shape()[d], ", plus negative padding ", pad[2 * i], " and ",
               pad[2 * i + 1], " resulted in a negative output size, which is invalid. Check dimension ", d,
               " of your input.");
    }
    out = full(shape, value, input.dtype());
    Tensor window = out;
    for (int64_t i = 0; i < pairs; ++i) {
      const int64_t d = input.dim() - 1 - i;
      window = narrow(window, d, std::max<int64_t>(pad[2 * i], 0), inner.shape()[d]);
    }
    kernels::copy_into(window, inner);
  }
  std::vector<int64_t> opposite(pad.size());
  for (size_t i = 0; i < pad.size(); ++i) opposite[i] = -pad[i];
  // d pad(x) = the gradient with the padding taken off again (and cropped parts zero)
  record("ConstantPadNdBackward0", {out}, {input}, {}, [opposite](const BackwardContext& c) {
    return variable_list{gradlab::pad(c.grad(), opposite, 0)};
  });
  return out;
}

}  // namespace gradlab
