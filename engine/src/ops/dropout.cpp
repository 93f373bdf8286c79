// Dropout with PyTorch 1.13's CPU mask: a noise tensor filled by bernoulli_(1 - p)
// (one float64 uniform draw per element from the seeded generator, 1 when the
// draw is below 1 - p), divided by 1 - p, then input * noise. The same seed
// therefore drops the same elements as PyTorch, and the node is MulBackward0
// as there. dropout2d draws one value per (sample, channel) and broadcasts it.
#include <vector>

#include "gradlab/error.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/nn.h"
#include "gradlab/random.h"

namespace gradlab {

namespace {

// PyTorch's bernoulli_(keep) on a new tensor of this shape, then div_(keep).
Tensor scaled_noise(const Shape& shape, DType dtype, double keep) {
  Tensor noise = Tensor::empty(shape, dtype);
  const int64_t n = noise.numel();
  std::vector<double> u(static_cast<size_t>(n));
  random::fill_uniform(u.data(), n, 0.0, 1.0);
  if (dtype == DType::Float32) {
    float* d = noise.data_ptr<float>();
    // float32 noise: 1.0f / (float)keep, as div_ computes it in the tensor's dtype.
    const float v = 1.0f / static_cast<float>(keep);
    for (int64_t i = 0; i < n; ++i) d[i] = u[i] < keep ? v : 0.0f;
  } else {
    double* d = noise.data_ptr<double>();
    for (int64_t i = 0; i < n; ++i) d[i] = u[i] < keep ? 1.0 / keep : 0.0;
  }
  return noise;
}

Tensor dropout_impl(const Tensor& x, double p, bool training, bool feature) {
  GL_CHECK(p >= 0 && p <= 1, "dropout probability has to be between 0 and 1, but got ", p);
  if (!training || p == 0 || x.numel() == 0) return x;
  GL_CHECK(is_floating(x.dtype()), "\"bernoulli_scalar_cpu_\" not implemented for '",
           x.dtype() == DType::Int64 ? "Long" : "Bool", "'");
  if (p == 1) return mul(x, zeros({}, x.dtype()));
  Shape shape = x.shape();
  if (feature) {
    GL_CHECK(x.dim() >= 2, "Feature dropout requires at least 2 dimensions in the input");
    for (size_t d = 2; d < shape.size(); ++d) shape[d] = 1;
  }
  return mul(x, scaled_noise(shape, x.dtype(), 1 - p));
}

}  // namespace

Tensor dropout(const Tensor& x, double p, bool training) { return dropout_impl(x, p, training, false); }
Tensor dropout2d(const Tensor& x, double p, bool training) { return dropout_impl(x, p, training, true); }

}  // namespace gradlab
