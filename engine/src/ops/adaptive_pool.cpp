// F.adaptive_avg_pool2d and F.adaptive_max_pool2d: output cell (y, x) pools
// rows floor(y*H/oh) .. ceil((y+1)*H/oh) and likewise columns, as PyTorch.
// The average's backward is an op whose backward is the average again.
#include <cmath>

#include "gradlab/autograd/record.h"
#include "gradlab/error.h"
#include "gradlab/ops/pool.h"
#include "gradlab/ops/reduce.h"
#include "ops/pool_windows.h"

namespace gradlab {

namespace {

Span adaptive_span(int64_t y, int64_t x, int64_t height, int64_t width, int64_t oh, int64_t ow) {
  Span s;
  s.y0 = y * height / oh, s.y1 = ((y + 1) * height + oh - 1) / oh;
  s.x0 = x * width / ow, s.x1 = ((x + 1) * width + ow - 1) / ow;
  return s;
}

Shape pooled_shape(const Tensor& x, const IntList& size) {
  Shape out(x.shape().begin(), x.shape().end() - 2);
  out.push_back(size[0]);
  out.push_back(size[1]);
  return out;
}

IntList both(const IntList& v) { return v.size() == 1 ? IntList{v[0], v[0]} : v; }

void check_floating(const Tensor& x, const char* op) {
  GL_CHECK(is_floating(x.dtype()), "\"", op, "\" not implemented for '", x.dtype() == DType::Int64 ? "Long" : "Bool",
           "'");
}

Tensor adaptive_avg_backward(const Tensor& grad, const Tensor& input);

// Visits each output cell's window once per plane: f(plane, cell, span).
template <typename F>
void for_each_cell(int64_t planes, int64_t height, int64_t width, int64_t oh, int64_t ow, F f) {
  for (int64_t y = 0; y < oh; ++y)
    for (int64_t x = 0; x < ow; ++x) {
      const Span s = adaptive_span(y, x, height, width, oh, ow);
      for (int64_t p = 0; p < planes; ++p) f(p, y * ow + x, s);
    }
}

Tensor adaptive_avg_forward(const Tensor& x, const IntList& size) {
  const Tensor in = contiguous_input(x);
  Tensor out = Tensor::empty(pooled_shape(x, size), x.dtype());
  const int64_t h = x.shape()[x.dim() - 2], w = x.shape().back(), l = size[0] * size[1];
  const int64_t planes = l == 0 ? 0 : out.numel() / l;
  GL_DISPATCH_FLOAT(x.dtype(), T, {
    const T* pi = in.data_ptr<T>();
    T* po = out.data_ptr<T>();
    for_each_cell(planes, h, w, size[0], size[1], [&](int64_t p, int64_t cell, const Span& s) {
      double acc = 0;
      for (int64_t yy = s.y0; yy < s.y1; ++yy)
        for (int64_t xx = s.x0; xx < s.x1; ++xx) acc += pi[(p * h + yy) * w + xx];
      po[p * l + cell] = static_cast<T>(acc / static_cast<double>((s.y1 - s.y0) * (s.x1 - s.x0)));
    });
  });
  // d adaptive_avg_pool2d = each cell's gradient spread evenly over its window
  record("AdaptiveAvgPool2DBackward0", {out}, {x}, {x}, [](const BackwardContext& c) {
    return variable_list{adaptive_avg_backward(c.grad(), c.saved[0])};
  });
  return out;
}

// The input is an argument as in scatter_to_argmax: it gets no gradient.
Tensor adaptive_avg_backward(const Tensor& grad, const Tensor& input) {
  const Tensor gc = contiguous_input(grad);
  Tensor out = zeros_of(input.shape(), grad.dtype());
  const int64_t h = input.shape()[input.dim() - 2], w = input.shape().back();
  const int64_t oh = grad.shape()[grad.dim() - 2], ow = grad.shape().back(), l = oh * ow;
  const int64_t planes = l == 0 ? 0 : grad.numel() / l;
  GL_DISPATCH_FLOAT(grad.dtype(), T, {
    const T* pg = gc.data_ptr<T>();
    T* po = out.data_ptr<T>();
    for_each_cell(planes, h, w, oh, ow, [&](int64_t p, int64_t cell, const Span& s) {
      const T share = pg[p * l + cell] / static_cast<T>((s.y1 - s.y0) * (s.x1 - s.x0));
      for (int64_t yy = s.y0; yy < s.y1; ++yy)
        for (int64_t xx = s.x0; xx < s.x1; ++xx) po[(p * h + yy) * w + xx] += share;
    });
  });
  // Linear in grad; its adjoint is the forward pooling
  record("AdaptiveAvgPool2DBackwardBackward0", {out}, {grad, input}, {},
         [oh, ow, input_shape = input.shape(), dtype = input.dtype()](const BackwardContext& c) {
           return variable_list{adaptive_avg_forward(c.grad(), {oh, ow}), zero_grad_for(c, 1, input_shape, dtype)};
         });
  return out;
}

}  // namespace

Tensor adaptive_avg_pool2d(const Tensor& input, const IntList& output_size) {
  GL_CHECK(output_size.size() == 1 || output_size.size() == 2, "adaptive_avg_pool2d: output_size must be 2");
  const IntList size = both(output_size);
  GL_CHECK(size[0] >= 0 && size[1] >= 0,
           "adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {", size[0],
           ", ", size[1], "}");
  // PyTorch takes a mean for a 1x1 output (MeanBackward1).
  if (size[0] == 1 && size[1] == 1) return mean(input, {-1, -2}, true);
  GL_CHECK(input.dim() == 3 || input.dim() == 4, "adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got ",
           shape_str(input.shape()));
  check_floating(input, "adaptive_avg_pool2d");
  return adaptive_avg_forward(input, size);
}

ValuesIndices adaptive_max_pool2d_with_indices(const Tensor& input, const IntList& output_size) {
  GL_CHECK(input.dim() == 3 || input.dim() == 4, "adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: ",
           shape_str(input.shape()));
  GL_CHECK(output_size.size() == 1 || output_size.size() == 2,
           "adaptive_max_pool2d(): internal error: output_size.size() must be 2");
  for (int64_t i = 1; i < input.dim(); ++i)
    GL_CHECK(input.shape()[i] > 0, "adaptive_max_pool2d(): Expected input to have non-zero size for non-batch "
             "dimensions, but input has sizes ", shape_str(input.shape()), " with dimension ", i, " being empty");
  const IntList size = both(output_size);
  check_floating(input, "adaptive_max_pool2d");
  const int64_t h = input.shape()[input.dim() - 2], w = input.shape().back();
  return max_over_windows(input, pooled_shape(input, size), "AdaptiveMaxPool2DBackward0",
                          "AdaptiveMaxPool2DBackwardBackward0",
                          [&](int64_t y, int64_t x) { return adaptive_span(y, x, h, w, size[0], size[1]); });
}

Tensor adaptive_max_pool2d(const Tensor& input, const IntList& output_size) {
  return adaptive_max_pool2d_with_indices(input, output_size).values;
}

}  // namespace gradlab
