// Arithmetic reductions beyond sum/mean: prod, var, std, norm, logsumexp.
// Each forward reduces the rows of plan_reduce's layout; each backward is
// written with differentiable ops: prod's by PyTorch 1.13's cases (a division
// without zeros, exclusive cumprods with them), std's and norm's guarding the
// points where a naive formula divides by zero (a zero std or norm).
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "gradlab/autograd/record.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/cumprod.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/indexing.h"
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

// How many elements of t are 0 (PyTorch's (input == 0).nonzero().size(0)).
int64_t count_zeros(const Tensor& t) {
  Tensor v = Tensor::empty(t.shape(), DType::Float64);
  kernels::copy_into(v, t);
  const double* p = v.data_ptr<double>();
  int64_t n = 0;
  for (int64_t i = 0; i < v.numel(); ++i) n += p[i] == 0;
  return n;
}

// t reversed along dim by index_select, as 1.13's reverse_dim (IndexSelectBackward0 on its graph).
Tensor reverse_dim(const Tensor& t, int64_t dim) {
  const int64_t n = t.shape()[dim];
  return index_select(t, dim, arange(static_cast<double>(n - 1), -1.0, -1.0, DType::Int64));
}

// PyTorch 1.13's prod_safe_zeros_backward: grad times the product of the elements before
// and after each one along dim, by exclusive cumprods from both ends:
//   input            [a,     b,     c]
//   exclusive ->     [1,     a,     a*b]
//   exclusive <-     [b*c,   c,     1]
// exact when the input holds zeros (no division), and differentiable.
Tensor prod_safe_zeros_backward(const Tensor& grad, const Tensor& inp, int64_t dim) {
  if (inp.numel() == 0) return expand(grad, inp.shape());
  const int64_t n = inp.shape()[dim];
  if (n == 1) return grad;
  Shape ones_size = inp.shape();
  ones_size[dim] = 1;
  const Tensor first = ones(ones_size, grad.dtype());
  const Tensor exclusive_normal = cumprod(cat({first, narrow(inp, dim, 0, n - 1)}, dim), dim);
  const Tensor narrow_reverse = reverse_dim(narrow(inp, dim, 1, n - 1), dim);
  const Tensor exclusive_reverse = reverse_dim(cumprod(cat({first, narrow_reverse}, dim), dim), dim);
  return mul(grad, mul(exclusive_normal, exclusive_reverse));
}

// 1.13's prod_backward for prod() over every element: grad * result / input without zeros;
// zeros for two or more zeros (in 1.13 whatever the grad mode: no graph under create_graph);
// for one zero, the exclusive products of the flattened input, viewed back.
Tensor prod_all_backward(const Tensor& grad, const Tensor& input, const Tensor& result) {
  if (input.dim() == 0) return grad;  // passes the grad itself (s101000-711)
  const int64_t zeros_in_input = count_zeros(input);
  if (zeros_in_input == 0) return mul(grad, div(result, input));
  if (zeros_in_input > 1) return zeros_like(input);
  return view(prod_safe_zeros_backward(grad, view(contiguous(input), {-1}), 0), input.shape());
}

// 1.13's prod_backward for prod(dim): grad * result / input when the input holds no zero at
// all, else prod_safe_zeros_backward for every slice (also those without a zero).
Tensor prod_dim_backward(Tensor grad, const Tensor& input, Tensor result, int64_t dim, bool keepdim) {
  if (input.dim() == 0) return grad;
  if (!keepdim) {
    grad = unsqueeze(grad, dim);
    result = unsqueeze(result, dim);
  }
  if (count_zeros(input) == 0) return mul(grad, div(result, input));
  return prod_safe_zeros_backward(grad, input, dim);
}

Tensor prod_impl(const Tensor& a, std::optional<int64_t> dim, bool keepdim, const char* node) {
  const Dims dims = dim ? Dims{*dim} : Dims{};
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
  // d prod(a) = grad * (product of the other elements), by 1.13's cases
  record(node, {out}, {a}, {a}, [dim, keepdim](const BackwardContext& c) {
    if (!dim) return variable_list{prod_all_backward(c.grad(), c.saved[0], c.saved[1])};
    return variable_list{prod_dim_backward(c.grad(), c.saved[0], c.saved[1], *dim, keepdim)};
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

Tensor prod(const Tensor& a) { return prod_impl(a, std::nullopt, false, "ProdBackward0"); }

Tensor prod(const Tensor& a, int64_t dim, bool keepdim) {
  return prod_impl(a, wrap_dim(dim, a.dim()), keepdim, "ProdBackward1");
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
    // grad * (2 / 0) alone, PyTorch's mul by a number (MulBackward1).
    if (no_dof) return variable_list{mul_by_scalar(g, std::numeric_limits<double>::infinity())};
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
  const bool no_dof = denom == 0 && (a.dim() == 0 || dims.empty());
  record("StdBackward0", {out}, {a}, {a}, [red, keep, denom, no_dof](const BackwardContext& c) {
    const Tensor s = reshape(c.saved[1], keep);
    const Tensor zero_std = eq(s, num(0.0));
    const Tensor g = reshape(c.grad(), keep);
    const Tensor g_var = where(zero_std, zeros_like(g), div(g, mul(one_where(zero_std, s), 2.0)));
    // No degree of freedom left: var's gradient is grad * (2 / 0) alone, as PyTorch's (MulBackward1;
    // live run s126017-473).
    if (no_dof) return variable_list{mul_by_scalar(g_var, std::numeric_limits<double>::infinity())};
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
                      } else {
                        // Sums accumulate in the tensor's dtype, as PyTorch's: a float32 sum of
                        // squares overflows to inf where a double one would not (live run s130012-761).
                        T sum = 0;
                        if (p == 1.0) {
                          for (int64_t i = 0; i < n; ++i) sum += std::fabs(row[i]);
                          acc = sum;
                        } else if (p == 2.0) {
                          for (int64_t i = 0; i < n; ++i) sum += row[i] * row[i];
                          acc = std::sqrt(static_cast<double>(sum));
                        } else {
                          for (int64_t i = 0; i < n; ++i) sum += static_cast<T>(std::pow(std::fabs(row[i]), static_cast<T>(p)));
                          acc = std::pow(static_cast<double>(sum), 1.0 / p);
                        }
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
