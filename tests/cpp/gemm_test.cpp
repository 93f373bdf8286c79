// The blocked float32 GEMM that wasm builds use: natively it runs its portable
// micro-kernel, so these tests check the packing, blocking and edge tiles
// against a float64 triple loop, on shapes that cross every block boundary
// (MR=4, NR=8, KC=256, MC=128, NC=2048) and on transposed operands.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "kernels/gemm_wasm_simd.h"

namespace gradlab::kernels {
namespace {

struct Operand {
  std::vector<float> data;
  int64_t rs, cs;  // strides of element (i, j)
  double at(int64_t i, int64_t j) const { return data[i * rs + j * cs]; }
};

// A rows x cols operand with entries in U(-1, 1), row-major or transposed.
Operand random_operand(int64_t rows, int64_t cols, bool transposed, std::mt19937& gen) {
  std::uniform_real_distribution<float> u(-1.0f, 1.0f);
  Operand o{std::vector<float>(rows * cols), transposed ? 1 : cols, transposed ? rows : 1};
  for (float& v : o.data) v = u(gen);
  return o;
}

// Row-major with `pad` unused columns after each row (a slice of a wider matrix).
Operand widen(const Operand& o, int64_t rows, int64_t cols, int64_t pad) {
  Operand w{std::vector<float>(rows * (cols + pad), -7.0f), cols + pad, 1};
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j) w.data[i * w.rs + j] = static_cast<float>(o.at(i, j));
  return w;
}

void check_product(int64_t n, int64_t m, int64_t p, bool a_t = false, bool b_t = false, int64_t pad = 0) {
  SCOPED_TRACE(testing::Message() << n << "x" << m << " * " << m << "x" << p << (a_t ? " aT" : "") << (b_t ? " bT" : "")
                                  << " pad " << pad);
  std::mt19937 gen(static_cast<uint32_t>(n * 7919 + m * 31 + p));
  Operand a = random_operand(n, m, a_t, gen), b = random_operand(m, p, b_t, gen);
  if (pad > 0) a = widen(a, n, m, pad), b = widen(b, m, p, pad);
  // Garbage in c first: the kernel must overwrite, not accumulate onto it.
  std::vector<float> c(n * p, 12345.0f);
  sgemm_blocked(n, m, p, a.data.data(), a.rs, a.cs, b.data.data(), b.rs, b.cs, c.data());
  for (int64_t i = 0; i < n; ++i)
    for (int64_t j = 0; j < p; ++j) {
      double expected = 0.0;
      for (int64_t k = 0; k < m; ++k) expected += a.at(i, k) * b.at(k, j);
      // float32 accumulation over m terms of size <= 1
      ASSERT_NEAR(c[i * p + j], expected, 1e-5 * (m + 1)) << "at (" << i << ", " << j << ")";
    }
}

TEST(BlockedGemm, SmallAndEdgeTiles) {
  for (int64_t n : {1, 3, 4, 5, 9})
    for (int64_t m : {1, 2, 7})
      for (int64_t p : {1, 7, 8, 9, 17}) check_product(n, m, p);
}

TEST(BlockedGemm, CrossesEveryBlockBoundary) {
  check_product(129, 257, 33);  // one row past MC, one k past KC
  check_product(5, 3, 2049);    // one column past NC
  check_product(260, 600, 40);  // several MC and KC blocks
}

TEST(BlockedGemm, TransposedOperands) {
  check_product(13, 300, 21, true, false);
  check_product(13, 300, 21, false, true);
  check_product(13, 300, 21, true, true);
}

// Row-major operands are packed by row pointers and whole NR-wide blocks;
// rows longer than the matrix must be stepped over, not read.
TEST(BlockedGemm, RowsWithAStrideBeyondTheirLength) {
  check_product(9, 20, 17, false, false, 3);
  check_product(129, 257, 33, false, false, 5);
}

// The packing buffers are kept between products: a small product after a
// large one, and a larger one after it, must not read stale panels.
TEST(BlockedGemm, ProductsOfChangingSizes) {
  check_product(260, 600, 2100);
  check_product(3, 5, 9);
  check_product(140, 300, 70);
}

TEST(BlockedGemm, EmptyInnerDimensionGivesZeros) {
  std::vector<float> c(6, 7.0f);
  sgemm_blocked(2, 0, 3, nullptr, 0, 1, nullptr, 3, 1, c.data());
  for (float v : c) EXPECT_EQ(v, 0.0f);
}

TEST(BlockedGemm, EmptyOutputWritesNothing) {
  std::vector<float> a(5, 1.0f);
  sgemm_blocked(0, 5, 0, a.data(), 5, 1, a.data(), 0, 1, nullptr);
  sgemm_blocked(1, 5, 0, a.data(), 5, 1, a.data(), 0, 1, nullptr);
}

}  // namespace
}  // namespace gradlab::kernels
