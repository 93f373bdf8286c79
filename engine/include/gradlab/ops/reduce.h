// Reductions over all elements or over dims (int or list, negative allowed), with keepdim.
// An empty dim list means "all dims".
#pragma once
#include <vector>

#include "gradlab/tensor.h"

namespace gradlab {

using Dims = std::vector<int64_t>;

Tensor sum(const Tensor& a);
Tensor sum(const Tensor& a, const Dims& dims, bool keepdim = false);
Tensor mean(const Tensor& a);
Tensor mean(const Tensor& a, const Dims& dims, bool keepdim = false);
Tensor prod(const Tensor& a);
Tensor prod(const Tensor& a, int64_t dim, bool keepdim = false);
Tensor var(const Tensor& a, const Dims& dims, bool unbiased = true, bool keepdim = false);
Tensor std(const Tensor& a, const Dims& dims, bool unbiased = true, bool keepdim = false);
Tensor norm(const Tensor& a, double p, const Dims& dims, bool keepdim = false);
Tensor logsumexp(const Tensor& a, const Dims& dims, bool keepdim = false);
Tensor amax(const Tensor& a, const Dims& dims, bool keepdim = false);
Tensor amin(const Tensor& a, const Dims& dims, bool keepdim = false);
// Global max/min (0-d); the gradient is shared evenly among ties, as in PyTorch.
Tensor max(const Tensor& a);
Tensor min(const Tensor& a);
struct ValuesIndices {
  Tensor values;
  Tensor indices;
};
ValuesIndices max(const Tensor& a, int64_t dim, bool keepdim = false);
ValuesIndices min(const Tensor& a, int64_t dim, bool keepdim = false);
Tensor argmax(const Tensor& a);
Tensor argmax(const Tensor& a, int64_t dim, bool keepdim = false);
Tensor argmin(const Tensor& a);
Tensor argmin(const Tensor& a, int64_t dim, bool keepdim = false);

// The reverse of broadcasting: sums `grad` down to `shape` (used by every broadcasting op's backward).
Tensor sum_to(const Tensor& grad, const Shape& shape);

}  // namespace gradlab
