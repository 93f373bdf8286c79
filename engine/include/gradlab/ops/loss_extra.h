// torch.nn.functional losses beyond nn.h's: smooth_l1_loss (beta), huber_loss
// (delta) and kl_div (log_target, reduction "none" | "mean" | "sum" | "batchmean").
//
//   Tensor l = kl_div(log_probs, probs, "batchmean");
#pragma once
#include <string>

#include "gradlab/ops/nn.h"
#include "gradlab/tensor.h"

namespace gradlab {

Tensor smooth_l1_loss(const Tensor& input, const Tensor& target, Reduction r = Reduction::Mean, double beta = 1.0);
Tensor huber_loss(const Tensor& input, const Tensor& target, Reduction r = Reduction::Mean, double delta = 1.0);
Tensor kl_div(const Tensor& input, const Tensor& target, const std::string& reduction = "mean",
              bool log_target = false);

}  // namespace gradlab
