// sort / argsort / topk on one kernel: each line along the dim is ordered by a
// stable sort of its positions. The backward of both value ops puts each
// gradient back at the position its value came from (a scatter onto zeros,
// itself differentiable, so double backward works).
#include "gradlab/ops/sort.h"

#include <algorithm>
#include <cmath>
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

template <typename T>
bool is_nan(T v) {
  if constexpr (std::is_floating_point_v<T>) return std::isnan(v);
  return false;
}

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
  GL_DISPATCH_ALL(input.dtype(), T, {
    const T* src = in.data_ptr<T>();
    T* pv = values.data_ptr<T>();
    int64_t* pi = indices.data_ptr<int64_t>();
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t i = 0; i < inner; ++i) {
        const T* line = src + o * n * inner + i;
        auto at = [&](int64_t j) { return line[j * inner]; };
        // NaN counts as the largest value.
        auto less = [&](int64_t a, int64_t b) {
          const T x = at(a), y = at(b);
          return is_nan(x) ? false : is_nan(y) ? true : x < y;
        };
        std::iota(order.begin(), order.end(), 0);
        if (descending)
          std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) { return less(b, a); });
        else
          std::stable_sort(order.begin(), order.end(), less);
        for (int64_t j = 0; j < keep; ++j) {
          const int64_t dst = (o * keep + j) * inner + i;
          pv[dst] = at(order[j]);
          pi[dst] = order[j];
        }
      }
  });
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
