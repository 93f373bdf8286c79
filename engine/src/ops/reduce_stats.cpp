// Arithmetic reductions beyond sum/mean: prod, var, std, norm, logsumexp.
// Each forward reduces the rows of plan_reduce's layout; each backward is
// written with differentiable ops, guarding the points where a naive formula
// divides by zero (a zero factor of prod, a zero std or norm).
#include <algorithm>
#include <cmath>
#include <limits>

#include "gradlab/autograd/record.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/movement.h"
#include "gradlab/ops/reduce.h"
#include "kernels/elementwise.h"
#include "kernels/reduce.h"

namespace gradlab {

namespace {

// out[o] = f(row o, row length) over every row of the plan, in dtype T.
template <typename T, typename F>
Tensor reduce_rows(const kernels::ReducePlan& p, DType out_dtype, F f) {
  Tensor out = Tensor::empty(p.out_shape, out_dtype);
  const T* src = p.rows.template data_ptr<T>();
  T* dst = out.template data_ptr<T>();
  for (int64_t o = 0; o < p.outer; ++o) dst[o] = f(src + o * p.inner, p.inner);
  return out;
}

Tensor num(double v) { return scalar_tensor(v, DType::Float64, true); }

// Where cond holds, 1 instead of t: a denominator that is safe to divide by even
// where the quotient is masked out (so a double backward sees no 0 * inf).
Tensor one_where(const Tensor& cond, const Tensor& t) { return where(cond, num(1.0), t); }

// Gradient of prod over `red` given grad and result (both with kept dims).
// PyTorch's rule: grad * prod / x without zeros; the product of the others at a
// lone zero; nothing where a slice holds two or more zeros.
Tensor prod_backward(const Tensor& g, const Tensor& a, const Tensor& result, const Dims& red) {
  const Tensor is_zero = eq(a, num(0.0));
  const Tensor lone_zero = eq(sum(is_zero, red, true), num(1.0));
  const Tensor safe = one_where(is_zero, a);
  const Tensor others_at_zero = red.size() == 1 ? prod(safe, red[0], true) : prod(safe);
  const Tensor at_zero = where(lone_zero, others_at_zero, zeros_like(others_at_zero));
  return mul(g, where(is_zero, at_zero, div(result, safe)));
}

Tensor prod_impl(const Tensor& a, const Dims& dims, bool keepdim, const char* node) {
  auto plan = kernels::plan_reduce(a, dims, keepdim);
  // Integers and bools multiply as int64, as torch.prod.
  const DType out_dtype = is_floating(a.dtype()) ? a.dtype() : DType::Int64;
  plan.rows = kernels::cast_nograd(plan.rows, out_dtype);
  Tensor out;
  GL_DISPATCH_ALL(out_dtype, T, out = (reduce_rows<T>(plan, out_dtype, [](const T* row, int64_t n) {
                    T acc = 1;
                    for (int64_t i = 0; i < n; ++i) acc *= row[i];
                    return acc;
                  })));
  const Dims red = kernels::reduced_dims(dims, a.dim());
  const Shape keep = plan.keep_shape;
  // d prod(a) = grad * (product of the other elements)
  record(node, {out}, {a}, {a}, [red, keep](const BackwardContext& c) {
    // PyTorch's prod_backward returns the grad itself for a 0-d input (it needs no grad of its
    // own under create_graph: live run s101000-711).
    if (c.saved[0].dim() == 0) return variable_list{c.grad()};
    return variable_list{prod_backward(reshape(c.grad(), keep), c.saved[0], reshape(c.saved[1], keep), red)};
  }, {out});
  return out;
}

// var or std of each row, in float T, with Bessel's correction when unbiased.
Tensor moments(const kernels::ReducePlan& plan, DType dtype, bool unbiased, bool take_sqrt) {
  const double ddof = unbiased ? 1.0 : 0.0;
  Tensor out;
  GL_DISPATCH_FLOAT(dtype, T, out = (reduce_rows<T>(plan, dtype, [=](const T* row, int64_t n) {
                      // Two passes (mean, then squared deviations) keep precision for large offsets.
                      double mean = 0;
                      for (int64_t i = 0; i < n; ++i) mean += row[i];
                      mean /= static_cast<double>(n);
                      double ss = 0;
                      for (int64_t i = 0; i < n; ++i) ss += (row[i] - mean) * (row[i] - mean);
                      const double v = ss / std::max(0.0, static_cast<double>(n) - ddof);
                      return static_cast<T>(take_sqrt ? std::sqrt(v) : v);
                    })));
  return out;
}

kernels::ReducePlan plan_moments(const Tensor& a, const Dims& dims, bool keepdim) {
  GL_CHECK(is_floating(a.dtype()), "std and var only support floating point and complex dtypes");
  return kernels::plan_reduce(a, dims, keepdim);
}

// var's gradient, denom = n - ddof (std's backward reuses it).
Tensor var_backward(const Tensor& g, const Tensor& a, const Dims& red, double denom) {
  return mul(g, mul(sub(a, mean(a, red, true)), 2.0 / denom));
}

// |x|^e with |x| read as 1 where x == 0: negative powers stay finite there (the caller masks them).
Tensor abs_pow_safe(const Tensor& x, double e) { return pow(one_where(eq(x, num(0.0)), abs(x)), e); }

// d norm_p(a): PyTorch's case analysis (FunctionsManual norm_backward), zero where the norm is 0.
Tensor norm_backward(const Tensor& g, const Tensor& a, const Tensor& norm, double p, const Dims& red) {
  const Tensor zero_norm = eq(norm, num(0.0));
  const Tensor zero = zeros_like(g);
  if (p == 0.0) return zeros_like(a);
  if (p == 1.0) return mul(g, sign(a));
  // grad * (a / norm).masked_fill_(norm == 0, 0), as PyTorch: MulBackward0 on top, NaN from an infinite grad.
  if (p == 2.0) return mul(g, where(zero_norm, zero, div(a, one_where(zero_norm, norm))));
  if (std::isinf(p)) {
    const Tensor mask = to(eq(abs(a), norm), a.dtype());
    return mul(sign(a), mul(div(g, sum(mask, red, true)), mask));
  }
  const Tensor safe_norm = one_where(zero_norm, norm);
  if (p < 1.0) {
    const Tensor scaled = where(eq(a, num(0.0)), zeros_like(a), mul(sign(a), abs_pow_safe(a, p - 1.0)));
    return mul(scaled, mul(g, pow(safe_norm, 1.0 - p)));
  }
  const Tensor scaled = p < 2.0 ? mul(sign(a), pow(abs(a), p - 1.0)) : mul(a, pow(abs(a), p - 2.0));
  return mul(scaled, where(zero_norm, zero, div(g, pow(safe_norm, p - 1.0))));
}

}  // namespace

Tensor prod(const Tensor& a) { return prod_impl(a, {}, false, "ProdBackward0"); }

Tensor prod(const Tensor& a, int64_t dim, bool keepdim) {
  return prod_impl(a, {wrap_dim(dim, a.dim())}, keepdim, "ProdBackward1");
}

Tensor var(const Tensor& a, const Dims& dims, bool unbiased, bool keepdim) {
  const auto plan = plan_moments(a, dims, keepdim);
  Tensor out = moments(plan, a.dtype(), unbiased, false);
  const Dims red = kernels::reduced_dims(dims, a.dim());
  const Shape keep = plan.keep_shape;
  const double denom = static_cast<double>(plan.inner) - (unbiased ? 1.0 : 0.0);
  // PyTorch's var_backward over a 0-d tensor or all dims with no degree of freedom
  // left: grad * 2 / 0 = grad * inf (not the NaN of 0 * inf from the formula below).
  const bool no_dof = denom == 0 && (a.dim() == 0 || dims.empty());
  // d var(a) = grad * 2 (a - mean(a)) / (n - ddof)
  record("VarBackward0", {out}, {a}, {a}, [red, keep, denom, no_dof](const BackwardContext& c) {
    const Tensor g = reshape(c.grad(), keep);
    if (no_dof) return variable_list{mul(g, std::numeric_limits<double>::infinity())};
    return variable_list{var_backward(g, c.saved[0], red, denom)};
  });
  return out;
}

Tensor std(const Tensor& a, const Dims& dims, bool unbiased, bool keepdim) {
  const auto plan = plan_moments(a, dims, keepdim);
  Tensor out = moments(plan, a.dtype(), unbiased, true);
  const Dims red = kernels::reduced_dims(dims, a.dim());
  const Shape keep = plan.keep_shape;
  const double denom = static_cast<double>(plan.inner) - (unbiased ? 1.0 : 0.0);
  // d std(a) = d var(a) * grad / (2 std), zero where std == 0
  record("StdBackward0", {out}, {a}, {a}, [red, keep, denom](const BackwardContext& c) {
    const Tensor s = reshape(c.saved[1], keep);
    const Tensor zero_std = eq(s, num(0.0));
    const Tensor g = reshape(c.grad(), keep);
    const Tensor g_var = where(zero_std, zeros_like(g), div(g, mul(one_where(zero_std, s), 2.0)));
    return variable_list{var_backward(g_var, c.saved[0], red, denom)};
  }, {out});
  return out;
}

Tensor norm(const Tensor& a, double p, const Dims& dims, bool keepdim) {
  GL_CHECK(is_floating(a.dtype()), "norm(): input dtype should be either floating point or complex. Got ",
           a.dtype() == DType::Int64 ? "Long" : "Bool", " instead.");
  check_dims_in_range(dims, a.dim());
  const auto plan = kernels::plan_reduce(a, dims, keepdim);
  Tensor out;
  GL_DISPATCH_FLOAT(a.dtype(), T, out = (reduce_rows<T>(plan, a.dtype(), [p](const T* row, int64_t n) {
                      if (n == 0) return T(0);
                      double acc = 0;
                      if (p == 0.0) {
                        for (int64_t i = 0; i < n; ++i) acc += row[i] != 0;
                      } else if (std::isinf(p)) {
                        acc = std::fabs(static_cast<double>(row[0]));
                        for (int64_t i = 1; i < n; ++i) {
                          const double v = std::fabs(static_cast<double>(row[i]));
                          if (std::isnan(v) || (p > 0 ? v > acc : v < acc)) acc = v;
                          if (std::isnan(v)) break;
                        }
                      } else if (p == 1.0) {
                        for (int64_t i = 0; i < n; ++i) acc += std::fabs(static_cast<double>(row[i]));
                      } else if (p == 2.0) {
                        for (int64_t i = 0; i < n; ++i) acc += static_cast<double>(row[i]) * row[i];
                        acc = std::sqrt(acc);
                      } else {
                        for (int64_t i = 0; i < n; ++i) acc += std::pow(std::fabs(static_cast<double>(row[i])), p);
                        acc = std::pow(acc, 1.0 / p);
                      }
                      return static_cast<T>(acc);
                    })));
  const Dims red = kernels::reduced_dims(dims, a.dim());
  const Shape keep = plan.keep_shape;
  // d norm_p(a) = grad * sign(a) |a|^(p-1) / norm^(p-1), by cases in norm_backward
  record("NormBackward1", {out}, {a}, {a}, [red, keep, p](const BackwardContext& c) {
    return variable_list{norm_backward(reshape(c.grad(), keep), c.saved[0], reshape(c.saved[1], keep), p, red)};
  }, {out});
  return out;
}

Tensor logsumexp(const Tensor& a, const Dims& dims, bool keepdim) {
  const DType dt = is_floating(a.dtype()) ? a.dtype() : DType::Float32;
  check_dims_in_range(dims, a.dim());
  const auto plan = kernels::plan_reduce(kernels::cast_nograd(a, dt), dims, keepdim);
  Tensor out;
  GL_DISPATCH_FLOAT(dt, T, out = (reduce_rows<T>(plan, dt, [](const T* row, int64_t n) {
                      // Shift by the max so exp never overflows; an infinite max shifts by 0 instead.
                      T m = -std::numeric_limits<T>::infinity();
                      for (int64_t i = 0; i < n; ++i) m = row[i] > m ? row[i] : m;
                      if (std::isinf(m)) m = 0;
                      T s = 0;
                      for (int64_t i = 0; i < n; ++i) s += std::exp(row[i] - m);
                      return std::log(s) + m;
                    })));
  const Shape keep = plan.keep_shape;
  // d logsumexp(a) = grad * exp(a - logsumexp(a)), i.e. grad * softmax(a)
  record("LogsumexpBackward0", {out}, {a}, {a}, [keep](const BackwardContext& c) {
    return variable_list{mul(reshape(c.grad(), keep), exp(sub(c.saved[0], reshape(c.saved[1], keep))))};
  }, {out});
  return out;
}

}  // namespace gradlab
