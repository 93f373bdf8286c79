// torch.nn.functional: activations over a dim, linear, dropout and losses.
// Composite ops are written with differentiable primitives where PyTorch's
// gradient is the same; softmax-family ops keep PyTorch's node names.
#pragma once
#include <string>

#include "gradlab/tensor.h"

namespace gradlab {

enum class Reduction { None, Mean, Sum };
Reduction reduction_from_name(const std::string& name);  // "none" | "mean" | "sum"

Tensor softmax(const Tensor& x, int64_t dim);
Tensor log_softmax(const Tensor& x, int64_t dim);
Tensor linear(const Tensor& x, const Tensor& weight, const Tensor& bias);  // bias may be undefined
// dropout.cpp: PyTorch's CPU mask for the same seed (one float64 uniform draw per element, kept when
// below 1 - p). dropout2d zeroes whole channels: one draw per (N, C) of an [N, C, *] input.
Tensor dropout(const Tensor& x, double p = 0.5, bool training = true);
Tensor dropout2d(const Tensor& x, double p = 0.5, bool training = true);
// similarity.cpp: cosine of the angle along dim, PyTorch 1.13's formula (each squared norm clamped to eps^2).
Tensor cosine_similarity(const Tensor& x1, const Tensor& x2, int64_t dim = 1, double eps = 1e-8);
Tensor mse_loss(const Tensor& input, const Tensor& target, Reduction r = Reduction::Mean);
Tensor l1_loss(const Tensor& input, const Tensor& target, Reduction r = Reduction::Mean);
// input [C], [N, C] or [N, C, d1, ...] of log-probabilities; target int64 class indices [], [N] or
// [N, d1, ...]. weight (undefined = all 1) scales each class; targets equal to ignore_index add
// nothing and are not counted by the mean.
Tensor nll_loss(const Tensor& input, const Tensor& target, Reduction r = Reduction::Mean,
                const Tensor& weight = Tensor(), int64_t ignore_index = -100);
// log_softmax over the class dim, then nll_loss; a floating target of the input's shape holds class
// probabilities instead. label_smoothing in [0, 1] mixes in the uniform distribution, as PyTorch 1.13.
Tensor cross_entropy(const Tensor& input, const Tensor& target, Reduction r = Reduction::Mean,
                     const Tensor& weight = Tensor(), int64_t ignore_index = -100, double label_smoothing = 0.0);
Tensor binary_cross_entropy(const Tensor& input, const Tensor& target, Reduction r = Reduction::Mean);
Tensor binary_cross_entropy_with_logits(const Tensor& input, const Tensor& target,
                                        Reduction r = Reduction::Mean);

}  // namespace gradlab
