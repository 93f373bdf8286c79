// Internal: the matrix products of a convolution, where one side is a few
// channels and the other thousands of positions. kernels::gemm packs both
// operands into panels first, which at these shapes copies more than it
// computes; these read the long operand's rows in place and keep a block of
// the result in SIMD registers (GCC/Clang vector extensions: wasm SIMD in the
// wasm build, SSE natively, so both run the same code).
#pragma once
#include "gradlab/tensor.h"

namespace gradlab::kernels {

// a [G, M, K] (any strides), b [G, K, N] contiguous -> a fresh [G, M, N] = a b
// (kernels::gemm above 8 rows, where its packing pays off).
Tensor gemm_rows_nn(const Tensor& a, const Tensor& b);
// a [G, M, K], b [G, N, K], both contiguous -> a fresh [G, M, N] = a b^T (kernels::gemm above 8 rows).
Tensor gemm_rows_nt(const Tensor& a, const Tensor& b);

}  // namespace gradlab::kernels
