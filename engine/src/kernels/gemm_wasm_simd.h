// Internal: the blocked float32 GEMM that WebAssembly builds use instead of
// Eigen, whose 3.4 release has no wasm SIMD path.
#pragma once
#include <cstdint>

namespace gradlab::kernels {

// c = a * b for a [n, m] and b [m, p] read through any row/column strides
// (transposed views need no copy); c is a contiguous [n, p] buffer. The
// micro-kernel uses wasm SIMD under -msimd128 and plain loops otherwise, so
// native tests check the same blocking, packing and edge handling.
// With accumulate, each element's sum starts from c's value instead of +0 (PyTorch's addmm
// when its BLAS adds the bias first).
void sgemm_blocked(int64_t n, int64_t m, int64_t p, const float* a, int64_t a_rs, int64_t a_cs, const float* b,
                   int64_t b_rs, int64_t b_cs, float* c, bool accumulate = false);

}  // namespace gradlab::kernels
