// torch.nn.functional convolutions. Sizes (stride, padding, dilation) are one
// value for every spatial dim or one per dim, as PyTorch's int-or-tuple
// arguments; padding may also be PaddingMode::Same or ::Valid (PyTorch's
// strings 'same' and 'valid').
//
//   Tensor y = conv2d(x, weight, bias, {1}, {2});  // F.conv2d(x, weight, bias, stride=1, padding=2)
#pragma once
#include <string>
#include <vector>

#include "gradlab/tensor.h"

namespace gradlab {

using IntList = std::vector<int64_t>;

enum class PaddingMode { Same, Valid };
PaddingMode padding_mode_from_name(const std::string& name);  // "same" | "valid"

// input [N, C, H, W] or unbatched [C, H, W]; weight [O, C/groups, kh, kw]; bias [O] or undefined.
Tensor conv2d(const Tensor& input, const Tensor& weight, const Tensor& bias = {}, const IntList& stride = {1},
              const IntList& padding = {0}, const IntList& dilation = {1}, int64_t groups = 1);
Tensor conv2d(const Tensor& input, const Tensor& weight, const Tensor& bias, const IntList& stride,
              PaddingMode padding, const IntList& dilation = {1}, int64_t groups = 1);

// input [N, C, L] or unbatched [C, L]; weight [O, C/groups, k].
Tensor conv1d(const Tensor& input, const Tensor& weight, const Tensor& bias = {}, const IntList& stride = {1},
              const IntList& padding = {0}, const IntList& dilation = {1}, int64_t groups = 1);
Tensor conv1d(const Tensor& input, const Tensor& weight, const Tensor& bias, const IntList& stride,
              PaddingMode padding, const IntList& dilation = {1}, int64_t groups = 1);

// input [N, Cin, H, W] or [Cin, H, W]; weight [Cin, Cout/groups, kh, kw]. PyTorch's argument order.
Tensor conv_transpose2d(const Tensor& input, const Tensor& weight, const Tensor& bias = {},
                        const IntList& stride = {1}, const IntList& padding = {0},
                        const IntList& output_padding = {0}, int64_t groups = 1, const IntList& dilation = {1});

}  // namespace gradlab
