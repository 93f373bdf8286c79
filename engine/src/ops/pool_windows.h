// Internal: what max_pool2d and adaptive_max_pool2d share — the max over a
// window with PyTorch's NaN and tie rules, and its backward (the gradient
// routed to each argmax), each recorded under the caller's node names.
#pragma once
#include <cmath>
#include <cstring>
#include <limits>

#include "gradlab/autograd/record.h"
#include "gradlab/ops/indexing.h"
#include "gradlab/ops/movement.h"
#include "gradlab/ops/reduce.h"
#include "kernels/elementwise.h"
#include "kernels/loops.h"

namespace gradlab {

// One window, clipped to the input: rows y0, y0+dy, ... < y1; columns likewise.
struct Span {
  int64_t y0 = 0, y1 = 0, dy = 1, x0 = 0, x1 = 0, dx = 1;
};

inline Tensor contiguous_input(const Tensor& x) {
  if (x.is_contiguous()) return x;
  Tensor c = Tensor::empty(x.shape(), x.dtype());
  kernels::copy_into(c, x);
  return c;
}

inline Tensor zeros_of(const Shape& shape, DType dtype) {
  Tensor t = Tensor::empty(shape, dtype);
  std::memset(t.raw_ptr(), 0, t.numel() * itemsize(dtype));
  return t;
}

// The zero gradient PyTorch gives the input argument of a pooling backward.
// It is a real zero tensor, not "no gradient": the node behind the input may
// be an op whose backward needs a defined gradient.
inline Tensor zero_grad_for(const BackwardContext& c, size_t i, const Shape& shape, DType dtype) {
  return c.needs(i) ? zeros_of(shape, dtype) : Tensor();
}

// grad [.., oh, ow] added into a zero tensor shaped as the input at the argmax
// positions. The input is an argument only as PyTorch's is: with a gradient of
// zero, it puts the result in the graph whenever the input requires grad.
inline Tensor scatter_to_argmax(const Tensor& grad, const Tensor& input, const Tensor& indices, const char* name) {
  const Shape& input_shape = input.shape();
  const int64_t plane = input_shape[input_shape.size() - 2] * input_shape.back();
  const int64_t l = indices.shape()[indices.dim() - 2] * indices.shape().back();
  const int64_t planes = l == 0 ? 0 : indices.numel() / l;
  const Tensor g = contiguous_input(grad), idx = contiguous_input(indices);
  Tensor out = zeros_of(input_shape, grad.dtype());
  GL_DISPATCH_FLOAT(grad.dtype(), T, {
    const T* pg = g.data_ptr<T>();
    const int64_t* pi = idx.data_ptr<int64_t>();
    T* po = out.data_ptr<T>();
    for (int64_t p = 0; p < planes; ++p)
      for (int64_t i = 0; i < l; ++i) po[p * plane + pi[p * l + i]] += pg[p * l + i];
  });
  // d/d grad = the incoming gradient read back at the argmax positions
  record(name, {out}, {grad, input}, {indices},
         [planes, plane, l, grad_shape = grad.shape(), input_shape, dtype = input.dtype()](const BackwardContext& c) {
           const Tensor flat = reshape(c.grad(), {planes, plane});
           return variable_list{reshape(gather(flat, 1, reshape(c.saved[0], {planes, l})), grad_shape),
                                zero_grad_for(c, 1, input_shape, dtype)};
         });
  return out;
}

// The max of every window window_of(y, x) of each [H, W] plane of input, with
// flat indices into the plane. A later NaN wins, and an all -inf window
// reports its first position, as in PyTorch.
template <typename WindowOf>
ValuesIndices max_over_windows(const Tensor& input, const Shape& out_shape, const char* name,
                               const char* backward_name, WindowOf window_of) {
  const int64_t height = input.shape()[input.dim() - 2], width = input.shape().back();
  const int64_t oh = out_shape[out_shape.size() - 2], ow = out_shape.back();
  const int64_t plane = height * width, l = oh * ow, planes = numel_of(out_shape) / std::max<int64_t>(l, 1);
  const Tensor in = contiguous_input(input);
  Tensor out = Tensor::empty(out_shape, input.dtype());
  Tensor indices = Tensor::empty(out_shape, DType::Int64);
  GL_DISPATCH_FLOAT(input.dtype(), T, {
    const T* pi = in.data_ptr<T>();
    T* po = out.data_ptr<T>();
    int64_t* px = indices.data_ptr<int64_t>();
    for (int64_t y = 0; y < oh; ++y)
      for (int64_t x = 0; x < ow; ++x) {
        const Span s = window_of(y, x);
        for (int64_t p = 0; p < planes; ++p) {
          int64_t best = s.y0 * width + s.x0;
          T best_value = -std::numeric_limits<T>::infinity();
          for (int64_t yy = s.y0; yy < s.y1; yy += s.dy)
            for (int64_t xx = s.x0; xx < s.x1; xx += s.dx) {
              const T v = pi[p * plane + yy * width + xx];
              if (v > best_value || std::isnan(v)) {
                best_value = v;
                best = yy * width + xx;
              }
            }
          po[p * l + y * ow + x] = best_value;
          px[p * l + y * ow + x] = best;
        }
      }
  });
  // d max = grad routed to each window's argmax
  record(name, {out}, {input}, {input, indices}, [backward_name](const BackwardContext& c) {
    return variable_list{scatter_to_argmax(c.grad(), c.saved[0], c.saved[1], backward_name)};
  });
  propagate_flags({indices}, {input});
  return {out, indices};
}

}  // namespace gradlab
