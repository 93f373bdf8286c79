// Internal: the layout every reduction works on. The input is permuted so kept
// dims come first and reduced dims last, then made contiguous: each output
// element reduces one contiguous row of `inner` values.
#pragma once
#include "gradlab/ops/reduce.h"
#include "kernels/loops.h"

namespace gradlab::kernels {

struct ReducePlan {
  Tensor rows;          // contiguous, outer * inner elements (no autograd)
  int64_t outer = 1;    // number of output elements
  int64_t inner = 1;    // elements reduced into each
  Shape keep_shape;     // output shape with reduced dims kept as 1
  Shape out_shape;      // output shape honouring keepdim
};

// The wrapped dims a reduction covers (all of them for an empty list).
Dims reduced_dims(const Dims& dims, int64_t ndim);

ReducePlan plan_reduce(const Tensor& a, const Dims& dims, bool keepdim);

}  // namespace gradlab::kernels
