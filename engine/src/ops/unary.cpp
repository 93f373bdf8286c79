// Unary math and activations. Each forward sits above its backward rule; rules
// use the engine's own differentiable ops so create_graph gives higher orders.
#include <cmath>
#include <cstdlib>
#include <limits>
#include <type_traits>

#include "gradlab/autograd/grad_mode.h"
#include "gradlab/autograd/record.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/movement.h"
#include "kernels/elementwise.h"
#include "kernels/vector_rows.h"
#include "ops/floating_check.h"

namespace gradlab {

// The driver of every unary kernel (kernels/elementwise.h), here to be compiled for speed.
namespace kernels {

Tensor unary_run(const Tensor& a, DType out_dtype, UnaryLoop loop, const void* fn) {
  if (!a.is_contiguous())
    return with_layout(unary_run(materialize(a, a.shape()), out_dtype, loop, fn),
                       elementwise_strides(a.shape(), {&a}));
  Tensor out = Tensor::empty(a.shape(), out_dtype);
  loop(out.raw_ptr(), a.raw_ptr(), a.numel(), fn);
  return out;
}

}  // namespace kernels

namespace {

// Math functions take integer inputs as float32, as PyTorch does.
DType float_dtype(const Tensor& a) { return is_floating(a.dtype()) ? a.dtype() : DType::Float32; }

template <typename F>
Tensor map_float(const Tensor& a, F f) {
  const DType dt = float_dtype(a);
  const Tensor ca = kernels::cast_nograd(a, dt);
  Tensor out;
  GL_DISPATCH_FLOAT(dt, T, out = (kernels::unary<T, T>(ca, dt, [f](T x) { return static_cast<T>(f(x)); })));
  return out;
}

// Same dtype as the input (neg, abs, sign keep integers).
template <typename F>
Tensor map_same(const Tensor& a, F f) {
  Tensor out;
  GL_DISPATCH_ALL(a.dtype(), T, out = (kernels::unary<T, T>(a, a.dtype(), [f](T x) { return static_cast<T>(f(x)); })));
  return out;
}

Tensor mask_as(const Tensor& cond, const Tensor& like) { return to(cond, like.dtype()); }

// PyTorch's threshold_backward and leaky_relu_backward take the result or self as an
// input, so under create_graph their output requires grad when that does, though the
// formula is flat in it: one node (PyTorch's *BackwardBackward0) with both inputs, whose
// own backward is the formula again for the gradient and zeros for the other input.
template <typename F>
Tensor flat_in_x_backward(const char* name, const Tensor& grad, const Tensor& x, F f) {
  Tensor out;
  {
    NoGradGuard no_grad;
    out = f(grad, x);
  }
  record(name, {out}, {grad, x}, {x}, [name, f](const BackwardContext& c) {
    return variable_list{flat_in_x_backward(name, c.grad(), c.saved[0], f), zeros_like(c.saved[0])};
  });
  return out;
}
Tensor num(double v) { return scalar_tensor(v, DType::Float64, true); }

// A negative float is tested on its sign bit (and is neither -0. nor NaN): clang folds a comparison
// with 0 into WebAssembly's f32.max, which turns relu(-0.) into +0.
template <typename T>
T relu_of(T x) {
  if constexpr (std::is_floating_point_v<T>) return (std::signbit(x) && x != 0 && x == x) ? T(0) : x;
  else return x < 0 ? T(0) : x;
}

// The elements x is NaN at that PyTorch's kernel over (grad, x) computes in its vectorised
// loop (kernels/vector_rows.h): `at` is true there, `nan` (x's dtype) NaN there and 0 elsewhere.
// Both undefined when there is no such element.
struct VectorisedNan {
  Tensor at, nan;
};
VectorisedNan nan_in_vector_loop(const Tensor& grad, const Tensor& x) {
  if (!is_floating(x.dtype())) return {};
  const std::vector<uint8_t> flags = kernels::vectorised_elements(x.shape(), {&grad, &x}, itemsize(x.dtype()));
  if (!kernels::any_vectorised(flags)) return {};
  NoGradGuard no_grad;
  const Tensor cx = contiguous(x);
  VectorisedNan r{zeros(x.shape(), DType::Bool), zeros(x.shape(), x.dtype())};
  bool any = false;
  GL_DISPATCH_FLOAT(x.dtype(), T, {
    const T* px = cx.data_ptr<T>();
    kernels::bool_t* at = r.at.data_ptr<kernels::bool_t>();
    T* nan = r.nan.data_ptr<T>();
    for (size_t i = 0; i < flags.size(); ++i) {
      at[i] = flags[i] && std::isnan(px[i]);
      if (at[i]) nan[i] = px[i], any = true;
    }
  });
  return any ? r : VectorisedNan{};
}

}  // namespace

// Activations PyTorch 1.13 implements only for floating dtypes, named by their CPU kernel.
void check_floating(const Tensor& a, const char* kernel) {
  GL_CHECK(is_floating(a.dtype()), "\"", kernel, "\" not implemented for '", scalar_type_name(a.dtype()), "'");
}

Tensor neg(const Tensor& a) {
  GL_CHECK(a.dtype() != DType::Bool,
           "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to "
           "invert a mask, use the `~` or `logical_not()` operator instead.");
  Tensor out = map_same(a, [](auto x) { return -x; });
  // d(-a) = -grad
  record("NegBackward0", {out}, {a}, {}, [](const BackwardContext& c) { return variable_list{neg(c.grad())}; });
  return out;
}

Tensor abs(const Tensor& a) {
  GL_CHECK(a.dtype() != DType::Bool, "\"abs_cpu\" not implemented for 'Bool'");
  // std::abs clears the sign bit, so abs(-0.) is +0. as in PyTorch (bool never gets here).
  Tensor out = map_same(a, [](auto x) {
    if constexpr (std::is_unsigned_v<decltype(x)>) return x;
    else return std::abs(x);
  });
  // d|a| = grad * sign(a)   (0 at 0)
  record("AbsBackward0", {out}, {a}, {a}, [](const BackwardContext& c) {
    return variable_list{mul(c.grad(), sign(c.saved[0]))};
  });
  return out;
}

Tensor square(const Tensor& a) { return pow(a, 2.0); }

Tensor sqrt(const Tensor& a) {
  Tensor out = map_float(a, [](auto x) { return std::sqrt(x); });
  // d sqrt(a) = grad / (2 sqrt(a))
  record("SqrtBackward0", {out}, {a}, {}, [](const BackwardContext& c) {
    return variable_list{div(c.grad(), mul(c.saved[0], 2.0))};
  }, {out});
  return out;
}

Tensor rsqrt(const Tensor& a) {
  Tensor out = map_float(a, [](auto x) { return 1 / std::sqrt(x); });
  // d a^(-1/2) = -grad * out^3 / 2
  record("RsqrtBackward0", {out}, {a}, {}, [](const BackwardContext& c) {
    return variable_list{mul(c.grad(), mul(pow(c.saved[0], 3.0), -0.5))};
  }, {out});
  return out;
}

Tensor reciprocal(const Tensor& a) {
  Tensor out = map_float(a, [](auto x) { return 1 / x; });
  // d(1/a) = -grad * out^2, in PyTorch's order: MulBackward0 under create_graph (s99002-10)
  record("ReciprocalBackward0", {out}, {a}, {}, [](const BackwardContext& c) {
    return variable_list{mul(neg(c.grad()), mul(c.saved[0], c.saved[0]))};
  }, {out});
  return out;
}

Tensor exp(const Tensor& a) {
  Tensor out = map_float(a, [](auto x) { return std::exp(x); });
  // d exp(a) = grad * exp(a)
  record("ExpBackward0", {out}, {a}, {}, [](const BackwardContext& c) {
    return variable_list{mul(c.grad(), c.saved[0])};
  }, {out});
  return out;
}

Tensor log(const Tensor& a) {
  Tensor out = map_float(a, [](auto x) { return std::log(x); });
  // d log(a) = grad / a
  record("LogBackward0", {out}, {a}, {a}, [](const BackwardContext& c) {
    return variable_list{div(c.grad(), c.saved[0])};
  });
  return out;
}

Tensor log1p(const Tensor& a) {
  Tensor out = map_float(a, [](auto x) { return std::log1p(x); });
  // d log(1+a) = grad / (1 + a)
  record("Log1PBackward0", {out}, {a}, {a}, [](const BackwardContext& c) {
    return variable_list{div(c.grad(), add(c.saved[0], 1.0))};
  });
  return out;
}

Tensor expm1(const Tensor& a) {
  Tensor out = map_float(a, [](auto x) { return std::expm1(x); });
  // d(exp(a) - 1) = grad * (out + 1)
  record("Expm1Backward0", {out}, {a}, {}, [](const BackwardContext& c) {
    return variable_list{mul(c.grad(), add(c.saved[0], 1.0))};
  }, {out});
  return out;
}

Tensor sin(const Tensor& a) {
  Tensor out = map_float(a, [](auto x) { return std::sin(x); });
  // d sin(a) = grad * cos(a)
  record("SinBackward0", {out}, {a}, {a}, [](const BackwardContext& c) {
    return variable_list{mul(c.grad(), cos(c.saved[0]))};
  });
  return out;
}

Tensor cos(const Tensor& a) {
  Tensor out = map_float(a, [](auto x) { return std::cos(x); });
  // d cos(a) = -grad * sin(a)
  record("CosBackward0", {out}, {a}, {a}, [](const BackwardContext& c) {
    // grad * -sin(a), PyTorch's order: under create_graph the gradient is a MulBackward0.
    return variable_list{mul(c.grad(), neg(sin(c.saved[0])))};
  });
  return out;
}

Tensor tan(const Tensor& a) {
  Tensor out = map_float(a, [](auto x) { return std::tan(x); });
  // d tan(a) = grad * (1 + out^2)
  record("TanBackward0", {out}, {a}, {}, [](const BackwardContext& c) {
    return variable_list{mul(c.grad(), add(mul(c.saved[0], c.saved[0]), 1.0))};
  }, {out});
  return out;
}

Tensor tanh(const Tensor& a) {
  Tensor out = map_float(a, [](auto x) { return std::tanh(x); });
  // d tanh(a) = grad * (1 - out^2)
  record("TanhBackward0", {out}, {a}, {}, [](const BackwardContext& c) {
    return variable_list{mul(c.grad(), rsub(mul(c.saved[0], c.saved[0]), 1.0))};
  }, {out});
  return out;
}

namespace {

// PyTorch's sigmoid_backward(grad, y) = (grad * (1 - y)) * y. Its derivatives: for grad,
// sigmoid_backward again; for y, gg * grad * (-2y + 1), so a zero gradient keeps the sign of
// 1 - 2y (live run s122086-645: -0 where y > 1/2).
Tensor sigmoid_backward(const Tensor& grad, const Tensor& y) {
  Tensor out;
  {
    NoGradGuard no_grad;
    out = mul(mul(grad, rsub(y, 1.0)), y);
  }
  record("SigmoidBackwardBackward0", {out}, {grad, y}, {grad, y}, [](const BackwardContext& c) {
    const Tensor& g = c.saved[0];
    const Tensor& y = c.saved[1];
    return variable_list{c.needs(0) ? sigmoid_backward(c.grad(), y) : Tensor(),
                         c.needs(1) ? mul(mul(c.grad(), g), add(mul(y, -2.0), 1.0)) : Tensor()};
  });
  return out;
}

}  // namespace

Tensor sigmoid(const Tensor& a) {
  Tensor out = map_float(a, [](auto x) {
    using T = decltype(x);
    return x >= 0 ? T(1) / (T(1) + std::exp(-x)) : std::exp(x) / (T(1) + std::exp(x));
  });
  // d sigmoid(a) = grad * out * (1 - out)
  record("SigmoidBackward0", {out}, {a}, {}, [](const BackwardContext& c) {
    return variable_list{sigmoid_backward(c.grad(), c.saved[0])};
  }, {out});
  return out;
}

Tensor relu(const Tensor& a) {
  GL_CHECK(a.dtype() != DType::Bool, "Boolean inputs not supported for relu");
  // Only values below zero are replaced, as PyTorch's clamp_min: NaN and -0. pass through.
  Tensor out = map_same(a, [](auto x) { return relu_of(x); });
  // d relu(a) = grad where out > 0, else 0 (PyTorch's threshold_backward selects, so an infinite
  // grad does not become NaN, and a NaN output passes the gradient on)
  record("ReluBackward0", {out}, {a}, {}, [](const BackwardContext& c) {
    return variable_list{flat_in_x_backward("ThresholdBackwardBackward0", c.grad(), c.saved[0],
                                            [](const Tensor& g, const Tensor& result) {
                                              return where(le(result, num(0)), zeros_like(g), g);
                                            })};
  }, {out});
  return out;
}

Tensor leaky_relu(const Tensor& a, double slope) {
  check_floating(a, "leaky_relu_cpu");
  Tensor out = map_float(a, [slope](auto x) { return x > 0 ? x : x * static_cast<decltype(x)>(slope); });
  // d leaky_relu(a) = grad * (a > 0 ? 1 : slope)
  record("LeakyReluBackward0", {out}, {a}, {a}, [slope](const BackwardContext& c) {
    return variable_list{flat_in_x_backward("LeakyReluBackwardBackward0", c.grad(), c.saved[0],
                                            [slope](const Tensor& g, const Tensor& x) {
                                              const Tensor pos = mask_as(gt(x, num(0)), g);
                                              return mul(g, add(mul(pos, 1.0 - slope), slope));
                                            })};
  });
  return out;
}

// silu(a) = a * sigmoid(a), as PyTorch's kernel rounds it: a / (1 + exp(-a)).
Tensor silu(const Tensor& a) {
  check_floating(a, "silu_cpu");
  Tensor out = map_float(a, [](auto x) {
    using T = decltype(x);
    return x / (T(1) + std::exp(-x));
  });
  // d silu(a) = grad * s * (1 + a * (1 - s)), s = sigmoid(a)
  record("SiluBackward0", {out}, {a}, {a}, [](const BackwardContext& c) {
    const Tensor& x = c.saved[0];
    const Tensor s = sigmoid(x);
    return variable_list{mul(c.grad(), mul(s, add(mul(x, rsub(s, 1.0)), 1.0)))};
  });
  return out;
}

namespace {

// PyTorch's elu_backward(grad, x) (scale 1, not is_result): (grad * alpha) * exp(x) where x <= 0,
// grad elsewhere. Its scalar loop tests x <= 0, so a NaN input takes the plain grad (0 for a
// zero grad, not NaN); its vectorised loop tests x > 0 for the plain grad, so a NaN it
// computes gets exp's branch, NaN (live run s101005-225). exp reads only the inputs it
// selects: exp(inf) in the unselected branch made 0 * inf = NaN (s110006-553).
Tensor elu_backward(const Tensor& grad, const Tensor& x, double alpha) {
  Tensor out;
  {
    NoGradGuard no_grad;
    Tensor takes_exp = le(x, num(0));
    Tensor exp_input = where(takes_exp, x, zeros_like(x));
    const VectorisedNan vectorised = nan_in_vector_loop(grad, x);
    if (vectorised.at.defined()) {
      takes_exp = where(vectorised.at, vectorised.at, takes_exp);
      exp_input = add(exp_input, vectorised.nan);
    }
    out = where(takes_exp, mul(mul(grad, alpha), exp(exp_input)), grad);
  }
  // PyTorch's derivatives: for grad, elu_backward again; for x, elu_double_backward,
  // elu_backward(gg * grad, x) * (x < 0): 0 at x = 0 and at inf, NaN where the first is.
  record("EluBackwardBackward0", {out}, {grad, x}, {grad, x}, [alpha](const BackwardContext& c) {
    const Tensor& g = c.saved[0];
    const Tensor& x = c.saved[1];
    return variable_list{c.needs(0) ? elu_backward(c.grad(), x, alpha) : Tensor(),
                         c.needs(1) ? mul(elu_backward(mul(c.grad(), g), x, alpha), mask_as(lt(x, num(0)), x))
                                    : Tensor()};
  });
  return out;
}

}  // namespace

Tensor elu(const Tensor& a, double alpha) {
  check_floating(a, "elu_cpu");
  // exp(x) - 1 rather than expm1, as PyTorch's kernel: elu(-0.) is +0. and tiny inputs round alike.
  Tensor out = map_float(a, [alpha](auto x) {
    using T = decltype(x);
    return x > 0 ? x : static_cast<T>(alpha) * (std::exp(x) - T(1));
  });
  record("EluBackward0", {out}, {a}, {a}, [alpha](const BackwardContext& c) {
    return variable_list{elu_backward(c.grad(), c.saved[0], alpha)};
  });
  return out;
}

Tensor softplus(const Tensor& a, double beta, double threshold) {
  check_floating(a, "softplus_cpu");
  Tensor out = map_float(a, [beta, threshold](auto x) {
    using T = decltype(x);
    const T bx = x * static_cast<T>(beta);
    return bx > static_cast<T>(threshold) ? x : std::log1p(std::exp(bx)) / static_cast<T>(beta);
  });
  // d softplus(a) = grad * sigmoid(beta*a), or grad above the threshold (linear there)
  record("SoftplusBackward0", {out}, {a}, {a}, [beta, threshold](const BackwardContext& c) {
    const Tensor bx = mul(c.saved[0], beta);
    return variable_list{where(gt(bx, num(threshold)), c.grad(), mul(c.grad(), sigmoid(bx)))};
  });
  return out;
}

Tensor sign(const Tensor& a) {
  // (0 < x) - (x < 0), as PyTorch 1.13 on CPU: sign(nan) and sign(-0.) are +0.
  Tensor out = map_same(a, [](auto x) {
    using T = decltype(x);
    return static_cast<T>((T(0) < x) - (x < T(0)));
  });
  // sign is flat: zero gradient
  record("SignBackward0", {out}, {a}, {}, [](const BackwardContext& c) {
    return variable_list{zeros_like(c.grad())};
  });
  return out;
}

namespace {

// clamp's kernel, one loop for every dtype (it is cold): values are compared in double, so a
// bound outside an integer dtype's range does not wrap, and a clamped value is the bound
// converted to the dtype (lo, hi), which the upper bound is compared with again.
struct ClampBounds {
  DType dtype;
  bool has_lo, has_hi;
  double l, h;
  alignas(8) char lo[8], hi[8];  // the bounds as elements of dtype
  double lo_value;               // lo read back as a double
};

void clamp_loop(void* out, const void* a, int64_t n, const void* fn) {
  const ClampBounds& b = *static_cast<const ClampBounds*>(fn);
  const size_t size = itemsize(b.dtype);
  auto* po = static_cast<char*>(out);
  const auto* pa = static_cast<const char*>(a);
  for (int64_t i = 0; i < n; ++i, po += size, pa += size) {
    double x = kernels::load_number(pa, b.dtype);
    const char* result = pa;  // NaN stays as it is
    if (b.has_lo && x < b.l) {
      result = b.lo;
      x = b.lo_value;
    }
    if (b.has_hi && x > b.h) result = b.hi;
    kernels::move_element(po, result, size);
  }
}

}  // namespace

DType clamp_result_type(const Tensor& a, std::optional<double> lo, std::optional<double> hi) {
  // The bounds are wrapped numbers and take part in type promotion: int64 clamped to 0.5 is float32,
  // bool clamped to 0 is int64, anything clamped to NaN is floating.
  std::vector<Tensor> operands{a};
  if (lo) operands.push_back(wrapped_number(*lo));
  if (hi) operands.push_back(wrapped_number(*hi));
  return result_type(operands);
}

Tensor clamp(const Tensor& a, std::optional<double> lo, std::optional<double> hi) {
  GL_CHECK(lo || hi, "torch.clamp: At least one of 'min' or 'max' must not be None");
  const DType dt = clamp_result_type(a, lo, hi);
  const Tensor src = dt == a.dtype() ? a : to(a, dt);
  const bool has_lo = lo.has_value(), has_hi = hi.has_value();
  const double l = lo.value_or(0), h = hi.value_or(0);
  Tensor out;
  if (has_lo && has_hi && (std::isnan(l) || std::isnan(h))) {
    // PyTorch 1.13 fills the result with NaN when either of two bounds is NaN
    // (a NaN bound makes the result floating, so NaN fits it).
    out = kernels::with_layout(full(src.shape(), std::numeric_limits<double>::quiet_NaN(), dt),
                               elementwise_strides(src.shape(), {&src}));
  } else {
    // One NaN bound leaves every value as it is (max(x, NaN) is x in PyTorch's kernel).
    ClampBounds b{dt, has_lo, has_hi, l, h};
    kernels::store_number(b.lo, dt, l);
    kernels::store_number(b.hi, dt, h);
    b.lo_value = kernels::load_number(b.lo, dt);
    out = kernels::unary_run(src, dt, clamp_loop, &b);
  }
  // d clamp(a) = grad where lo <= a <= hi (bounds included, as PyTorch), else 0; a NaN bound
  // compares false, so it passes no gradient. A where, as PyTorch's clamp_backward: an
  // infinite gradient outside the bounds gives 0 (not inf * 0), and a negative one +0.
  record("ClampBackward1", {out}, {src}, {src}, [l, h, has_lo, has_hi](const BackwardContext& c) {
    const Tensor& x = c.saved[0];
    const Tensor lo_ok = has_lo ? ge(x, num(l)) : Tensor(), hi_ok = has_hi ? le(x, num(h)) : Tensor();
    const Tensor inside = !has_lo ? hi_ok : !has_hi ? lo_ok : where(lo_ok, hi_ok, lo_ok);
    return variable_list{where(inside, c.grad(), scalar_tensor(0.0, c.grad().dtype()))};
  });
  return out;
}

Tensor clamp(const Tensor& a, double lo, double hi) {
  const auto bound = [](double x) { return std::isnan(x) ? std::nullopt : std::optional<double>(x); };
  return clamp(a, bound(lo), bound(hi));
}

}  // namespace gradlab
