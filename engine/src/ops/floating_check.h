// Internal: the dtype check of activations PyTorch 1.13 implements only for floating dtypes.
#pragma once
#include "gradlab/tensor.h"

namespace gradlab {

// PyTorch's message names the op's CPU kernel: "\"elu_cpu\" not implemented for 'Long'".
void check_floating(const Tensor& a, const char* kernel);

}  // namespace gradlab
