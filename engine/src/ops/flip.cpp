// flip: the input copied with the index along each flipped dim read from the
// other end, into a tensor of the input's layout (PyTorch's result keeps it, so
// a view() of a flipped transpose fails as there). Its gradient is the same
// flip of the incoming one.
#include "gradlab/ops/flip.h"

#include <cstring>

#include "gradlab/autograd/record.h"
#include "gradlab/ops/movement.h"
#include "kernels/elementwise.h"

namespace gradlab {

Tensor flip(const Tensor& input, const std::vector<int64_t>& dims) {
  // Wraps each dim and refuses a repeated one, in PyTorch's order (dim_list_to_bitset).
  std::vector<bool> flipped = dims.empty() ? std::vector<bool>(input.dim(), false) : dim_mask(dims, input.dim());
  Tensor out = empty_preserving_layout(input, input.dtype());
  const int64_t nd = input.dim();
  const Shape& shape = input.shape();
  const Shape &from_stride = input.strides(), &to_stride = out.strides();
  const size_t item = itemsize(input.dtype());
  const auto* from = static_cast<const char*>(input.raw_ptr());
  auto* to = static_cast<char*>(out.raw_ptr());
  // Walk the elements with a multi-index; the source offset mirrors the flipped dims.
  std::vector<int64_t> idx(nd, 0);
  const int64_t n = out.numel();
  for (int64_t i = 0; i < n; ++i) {
    int64_t src = 0, dst = 0;
    for (int64_t d = 0; d < nd; ++d) {
      src += (flipped[d] ? shape[d] - 1 - idx[d] : idx[d]) * from_stride[d];
      dst += idx[d] * to_stride[d];
    }
    std::memcpy(to + dst * static_cast<int64_t>(item), from + src * static_cast<int64_t>(item), item);
    for (int64_t d = nd - 1; d >= 0; --d) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  // d flip(x) = the same flip of grad
  record("FlipBackward0", {out}, {input}, {}, [dims](const BackwardContext& c) {
    return variable_list{flip(c.grad(), dims)};
  });
  return out;
}

}  // namespace gradlab
