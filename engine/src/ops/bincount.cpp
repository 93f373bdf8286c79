// bincount: one pass over the input adding 1 (or the weight) into its bin.
// Its result takes no gradient.
#include "gradlab/ops/bincount.h"

#include <algorithm>
#include <cstring>

#include "gradlab/autograd/record.h"
#include "gradlab/error.h"
#include "gradlab/ops/movement.h"
#include "kernels/elementwise.h"
#include "kernels/loops.h"

namespace gradlab {

Tensor bincount(const Tensor& input, const Tensor& weights, int64_t minlength) {
  // PyTorch's order: the dtype dispatch, then minlength, then the input, then the weights.
  GL_CHECK(input.dtype() == DType::Int64, "\"bincount_cpu\" not implemented for '", scalar_type_name(input.dtype()),
           "'");
  GL_CHECK(minlength >= 0, "minlength should be >= 0");
  const Tensor in = contiguous(input.detach());
  const int64_t n = in.numel();
  const int64_t* pi = in.data_ptr<int64_t>();
  GL_CHECK(input.dim() == 1 && std::all_of(pi, pi + n, [](int64_t v) { return v >= 0; }),
           "bincount only supports 1-d non-negative integral inputs.");
  GL_CHECK(!weights.defined() || (weights.dim() == 1 && weights.numel() == n),
           "weights should be 1-d and have the same length as input");
  const int64_t bins = std::max(minlength, n == 0 ? 0 : *std::max_element(pi, pi + n) + 1);
  const DType out_dtype = !weights.defined()                  ? DType::Int64
                          : weights.dtype() == DType::Float32 ? DType::Float32
                                                              : DType::Float64;
  Tensor out = Tensor::empty({bins}, out_dtype);
  std::memset(out.raw_ptr(), 0, out.numel() * itemsize(out_dtype));
  if (!weights.defined()) {
    int64_t* po = out.data_ptr<int64_t>();
    for (int64_t i = 0; i < n; ++i) ++po[pi[i]];
  } else {
    // The weights in the result's dtype, so int64 and bool weights add as float64.
    Tensor w = Tensor::empty({n}, out_dtype);
    kernels::copy_into(w, weights.detach());
    GL_DISPATCH_FLOAT(out_dtype, T, {
      const T* pw = w.data_ptr<T>();
      T* po = out.data_ptr<T>();
      for (int64_t i = 0; i < n; ++i) po[pi[i]] += pw[i];
    });
  }
  propagate_flags({out}, {input});
  return out;
}

}  // namespace gradlab
