// Binary arithmetic with broadcasting: add, sub, mul, div, pow, maximum, minimum.
// Each forward is followed by its backward rule; broadcasting is undone for all
// of them in FunctionNode (sum_to), so the rules here are written per element.
#include <cmath>

#include "gradlab/autograd/grad_mode.h"
#include "gradlab/autograd/record.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/indexing.h"
#include "gradlab/ops/movement.h"
#include "kernels/elementwise.h"
#include "kernels/loops.h"
#include "kernels/vector_rows.h"
#include "ops/scalar_path.h"
#include "ops/sub_check.h"

namespace gradlab {

// The driver of every binary kernel (kernels/elementwise.h), here to be compiled for speed
// with the hot ops: every add or mul passes through it.
namespace kernels {

Tensor binary_run(const Tensor& a, const Tensor& b, DType out_dtype, BinaryLoop loop, const void* fn) {
  const Shape shape = a.shape() == b.shape() ? a.shape() : broadcast_shapes(a.shape(), b.shape());
  const int64_t n = numel_of(shape);
  const bool ca = a.is_contiguous() && a.numel() == n, cb = b.is_contiguous() && b.numel() == n;
  const bool sa = a.numel() == 1, sb = b.numel() == 1;
  if (!((ca && (cb || sb)) || (sa && cb))) {
    const Tensor flat =
        binary_run(ca || sa ? a : materialize(a, shape), cb || sb ? b : materialize(b, shape), out_dtype, loop, fn);
    return with_layout(flat, elementwise_strides(shape, {&a, &b}));
  }
  Tensor out = Tensor::empty(shape, out_dtype);
  loop(out.raw_ptr(), a.raw_ptr(), b.raw_ptr(), n, ca && cb ? 0 : ca ? 2 : 1, fn);
  return out;
}

}  // namespace kernels

void check_no_bool_sub(const Tensor& a, const Tensor& b) {
  const bool ba = a.dtype() == DType::Bool, bb = b.dtype() == DType::Bool;
  GL_CHECK(!(ba && bb),
           "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or "
           "`logical_xor()` operator instead.");
  GL_CHECK(!(ba || bb),
           "Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, "
           "use the `~` or `logical_not()` operator instead.");
}

namespace {

using kernels::bool_t;

Tensor wrap(double v) { return wrapped_number(v); }

// Applies f in the promoted dtype of a and b.
template <typename F>
Tensor arith(const Tensor& a, const Tensor& b, DType dtype, F f) {
  if (Tensor out; scalar_path::binary(a, b, dtype, f, out)) return out;  // two 0-d operands
  const Tensor ca = kernels::cast_nograd(a, dtype), cb = kernels::cast_nograd(b, dtype);
  Tensor out;
  GL_DISPATCH_ALL(dtype, T, out = (kernels::binary<T, T>(ca, cb, dtype, [f](T x, T y) { return static_cast<T>(f(x, y)); })));
  return out;
}

// a + c * b: add with an alpha, sub (c = -alpha) and rsub share one kernel. Bit for bit
// x - c*y, as IEEE defines x - z as x + (-z) and (-c)*y is -(c*y); int64 wraps alike.
Tensor add_scaled(const Tensor& a, const Tensor& b, DType dtype, double c) {
  return arith(a, b, dtype, [c](auto x, auto y) { return x + kernels::convert<decltype(y)>(c) * y; });
}

// alpha is a number too: a fraction cannot scale an integer result. PyTorch checks the
// operands' shapes first (live run s121001-579).
void check_alpha(const Tensor& a, const Tensor& b, DType dt, double alpha) {
  if (alpha == 1.0 || is_floating(dt) || number_dtype(alpha) == DType::Int64) return;
  (void)broadcast_shapes(a.shape(), b.shape());
  fail("For integral input tensors, argument alpha must not be a floating point number.");
}

// Integer powers in integer arithmetic: a negative exponent leaves only 1 and -1 nonzero, as PyTorch.
template <typename T>
T int_pow(T base, T exp) {
  if constexpr (std::is_signed_v<T>)
    if (exp < 0) return base == 1 ? T(1) : base == -1 ? ((exp % 2) ? T(-1) : T(1)) : T(0);
  T result = 1;
  while (exp > 0) {
    if (exp & 1) result = static_cast<T>(result * base);
    base = static_cast<T>(base * base);
    exp >>= 1;
  }
  return result;
}

template <typename T>
T pow_of(T x, T y) {
  if constexpr (std::is_floating_point_v<T>) return std::pow(x, y);
  else return int_pow(x, y);
}

// A number exponent of +-1/2 is a square root in PyTorch, which differs from pow at -inf
// (sqrt gives NaN) and at -0 (rsqrt gives -inf).
template <typename T>
T pow_by_number(T x, T e) {
  if constexpr (std::is_floating_point_v<T>) {
    if (e == T(0.5)) return std::sqrt(x);
    if (e == T(-0.5)) return T(1) / std::sqrt(x);
  }
  return pow_of(x, e);
}

// Bool ** bool has no kernel in PyTorch; a bool raised to an integer is int64 by promotion.
void check_pow_dtype(DType dt) { GL_CHECK(dt != DType::Bool, "\"pow\" not implemented for 'Bool'"); }

// maximum/minimum on a tie of +0. and -0.: PyTorch's scalar loop keeps a, its AVX2 loop takes b.
// Redoes the ties its vectorised loop computes (kernels/vector_rows.h), so the sign of zero
// follows PyTorch's kernel, broadcast operands too (live runs s98007-216, s99001-830).
void ties_as_vectorised_kernel(const Tensor& out, const Tensor& a, const Tensor& b) {
  if (!is_floating(out.dtype()) || out.numel() == 0) return;
  const Tensor ca = kernels::cast_nograd(a, out.dtype()), cb = kernels::cast_nograd(b, out.dtype());
  const Shape& shape = out.shape();
  const std::vector<uint8_t> vectorised = kernels::vectorised_elements(shape, {&ca, &cb}, itemsize(out.dtype()));
  if (!kernels::any_vectorised(vectorised)) return;
  const Shape sa = kernels::broadcast_strides(ca, shape), sb = kernels::broadcast_strides(cb, shape);
  GL_DISPATCH_FLOAT(out.dtype(), T, {
    T* po = out.data_ptr<T>();
    const T* pa = ca.data_ptr<T>();
    const T* pb = cb.data_ptr<T>();
    size_t i = 0;
    kernels::for_each_offset<3>(shape, {out.strides().data(), sa.data(), sb.data()},
                                [&](const std::array<int64_t, 3>& o) {
                                  if (vectorised[i++] && pa[o[1]] == pb[o[2]]) po[o[0]] = pb[o[2]];
                                });
  });
}

// The gradient of maximum (is_max) or minimum for the first operand: the whole gradient, half on
// ties, none where the other operand wins. A NaN on either side compares unequal, so both get it.
// PyTorch's formula, where(self == other, grad / 2, grad).masked_fill_(other wins, 0), so under
// create_graph it ends in MaskedFillBackward0 (live run s121013-454).
Tensor extremum_grad(const Tensor& grad, const Tensor& self, const Tensor& other, bool is_max) {
  const Tensor shared = where(eq(self, other), mul(grad, 0.5), grad);
  return masked_fill(shared, is_max ? lt(self, other) : gt(self, other), 0.0);
}

}  // namespace

// A gradient times or divided by a number inside a derivative formula: PyTorch's mul/div(Tensor,
// Scalar), whose nodes are MulBackward1/DivBackward1 and whose gradients are the same op again (a
// number from the user is a wrapped tensor, MulBackward0; live run s122032-250).
static Tensor by_scalar(const Tensor& a, double s, bool divide) {
  Tensor out;
  {
    NoGradGuard no_grad;
    out = divide ? div(a, s) : mul(a, s);
  }
  record(divide ? "DivBackward1" : "MulBackward1", {out}, {a}, {}, [s, divide](const BackwardContext& c) {
    return variable_list{by_scalar(c.grad(), s, divide)};
  });
  return out;
}

Tensor mul_by_scalar(const Tensor& a, double s) { return by_scalar(a, s, false); }
Tensor div_by_scalar(const Tensor& a, double s) { return by_scalar(a, s, true); }

Tensor add(const Tensor& a, const Tensor& b, double alpha) {
  const DType dt = result_type(a, b);
  check_alpha(a, b, dt, alpha);
  // Bool + bool is logical or (a nonzero alpha keeps b's truth), as in PyTorch.
  Tensor out = dt == DType::Bool ? arith(a, b, dt, [alpha](auto x, auto y) { return x || (alpha != 0.0 && y); })
               : alpha == 1.0    ? arith(a, b, dt, [](auto x, auto y) { return x + y; })
                                 : add_scaled(a, b, dt, alpha);
  // d(a + alpha*b) = grad, alpha*grad (PyTorch's maybe_multiply: the grad itself when alpha is 1)
  record("AddBackward0", {out}, {a, b}, {}, [alpha](const BackwardContext& c) {
    return variable_list{c.grad(), c.needs(1) ? (alpha == 1.0 ? c.grad() : mul_by_scalar(c.grad(), alpha)) : Tensor()};
  });
  return out;
}

Tensor sub(const Tensor& a, const Tensor& b, double alpha) {
  check_no_bool_sub(a, b);
  const DType dt = result_type(a, b);
  check_alpha(a, b, dt, alpha);
  Tensor out = add_scaled(a, b, dt, -alpha);
  // d(a - alpha*b) = grad, (-grad)*alpha: PyTorch's maybe_multiply(-grad, alpha), NegBackward0
  // alone when alpha is 1
  record("SubBackward0", {out}, {a, b}, {}, [alpha](const BackwardContext& c) {
    if (!c.needs(1)) return variable_list{c.grad(), Tensor()};
    return variable_list{c.grad(), alpha == 1.0 ? neg(c.grad()) : mul_by_scalar(neg(c.grad()), alpha)};
  });
  return out;
}

Tensor mul(const Tensor& a, const Tensor& b) {
  const DType dt = result_type(a, b);
  Tensor out = dt == DType::Bool ? arith(a, b, dt, [](auto x, auto y) { return x && y; })
                                 : arith(a, b, dt, [](auto x, auto y) { return x * y; });
  // d(a*b) = grad*b, grad*a. As PyTorch, each factor is saved only for the other's
  // gradient: a that only b's gradient reads is not saved when b needs none, so
  // changing a in place is then no error (live run s96001-877).
  const bool a_needs = a.requires_grad(), b_needs = b.requires_grad();
  record("MulBackward0", {out}, {a, b}, {b_needs ? a : Tensor(), a_needs ? b : Tensor()},
         [](const BackwardContext& c) {
    return variable_list{c.needs(0) ? mul(c.grad(), c.saved[1]) : Tensor(),
                         c.needs(1) ? mul(c.grad(), c.saved[0]) : Tensor()};
  });
  return out;
}

Tensor div(const Tensor& a, const Tensor& b) {
  DType dt = result_type(a, b);
  if (!is_floating(dt)) dt = DType::Float32;  // true division, as torch.div
  Tensor out = arith(a, b, dt, [](auto x, auto y) { return x / y; });
  // d(a/b) = grad/b, -grad * ((a/b)/b): PyTorch's order of operations, so the same rounding
  // and, under create_graph, the same last node (MulBackward0; live run s97007-360)
  record("DivBackward0", {out}, {a, b}, {a, b}, [](const BackwardContext& c) {
    const Tensor& a = c.saved[0];
    const Tensor& b = c.saved[1];
    return variable_list{c.needs(0) ? div(c.grad(), b) : Tensor(),
                         c.needs(1) ? mul(neg(c.grad()), div(div(a, b), b)) : Tensor()};
  });
  return out;
}

Tensor add(const Tensor& a, double b) { return add(a, wrap(b)); }
Tensor sub(const Tensor& a, double b) { return sub(a, wrap(b)); }
Tensor mul(const Tensor& a, double b) { return mul(a, wrap(b)); }
Tensor div(const Tensor& a, double b) { return div(a, wrap(b)); }

Tensor rsub(const Tensor& a, double b) {
  const Tensor wb = wrap(b);
  check_no_bool_sub(wb, a);
  const DType dt = result_type(a, wb);
  Tensor out = add_scaled(wb, a, dt, -1.0);
  // d(b - a) = -grad
  record("RsubBackward1", {out}, {a}, {}, [](const BackwardContext& c) { return variable_list{neg(c.grad())}; });
  return out;
}

Tensor pow(const Tensor& a, double e) {
  const Tensor we = wrap(e);
  const DType dt = result_type(a, we);
  check_pow_dtype(dt);
  GL_CHECK(is_floating(dt) || e >= 0, "Integers to negative integer powers are not allowed.");
  Tensor out = arith(a, we, dt, [](auto x, auto y) { return pow_by_number(x, y); });
  // d(a^e) = grad * e * a^(e-1); zero when e == 0
  record("PowBackward0", {out}, {a}, {a}, [e](const BackwardContext& c) {
    if (e == 0.0) return variable_list{zeros_like(c.grad())};
    return variable_list{mul(c.grad(), mul(pow(c.saved[0], e - 1.0), e))};
  });
  return out;
}

Tensor pow(const Tensor& a, const Tensor& b) {
  broadcast_shapes(a.shape(), b.shape());  // PyTorch's TensorIterator checks shapes before the kernel's dtype
  const DType dt = result_type(a, b);
  check_pow_dtype(dt);
  Tensor out = arith(a, b, dt, [](auto x, auto y) { return pow_of(x, y); });
  // d(a^b) = grad*b*a^(b-1) (0 where b == 0), grad*a^b*log(a) (0 where a == 0 and b >= 0), as PyTorch masks them
  // PyTorch's pow_backward_self / pow_backward_exponent: where(b == 0, 0, grad * b * a^(b-1))
  // (WhereBackward0 under create_graph) and grad * result * log(a) with the result saved, so
  // an in-place change of the result is noticed even when only a needs a gradient.
  record("PowBackward1", {out}, {a, b}, {a, b}, [](const BackwardContext& c) {
    const Tensor& a = c.saved[0];
    const Tensor& b = c.saved[1];
    const Tensor& result = c.saved[2];
    Tensor ga, gb;
    if (c.needs(0))
      ga = where(eq(b, wrap(0.0)), zeros({}, c.grad().dtype()), mul(c.grad(), mul(b, pow(a, sub(b, 1.0)))));
    if (c.needs(1)) {
      const Tensor zero_base = mul(eq(a, wrap(0.0)), ge(b, wrap(0.0)));  // bool and
      const Tensor safe = where(zero_base, ones_like(a), a);
      gb = mul(c.grad(), mul(result, log(safe)));
    }
    return variable_list{ga, gb};
  }, {out});
  return out;
}

Tensor pow(double base, const Tensor& exponent) {
  // PyTorch's pow(Scalar self, Tensor exponent): the number promotes as a wrapped number
  // (torch.pow(2, arange(3)) stays int64).
  const Tensor wb = wrap(base);
  const DType dt = result_type(wb, exponent);
  Tensor out = arith(wb, exponent, dt, [](auto x, auto y) { return std::pow(x, y); });
  // d(base^e)/de = base^e log(base); where base is 0 and e >= 0 PyTorch's pow_backward_exponent
  // takes 0 (log(0) = -inf would give NaN or -inf there). It saves the exponent and the result.
  record("PowBackward2", {out}, {exponent}, {exponent}, [base](const BackwardContext& c) {
    const Tensor& e = c.saved[0];
    const Tensor& result = c.saved[1];
    const Tensor d = mul(result, std::log(base));
    return variable_list{mul(c.grad(), base != 0 ? d : where(ge(e, zeros_like(e)), zeros_like(d), d))};
  }, {out});
  return out;
}

Tensor rpow(const Tensor& exponent, double base) { return pow(base, exponent); }

Tensor maximum(const Tensor& a, const Tensor& b) {
  const DType dt = result_type(a, b);
  // A tie keeps a, so maximum(-0., 0.) is -0. as in PyTorch; NaN on either side wins.
  Tensor out = arith(a, b, dt, [](auto x, auto y) { return (x != x || x >= y) ? x : y; });
  ties_as_vectorised_kernel(out, a, b);
  record("MaximumBackward0", {out}, {a, b}, {a, b}, [](const BackwardContext& c) {
    const Tensor& a = c.saved[0];
    const Tensor& b = c.saved[1];
    return variable_list{c.needs(0) ? extremum_grad(c.grad(), a, b, true) : Tensor(),
                         c.needs(1) ? extremum_grad(c.grad(), b, a, true) : Tensor()};
  });
  return out;
}

Tensor minimum(const Tensor& a, const Tensor& b) {
  const DType dt = result_type(a, b);
  // A tie keeps a, so minimum(-0., 0.) is -0. as in PyTorch; NaN on either side wins.
  Tensor out = arith(a, b, dt, [](auto x, auto y) { return (x != x || x <= y) ? x : y; });
  ties_as_vectorised_kernel(out, a, b);
  record("MinimumBackward0", {out}, {a, b}, {a, b}, [](const BackwardContext& c) {
    const Tensor& a = c.saved[0];
    const Tensor& b = c.saved[1];
    return variable_list{c.needs(0) ? extremum_grad(c.grad(), a, b, false) : Tensor(),
                         c.needs(1) ? extremum_grad(c.grad(), b, a, false) : Tensor()};
  });
  return out;
}

}  // namespace gradlab
