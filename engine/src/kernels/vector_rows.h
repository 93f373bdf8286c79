// Internal: which elements PyTorch 1.13's vectorised CPU loops compute.
#pragma once
#include <cstdint>
#include <vector>

#include "gradlab/tensor.h"

namespace gradlab::kernels {

// PyTorch's CPU elementwise kernels that have a vectorised form (cpu_kernel_vec, AVX2 build)
// run it on each row of TensorIterator's innermost dim after coalescing (size-1 dims dropped,
// neighbours merged while every operand's strides continue), in chunks of two vectors (64
// bytes: 16 float32 or 8 float64 values), when in that dim every input is contiguous, or all
// but one that is a single value (stride 0); the tail of each row, and every row of any other
// layout, takes the scalar form. Where the two forms differ (a NaN taking the other branch of
// a comparison, the sign of a zero), an op redoes the elements the vectorised form computed.
// Returns one flag per element of `shape` in row-major order, 1 for those elements. `inputs`
// (in PyTorch's argument order) broadcast to `shape`; the output is laid out as
// elementwise_strides gives it. Inputs of 32,768 elements or more, which PyTorch splits
// between threads (so the rows depend on the machine's cores), are taken as one range.
std::vector<uint8_t> vectorised_elements(const Shape& shape, const std::vector<const Tensor*>& inputs,
                                         size_t element_size);

// Whether any flag is set.
bool any_vectorised(const std::vector<uint8_t>& flags);

}  // namespace gradlab::kernels
