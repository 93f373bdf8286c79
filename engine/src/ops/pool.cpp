// F.max_pool2d and F.avg_pool2d: direct window kernels with PyTorch's output
// sizes, tie and NaN rules. Each backward is an op of its own whose backward
// is the forward's adjoint again (gather / avg_pool2d), so double backward
// works and carries PyTorch's node names.
#include "gradlab/ops/pool.h"

#include <cmath>

#include "gradlab/autograd/grad_mode.h"
#include "gradlab/autograd/record.h"
#include "gradlab/error.h"
#include "gradlab/ops/movement.h"
#include "kernels/elementwise.h"
#include "kernels/im2col.h"
#include "kernels/loops.h"
#include "ops/pool_windows.h"

namespace gradlab {

namespace {

// kernels::Window2d plus the input plane geometry.
struct Pool2d {
  kernels::Window2d w;
  int64_t planes = 0, height = 0, width = 0;
  Shape out_shape;
};

IntList pair_arg(const IntList& v, const char* op, const char* message, bool may_be_empty) {
  GL_CHECK(v.size() == 1 || v.size() == 2 || (may_be_empty && v.empty()), op, ": ", message);
  return v.size() == 1 ? IntList{v[0], v[0]} : v;
}

// PyTorch's pooling_output_shape: floor or ceil division, and with ceil_mode
// no window may start in the bottom/right padding.
int64_t pooled_size(int64_t in, int64_t k, int64_t pad, int64_t stride, int64_t dilation, bool ceil_mode) {
  GL_CHECK(stride != 0, "stride should not be zero");
  GL_CHECK(pad >= 0, "pad must be non-negative, but got pad: ", pad);
  GL_CHECK(pad <= k / 2, "pad should be at most half of kernel size, but got pad=", pad, " and kernel_size=", k);
  const int64_t span = in + 2 * pad - dilation * (k - 1) - 1 + (ceil_mode ? stride - 1 : 0);
  // span / stride rounded towards minus infinity
  int64_t out = (span >= 0 ? span / stride : -((-span + stride - 1) / stride)) + 1;
  if (ceil_mode && (out - 1) * stride >= in + pad) --out;
  return out;
}

Pool2d pool_geometry(const char* op, const Tensor& x, const IntList& kernel_size, const IntList& stride_arg,
                     const IntList& padding_arg, const IntList& dilation_arg, bool ceil_mode, bool is_max) {
  const IntList k = pair_arg(kernel_size, op, "kernel_size must either be a single int, or a tuple of two ints",
                             false);
  const IntList s = stride_arg.empty()
                        ? k
                        : pair_arg(stride_arg, op, "stride must either be omitted, a single int, or a tuple of two ints",
                                   true);
  const IntList p = pair_arg(padding_arg, op,
                             is_max ? "padding must be either be a single int, or a tuple of two ints"
                                    : "padding must either be a single int, or a tuple of two ints",
                             false);
  const IntList d = pair_arg(dilation_arg, op, "dilation must be either a single int, or a tuple of two ints", false);
  if (is_max) GL_CHECK(x.dim() == 3 || x.dim() == 4, "non-empty 3D or 4D (batch mode) tensor expected for input");
  // avg_pool2d reads input.size(-3) before any check, as PyTorch does.
  wrap_dim(-3, x.dim());
  const int64_t h = x.shape()[x.dim() - 2], w = x.shape()[x.dim() - 1];
  Pool2d g;
  g.w.kh = k[0], g.w.kw = k[1], g.w.sh = s[0], g.w.sw = s[1], g.w.ph = p[0], g.w.pw = p[1];
  g.w.dh = d[0], g.w.dw = d[1];
  g.w.oh = pooled_size(h, k[0], p[0], s[0], d[0], ceil_mode);
  g.w.ow = pooled_size(w, k[1], p[1], s[1], d[1], ceil_mode);
  // PyTorch's pool2d_shape_check
  GL_CHECK(k[0] > 0 && k[1] > 0, "kernel size should be greater than zero, but got kH: ", k[0], " kW: ", k[1]);
  GL_CHECK(s[0] > 0 && s[1] > 0, "stride should be greater than zero, but got dH: ", s[0], " dW: ", s[1]);
  GL_CHECK(d[0] > 0 && d[1] > 0, "dilation should be greater than zero, but got dilationH: ", d[0],
           " dilationW: ", d[1]);
  bool valid = x.dim() == 3 || x.dim() == 4;
  for (int64_t i = x.dim() - 3; valid && i < x.dim(); ++i) valid = x.shape()[i] != 0;
  GL_CHECK(valid, "Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:",
           shape_str(x.shape()));
  const int64_t c = x.shape()[x.dim() - 3];
  GL_CHECK(g.w.oh >= 1 && g.w.ow >= 1, "Given input size: (", c, "x", h, "x", w, "). Calculated output size: (", c,
           "x", g.w.oh, "x", g.w.ow, "). Output size is too small");
  g.planes = numel_of(Shape(x.shape().begin(), x.shape().end() - 2));
  g.height = h, g.width = w;
  g.out_shape = Shape(x.shape().begin(), x.shape().end() - 2);
  g.out_shape.push_back(g.w.oh);
  g.out_shape.push_back(g.w.ow);
  return g;
}

// avg_pool2d's window for output (y, x): its clipped bounds and divisor, as PyTorch's CPU kernel computes them.
struct AvgWindow {
  int64_t y0, y1, x0, x1, divisor;
};

template <typename F>
void for_each_avg_window(const Pool2d& g, bool count_include_pad, std::optional<int64_t> divisor_override, F f) {
  const kernels::Window2d& w = g.w;
  for (int64_t y = 0; y < w.oh; ++y)
    for (int64_t x = 0; x < w.ow; ++x) {
      int64_t y0 = y * w.sh - w.ph, x0 = x * w.sw - w.pw;
      int64_t y1 = std::min(y0 + w.kh, g.height + w.ph), x1 = std::min(x0 + w.kw, g.width + w.pw);
      const int64_t padded_count = (y1 - y0) * (x1 - x0);
      y0 = std::max<int64_t>(y0, 0), x0 = std::max<int64_t>(x0, 0);
      y1 = std::min(y1, g.height), x1 = std::min(x1, g.width);
      const int64_t divisor =
          divisor_override ? *divisor_override : count_include_pad ? padded_count : (y1 - y0) * (x1 - x0);
      f(y * w.ow + x, AvgWindow{y0, y1, x0, x1, divisor});
    }
}

// avg_pool2d's backward; the input is an argument as in scatter_to_argmax.
Tensor avg_pool2d_backward(const Tensor& grad, const Tensor& input, const Pool2d& g, bool count_include_pad,
                           std::optional<int64_t> divisor_override);

Tensor avg_pool2d_forward(const Tensor& x, const Pool2d& g, bool count_include_pad,
                          std::optional<int64_t> divisor_override) {
  const Tensor in = contiguous_input(x);
  Tensor out = Tensor::empty(g.out_shape, x.dtype());
  const int64_t plane = g.height * g.width, l = g.w.oh * g.w.ow;
  auto run = [&](auto zero, auto accumulate_zero) {
    using T = decltype(zero);
    using Acc = decltype(accumulate_zero);
    const T* pi = in.data_ptr<T>();
    T* po = out.data_ptr<T>();
    for (int64_t p = 0; p < g.planes; ++p)
      for_each_avg_window(g, count_include_pad, divisor_override, [&](int64_t o, const AvgWindow& a) {
        if (a.y0 >= a.y1 || a.x0 >= a.x1) {
          po[p * l + o] = T(0);
          return;
        }
        Acc s = 0;
        for (int64_t yy = a.y0; yy < a.y1; ++yy)
          for (int64_t xx = a.x0; xx < a.x1; ++xx) s += pi[p * plane + yy * g.width + xx];
        po[p * l + o] = static_cast<T>(s / a.divisor);
      });
  };
  switch (x.dtype()) {
    case DType::Float32: run(float(0), double(0)); break;
    case DType::Float64: run(double(0), double(0)); break;
    // Integer inputs average with integer division, as PyTorch's CPU kernel does.
    case DType::Int64: run(int64_t(0), int64_t(0)); break;
    default: fail("\"avg_pool2d\" not implemented for 'Bool'");
  }
  // d avg_pool2d = each output's gradient spread evenly (1/divisor) over its window
  record("AvgPool2DBackward0", {out}, {x}, {x}, [=](const BackwardContext& c) {
    return variable_list{avg_pool2d_backward(c.grad(), c.saved[0], g, count_include_pad, divisor_override)};
  });
  return out;
}

Tensor avg_pool2d_backward(const Tensor& grad, const Tensor& input, const Pool2d& g, bool count_include_pad,
                           std::optional<int64_t> divisor_override) {
  const Tensor gc = contiguous_input(grad);
  Tensor out = zeros_of(input.shape(), grad.dtype());
  const int64_t plane = g.height * g.width, l = g.w.oh * g.w.ow;
  GL_DISPATCH_FLOAT(grad.dtype(), T, {
    const T* pg = gc.data_ptr<T>();
    T* po = out.data_ptr<T>();
    for (int64_t p = 0; p < g.planes; ++p)
      for_each_avg_window(g, count_include_pad, divisor_override, [&](int64_t o, const AvgWindow& a) {
        const T share = pg[p * l + o] / static_cast<T>(a.divisor);
        for (int64_t yy = a.y0; yy < a.y1; ++yy)
          for (int64_t xx = a.x0; xx < a.x1; ++xx) po[p * plane + yy * g.width + xx] += share;
      });
  });
  // The backward is linear in grad and its adjoint is the forward pooling itself
  record("AvgPool2DBackwardBackward0", {out}, {grad, input}, {},
         [=, input_shape = input.shape(), dtype = input.dtype()](const BackwardContext& c) {
           return variable_list{avg_pool2d_forward(c.grad(), g, count_include_pad, divisor_override),
                                zero_grad_for(c, 1, input_shape, dtype)};
         });
  return out;
}

}  // namespace

ValuesIndices max_pool2d_with_indices(const Tensor& input, const IntList& kernel_size, const IntList& stride,
                                      const IntList& padding, const IntList& dilation, bool ceil_mode) {
  const Pool2d g = pool_geometry("max_pool2d", input, kernel_size, stride, padding, dilation, ceil_mode, true);
  GL_CHECK(is_floating(input.dtype()), "\"max_pool2d\" not implemented for '",
           input.dtype() == DType::Int64 ? "Long" : "Bool", "'");
  const kernels::Window2d& w = g.w;
  return max_over_windows(input, g.out_shape, "MaxPool2DWithIndicesBackward0",
                          "MaxPool2DWithIndicesBackwardBackward0", [&](int64_t y, int64_t x) {
                            Span s;
                            s.y0 = y * w.sh - w.ph, s.x0 = x * w.sw - w.pw;
                            s.y1 = std::min(s.y0 + (w.kh - 1) * w.dh + 1, g.height);
                            s.x1 = std::min(s.x0 + (w.kw - 1) * w.dw + 1, g.width);
                            while (s.y0 < 0) s.y0 += w.dh;
                            while (s.x0 < 0) s.x0 += w.dw;
                            s.dy = w.dh, s.dx = w.dw;
                            return s;
                          });
}

Tensor max_pool2d(const Tensor& input, const IntList& kernel_size, const IntList& stride, const IntList& padding,
                  const IntList& dilation, bool ceil_mode) {
  return max_pool2d_with_indices(input, kernel_size, stride, padding, dilation, ceil_mode).values;
}

Tensor avg_pool2d(const Tensor& input, const IntList& kernel_size, const IntList& stride, const IntList& padding,
                  bool ceil_mode, bool count_include_pad, std::optional<int64_t> divisor_override) {
  const Pool2d g = pool_geometry("avg_pool2d", input, kernel_size, stride, padding, {1}, ceil_mode, false);
  GL_CHECK(!divisor_override || *divisor_override != 0, "divisor must be not zero");
  return avg_pool2d_forward(input, g, count_include_pad, divisor_override);
}

namespace {

// PyTorch's arg parser for the 1-d pools: an int or a one-element list.
void check_one(const char* op, const char* name, const IntList& v, bool may_be_empty) {
  GL_CHECK(v.size() == 1 || (may_be_empty && v.empty()), op, "() argument '", name, "' should contain one int (got ",
           v.size(), ")");
}

IntList width_only(const IntList& v, int64_t height_value) {
  return v.empty() ? IntList{} : IntList{height_value, v[0]};
}

}  // namespace

ValuesIndices max_pool1d_with_indices(const Tensor& input, const IntList& kernel_size, const IntList& stride,
                                      const IntList& padding, const IntList& dilation, bool ceil_mode) {
  check_one("max_pool1d", "kernel_size", kernel_size, false);
  check_one("max_pool1d", "stride", stride, true);
  check_one("max_pool1d", "padding", padding, false);
  check_one("max_pool1d", "dilation", dilation, false);
  bool valid = input.dim() == 2 || input.dim() == 3;
  for (int64_t i = input.dim() - 2; valid && i < input.dim(); ++i) valid = input.shape()[i] != 0;
  GL_CHECK(valid, "max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:",
           shape_str(input.shape()));
  auto [values, indices] =
      max_pool2d_with_indices(unsqueeze(input, -2), width_only(kernel_size, 1), width_only(stride, 1),
                              width_only(padding, 0), width_only(dilation, 1), ceil_mode);
  return {squeeze(values, -2), squeeze(indices, -2)};
}

// PyTorch 1.13 takes a kernel of its own for max_pool1d when no gradient is
// needed; it checks its arguments in its own words and allows an empty output.
Tensor max_pool1d(const Tensor& input, const IntList& kernel_size, const IntList& stride, const IntList& padding,
                  const IntList& dilation, bool ceil_mode) {
  if (GradMode::is_enabled() && input.requires_grad())
    return max_pool1d_with_indices(input, kernel_size, stride, padding, dilation, ceil_mode).values;
  auto size_check = [](const IntList& v, const char* what, bool may_be_empty) {
    GL_CHECK(v.size() == 1 || (may_be_empty && v.empty()), "max_pool1d() ", what, " but got size ", v.size());
  };
  size_check(kernel_size, "kernel_size must be an int, list of ints or tuple of ints of size 1", false);
  size_check(stride, "stride must be None, an int, list of ints, or tuple of ints of size 1", true);
  size_check(padding, "padding must be an int, list of ints, or tuple of ints of size 1", false);
  size_check(dilation, "dilation must be an int, list of ints or tuple of ints of size 1", false);
  bool valid = input.dim() == 2 || input.dim() == 3;
  for (int64_t i = input.dim() - 2; valid && i < input.dim(); ++i) valid = input.shape()[i] != 0;
  GL_CHECK(valid, "max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:",
           shape_str(input.shape()));
  GL_CHECK(is_floating(input.dtype()), "\"max_pool1d_impl\" not implemented for '",
           input.dtype() == DType::Int64 ? "Long" : "Bool", "'");
  const int64_t k = kernel_size[0], s = stride.empty() ? k : stride[0], p = padding[0], d = dilation[0];
  GL_CHECK(k > 0, "max_pool1d() kernel_size must be greater than zero, but got ", k);
  GL_CHECK(s > 0, "max_pool1d() stride must be greater than zero, but got ", s);
  GL_CHECK(p >= 0, "max_pool1d() padding must be non-negative, but got ", p);
  GL_CHECK(p <= k / 2, "max_pool1d() padding should be at most half of kernel size, but got padding=", p,
           " and kernel_size=", k);
  GL_CHECK(d > 0, "max_pool1d() dilation must be greater than zero, but got ", d);
  const int64_t out = pooled_size(input.shape().back(), k, p, s, d, ceil_mode);
  GL_CHECK(out >= 0, "max_pool1d() Invalid computed output size: ", out);
  if (out == 0) {
    Shape shape = input.shape();
    shape.back() = 0;
    Tensor empty = Tensor::empty(shape, input.dtype());
    propagate_flags({empty}, {input});
    return empty;
  }
  return max_pool1d_with_indices(input, kernel_size, stride, padding, dilation, ceil_mode).values;
}

Tensor avg_pool1d(const Tensor& input, const IntList& kernel_size, const IntList& stride, const IntList& padding,
                  bool ceil_mode, bool count_include_pad) {
  check_one("avg_pool1d", "kernel_size", kernel_size, false);
  check_one("avg_pool1d", "stride", stride, true);
  check_one("avg_pool1d", "padding", padding, false);
  GL_CHECK(input.dim() == 2 || input.dim() == 3, "Expected 2 to 3 dimensions, but got ", input.dim(),
           "-dimensional tensor for argument #1 'self' (while checking arguments for avg_pool1d)");
  return squeeze(avg_pool2d(unsqueeze(input, -2), width_only(kernel_size, 1), width_only(stride, 1),
                            width_only(padding, 0), ceil_mode, count_include_pad),
                 -2);
}

}  // namespace gradlab
