// torch.nn.functional normalisation: batch_norm (with running statistics),
// layer_norm and group_norm. weight/bias (and running stats) may be undefined.
//
//   Tensor y = batch_norm(x, running_mean, running_var, w, b, /*training=*/true);
#pragma once
#include <vector>

#include "gradlab/tensor.h"

namespace gradlab {

// input [N, C, *]. In training the batch statistics normalise and the running
// ones (when given) are updated in place: r = (1 - momentum) * r + momentum * stat,
// with the unbiased variance, as PyTorch.
Tensor batch_norm(const Tensor& input, const Tensor& running_mean, const Tensor& running_var, const Tensor& weight,
                  const Tensor& bias, bool training = false, double momentum = 0.1, double eps = 1e-5);
// Normalises over the trailing dims given by normalized_shape.
Tensor layer_norm(const Tensor& input, const std::vector<int64_t>& normalized_shape, const Tensor& weight = {},
                  const Tensor& bias = {}, double eps = 1e-5);
// input [N, C, *], normalised over each group of C / num_groups channels.
Tensor group_norm(const Tensor& input, int64_t num_groups, const Tensor& weight = {}, const Tensor& bias = {},
                  double eps = 1e-5);

}  // namespace gradlab
