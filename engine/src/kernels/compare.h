// Internal: the comparison kernel. Comparisons are cold code: one
// dtype-generic loop per dtype serves all six, where a templated kernel per
// comparison and dtype cost about 20 KB of wasm each.
#pragma once
#include "gradlab/tensor.h"

namespace gradlab::kernels {

enum class CompareOp { Eq, Ne, Lt, Le, Gt, Ge };

// Bool tensor of `a op b` with NumPy broadcasting; a and b already share a dtype.
Tensor compare(const Tensor& a, const Tensor& b, CompareOp op);

}  // namespace gradlab::kernels
