// Shapes and strides: sizes, row-major strides, broadcasting and dim wrapping.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace gradlab {

using Shape = std::vector<int64_t>;

int64_t numel_of(const Shape& shape);
Shape contiguous_strides(const Shape& shape);
// "[2, 3]" as PyTorch writes sizes in messages.
std::string shape_str(const Shape& shape);

// NumPy broadcasting; PyTorch's message when the sizes disagree.
Shape broadcast_shapes(const Shape& a, const Shape& b);

// Wraps a possibly negative dim into [0, ndim); PyTorch's "Dimension out of range" otherwise.
// A 0-d tensor accepts dims -1 and 0, as in PyTorch.
int64_t wrap_dim(int64_t dim, int64_t ndim);
// A list of dims (empty = all) as a bitmask-like vector<bool> of size ndim; repeated dims are an error.
// It checks each dim's range and repetition in turn (PyTorch's order for std, var, nansum).
std::vector<bool> dim_mask(const std::vector<int64_t>& dims, int64_t ndim);
// Every dim's range before any repetition: sum, mean, amax, amin, logsumexp and norm wrap the
// whole list first in PyTorch (sum([0, 0, 5]) names 5, var([0, 0, 5]) the repeated 0).
void check_dims_in_range(const std::vector<int64_t>& dims, int64_t ndim);

// Resolves one -1 in a requested view/reshape shape; "shape '[7]' is invalid for input of size 6".
Shape infer_size(const Shape& requested, int64_t numel);

}  // namespace gradlab
