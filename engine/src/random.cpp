// PyTorch 1.13's CPU random numbers, reproduced bit for bit.
//
// The engine is mt19937 (std::mt19937 is the same generator with the same
// seeding); PyTorch seeds it with the low 32 bits of the seed. What follows
// mirrors, step by step, the rounding of PyTorch's CPU kernels as built for
// AVX2 machines by GCC, whose default -ffp-contract=fast fuses a product
// feeding an addition into one FMA. Where that fusion changes the last bit we
// call std::fma explicitly; everywhere else this file must not be contracted,
// hence the pragmas below (FMA-capable targets only; wasm has no FMA).
#include "gradlab/random.h"

#include <cmath>
#include <cstring>
#include <random>
#include <utility>

#include "gradlab/error.h"

#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

namespace gradlab::random {
namespace {

struct Generator {
  uint64_t seed = kDefaultSeed;
  std::mt19937 engine{static_cast<uint32_t>(kDefaultSeed)};
  // normal_distribution<double> makes two samples and keeps one for the next draw.
  bool has_spare_normal = false;
  double spare_normal = 0;

  uint32_t next32() { return static_cast<uint32_t>(engine()); }
  // Two draws, the first one in the high half.
  uint64_t next64() {
    uint64_t hi = next32();
    uint64_t lo = next32();
    return (hi << 32) | lo;
  }
};

// The engine is single-threaded (wasm without pthreads), so one global is enough.
Generator& generator() {
  static Generator g;
  return g;
}

constexpr double kPi = 3.14159265358979323846;

// Uniform [0, 1) from the low 24 (float) or 53 (double) bits of a draw.
float unit_float(Generator& g) {
  return static_cast<float>(g.next32() & ((1u << 24) - 1)) * (1.0f / static_cast<float>(1u << 24));
}
double unit_double(Generator& g) {
  return static_cast<double>(g.next64() & ((1ULL << 53) - 1)) * (1.0 / static_cast<double>(1ULL << 53));
}

// at::normal_distribution<double>: Box-Muller on two doubles, spare cached.
double scalar_normal(Generator& g, double mean, double std) {
  double z;
  if (g.has_spare_normal) {
    g.has_spare_normal = false;
    z = g.spare_normal;
  } else {
    double u1 = unit_double(g);
    double u2 = unit_double(g);
    double r = std::sqrt(-2.0 * std::log(1.0 - u2));
    double theta = 2.0 * kPi * u1;
    g.spare_normal = r * std::sin(theta);
    g.has_spare_normal = true;
    z = r * std::cos(theta);
  }
  return std::fma(z, std, mean);
}

uint32_t bits_of(float f) {
  uint32_t u;
  std::memcpy(&u, &f, 4);
  return u;
}
float float_of(uint32_t u) {
  float f;
  std::memcpy(&f, &u, 4);
  return f;
}

// One lane of log256_ps (Cephes logf as vectorized in PyTorch's avx_mathfun.h).
// Inputs here are 1 - u with u < 1, so never zero, negative or denormal.
float cephes_logf(float x) {
  const uint32_t b = bits_of(x);
  float e = static_cast<float>(static_cast<int32_t>(b >> 23) - 0x7f) + 1.0f;
  x = float_of((b & ~0x7f800000u) | bits_of(0.5f));  // mantissa in [0.5, 1)
  if (x < 0.707106781186547524f) {
    e = e - 1.0f;
    x = (x - 1.0f) + x;
  } else {
    x = x - 1.0f;
  }
  const float z = x * x;
  float y = 7.0376836292E-2f;
  y = std::fma(y, x, -1.1514610310E-1f);
  y = std::fma(y, x, 1.1676998740E-1f);
  y = std::fma(y, x, -1.2420140846E-1f);
  y = std::fma(y, x, 1.4249322787E-1f);
  y = std::fma(y, x, -1.6668057665E-1f);
  y = std::fma(y, x, 2.0000714765E-1f);
  y = std::fma(y, x, -2.4999993993E-1f);
  y = std::fma(y, x, 3.3333331174E-1f);
  y = y * x;
  y = std::fma(y, z, e * -2.12194440e-4f);
  y = y - z * 0.5f;  // exact product: fused or not, same result
  x = x + y;
  return std::fma(e, 0.693359375f, x);
}

// One lane of sincos256_ps (Cephes sinf/cosf): reduce by multiples of pi/4 in
// three exact-ish steps, then pick the sine or cosine polynomial per octant.
void cephes_sincosf(float x, float* s, float* c) {
  uint32_t sin_sign = bits_of(x) & 0x80000000u;
  x = std::fabs(x);
  int32_t j = static_cast<int32_t>(x * 1.27323954473516f);  // 4/pi, truncated
  j = (j + 1) & ~1;
  const float y = static_cast<float>(j);
  sin_sign ^= static_cast<uint32_t>(j & 4) << 29;
  const uint32_t cos_sign = static_cast<uint32_t>(~(j - 2) & 4) << 29;
  const bool sine_is_poly2 = (j & 2) == 0;
  x = std::fma(y, -0.78515625f, x);
  x = std::fma(y, -2.4187564849853515625e-4f, x);
  x = std::fma(y, -3.77489497744594108e-8f, x);

  const float z = x * x;
  float p1 = 2.443315711809948E-005f;  // cosine polynomial
  p1 = std::fma(p1, z, -1.388731625493765E-003f);
  p1 = std::fma(p1, z, 4.166664568298827E-002f);
  p1 = p1 * z;
  p1 = std::fma(p1, z, -(z * 0.5f));
  p1 = p1 + 1.0f;
  float p2 = -1.9515295891E-4f;  // sine polynomial
  p2 = std::fma(p2, z, 8.3321608736E-3f);
  p2 = std::fma(p2, z, -1.6666654611E-1f);
  p2 = p2 * z;
  p2 = std::fma(p2, x, x);

  const float sine = sine_is_poly2 ? p2 : p1;
  const float cosine = sine_is_poly2 ? p1 : p2;
  *s = float_of(bits_of(sine) ^ sin_sign);
  *c = float_of(bits_of(cosine) ^ cos_sign);
}

// normal_fill_16_AVX2: data holds 16 uniforms; the first 8 give radii, the
// last 8 angles, and each pair becomes a cosine and a sine sample.
void box_muller_16(float* data, float mean, float std) {
  const float two_pi = static_cast<float>(2.0f * kPi);
  for (int j = 0; j < 8; ++j) {
    const float radius = std::sqrt(-2.0f * cephes_logf(1.0f - data[j]));
    float s, c;
    cephes_sincosf(two_pi * data[j + 8], &s, &c);
    data[j] = std::fma(radius * c, std, mean);
    data[j + 8] = std::fma(radius * s, std, mean);
  }
}

// normal_fill_16<double>, with libm's log/cos/sin.
void box_muller_16(double* data, double mean, double std) {
  for (int j = 0; j < 8; ++j) {
    const double radius = std::sqrt(-2.0 * std::log(1.0 - data[j]));
    const double theta = 2.0 * kPi * data[j + 8];
    data[j] = std::fma(radius * std::cos(theta), std, mean);
    data[j + 8] = std::fma(radius * std::sin(theta), std, mean);
  }
}

// The uniform matching the buffer's element type (the pointer only selects).
float unit(Generator& g, float*) { return unit_float(g); }
double unit(Generator& g, double*) { return unit_double(g); }

// normal_fill: uniforms for every element, Box-Muller on each full block of
// 16, and a ragged tail handled by redrawing the last 16 elements whole.
template <typename T>
void fill_normal_blocks(Generator& g, T* out, int64_t n, T mean, T std) {
  for (int64_t i = 0; i < n; ++i) out[i] = unit(g, out);
  for (int64_t i = 0; i + 16 <= n; i += 16) box_muller_16(out + i, mean, std);
  if (n % 16 != 0) {
    T* tail = out + n - 16;
    for (int i = 0; i < 16; ++i) tail[i] = unit(g, out);
    box_muller_16(tail, mean, std);
  }
}

}  // namespace

void manual_seed(uint64_t seed) {
  Generator& g = generator();
  g.seed = seed;
  g.engine.seed(static_cast<uint32_t>(seed));
  g.has_spare_normal = false;
}

uint64_t initial_seed() { return generator().seed; }

void check_uniform_dtype(DType dtype) {
  GL_CHECK(is_floating(dtype), "\"check_uniform_bounds\" not implemented for '", scalar_type_name(dtype), "'");
}

void check_normal_dtype(DType dtype) {
  GL_CHECK(is_floating(dtype), "\"normal_kernel_cpu\" not implemented for '", scalar_type_name(dtype), "'");
}

void fill_uniform(float* out, int64_t n, double from, double to) {
  Generator& g = generator();
  const float lo = static_cast<float>(from);
  const float span = static_cast<float>(to) - lo;
  for (int64_t i = 0; i < n; ++i) out[i] = std::fma(unit_float(g), span, lo);
}

void fill_uniform(double* out, int64_t n, double from, double to) {
  Generator& g = generator();
  const double span = to - from;
  for (int64_t i = 0; i < n; ++i) out[i] = std::fma(unit_double(g), span, from);
}

void fill_normal_serial(float* out, int64_t n, double mean, double std) {
  Generator& g = generator();
  for (int64_t i = 0; i < n; ++i) out[i] = static_cast<float>(scalar_normal(g, mean, std));
}

void fill_normal_serial(double* out, int64_t n, double mean, double std) {
  Generator& g = generator();
  for (int64_t i = 0; i < n; ++i) out[i] = scalar_normal(g, mean, std);
}

void fill_normal(float* out, int64_t n, double mean, double std) {
  if (n < 16) return fill_normal_serial(out, n, mean, std);
  fill_normal_blocks(generator(), out, n, static_cast<float>(mean), static_cast<float>(std));
}

void fill_normal(double* out, int64_t n, double mean, double std) {
  if (n < 16) return fill_normal_serial(out, n, mean, std);
  fill_normal_blocks(generator(), out, n, mean, std);
}

void fill_randint(int64_t* out, int64_t n, int64_t low, int64_t high) {
  Generator& g = generator();
  const uint64_t range = static_cast<uint64_t>(high) - static_cast<uint64_t>(low);
  // PyTorch takes 64 bits only when 32 cannot cover the range.
  const bool wide = range >= (1ULL << 32);
  for (int64_t i = 0; i < n; ++i) {
    const uint64_t draw = wide ? g.next64() : g.next32();
    out[i] = static_cast<int64_t>(draw % range + static_cast<uint64_t>(low));
  }
}

void fill_randperm(int64_t* out, int64_t n, const int64_t* seed) {
  Generator local;
  if (seed) local.engine.seed(static_cast<uint32_t>(static_cast<uint64_t>(*seed)));
  Generator& g = seed ? local : generator();
  for (int64_t i = 0; i < n; ++i) out[i] = i;
  for (int64_t i = 0; i + 1 < n; ++i) {
    const int64_t z = static_cast<int64_t>(g.next32() % static_cast<uint64_t>(n - i));
    std::swap(out[i], out[z + i]);
  }
}

// at::uniform_int_distribution: 64-bit draws for int64 and double, 32-bit
// otherwise, reduced modulo (the dtype's largest exact integer + 1).
void fill_random_full(int64_t* out, int64_t n) {
  Generator& g = generator();
  for (int64_t i = 0; i < n; ++i) out[i] = static_cast<int64_t>(g.next64() % (1ULL << 63));
}
void fill_random_full(float* out, int64_t n) {
  Generator& g = generator();
  for (int64_t i = 0; i < n; ++i) out[i] = static_cast<float>(g.next32() % ((1ULL << 24) + 1));
}
void fill_random_full(double* out, int64_t n) {
  Generator& g = generator();
  for (int64_t i = 0; i < n; ++i) out[i] = static_cast<double>(g.next64() % ((1ULL << 53) + 1));
}
void fill_random_full(uint8_t* out, int64_t n) {
  Generator& g = generator();
  for (int64_t i = 0; i < n; ++i) out[i] = static_cast<uint8_t>(g.next32() % 2);
}

double draw_unit_double() { return unit_double(generator()); }

double draw_exponential(double lambda) { return -1.0 / lambda * std::log(1.0 - unit_double(generator())); }

}  // namespace gradlab::random
