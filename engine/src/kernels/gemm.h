// Internal: the one matrix-product kernel. Every matmul-family op ends here,
// so a faster GEMM replaces this file alone.
#pragma once
#include "gradlab/tensor.h"

namespace gradlab::kernels {

// a: [..., n, m], b: [..., m, p] of one dtype (float32, float64 or int64), any
// strides; their batch dims broadcast. Returns a fresh contiguous
// [batch..., n, p] tensor without autograd. With `init` (broadcast to the
// result), each sum starts from its value: addmm's bias when PyTorch's BLAS
// adds it first.
Tensor gemm(const Tensor& a, const Tensor& b, const Tensor& init = Tensor());

// Adds +0 to every element of a fresh float product in place: PyTorch's BLAS
// sums into accumulators that start at +0, so a sum of -0 products is +0,
// where Eigen's small products start from the first product (-0). Here, in a
// file compiled for speed, because every mm, mv, dot and bmm pays this pass.
void positive_zero_sums(Tensor& product);

}  // namespace gradlab::kernels
