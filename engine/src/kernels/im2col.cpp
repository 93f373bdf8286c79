#include "kernels/im2col.h"

#include <algorithm>
#include <cstring>

#include "kernels/elementwise.h"
#include "kernels/loops.h"

namespace gradlab::kernels {

namespace {

Tensor contiguous_copy(const Tensor& x) {
  if (x.is_contiguous()) return x;
  Tensor c = Tensor::empty(x.shape(), x.dtype());
  copy_into(c, x);
  return c;
}

// Visits every (batch entry b, channel c, kernel row r, output position l):
// read(src, dst, count) for a run of count output positions dst, dst + 1, ...
// that read input offsets src, src + sw, ...; pad(dst, count) for a run that
// lies in the padding. dst is b * batch_stride + r * row_stride + l, so one
// walk serves both column layouts. The in-bounds columns of each output row
// are found once, so the callbacks see whole runs (a memcpy when sw is 1)
// and no bounds test runs per element.
template <typename Read, typename Pad>
void for_each_window(int64_t batch, int64_t channels, int64_t height, int64_t width, const Window2d& w,
                     int64_t batch_stride, int64_t row_stride, Read read, Pad pad) {
  const int64_t k = w.kh * w.kw;
  for (int64_t b = 0; b < batch; ++b)
    for (int64_t c = 0; c < channels; ++c) {
      const int64_t plane = (b * channels + c) * height * width;
      for (int64_t i = 0; i < w.kh; ++i)
        for (int64_t j = 0; j < w.kw; ++j) {
          const int64_t row = b * batch_stride + (c * k + i * w.kw + j) * row_stride;
          // ix = x * sw + shift lies in [0, width) exactly for x in [x0, x1)
          const int64_t shift = j * w.dw - w.pw;
          const int64_t x0 = std::min(w.ow, shift >= 0 ? 0 : (-shift + w.sw - 1) / w.sw);
          const int64_t x1 = std::max(x0, std::min(w.ow, width - shift <= 0 ? 0 : (width - shift + w.sw - 1) / w.sw));
          for (int64_t y = 0; y < w.oh; ++y) {
            const int64_t iy = y * w.sh - w.ph + i * w.dh;
            const int64_t dst = row + y * w.ow;
            if (iy < 0 || iy >= height) {
              pad(dst, w.ow);
              continue;
            }
            const int64_t src = plane + iy * width + shift;
            if (x0 > 0) pad(dst, x0);
            if (x1 > x0) read(src + x0 * w.sw, dst + x0, x1 - x0);
            if (w.ow > x1) pad(dst + x1, w.ow - x1);
          }
        }
    }
}

#define GL_DISPATCH_NUMERIC(dtype, T, ...)                                              \
  switch (dtype) {                                                                      \
    GL_DISPATCH_CASE(::gradlab::DType::Float32, float, T, __VA_ARGS__)                  \
    GL_DISPATCH_CASE(::gradlab::DType::Float64, double, T, __VA_ARGS__)                 \
    GL_DISPATCH_CASE(::gradlab::DType::Int64, int64_t, T, __VA_ARGS__)                  \
    default:                                                                            \
      ::gradlab::fail("im2col: unsupported dtype ", ::gradlab::dtype_name(dtype));      \
  }

// x [B, C, H, W] -> the window entries laid out with the given strides (see for_each_window).
// It only moves elements, so one loop serves every dtype: runs are memcpy'd (unit stride) or
// moved element by element, padding is zero bytes (0 in every dtype).
Tensor gather_windows(const Tensor& x, const Window2d& w, const Shape& shape, int64_t batch_stride,
                      int64_t row_stride) {
  GL_CHECK(x.dtype() != DType::Bool, "im2col: unsupported dtype ", dtype_name(x.dtype()));
  const Tensor in = contiguous_copy(x);
  const int64_t b = x.shape()[0], c = x.shape()[1], h = x.shape()[2], wd = x.shape()[3];
  Tensor out = Tensor::empty(shape, x.dtype());
  const auto* src = static_cast<const char*>(in.raw_ptr());
  auto* dst = static_cast<char*>(out.raw_ptr());
  const size_t size = itemsize(x.dtype());
  const int64_t sw = w.sw;
  for_each_window(
      b, c, h, wd, w, batch_stride, row_stride,
      [src, dst, sw, size](int64_t s, int64_t d, int64_t count) {
        if (sw == 1) {
          std::memcpy(dst + d * size, src + s * size, static_cast<size_t>(count) * size);
        } else {
          for (int64_t x = 0; x < count; ++x) move_element(dst + (d + x) * size, src + (s + x * sw) * size, size);
        }
      },
      [dst, size](int64_t d, int64_t count) { std::memset(dst + d * size, 0, static_cast<size_t>(count) * size); });
  return out;
}

// Its adjoint: each window entry of cols added back into a zero [B, C, H, W].
Tensor scatter_windows(const Tensor& cols, int64_t batch, int64_t channels, int64_t height, int64_t width,
                       const Window2d& w, int64_t batch_stride, int64_t row_stride) {
  const Tensor in = contiguous_copy(cols);
  Tensor out = Tensor::empty({batch, channels, height, width}, cols.dtype());
  std::memset(out.raw_ptr(), 0, out.numel() * itemsize(out.dtype()));
  GL_DISPATCH_NUMERIC(cols.dtype(), T, {
    const T* src = in.data_ptr<T>();
    T* dst = out.data_ptr<T>();
    const int64_t sw = w.sw;
    for_each_window(
        batch, channels, height, width, w, batch_stride, row_stride,
        [src, dst, sw](int64_t s, int64_t d, int64_t count) {
          // cols and the image are different buffers: the unit-stride run vectorises.
          T* __restrict__ to = dst + s;
          const T* __restrict__ from = src + d;
          if (sw == 1) {
            for (int64_t x = 0; x < count; ++x) to[x] += from[x];
          } else {
            for (int64_t x = 0; x < count; ++x) to[x * sw] += from[x];
          }
        },
        [](int64_t, int64_t) {});
  });
  return out;
}

}  // namespace

Tensor im2col(const Tensor& x, const Window2d& w) {
  const int64_t b = x.shape()[0], c = x.shape()[1], l = w.oh * w.ow;
  return gather_windows(x, w, {b, c * w.kh * w.kw, l}, c * w.kh * w.kw * l, l);
}

Tensor im2col_batch_columns(const Tensor& x, const Window2d& w) {
  const int64_t b = x.shape()[0], c = x.shape()[1], l = w.oh * w.ow;
  return gather_windows(x, w, {c * w.kh * w.kw, b * l}, l, b * l);
}

Tensor col2im(const Tensor& cols, int64_t channels, int64_t height, int64_t width, const Window2d& w) {
  const int64_t l = w.oh * w.ow, rows = channels * w.kh * w.kw;
  return scatter_windows(cols, cols.shape()[0], channels, height, width, w, rows * l, l);
}

Tensor col2im_batch_columns(const Tensor& cols, int64_t batch, int64_t channels, int64_t height, int64_t width,
                            const Window2d& w) {
  const int64_t l = w.oh * w.ow;
  return scatter_windows(cols, batch, channels, height, width, w, l, batch * l);
}

}  // namespace gradlab::kernels
