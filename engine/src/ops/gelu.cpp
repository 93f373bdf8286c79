// gelu (the exact, erf form) and its derivatives as PyTorch 1.13 computes them on the CPU.
// PyTorch 1.13 as built with oneDNN (Debian's package, the wheels) hands gelu of a contiguous
// float32 tensor of more than one element to oneDNN's gelu_erf, forward and backward (use_mkldnn
// in Activation.cpp); every other tensor takes its own loop, x/2 (1 + erf(x/√2)) with libm's
// erf. oneDNN approximates erf (Abramowitz and Stegun 7.1.26 over its own exp) and orders the
// arithmetic its own way: gelu(-0.) and gelu(-10.) are +0 where PyTorch's loop gives -0 (live run
// s106004-533), gelu(-3.) differs from libm's by 4e-5 relative, far left by more (s120014-322).
// The oneDNN path below is its JIT's sequence of float operations, fused multiply-adds where it
// emits them; it matched PyTorch 1.13 bit for bit on 40,007 values from -12 to 12, forward and
// backward.
#include <cmath>
#include <cstdint>
#include <cstring>

#include "gradlab/autograd/grad_mode.h"
#include "gradlab/autograd/record.h"
#include "gradlab/ops/elementwise.h"
#include "kernels/elementwise.h"
#include "ops/floating_check.h"

namespace gradlab {

namespace {

float from_bits(uint32_t b) {
  float v;
  std::memcpy(&v, &b, sizeof v);
  return v;
}

// a * b + c rounded once, as a fused multiply-add. a * b is exact in double; the double sum
// rounded to float is the fused result unless it sits exactly halfway between two floats (or
// below FLT_MIN, where floats have fewer bits), where the library's exact fmaf decides
// (std::fma is software in WebAssembly, and as slow as gelu itself).
float fused(float a, float b, float c) {
  const double product = static_cast<double>(a) * b;
  const double sum = product + c;
  uint64_t u;
  std::memcpy(&u, &sum, sizeof u);
  const bool halfway = (u & 0x1fffffff) == 0x10000000 && !(sum - product == c && sum - c == product);
  if (!halfway && !(std::fabs(sum) < 0x1p-126)) return static_cast<float>(sum);
  return std::fma(a, b, c);
}

// oneDNN's constants, as the bit patterns of its table.
const float kOneOverSqrt2 = from_bits(0x3f3504f3), kOneOverSqrtPi = from_bits(0x3f106eba);
const float kErfP = from_bits(0x3ea7ba05);
const float kErfPol[5] = {from_bits(0x3e827906), from_bits(0xbe91a98e), from_bits(0x3fb5f0e3),
                          from_bits(0xbfba00e3), from_bits(0x3f87dc22)};
const float kExpPol[5] = {from_bits(0x3f7ffffb), from_bits(0x3efffee3), from_bits(0x3e2aad40),
                          from_bits(0x3d2b9d0d), from_bits(0x3c07cfce)};
const float kLnFltMin = from_bits(0xc2aeac50), kLnFltMax = from_bits(0x42b17218);
const float kLog2e = from_bits(0x3fb8aa3b), kLn2 = from_bits(0x3f317218);

// oneDNN's exp: 2^n times a degree-5 polynomial of z - n ln 2, n = floor(z log2(e) + 1/2);
// 0 below ln(FLT_MIN). (minps returns its second operand for a NaN: the clamp turns NaN into
// ln(FLT_MAX), as std::fmin does.)
float onednn_exp(float z) {
  const bool underflows = z < kLnFltMin;
  z = std::fmax(std::fmin(z, kLnFltMax), kLnFltMin);
  float n = z * kLog2e;
  n = std::floor(n + 0.5f);
  const float r = fused(-n, kLn2, z);
  float p = kExpPol[4];
  for (int i = 3; i >= 0; --i) p = fused(p, r, kExpPol[i]);
  p = fused(p, r, 1.0f);
  const float two_to_n = underflows ? 0.0f : from_bits(static_cast<uint32_t>(static_cast<int32_t>(n) + 127) << 23);
  return p * two_to_n;
}

// sign(x) (1 - t (p1 + p2 t + ... + p5 t^4) e^(-x²)), t = 1 / (1 + p |x|), given -e^(-x²).
float onednn_erf(float x, float minus_exp) {
  const float t = 1.0f / fused(kErfP, std::fabs(x), 1.0f);
  float r = kErfPol[4];
  for (int i = 3; i >= 0; --i) r = fused(r, t, kErfPol[i]);
  const float e = fused(minus_exp * t, r, 1.0f);
  return std::signbit(x) ? -e : e;
}

// x/2 + x/2 erf(x/√2).
float onednn_gelu(float s) {
  const float x = s * kOneOverSqrt2;
  const float erf = onednn_erf(x, -onednn_exp(-(x * x)));
  const float half = s * 0.5f;
  return fused(erf, half, half);
}

// Φ(s) + s φ(s) as (R/√π e^(-R²) + 1/2) + erf(R)/2, R = s/√2.
float onednn_gelu_derivative(float s) {
  const float r = s * kOneOverSqrt2;
  const float e = onednn_exp(-(r * r));
  const float t = (r * kOneOverSqrtPi) * e;
  return fused(onednn_erf(r, -e), 0.5f, t + 0.5f);
}

bool by_onednn(const Tensor& a) { return a.dtype() == DType::Float32 && a.is_contiguous() && a.numel() > 1; }

constexpr double kBeta = M_2_SQRTPI * M_SQRT1_2 * 0.5;  // 1/√(2π), PyTorch's constant

// PyTorch's gelu_backward(grad, x) = grad * (Φ(x) + x φ(x)), by oneDNN when the forward was.
Tensor gelu_backward(const Tensor& grad, const Tensor& x) {
  Tensor out;
  {
    NoGradGuard no_grad;
    Tensor factor;
    if (by_onednn(x)) {
      factor = kernels::unary<float, float>(x, DType::Float32, [](float v) { return onednn_gelu_derivative(v); });
    } else {
      GL_DISPATCH_FLOAT(x.dtype(), T, factor = (kernels::unary<T, T>(x, x.dtype(), [](T v) {
                          const T cdf = T(0.5) * (T(1) + std::erf(v * T(M_SQRT1_2)));
                          const T pdf = T(kBeta) * std::exp(v * v * T(-0.5));
                          return cdf + v * pdf;
                        })));
    }
    out = mul(grad, factor);
  }
  // PyTorch's derivatives: for grad, gelu_backward again; for x, gelu_double_backward,
  // gg * grad * (2 pdf - x² pdf).
  record("GeluBackwardBackward0", {out}, {grad, x}, {grad, x}, [](const BackwardContext& c) {
    const Tensor& g = c.saved[0];
    const Tensor& x = c.saved[1];
    Tensor for_grad, for_x;
    if (c.needs(0)) for_grad = gelu_backward(c.grad(), x);
    if (c.needs(1)) {
      const Tensor x2 = mul(x, x);
      const Tensor pdf = mul(exp(mul(x2, -0.5)), kBeta);
      for_x = mul(mul(c.grad(), g), sub(mul(pdf, 2.0), mul(x2, pdf)));
    }
    return variable_list{for_grad, for_x};
  });
  return out;
}

}  // namespace

Tensor gelu(const Tensor& a) {
  check_floating(a, "GeluKernelImpl");
  Tensor out;
  if (by_onednn(a)) {
    out = kernels::unary<float, float>(a, DType::Float32, [](float v) { return onednn_gelu(v); });
  } else {
    GL_DISPATCH_FLOAT(a.dtype(), T, out = (kernels::unary<T, T>(a, a.dtype(), [](T x) {
                        return x * T(0.5) * (T(1) + std::erf(x * T(M_SQRT1_2)));
                      })));
  }
  // d gelu(a) = grad * (Φ(a) + a φ(a))
  record("GeluBackward0", {out}, {a}, {a}, [](const BackwardContext& c) {
    return variable_list{gelu_backward(c.grad(), c.saved[0])};
  });
  return out;
}

}  // namespace gradlab
