// A loss's reduction ('none', 'mean', 'sum'), shared by every loss.
#pragma once
#include "gradlab/ops/nn.h"
#include "gradlab/tensor.h"

namespace gradlab {

Tensor reduce_loss(const Tensor& loss, Reduction r);

}  // namespace gradlab
