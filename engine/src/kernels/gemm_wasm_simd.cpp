// Blocked float32 GEMM in the Goto/BLIS layout: operands are packed into
// cache-sized panels, and an MR x NR micro-kernel keeps its tile of C in
// SIMD registers while it streams one packed sliver of each operand.
#include "kernels/gemm_wasm_simd.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

namespace gradlab::kernels {

namespace {

// The tile is 4 rows x two f32x4 vectors: 8 accumulators plus 2 B vectors and
// a splatted A value fit the 16 SIMD registers V8 has on x64.
constexpr int64_t MR = 4, NR = 8;
// KC x NR floats of B (8 KiB) stay in L1 across the micro-kernels of one
// column sliver; MC x KC floats of A (128 KiB) stay in L2.
constexpr int64_t KC = 256, MC = 128, NC = 2048;

int64_t round_up(int64_t x, int64_t step) { return (x + step - 1) / step * step; }

// Buffer `which` (0 for a, 1 for b) of at least `floats` floats, 64-byte
// aligned (malloc gives 8 in wasm, and a vector load across a cache line costs
// more). The buffers stay between calls (a product never calls back into the
// engine; thread_local, which costs nothing in the single-threaded wasm, keeps
// native threads apart), so a product allocates nothing; they hold at most
// MC x KC and NC x KC floats (128 KiB and 2 MiB).
float* packing_buffer(int which, int64_t floats) {
  thread_local std::vector<float> buffers[2];
  constexpr int64_t kAlign = 64 / sizeof(float);
  std::vector<float>& v = buffers[which];
  if (static_cast<int64_t>(v.size()) < floats + kAlign) v.resize(static_cast<size_t>(floats + kAlign));
  const auto address = reinterpret_cast<std::uintptr_t>(v.data());
  return v.data() + (64 - address % 64) % 64 / sizeof(float);
}

// Packs an mc x kc block of a into MR-row slivers, each holding MR values per
// k so the micro-kernel reads it sequentially; rows past mc are zero. A full
// sliver reads its MR rows through one pointer each (no index products per
// element: at n = 128 packing is a tenth of the product's time).
void pack_a(const float* a, int64_t rs, int64_t cs, int64_t mc, int64_t kc, float* out) {
  for (int64_t i0 = 0; i0 < mc; i0 += MR) {
    const int64_t rows = std::min(MR, mc - i0);
    if (rows == MR) {
      const float* row[MR];
      for (int64_t r = 0; r < MR; ++r) row[r] = a + (i0 + r) * rs;
      for (int64_t k = 0; k < kc; ++k, out += MR)
        for (int64_t r = 0; r < MR; ++r) out[r] = row[r][k * cs];
      continue;
    }
    for (int64_t k = 0; k < kc; ++k, out += MR) {
      for (int64_t r = 0; r < rows; ++r) out[r] = a[(i0 + r) * rs + k * cs];
      for (int64_t r = rows; r < MR; ++r) out[r] = 0.0f;
    }
  }
}

// Packs a kc x nc block of b into NR-column slivers, NR values per k; columns
// past nc are zero. A full sliver of a row-major b is NR contiguous values per
// k, copied as one block (two vector moves in wasm).
void pack_b(const float* b, int64_t rs, int64_t cs, int64_t kc, int64_t nc, float* out) {
  for (int64_t j0 = 0; j0 < nc; j0 += NR) {
    const int64_t cols = std::min(NR, nc - j0);
    if (cols == NR && cs == 1) {
      const float* row = b + j0;
      for (int64_t k = 0; k < kc; ++k, out += NR, row += rs) std::memcpy(out, row, NR * sizeof(float));
      continue;
    }
    for (int64_t k = 0; k < kc; ++k, out += NR) {
      const float* row = b + k * rs + j0 * cs;
      for (int64_t j = 0; j < cols; ++j) out[j] = row[j * cs];
      for (int64_t j = cols; j < NR; ++j) out[j] = 0.0f;
    }
  }
}

#ifdef __wasm_simd128__
// c[MR x NR] = packed a sliver * packed b sliver, added on to c's values with
// `add` (a later k block continues the sums where the earlier ones left them,
// so every element is its products added in order of k from zero, as
// PyTorch's reference BLAS adds them: bit for bit the same sums). wasm SIMD
// has no FMA before relaxed-simd, hence mul then add, as that BLAS.
void micro_kernel(int64_t kc, const float* a, const float* b, float* c, int64_t ldc, bool add) {
  v128_t acc[MR][2];
  for (int64_t r = 0; r < MR; ++r) {
    acc[r][0] = add ? wasm_v128_load(c + r * ldc) : wasm_f32x4_splat(0.0f);
    acc[r][1] = add ? wasm_v128_load(c + r * ldc + 4) : wasm_f32x4_splat(0.0f);
  }
  for (int64_t k = 0; k < kc; ++k, a += MR, b += NR) {
    const v128_t b0 = wasm_v128_load(b), b1 = wasm_v128_load(b + 4);
    for (int64_t r = 0; r < MR; ++r) {
      const v128_t ar = wasm_v128_load32_splat(a + r);
      acc[r][0] = wasm_f32x4_add(acc[r][0], wasm_f32x4_mul(ar, b0));
      acc[r][1] = wasm_f32x4_add(acc[r][1], wasm_f32x4_mul(ar, b1));
    }
  }
  for (int64_t r = 0; r < MR; ++r, c += ldc) {
    wasm_v128_store(c, acc[r][0]);
    wasm_v128_store(c + 4, acc[r][1]);
  }
}
#else
// Portable twin of the SIMD micro-kernel, same contract and the same sums
// (the engine's native build runs every float32 product through it).
void micro_kernel(int64_t kc, const float* a, const float* b, float* c, int64_t ldc, bool add) {
  float acc[MR][NR];
  for (int64_t r = 0; r < MR; ++r)
    for (int64_t j = 0; j < NR; ++j) acc[r][j] = add ? c[r * ldc + j] : 0.0f;
  for (int64_t k = 0; k < kc; ++k, a += MR, b += NR)
    for (int64_t r = 0; r < MR; ++r)
      for (int64_t j = 0; j < NR; ++j) acc[r][j] += a[r] * b[j];
  for (int64_t r = 0; r < MR; ++r, c += ldc)
    for (int64_t j = 0; j < NR; ++j) c[j] = acc[r][j];
}
#endif

}  // namespace

void sgemm_blocked(int64_t n, int64_t m, int64_t p, const float* a, int64_t a_rs, int64_t a_cs, const float* b,
                   int64_t b_rs, int64_t b_cs, float* c, bool accumulate) {
  if (m == 0) {
    if (!accumulate) std::fill(c, c + n * p, 0.0f);
    return;
  }
  const int64_t kc_max = std::min(KC, m);
  float* packed_a = packing_buffer(0, round_up(std::min(MC, n), MR) * kc_max);
  float* packed_b = packing_buffer(1, round_up(std::min(NC, p), NR) * kc_max);
  float tile[MR * NR];
  for (int64_t jc = 0; jc < p; jc += NC) {
    const int64_t nc = std::min(NC, p - jc);
    for (int64_t pc = 0; pc < m; pc += KC) {
      const int64_t kc = std::min(KC, m - pc);
      const bool add = accumulate || pc > 0;  // later k blocks accumulate onto earlier ones
      pack_b(b + pc * b_rs + jc * b_cs, b_rs, b_cs, kc, nc, packed_b);
      for (int64_t ic = 0; ic < n; ic += MC) {
        const int64_t mc = std::min(MC, n - ic);
        pack_a(a + ic * a_rs + pc * a_cs, a_rs, a_cs, mc, kc, packed_a);
        for (int64_t jr = 0; jr < nc; jr += NR) {
          const int64_t cols = std::min(NR, nc - jr);
          for (int64_t ir = 0; ir < mc; ir += MR) {
            const int64_t rows = std::min(MR, mc - ir);
            const float* ap = packed_a + ir * kc;
            const float* bp = packed_b + jr * kc;
            float* ct = c + (ic + ir) * p + jc + jr;
            if (rows == MR && cols == NR) {
              micro_kernel(kc, ap, bp, ct, p, add);
              continue;
            }
            // Edge tiles go through a scratch tile so the kernel never reads or
            // writes outside c.
            if (add)
              for (int64_t r = 0; r < rows; ++r) std::copy(ct + r * p, ct + r * p + cols, tile + r * NR);
            micro_kernel(kc, ap, bp, tile, NR, add);
            for (int64_t r = 0; r < rows; ++r) std::copy(tile + r * NR, tile + r * NR + cols, ct + r * p);
          }
        }
      }
    }
  }
}

}  // namespace gradlab::kernels
