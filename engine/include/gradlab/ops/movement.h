// Shape ops. Views share storage where PyTorch's do (view, reshape when possible,
// transpose, permute, t, squeeze, unsqueeze, expand); the rest copy.
#pragma once
#include <vector>

#include "gradlab/tensor.h"

namespace gradlab {

Tensor view(const Tensor& a, const Shape& shape);     // -1 allowed
Tensor reshape(const Tensor& a, const Shape& shape);  // -1 allowed
Tensor flatten(const Tensor& a, int64_t start_dim = 0, int64_t end_dim = -1);
Tensor transpose(const Tensor& a, int64_t d0, int64_t d1);
Tensor t(const Tensor& a);
Tensor permute(const Tensor& a, const std::vector<int64_t>& dims);
Tensor squeeze(const Tensor& a);
Tensor squeeze(const Tensor& a, int64_t dim);
Tensor unsqueeze(const Tensor& a, int64_t dim);
Tensor expand(const Tensor& a, const Shape& sizes);  // -1 keeps a size
Tensor repeat(const Tensor& a, const Shape& repeats);
Tensor contiguous(const Tensor& a);
Tensor clone(const Tensor& a);             // keeps a's layout, as PyTorch's (preserve_format)
Tensor clone_contiguous(const Tensor& a);  // clone(memory_format=torch.contiguous_format)
Tensor cat(const std::vector<Tensor>& tensors, int64_t dim = 0);
Tensor stack(const std::vector<Tensor>& tensors, int64_t dim = 0);
std::vector<Tensor> split(const Tensor& a, int64_t split_size, int64_t dim = 0);
std::vector<Tensor> split_sizes(const Tensor& a, const std::vector<int64_t>& sizes, int64_t dim = 0);
std::vector<Tensor> chunk(const Tensor& a, int64_t chunks, int64_t dim = 0);

// dtype conversion; differentiable between floating dtypes (ToCopyBackward0).
Tensor to(const Tensor& a, DType dtype);
// A new tensor of a's shape laid out as PyTorch's memory-format-preserving
// copies are (a's strides when dense, else dense in a's order of dims), uninitialised.
Tensor empty_preserving_layout(const Tensor& a, DType dtype);
// The strides PyTorch's TensorIterator gives the result of an elementwise op on
// `operands` (in argument order) broadcast to `sizes`: contiguous when they all
// are, their common layout when they share one, else dense in the order of dims
// the first operand that tells them apart has in memory.
Shape elementwise_strides(const Shape& sizes, const std::vector<const Tensor*>& operands);

}  // namespace gradlab
