// Advanced indexing, PyTorch's aten::index and index_put: x[rows, cols],
// x[mask], x[idx] = v. indices[d] indexes dim d of self (an undefined tensor
// takes all of it); an int64 tensor picks positions (negative ones count from
// the end), a bool mask of k dims picks where it is true over dims d..d+k-1.
// The index tensors broadcast to one shape B, which takes the indexed dims'
// place in the result when they are adjacent and goes first otherwise.
//
//   Tensor picked = index_tensors(probs, {arange(n), targets});   // probs[range(n), targets]
//   index_put_(x, {mask}, scalar_tensor(0.0), false);             // x[mask] = 0
#pragma once
#include <vector>

#include "gradlab/tensor.h"

namespace gradlab {

Tensor index_tensors(const Tensor& self, const std::vector<Tensor>& indices);  // IndexBackward0
// A copy of self with values (broadcast to the indexing result) written, or added with
// accumulate, at the indexed places; IndexPutBackward0.
Tensor index_put(const Tensor& self, const std::vector<Tensor>& indices, const Tensor& values, bool accumulate);
Tensor index_put_(const Tensor& self, const std::vector<Tensor>& indices, const Tensor& values, bool accumulate);
// The positions of self's nonzero elements, one row of coordinates each ([n, self.dim()], int64).
Tensor nonzero(const Tensor& self);

}  // namespace gradlab
