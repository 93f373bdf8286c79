// PyTorch's sub_check: subtraction refuses bool operands. Shared by sub/rsub and
// sub_, whose meta function runs it before the in-place memory-overlap check.
#pragma once

#include "gradlab/tensor.h"

namespace gradlab {

void check_no_bool_sub(const Tensor& a, const Tensor& b);

}  // namespace gradlab
