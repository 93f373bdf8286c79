#include "kernels/gemm_rows.h"

#include <cstring>

#include "gradlab/error.h"
#include "gradlab/ops/movement.h"
#include "kernels/gemm.h"

namespace gradlab::kernels {

namespace {

typedef float f4 __attribute__((vector_size(16)));

inline f4 load4(const float* p) {
  f4 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void store4(float* p, f4 v) { std::memcpy(p, &v, sizeof v); }
inline float hsum(f4 v) { return (v[0] + v[1]) + (v[2] + v[3]); }

// R rows of c (from row r0), columns j..j+7: sum over k of a[r][k] * b[k][j..j+7].
template <int R>
void nn_tile(const float* a, int64_t ars, int64_t acs, const float* b, int64_t n, int64_t k, float* c, int64_t j) {
  f4 acc[R][2] = {};
  for (int64_t kk = 0; kk < k; ++kk) {
    const float* brow = b + kk * n + j;
    const f4 b0 = load4(brow), b1 = load4(brow + 4);
    for (int r = 0; r < R; ++r) {
      const float s = a[r * ars + kk * acs];
      acc[r][0] += s * b0;
      acc[r][1] += s * b1;
    }
  }
  for (int r = 0; r < R; ++r) {
    store4(c + r * n + j, acc[r][0]);
    store4(c + r * n + j + 4, acc[r][1]);
  }
}

template <int R>
void nn_rows(const float* a, int64_t ars, int64_t acs, const float* b, int64_t n, int64_t k, float* c) {
  int64_t j = 0;
  for (; j + 8 <= n; j += 8) nn_tile<R>(a, ars, acs, b, n, k, c, j);
  for (; j < n; ++j)
    for (int r = 0; r < R; ++r) {
      float s = 0;
      for (int64_t kk = 0; kk < k; ++kk) s += a[r * ars + kk * acs] * b[kk * n + j];
      c[r * n + j] = s;
    }
}

// One [M, K] x [K, N] product in blocks of up to 6 rows (12 accumulators and 2 loads fit 16 registers).
void nn_matrix(const float* a, int64_t ars, int64_t acs, const float* b, int64_t m, int64_t n, int64_t k, float* c) {
  int64_t r = 0;
  for (; r + 6 <= m; r += 6) nn_rows<6>(a + r * ars, ars, acs, b, n, k, c + r * n);
  const float* ar = a + r * ars;
  float* cr = c + r * n;
  switch (m - r) {
    case 5: nn_rows<5>(ar, ars, acs, b, n, k, cr); break;
    case 4: nn_rows<4>(ar, ars, acs, b, n, k, cr); break;
    case 3: nn_rows<3>(ar, ars, acs, b, n, k, cr); break;
    case 2: nn_rows<2>(ar, ars, acs, b, n, k, cr); break;
    case 1: nn_rows<1>(ar, ars, acs, b, n, k, cr); break;
    default: break;
  }
}

// RA rows of a against RB rows of b, dot products of length k: c[i][j] = a_i . b_j.
template <int RA, int RB>
void nt_tile(const float* a, const float* b, int64_t k, float* c, int64_t ldc) {
  f4 acc[RA][RB] = {};
  int64_t kk = 0;
  for (; kk + 4 <= k; kk += 4) {
    f4 bv[RB];
    for (int j = 0; j < RB; ++j) bv[j] = load4(b + j * k + kk);
    for (int i = 0; i < RA; ++i) {
      const f4 av = load4(a + i * k + kk);
      for (int j = 0; j < RB; ++j) acc[i][j] += av * bv[j];
    }
  }
  for (int i = 0; i < RA; ++i)
    for (int j = 0; j < RB; ++j) {
      float s = hsum(acc[i][j]);
      for (int64_t t = kk; t < k; ++t) s += a[i * k + t] * b[j * k + t];
      c[i * ldc + j] = s;
    }
}

template <int RA>
void nt_rows(const float* a, const float* b, int64_t n, int64_t k, float* c) {
  int64_t j = 0;
  for (; j + 4 <= n; j += 4) nt_tile<RA, 4>(a, b + j * k, k, c + j, n);
  for (; j < n; ++j) nt_tile<RA, 1>(a, b + j * k, k, c + j, n);
}

// One [M, K] x [N, K]^T product: 2 x 4 blocks (8 accumulators, 6 loads per step).
void nt_matrix(const float* a, const float* b, int64_t m, int64_t n, int64_t k, float* c) {
  int64_t i = 0;
  for (; i + 2 <= m; i += 2) nt_rows<2>(a + i * k, b, n, k, c + i * n);
  if (i < m) nt_rows<1>(a + i * k, b, n, k, c + i * n);
}

}  // namespace

Tensor gemm_rows_nn(const Tensor& a, const Tensor& b) {
  // From about 8 rows on, the packed GEMM's reuse of each B panel across 4 rows wins (measured on LeNet's shapes).
  if (a.dtype() != DType::Float32 || b.dtype() != DType::Float32 || !b.is_contiguous() || a.shape()[1] > 8)
    return gemm(a, b);
  const int64_t g = a.shape()[0], m = a.shape()[1], k = a.shape()[2], n = b.shape()[2];
  GL_CHECK(b.shape()[0] == g && b.shape()[1] == k, "gemm_rows_nn: shapes do not match");
  Tensor c = Tensor::empty({g, m, n}, DType::Float32);
  const float* pa = a.data_ptr<float>();
  const float* pb = b.data_ptr<float>();
  float* pc = c.data_ptr<float>();
  for (int64_t i = 0; i < g; ++i)
    nn_matrix(pa + i * a.strides()[0], a.strides()[1], a.strides()[2], pb + i * k * n, m, n, k, pc + i * m * n);
  return c;
}

Tensor gemm_rows_nt(const Tensor& a, const Tensor& b) {
  if (a.dtype() != DType::Float32 || b.dtype() != DType::Float32 || !a.is_contiguous() || !b.is_contiguous() ||
      a.shape()[1] > 8)
    return gemm(a, transpose(b, 1, 2));
  const int64_t g = a.shape()[0], m = a.shape()[1], k = a.shape()[2], n = b.shape()[1];
  GL_CHECK(b.shape()[0] == g && b.shape()[2] == k, "gemm_rows_nt: shapes do not match");
  Tensor c = Tensor::empty({g, m, n}, DType::Float32);
  const float* pa = a.data_ptr<float>();
  const float* pb = b.data_ptr<float>();
  float* pc = c.data_ptr<float>();
  for (int64_t i = 0; i < g; ++i) nt_matrix(pa + i * m * k, pb + i * n * k, m, n, k, pc + i * m * n);
  return c;
}

}  // namespace gradlab::kernels
