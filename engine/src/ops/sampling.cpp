// torch.randperm and torch.multinomial, PyTorch 1.13's CPU algorithms:
// randperm swaps with random() % (n - i); multinomial with replacement
// searches a normalised cumulative distribution for a uniform double, and
// without replacement takes the top-k of p / Exp(1).
#include "gradlab/ops/sampling.h"

#include <cmath>
#include <vector>

#include "gradlab/error.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/movement.h"
#include "gradlab/ops/reduce.h"
#include "gradlab/ops/sort.h"
#include "gradlab/random.h"
#include "kernels/elementwise.h"
#include "kernels/loops.h"

namespace gradlab {

Tensor randperm(int64_t n, DType dtype, const Tensor& seed) {
  GL_CHECK(n >= 0, "Trying to create tensor with negative dimension ", n, ": [", n, "]");
  Tensor t = Tensor::empty({n}, DType::Int64);
  int64_t seed_value = 0;
  if (seed.defined()) {
    GL_CHECK(seed.dtype() == DType::Int64 && seed.numel() == 1, "randperm: the generator seed must be one int64");
    seed_value = contiguous(seed).data_ptr<int64_t>()[0];
  }
  random::fill_randperm(t.data_ptr<int64_t>(), n, seed.defined() ? &seed_value : nullptr);
  return dtype == DType::Int64 ? t : kernels::cast_nograd(t, dtype);
}

namespace {

// One row: cumulative sums in the input's precision, normalised, the last set
// to 1, then a binary search for each uniform draw.
template <typename T>
void sample_with_replacement(const T* p, int64_t n_categories, int64_t n_sample, int64_t* out) {
  std::vector<T> cum(n_categories);
  T sum = 0;
  for (int64_t j = 0; j < n_categories; ++j) {
    const T v = p[j];
    GL_CHECK(v >= 0, "invalid multinomial distribution (encountering probability entry < 0)");
    GL_CHECK(std::isfinite(v), "invalid multinomial distribution (encountering probability entry = infinity or NaN)");
    sum += v;
    cum[j] = sum;
  }
  GL_CHECK(sum > 0, "invalid multinomial distribution (sum of probabilities <= 0)");
  for (auto& c : cum) c /= sum;
  for (int64_t k = 0; k < n_sample; ++k) {
    const double u = random::draw_unit_double();
    cum[n_categories - 1] = 1;
    int64_t left = 0, right = n_categories;
    while (right - left > 0) {
      const int64_t mid = left + (right - left) / 2;
      if (cum[mid] < u) left = mid + 1;
      else right = mid;
    }
    out[k] = left;
  }
}

}  // namespace

Tensor multinomial(const Tensor& probs, int64_t n_sample, bool replacement) {
  GL_CHECK(probs.dim() > 0 && probs.dim() <= 2, "prob_dist must be 1 or 2 dim");
  GL_CHECK(is_floating(probs.dtype()), "multinomial only supports floating-point dtypes for input, got: ",
           scalar_type_name(probs.dtype()));
  GL_CHECK(n_sample > 0, "cannot sample n_sample <= 0 samples");
  const int64_t n_categories = probs.shape().back();
  GL_CHECK(replacement || n_sample <= n_categories,
           "cannot sample n_sample > prob_dist.size(-1) samples without replacement");
  GL_CHECK(n_categories <= (int64_t(1) << 24), "number of categories cannot exceed 2^24");
  const int64_t n_dist = probs.dim() == 2 ? probs.shape()[0] : 1;
  const Shape out_shape = probs.dim() == 2 ? Shape{n_dist, n_sample} : Shape{n_sample};
  if (n_dist * n_sample == 0) return Tensor::empty(out_shape, DType::Int64);
  Tensor p = contiguous(probs.detach());
  // PyTorch 1.13's fast path is for sampling without replacement only (one
  // sample with replacement searches the cumulative distribution too).
  if (!replacement) {
    // Checked on the whole tensor, as PyTorch's fast path does.
    bool valid = true, zero_row = false;
    GL_DISPATCH_FLOAT(p.dtype(), T, {
      const T* d = p.data_ptr<T>();
      for (int64_t i = 0; i < n_dist; ++i) {
        T s = 0;
        for (int64_t j = 0; j < n_categories; ++j) {
          const T v = d[i * n_categories + j];
          if (!(v >= 0) || !(v < INFINITY)) valid = false;
          s += v;
        }
        if (s == 0) zero_row = true;
      }
    });
    GL_CHECK(valid, "probability tensor contains either `inf`, `nan` or element < 0");
    GL_CHECK(!zero_row, "invalid multinomial distribution (sum of probabilities <= 0)");
    // argmax / top-k of p / q with q ~ Exp(1), drawn in row-major order.
    Tensor q = Tensor::empty(p.shape(), p.dtype());
    GL_DISPATCH_FLOAT(p.dtype(), T, {
      T* d = q.data_ptr<T>();
      for (int64_t i = 0; i < q.numel(); ++i) d[i] = static_cast<T>(random::draw_exponential(1.0));
    });
    Tensor ratio = div(p, q);
    if (n_sample == 1) return argmax(ratio, -1, true);
    return topk(ratio, n_sample).indices;
  }
  Tensor out = Tensor::empty(out_shape, DType::Int64);
  GL_DISPATCH_FLOAT(p.dtype(), T, {
    for (int64_t i = 0; i < n_dist; ++i)
      sample_with_replacement(p.data_ptr<T>() + i * n_categories, n_categories, n_sample,
                              out.data_ptr<int64_t>() + i * n_sample);
  });
  return out;
}

}  // namespace gradlab
