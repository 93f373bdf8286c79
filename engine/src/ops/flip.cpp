// flip: the input copied contiguously with the index along each flipped dim
// read from the other end. Its gradient is the same flip of the incoming one.
#include "gradlab/ops/flip.h"

#include <cstring>

#include "gradlab/autograd/record.h"
#include "kernels/elementwise.h"

namespace gradlab {

Tensor flip(const Tensor& input, const std::vector<int64_t>& dims) {
  // Wraps each dim and refuses a repeated one, in PyTorch's order (dim_list_to_bitset).
  std::vector<bool> flipped = dims.empty() ? std::vector<bool>(input.dim(), false) : dim_mask(dims, input.dim());
  // A contiguous copy first, so the loop below reads plain row-major strides.
  Tensor src = Tensor::empty(input.shape(), input.dtype());
  kernels::copy_into(src, input);
  Tensor out = Tensor::empty(input.shape(), input.dtype());
  const int64_t nd = input.dim();
  const Shape& shape = input.shape();
  const Shape& stride = src.strides();
  const size_t item = itemsize(input.dtype());
  const auto* from = static_cast<const char*>(src.raw_ptr());
  auto* to = static_cast<char*>(out.raw_ptr());
  // Walk the output in order with a multi-index; the source offset mirrors the flipped dims.
  std::vector<int64_t> idx(nd, 0);
  const int64_t n = out.numel();
  for (int64_t i = 0; i < n; ++i) {
    int64_t off = 0;
    for (int64_t d = 0; d < nd; ++d) off += (flipped[d] ? shape[d] - 1 - idx[d] : idx[d]) * stride[d];
    std::memcpy(to + i * item, from + off * item, item);
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
