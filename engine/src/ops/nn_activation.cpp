// torch.nn.functional activations over a dim (softmax, log_softmax: max-shifted
// kernels with their own nodes) and linear (a composite whose gradient comes
// from the primitives it is written with); dropout is in dropout.cpp.
#include <cmath>
#include <type_traits>

#include "gradlab/autograd/record.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/inplace.h"
#include "gradlab/ops/linalg.h"
#include "gradlab/ops/movement.h"
#include "gradlab/ops/nn.h"
#include "gradlab/ops/reduce.h"
#include "kernels/elementwise.h"

namespace gradlab {

namespace {

// Runs f(in, out, n, stride) on every line of x along dim d; the output is contiguous.
// Lines are read from a contiguous copy: line o*inner + i starts at o*n*inner + i with stride inner.
template <typename F>
Tensor along_dim(const Tensor& x, int64_t dim, const char* kernel_name, F f) {
  GL_CHECK(is_floating(x.dtype()), "\"", kernel_name, "\" not implemented for '",
           x.dtype() == DType::Int64 ? "Long" : "Bool", "'");
  const int64_t d = wrap_dim(dim, x.dim());
  Tensor in = x;
  if (!x.is_contiguous()) {
    in = Tensor::empty(x.shape(), x.dtype());
    kernels::copy_into(in, x);
  }
  Tensor out = Tensor::empty(x.shape(), x.dtype());
  const int64_t n = x.dim() == 0 ? 1 : x.shape()[d];
  int64_t outer = 1, inner = 1;
  for (int64_t k = 0; k < d; ++k) outer *= x.shape()[k];
  for (int64_t k = d + 1; k < x.dim(); ++k) inner *= x.shape()[k];
  GL_DISPATCH_FLOAT(x.dtype(), T, {
    const T* pi = in.data_ptr<T>();
    T* po = out.data_ptr<T>();
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t i = 0; i < inner; ++i) f(pi + o * n * inner + i, po + o * n * inner + i, n, inner);
  });
  return out;
}

// The line's maximum and sum of exp(v - max), accumulated in double.
template <typename T>
std::pair<double, double> max_and_sum_exp(const T* in, int64_t n, int64_t stride) {
  double m = -INFINITY;
  for (int64_t k = 0; k < n; ++k) m = std::fmax(m, static_cast<double>(in[k * stride]));
  // An all -inf line has no finite shift; exp(-inf - 0) keeps it well defined.
  if (std::isinf(m) && m < 0) m = 0;
  double s = 0;
  for (int64_t k = 0; k < n; ++k) s += std::exp(static_cast<double>(in[k * stride]) - m);
  return {m, s};
}

}  // namespace

Tensor softmax(const Tensor& x, int64_t dim) {
  Tensor out = along_dim(x, dim, "softmax_lastdim_kernel_impl", [](const auto* in, auto* out, int64_t n, int64_t stride) {
    using T = std::remove_cv_t<std::remove_pointer_t<decltype(in)>>;
    const auto [m, s] = max_and_sum_exp(in, n, stride);
    for (int64_t k = 0; k < n; ++k) out[k * stride] = static_cast<T>(std::exp(static_cast<double>(in[k * stride]) - m) / s);
  });
  const int64_t d = wrap_dim(dim, x.dim());
  // d softmax(x) = y * (grad - sum(grad * y, dim))
  record("SoftmaxBackward0", {out}, {x}, {}, [d](const BackwardContext& c) {
    const Tensor& y = c.saved[0];
    return variable_list{mul(y, sub(c.grad(), sum(mul(c.grad(), y), {d}, true)))};
  }, {out});
  return out;
}

Tensor log_softmax(const Tensor& x, int64_t dim) {
  Tensor out = along_dim(x, dim, "log_softmax_lastdim_kernel_impl", [](const auto* in, auto* out, int64_t n, int64_t stride) {
    using T = std::remove_cv_t<std::remove_pointer_t<decltype(in)>>;
    const auto [m, s] = max_and_sum_exp(in, n, stride);
    const double shift = m + std::log(s);
    for (int64_t k = 0; k < n; ++k) out[k * stride] = static_cast<T>(static_cast<double>(in[k * stride]) - shift);
  });
  const int64_t d = wrap_dim(dim, x.dim());
  // d log_softmax(x) = grad - exp(y) * sum(grad, dim)
  record("LogSoftmaxBackward0", {out}, {x}, {}, [d](const BackwardContext& c) {
    return variable_list{sub(c.grad(), mul(exp(c.saved[0]), sum(c.grad(), {d}, true)))};
  }, {out});
  return out;
}

Tensor linear(const Tensor& x, const Tensor& weight, const Tensor& bias) {
  // As PyTorch 1.13: a matrix, or a contiguous 3-D stack folded into one, takes the bias inside addmm.
  if (bias.defined() && x.dim() == 2) return addmm(bias, x, t(weight));
  if (bias.defined() && x.dim() == 3 && x.is_contiguous()) {
    const Shape& s = x.shape();
    const Tensor y = addmm(bias, view(x, {s[0] * s[1], s[2]}), t(weight));
    return view(y, {s[0], s[1], y.shape()[1]});
  }
  // Otherwise the bias is added in place, so it keeps the product's dtype (as PyTorch's add_).
  const Tensor y = matmul(x, t(weight));
  return bias.defined() ? add_(y, bias) : y;
}

}  // namespace gradlab
