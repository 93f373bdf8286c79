// F.conv1d / F.conv2d: im2col onto one batched matrix product per direction
// (kernels/gemm_rows.h: a few channels against thousands of positions, read
// in place, SIMD in wasm). ConvolutionBackward0's backward is written with
// matmul, unfold_windows and fold_windows, which are differentiable, so double
// backward works.
#include "gradlab/ops/conv.h"

#include "gradlab/autograd/grad_mode.h"
#include "gradlab/autograd/record.h"
#include "gradlab/error.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/linalg.h"
#include "gradlab/ops/movement.h"
#include "gradlab/ops/reduce.h"
#include "kernels/gemm.h"
#include "kernels/gemm_rows.h"
#include "ops/conv_args.h"
#include "ops/fold.h"

namespace gradlab {

namespace {

using namespace conv_args;

struct ConvGeometry {
  int64_t spatial;            // 1 or 2
  IntList stride, pad_before, pad_after, dilation;
  int64_t groups;
};

// The checks of PyTorch's check_shape_forward, in its order, on a batched input.
void check_shapes(const Tensor& x, const Tensor& weight, const Tensor& bias, const ConvGeometry& g) {
  for (int64_t p : g.pad_before) GL_CHECK(p >= 0, "negative padding is not supported");
  for (int64_t s : g.stride) GL_CHECK(s > 0, "non-positive stride is not supported");
  // PyTorch's float32 path checks dilation here; the others reach the dilated kernel's own check first.
  for (int64_t d : g.dilation)
    GL_CHECK(d > 0, x.dtype() == DType::Float32 ? "non-positive dilation is not supported"
                                                : "dilation should be greater than zero, but got [" +
                                                      join(g.dilation, ", ") + "]");
  GL_CHECK(weight.dim() == x.dim(), "Expected ", weight.dim(), "-dimensional input for ", weight.dim(),
           "-dimensional weight ", shape_str(weight.shape()), ", but got ", x.dim(), "-dimensional input of size ",
           shape_str(x.shape()), " instead");
  const int64_t out_channels = weight.shape()[0];
  GL_CHECK(out_channels >= g.groups, "Given groups=", g.groups, ", expected weight to be at least ", g.groups,
           " at dimension 0, but got weight of size ", shape_str(weight.shape()), " instead");
  // PyTorch prints this size inside an extra pair of brackets.
  GL_CHECK(out_channels % g.groups == 0, "Given groups=", g.groups, ", expected weight to be divisible by ",
           g.groups, " at dimension 0, but got weight of size [", shape_str(weight.shape()), "] instead");
  GL_CHECK(x.shape()[1] == weight.shape()[1] * g.groups, "Given groups=", g.groups, ", weight of size ",
           shape_str(weight.shape()), ", expected input", shape_str(x.shape()), " to have ",
           weight.shape()[1] * g.groups, " channels, but got ", x.shape()[1], " channels instead");
  GL_CHECK(!bias.defined() || (bias.dim() == 1 && bias.shape()[0] == out_channels), "Given weight of size ",
           shape_str(weight.shape()), ", expected bias to be 1-dimensional with ", out_channels,
           " elements, but got bias of size ", shape_str(bias.defined() ? bias.shape() : Shape{}), " instead");
  IntList padded, kernel;
  bool fits = true;
  for (int64_t i = 0; i < g.spatial; ++i) {
    padded.push_back(x.shape()[2 + i] + g.pad_before[i] + g.pad_after[i]);
    kernel.push_back(g.dilation[i] * (weight.shape()[2 + i] - 1) + 1);
    fits = fits && kernel.back() <= padded.back();
  }
  GL_CHECK(fits, "Calculated padded input size per channel: (", join(padded, " x "), "). Kernel size: (",
           join(kernel, " x "), "). Kernel size can't be greater than actual input size");
  GL_CHECK(x.dtype() == weight.dtype(), "Input type (", legacy_type(x.dtype()), ") and weight type (",
           legacy_type(weight.dtype()), ") should be the same or input should be a MKLDNN tensor and weight is a "
           "dense tensor");
  GL_CHECK(!bias.defined() || bias.dtype() == x.dtype(), "Input type (", element_type(x.dtype()),
           ") and bias type (", element_type(bias.dtype()), ") should be the same");
}

// The 2-d window of a 1-d or 2-d convolution (a 1-d one is a 2-d one of height 1).
kernels::Window2d window_of(const Tensor& x, const Tensor& weight, const ConvGeometry& g) {
  kernels::Window2d w;
  const int64_t first = g.spatial == 2 ? 0 : -1;  // index of the height entry, -1 when there is none
  auto at = [&](const IntList& v, int64_t i, int64_t none) { return i < 0 ? none : v[i]; };
  w.kh = g.spatial == 2 ? weight.shape()[2] : 1;
  w.kw = weight.shape()[weight.dim() - 1];
  w.sh = at(g.stride, first, 1), w.sw = g.stride.back();
  w.ph = at(g.pad_before, first, 0), w.pw = g.pad_before.back();
  w.dh = at(g.dilation, first, 1), w.dw = g.dilation.back();
  const int64_t h = g.spatial == 2 ? x.shape()[2] : 1, wd = x.shape()[x.dim() - 1];
  const int64_t ph_total = w.ph + at(g.pad_after, first, 0), pw_total = w.pw + g.pad_after.back();
  w.oh = (h + ph_total - w.dh * (w.kh - 1) - 1) / w.sh + 1;
  w.ow = (wd + pw_total - w.dw * (w.kw - 1) - 1) / w.sw + 1;
  return w;
}

// The input as [N, C, H, W] and the weight as [G, O/G, C/G*kh*kw] (views).
Tensor as_nchw(const Tensor& x, int64_t spatial) { return spatial == 2 ? x : unsqueeze(x, 2); }
Tensor grouped_weight(const Tensor& weight, int64_t groups) {
  return reshape(weight, {groups, weight.shape()[0] / groups, numel_of(weight.shape()) / weight.shape()[0]});
}

// [A, B, L] (contiguous) -> a fresh [B, A, L], plus bias[a] when given: the
// move between the batch-wide product's [O, N, L] and the [N, O, L] of a
// result or gradient.
Tensor swap_leading(const Tensor& t, int64_t a, int64_t b, int64_t l, const Tensor& bias) {
  const Tensor src = contiguous(t), add_src = bias.defined() ? contiguous(bias) : Tensor();
  Tensor out = Tensor::empty({b, a, l}, t.dtype());
  auto run = [&](auto zero) {
    using T = decltype(zero);
    const T* ps = src.data_ptr<T>();
    const T* pb = add_src.defined() ? add_src.data_ptr<T>() : nullptr;
    T* po = out.data_ptr<T>();
    for (int64_t i = 0; i < a; ++i) {
      const T add = pb ? pb[i] : T(0);
      for (int64_t j = 0; j < b; ++j) {
        const T* row = ps + (i * b + j) * l;
        T* dst = po + (j * a + i) * l;
        for (int64_t e = 0; e < l; ++e) dst[e] = row[e] + add;
      }
    }
  };
  switch (t.dtype()) {
    case DType::Float32: run(float(0)); break;
    case DType::Float64: run(double(0)); break;
    default: run(int64_t(0));
  }
  return out;
}

// A batched input of matching dims, checked.
Tensor convolution(const Tensor& x, const Tensor& weight, const Tensor& bias, const ConvGeometry& g) {
  check_shapes(x, weight, bias, g);
  const kernels::Window2d w = window_of(x, weight, g);
  const int64_t n = x.shape()[0], c = x.shape()[1], o = weight.shape()[0], groups = g.groups;
  const int64_t h = g.spatial == 2 ? x.shape()[2] : 1, wd = x.shape()[x.dim() - 1];
  // Sizes are spelled out rather than inferred: an empty batch cannot infer a -1.
  const int64_t k = c / groups * w.kh * w.kw, l = w.oh * w.ow;
  Shape out_shape{n, o};
  if (g.spatial == 2) out_shape.push_back(w.oh);
  out_shape.push_back(w.ow);
  Tensor out, cols;
  {
    NoGradGuard no_grad;
    // One product per group over the whole batch: W [G, O/G, K] times the
    // columns [G, K, N*L] gives [O, N, L], far faster than N small products.
    cols = view(kernels::im2col_batch_columns(as_nchw(x, g.spatial), w), {groups, k, n * l});
    const Tensor product = kernels::gemm_rows_nn(grouped_weight(weight, groups), cols);
    out = as_shape(swap_leading(product, o, n, l, bias), out_shape);
  }
  // The weight's gradient reads the columns again: saved (and freed with the graph) rather than redone.
  if (!weight.requires_grad()) cols = Tensor();
  const int64_t spatial = g.spatial;
  const Shape x_shape = x.shape(), w_shape = weight.shape();
  // With g = grad as [N, G, O/G, L] and cols = im2col(x) as [N, G, K, L]:
  // d input = col2im(W^T g), d weight = sum over N of g cols^T, d bias = sum of g over N and space
  record("ConvolutionBackward0", {out}, {x, weight, bias}, {x, weight, cols},
         [=](const BackwardContext& ctx) {
           const Tensor& xs = ctx.saved[0];
           const Tensor& ws = ctx.saved[1];
           const Tensor& x_cols = ctx.saved[2];
           variable_list grads(3);
           if (ctx.needs(2)) grads[2] = sum(reshape(ctx.grad(), {n, o, l}), {0, 2});
           if (!GradMode::is_enabled()) {
             // No graph to build (no create_graph): the same sums as batch-wide products on raw kernels.
             const Tensor grad = view(swap_leading(ctx.grad(), n, o, l, Tensor()), {groups, o / groups, n * l});
             if (ctx.needs(0))
               grads[0] = reshape(kernels::col2im_batch_columns(
                                      kernels::gemm_rows_nn(transpose(grouped_weight(ws, groups), 1, 2), grad), n, c,
                                      h, wd, w),
                                  x_shape);
             if (ctx.needs(1)) grads[1] = reshape(kernels::gemm_rows_nt(grad, x_cols), w_shape);
             return grads;
           }
           const Tensor grad = reshape(ctx.grad(), {n, groups, o / groups, l});
           if (ctx.needs(0)) {
             const Tensor grad_cols = matmul(transpose(grouped_weight(ws, groups), 1, 2), grad);
             grads[0] = reshape(fold_windows(reshape(grad_cols, {n, groups * k, l}), c, h, wd, w), x_shape);
           }
           if (ctx.needs(1)) {
             const Tensor unfolded = view(unfold_windows(as_nchw(xs, spatial), w), {n, groups, k, l});
             grads[1] = reshape(sum(matmul(grad, transpose(unfolded, 2, 3)), {0}), w_shape);
           }
           return grads;
         });
  return out;
}

Tensor conv_entry(const char* op, int64_t spatial, const Tensor& input, const Tensor& weight, const Tensor& bias,
                  const IntList& stride, const IntList* padding, PaddingMode mode, const IntList& dilation,
                  int64_t groups) {
  GL_CHECK(input.dim() == spatial + 1 || input.dim() == spatial + 2, "Expected ", spatial + 1,
           "D (unbatched) or ", spatial + 2, "D (batched) input to ", op, ", but got input of size: ",
           shape_str(input.shape()));
  GL_CHECK(groups > 0, "non-positive groups is not supported");
  const int64_t weight_spatial = weight.dim() - 2;
  ConvGeometry g;
  g.spatial = spatial;
  g.groups = groups;
  g.stride = expand_arg("stride", stride, spatial, weight_spatial);
  g.dilation = expand_arg("dilation", dilation, spatial, weight_spatial);
  if (padding) {
    g.pad_before = expand_arg("padding", *padding, spatial, weight_spatial);
    g.pad_after = g.pad_before;
  } else if (mode == PaddingMode::Valid) {
    g.pad_before = g.pad_after = IntList(spatial, 0);
  } else {
    for (int64_t s : g.stride) GL_CHECK(s == 1, "padding='same' is not supported for strided convolutions");
    // The output keeps the input's size; an odd total goes one more to the end, as PyTorch pads it.
    for (int64_t i = 0; i < spatial; ++i) {
      const int64_t total = g.dilation[i] * (weight.shape()[2 + i] - 1);
      g.pad_before.push_back(total / 2);
      g.pad_after.push_back(total - total / 2);
    }
  }
  if (input.dim() == spatial + 2) return convolution(input, weight, bias, g);
  return squeeze(convolution(unsqueeze(input, 0), weight, bias, g), 0);
}

}  // namespace

PaddingMode padding_mode_from_name(const std::string& name) {
  if (name == "same") return PaddingMode::Same;
  GL_CHECK(name == "valid", "Invalid padding string: '", name, "'");
  return PaddingMode::Valid;
}

Tensor conv2d(const Tensor& input, const Tensor& weight, const Tensor& bias, const IntList& stride,
              const IntList& padding, const IntList& dilation, int64_t groups) {
  return conv_entry("conv2d", 2, input, weight, bias, stride, &padding, PaddingMode::Valid, dilation, groups);
}

Tensor conv2d(const Tensor& input, const Tensor& weight, const Tensor& bias, const IntList& stride,
              PaddingMode padding, const IntList& dilation, int64_t groups) {
  return conv_entry("conv2d", 2, input, weight, bias, stride, nullptr, padding, dilation, groups);
}

Tensor conv1d(const Tensor& input, const Tensor& weight, const Tensor& bias, const IntList& stride,
              const IntList& padding, const IntList& dilation, int64_t groups) {
  return conv_entry("conv1d", 1, input, weight, bias, stride, &padding, PaddingMode::Valid, dilation, groups);
}

Tensor conv1d(const Tensor& input, const Tensor& weight, const Tensor& bias, const IntList& stride,
              PaddingMode padding, const IntList& dilation, int64_t groups) {
  return conv_entry("conv1d", 1, input, weight, bias, stride, nullptr, padding, dilation, groups);
}

}  // namespace gradlab
