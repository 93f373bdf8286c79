#include "kernels/im2col.h"

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

// Visits every (input plane p, kernel row r, output position l) with the input
// offset it reads, or -1 when that position lies in the padding.
template <typename F>
void for_each_window(int64_t planes, int64_t height, int64_t width, const Window2d& w, F f) {
  const int64_t k = w.kh * w.kw, l = w.oh * w.ow;
  for (int64_t p = 0; p < planes; ++p)
    for (int64_t i = 0; i < w.kh; ++i)
      for (int64_t j = 0; j < w.kw; ++j) {
        const int64_t row = p * k + i * w.kw + j;
        for (int64_t y = 0; y < w.oh; ++y) {
          const int64_t iy = y * w.sh - w.ph + i * w.dh;
          const bool row_in = iy >= 0 && iy < height;
          for (int64_t x = 0; x < w.ow; ++x) {
            const int64_t ix = x * w.sw - w.pw + j * w.dw;
            const int64_t src = row_in && ix >= 0 && ix < width ? (p * height + iy) * width + ix : -1;
            f(src, row * l + y * w.ow + x);
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

}  // namespace

Tensor im2col(const Tensor& x, const Window2d& w) {
  const Tensor in = contiguous_copy(x);
  const int64_t b = x.shape()[0], c = x.shape()[1], h = x.shape()[2], wd = x.shape()[3];
  Tensor out = Tensor::empty({b, c * w.kh * w.kw, w.oh * w.ow}, x.dtype());
  GL_DISPATCH_NUMERIC(x.dtype(), T, {
    const T* src = in.data_ptr<T>();
    T* dst = out.data_ptr<T>();
    for_each_window(b * c, h, wd, w, [&](int64_t s, int64_t d) { dst[d] = s < 0 ? T(0) : src[s]; });
  });
  return out;
}

Tensor col2im(const Tensor& cols, int64_t channels, int64_t height, int64_t width, const Window2d& w) {
  const Tensor in = contiguous_copy(cols);
  const int64_t b = cols.shape()[0];
  Tensor out = Tensor::empty({b, channels, height, width}, cols.dtype());
  std::memset(out.raw_ptr(), 0, out.numel() * itemsize(out.dtype()));
  GL_DISPATCH_NUMERIC(cols.dtype(), T, {
    const T* src = in.data_ptr<T>();
    T* dst = out.data_ptr<T>();
    for_each_window(b * channels, height, width, w, [&](int64_t s, int64_t d) {
      if (s >= 0) dst[s] += src[d];
    });
  });
  return out;
}

}  // namespace gradlab::kernels
