// torch.nn.functional pooling. Sizes are one value for both spatial dims or
// one per dim, as PyTorch's int-or-tuple arguments; an empty stride means
// "the kernel size", PyTorch's default.
//
//   auto [y, idx] = max_pool2d_with_indices(x, {2});  // F.max_pool2d(x, 2, return_indices=True)
#pragma once
#include <optional>
#include <vector>

#include "gradlab/ops/reduce.h"
#include "gradlab/tensor.h"

namespace gradlab {

using IntList = std::vector<int64_t>;

// input [N, C, H, W] or [C, H, W]. Indices are flat positions in each H*W plane.
Tensor max_pool2d(const Tensor& input, const IntList& kernel_size, const IntList& stride = {},
                  const IntList& padding = {0}, const IntList& dilation = {1}, bool ceil_mode = false);
ValuesIndices max_pool2d_with_indices(const Tensor& input, const IntList& kernel_size, const IntList& stride = {},
                                      const IntList& padding = {0}, const IntList& dilation = {1},
                                      bool ceil_mode = false);
Tensor avg_pool2d(const Tensor& input, const IntList& kernel_size, const IntList& stride = {},
                  const IntList& padding = {0}, bool ceil_mode = false, bool count_include_pad = true,
                  std::optional<int64_t> divisor_override = std::nullopt);

// input [N, C, L] or [C, L], through the 2-d pools on an [.., 1, L] view, as PyTorch does.
Tensor max_pool1d(const Tensor& input, const IntList& kernel_size, const IntList& stride = {},
                  const IntList& padding = {0}, const IntList& dilation = {1}, bool ceil_mode = false);
ValuesIndices max_pool1d_with_indices(const Tensor& input, const IntList& kernel_size, const IntList& stride = {},
                                      const IntList& padding = {0}, const IntList& dilation = {1},
                                      bool ceil_mode = false);
Tensor avg_pool1d(const Tensor& input, const IntList& kernel_size, const IntList& stride = {},
                  const IntList& padding = {0}, bool ceil_mode = false, bool count_include_pad = true);

// output_size: one value for both dims or (oh, ow). PyTorch's None ("keep this
// input size") is resolved by the caller, as F.adaptive_*_pool2d does in Python.
Tensor adaptive_avg_pool2d(const Tensor& input, const IntList& output_size);
Tensor adaptive_max_pool2d(const Tensor& input, const IntList& output_size);
ValuesIndices adaptive_max_pool2d_with_indices(const Tensor& input, const IntList& output_size);

}  // namespace gradlab
