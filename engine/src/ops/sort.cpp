// sort / argsort / topk on one kernel: each line along the dim is ordered by a
// stable sort of its positions. The backward of both value ops puts each
// gradient back at the position its value came from (a scatter onto zeros,
// itself differentiable, so double backward works).
#include "gradlab/ops/sort.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <vector>

#include "gradlab/autograd/grad_mode.h"
#include "gradlab/autograd/record.h"
#include "gradlab/error.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/indexing.h"
#include "gradlab/ops/movement.h"
#include "kernels/elementwise.h"
#include "kernels/loops.h"

namespace gradlab {

namespace {

// Orders positions a, b of one line by their values. NaN counts as the
// largest value. One comparator for every dtype and both directions (the
// dtype switch runs per comparison): a std::stable_sort is about 3 KB of
// wasm, and a copy per dtype and direction made eight of them.
struct LineLess {
  const char* line;  // the line's first element
  int64_t step;      // bytes between its elements
  DType dtype;
  bool descending;

  template <typename T>
  bool less(int64_t a, int64_t b) const {
    T x, y;
    std::memcpy(&x, line + a * step, sizeof(T));
    std::memcpy(&y, line + b * step, sizeof(T));
    if constexpr (std::is_floating_point_v<T>)
      return std::isnan(x) ? false : std::isnan(y) ? true : x < y;
    else
      return x < y;
  }
  bool operator()(int64_t a, int64_t b) const {
    if (descending) std::swap(a, b);
    switch (dtype) {
      case DType::Float32: return less<float>(a, b);
      case DType::Float64: return less<double>(a, b);
      case DType::Int64: return less<int64_t>(a, b);
      default: return less<kernels::bool_t>(a, b);
    }
  }
};

// The first `keep` of each line of input (contiguous) along d, ordered; values and int64 positions.
ValuesIndices order_lines(const Tensor& input, int64_t d, bool descending, int64_t keep) {
  const Tensor in = contiguous(input.detach());
  const int64_t n = input.dim() == 0 ? 1 : input.shape()[d];
  int64_t outer = 1, inner = 1;
  for (int64_t i = 0; i < d; ++i) outer *= input.shape()[i];
  for (int64_t i = d + 1; i < input.dim(); ++i) inner *= input.shape()[i];
  Shape out_shape = input.shape();
  if (input.dim() > 0) out_shape[d] = keep;
  Tensor values = Tensor::empty(out_shape, input.dtype());
  Tensor indices = Tensor::empty(out_shape, DType::Int64);
  std::vector<int64_t> order(static_cast<size_t>(n));
  const int64_t size = static_cast<int64_t>(itemsize(input.dtype()));
  const char* src = static_cast<const char*>(in.raw_ptr());
  char* pv = static_cast<char*>(values.raw_ptr());
  int64_t* pi = indices.data_ptr<int64_t>();
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t i = 0; i < inner; ++i) {
      const LineLess less{src + (o * n * inner + i) * size, inner * size, input.dtype(), descending};
      std::iota(order.begin(), order.end(), 0);
      std::stable_sort(order.begin(), order.end(), less);
      for (int64_t j = 0; j < keep; ++j) {
        const int64_t dst = (o * keep + j) * inner + i;
        std::memcpy(pv + dst * size, less.line + order[j] * less.step, static_cast<size_t>(size));
        pi[dst] = order[j];
      }
    }
  return {values, indices};
}

// Records `name` on values whose entries were read from input at indices along d.
void record_selection(const char* name, const Tensor& values, const Tensor& input, const Tensor& indices, int64_t d) {
  // d values = grad put back where each value was read, zero elsewhere: PyTorch's
  // value_selecting_reduction_backward (a scatter, ScatterBackward0 under create_graph)
  record(name, {values}, {input}, {indices}, [d, shape = input.shape()](const BackwardContext& c) {
    return variable_list{value_selecting_backward(c.grad(), d, c.saved[0], shape, true)};
  });
  propagate_flags({indices}, {input});
}

}  // namespace

ValuesIndices sort(const Tensor& input, int64_t dim, bool descending, std::optional<bool> stable) {
  const int64_t d = wrap_dim(dim, input.dim());
  const int64_t n = input.dim() == 0 ? 1 : input.shape()[d];
  ValuesIndices out = order_lines(input, d, descending, n);
  record_selection(stable ? "SortBackward1" : "SortBackward0", out.values, input, out.indices, d);
  return out;
}

Tensor argsort(const Tensor& input, int64_t dim, bool descending, bool stable) {
  NoGradGuard no_grad;
  return sort(input, dim, descending, stable).indices;
}

// sorted=False lets PyTorch return the k in any order; the sorted order is one of them.
ValuesIndices topk(const Tensor& input, int64_t k, int64_t dim, bool largest, bool /*sorted*/) {
  const int64_t d = wrap_dim(dim, input.dim());
  const int64_t n = input.dim() == 0 ? 1 : input.shape()[d];
  GL_CHECK(k >= 0 && k <= n, "selected index k out of range");
  GL_CHECK(input.dtype() != DType::Bool, "\"topk_cpu\" not implemented for 'Bool'");
  ValuesIndices out = order_lines(input, d, largest, k);
  record_selection("TopkBackward0", out.values, input, out.indices, d);
  return out;
}

}  // namespace gradlab
