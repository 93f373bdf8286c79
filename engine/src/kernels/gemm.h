// Internal: the one matrix-product kernel. Every matmul-family op ends here,
// so a faster GEMM replaces this file alone.
#pragma once
#include "gradlab/tensor.h"

namespace gradlab::kernels {

// a: [..., n, m], b: [..., m, p] of one dtype (float32, float64 or int64), any
// strides; their batch dims broadcast. Returns a fresh contiguous
// [batch..., n, p] tensor without autograd.
Tensor gemm(const Tensor& a, const Tensor& b);

}  // namespace gradlab::kernels
