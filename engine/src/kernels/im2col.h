// Internal: im2col / col2im, the layout change that turns a convolution or a
// pooling window into one matrix product or one reduction.
#pragma once
#include <cstdint>

#include "gradlab/tensor.h"

namespace gradlab::kernels {

// Where the windows of a 2-d sliding operation fall. Padding is given as the
// top/left amount only: rows and columns past the input on the bottom/right
// read as zero, so an asymmetric pad ('same' with an even kernel) or a
// ceil_mode window that overhangs needs nothing more than the output size.
struct Window2d {
  int64_t kh = 1, kw = 1;  // kernel
  int64_t sh = 1, sw = 1;  // stride
  int64_t ph = 0, pw = 0;  // top/left padding
  int64_t dh = 1, dw = 1;  // dilation
  int64_t oh = 1, ow = 1;  // output size
};

// x: [B, C, H, W] (any strides, float32/float64/int64) -> a fresh contiguous
// [B, C*kh*kw, oh*ow]: row (c, i, j) holds x[b, c, y*sh - ph + i*dh, x*sw - pw + j*dw]
// for every output position (y, x), zero outside the input.
Tensor im2col(const Tensor& x, const Window2d& w);

// The adjoint of im2col: cols [B, C*kh*kw, oh*ow] -> [B, C, H, W], each column
// entry added back at the input position it was read from.
Tensor col2im(const Tensor& cols, int64_t channels, int64_t height, int64_t width, const Window2d& w);

// The same rows with the batch entries side by side: x [B, C, H, W] -> a fresh
// contiguous [C*kh*kw, B*oh*ow], so one matrix product covers the whole batch.
Tensor im2col_batch_columns(const Tensor& x, const Window2d& w);

// Its adjoint: cols [C*kh*kw, B*oh*ow] -> [B, C, H, W].
Tensor col2im_batch_columns(const Tensor& cols, int64_t batch, int64_t channels, int64_t height, int64_t width,
                            const Window2d& w);

}  // namespace gradlab::kernels
