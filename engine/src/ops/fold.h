// Internal: im2col and col2im as differentiable ops (PyTorch's F.unfold and
// F.fold nodes). Each is the other's backward, so convolution and average
// pooling built on them get double backward for free.
#pragma once
#include "gradlab/tensor.h"
#include "kernels/im2col.h"

namespace gradlab {

// x [B, C, H, W] -> [B, C*kh*kw, oh*ow]
Tensor unfold_windows(const Tensor& x, const kernels::Window2d& w);
// cols [B, C*kh*kw, oh*ow] -> [B, C, H, W], overlapping entries summed
Tensor fold_windows(const Tensor& cols, int64_t channels, int64_t height, int64_t width,
                    const kernels::Window2d& w);

}  // namespace gradlab
