// cumprod: a scan along one dim, and PyTorch 1.13's gradient of it with every
// case that formula has (zeros in the input; grad mode on or off in backward),
// since the cases round -0, inf and NaN differently.
#include "gradlab/ops/cumprod.h"

#include <vector>

#include "gradlab/autograd/grad_mode.h"
#include "gradlab/autograd/record.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/cumsum.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/flip.h"
#include "gradlab/ops/indexing.h"
#include "gradlab/ops/inplace.h"
#include "gradlab/ops/movement.h"
#include "gradlab/ops/reduce.h"
#include "kernels/elementwise.h"
#include "kernels/loops.h"

namespace gradlab {

namespace {

// A contiguous copy of t in dtype (no graph).
Tensor dense(const Tensor& t, DType dtype) {
  Tensor out = Tensor::empty(t.shape(), dtype);
  kernels::copy_into(out, t);
  return out;
}

// Whether any element of t is 0 (PyTorch's (input == 0).any()).
bool has_zero(const Tensor& t) {
  const Tensor v = dense(t, DType::Float64);
  const double* p = v.data_ptr<double>();
  for (int64_t i = 0; i < v.numel(); ++i)
    if (p[i] == 0) return true;
  return false;
}

// The layout of a scan along dim d: `outer` slices of `n` elements `inner` apart.
struct ScanLayout {
  int64_t outer = 1, n = 1, inner = 1;
  ScanLayout(const Shape& shape, int64_t d) {
    n = shape.empty() ? 1 : shape[d];
    for (int64_t k = 0; k < d; ++k) outer *= shape[k];
    for (int64_t k = d + 1; k < static_cast<int64_t>(shape.size()); ++k) inner *= shape[k];
  }
  template <typename F>
  void each_slice(F f) const {
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t i = 0; i < inner; ++i) f(o * n * inner + i, inner);  // first element, step
  }
};

// The O(n) gradient PyTorch computes without grad mode once the input holds a zero
// (it has no derivative of its own). Per slice, with z1 the first zero:
//   k < z1:  reversed cumsum of output * grad over [k, z1), divided by input[k]
//   k = z1:  output[z1 - 1] * sum_{z1 <= j < z2} grad[j] * prod(input(z1, j])
//   k > z1:  0
// Each step rounds in T as PyTorch's tensor ops do (the scans accumulate in double),
// so a -0 or a 0 * inf lands where PyTorch's does.
template <typename T>
void cumprod_grad_with_zeros(const T* g, const T* x, const T* y, T* gi, const ScanLayout& L) {
  std::vector<int64_t> zeros_before(L.n);
  L.each_slice([&](int64_t base, int64_t step) {
    auto at = [&](int64_t k) { return base + k * step; };
    int64_t count = 0, z1 = -1;
    for (int64_t k = 0; k < L.n; ++k) {
      if (x[at(k)] == T(0)) {
        ++count;
        if (z1 < 0) z1 = k;
      }
      zeros_before[k] = count;  // is_zero.cumsum(dim)
    }
    // k < z1: reversed_cumsum(w.masked_fill(cumsum != 0, 0)) / input, a scan from the end.
    double acc = 0;
    for (int64_t k = L.n - 1; k >= 0; --k) {
      const T w = zeros_before[k] == 0 ? static_cast<T>(y[at(k)] * g[at(k)]) : T(0);
      acc += w;
      gi[at(k)] = zeros_before[k] == 0 ? static_cast<T>(static_cast<T>(acc) / x[at(k)]) : T(0);
    }
    if (z1 < 0) return;
    // k = z1: cumprod of input on (z1, z2) (1 elsewhere) times grad on [z1, z2) (0 elsewhere), summed.
    double running = 1;
    T total = 0;
    for (int64_t k = 0; k < L.n; ++k) {
      const bool between = zeros_before[k] == 1 && k != z1;
      running *= between ? static_cast<double>(x[at(k)]) : 1.0;
      const T gk = zeros_before[k] == 1 ? g[at(k)] : T(0);
      total += static_cast<T>(static_cast<T>(running) * gk);
    }
    const T before = z1 == 0 ? T(1) : y[at(z1 - 1)];
    gi[at(z1)] = static_cast<T>(total * before);
  });
}

// The O(n^2) gradient PyTorch uses under grad mode (a double backward), built from
// differentiable ops: for each k, sum_j grad[j] * prod(input[0..j] without k), written
// into zeros with select(dim, k).copy_ (CopySlices, as PyTorch's graph has it).
Tensor cumprod_grad_differentiable(const Tensor& grad, const Tensor& input, int64_t d) {
  const int64_t n = input.shape()[d];
  Tensor grad_input = zeros(input.shape(), grad.dtype());
  Shape ones_size = input.shape();
  ones_size[d] = 1;
  const Tensor ones_slice = expand(ones({1}, grad.dtype()), ones_size);
  for (int64_t k = 0; k < n; ++k) {
    Tensor omitted;
    if (k == 0) {
      omitted = cat({ones_slice, cumprod(slice(input, d, 1, n), d)}, d);
    } else if (k == n - 1) {
      omitted = prod(slice(input, d, 0, k), d, true);
    } else {
      const Tensor until_k = prod(slice(input, d, 0, k), d, true);
      const Tensor from_k_plus_1 = cumprod(slice(input, d, k + 1, n), d);
      omitted = cat({until_k, mul(expand(until_k, from_k_plus_1.shape()), from_k_plus_1)}, d);
    }
    copy_(select(grad_input, d, k), sum(mul(slice(grad, d, k, n), omitted), {d}, false));
  }
  return grad_input;
}

}  // namespace

Tensor cumprod_backward(const Tensor& grad_in, const Tensor& input, int64_t dim, const Tensor& output) {
  if (input.numel() <= 1) return grad_in;
  const int64_t d = wrap_dim(dim, input.dim());
  const int64_t n = input.shape()[d];
  if (n == 1) return grad_in;
  // derivatives.yaml: cumprod_backward(grad.to(self.scalar_type()), ...).
  const Tensor grad = to(grad_in, input.dtype());
  const Tensor w = mul(output, grad);
  if (!has_zero(input)) {
    // d y_j / d x_k = y_j / x_k: the reversed cumsum of output * grad, over input.
    return div(flip(cumsum(flip(w, {d}), d), {d}), input);
  }
  if (GradMode::is_enabled()) return cumprod_grad_differentiable(grad, input, d);
  const DType t = w.dtype();
  Tensor gi = Tensor::empty(input.shape(), t);
  const Tensor g = dense(grad, t), x = dense(input, t), y = dense(output, t);
  GL_DISPATCH_FLOAT(t, T, cumprod_grad_with_zeros<T>(g.data_ptr<T>(), x.data_ptr<T>(), y.data_ptr<T>(),
                                                      gi.data_ptr<T>(), ScanLayout(input.shape(), d)));
  return gi;
}

Tensor cumprod(const Tensor& input, int64_t dim, std::optional<DType> dtype) {
  const int64_t d = wrap_dim(dim, input.dim());
  const DType out_dtype = dtype ? *dtype : is_floating(input.dtype()) ? input.dtype() : DType::Int64;
  GL_CHECK(out_dtype != DType::Bool, "\"cumprod_out_cpu\" not implemented for 'Bool'");
  // PyTorch 1.13 asserts here (its autograd has no node for an integer result of a float input).
  GL_CHECK(is_floating(out_dtype) || !graph_enabled_for({input}),
           "isDifferentiableType(variable.scalar_type()) INTERNAL ASSERT FAILED at "
           "\"./torch/csrc/autograd/functions/utils.h\":75, please report a bug to PyTorch. ");
  // A contiguous copy in the result's dtype, multiplied in place along d.
  Tensor out = dense(input, out_dtype);
  const ScanLayout layout(input.shape(), d);
  // acc: a value of the accumulation type (double for floats, as PyTorch's CPU kernel).
  auto scan = [&](auto* p, auto acc) {
    layout.each_slice([&](int64_t base, int64_t step) {
      decltype(acc) running = 1;
      for (int64_t k = 0; k < layout.n; ++k) {
        auto& v = p[base + k * step];
        running *= v;
        v = static_cast<std::remove_reference_t<decltype(v)>>(running);
      }
    });
  };
  switch (out_dtype) {
    case DType::Float32: scan(out.data_ptr<float>(), double(1)); break;
    case DType::Float64: scan(out.data_ptr<double>(), double(1)); break;
    default: scan(out.data_ptr<int64_t>(), int64_t(1)); break;
  }
  if (!is_floating(out_dtype)) {
    propagate_flags({out}, {input});
    return out;
  }
  // d cumprod(x) = cumprod_backward: sums of grad times the products that omit each x_k
  record("CumprodBackward0", {out}, {input}, {input}, [d](const BackwardContext& c) {
    return variable_list{cumprod_backward(c.grad(), c.saved[0], d, c.saved[1])};
  }, {out});
  return out;
}

}  // namespace gradlab
