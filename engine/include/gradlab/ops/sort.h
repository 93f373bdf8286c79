// torch.sort / argsort / topk: values and their indices along one dim. NaN
// sorts above every number (last ascending, first descending). Equal values
// keep their input order, which is what stable=True promises; PyTorch leaves
// the order of ties open otherwise.
//
//   auto [values, indices] = sort(x, -1, /*descending=*/true);
#pragma once
#include <cstdint>
#include <optional>

#include "gradlab/ops/reduce.h"
#include "gradlab/tensor.h"

namespace gradlab {

// stable is PyTorch's keyword-only flag: given, the node is SortBackward1 as in PyTorch.
ValuesIndices sort(const Tensor& input, int64_t dim = -1, bool descending = false,
                   std::optional<bool> stable = std::nullopt);
Tensor argsort(const Tensor& input, int64_t dim = -1, bool descending = false, bool stable = false);
// The k largest (or smallest) along dim, in sorted order.
ValuesIndices topk(const Tensor& input, int64_t k, int64_t dim = -1, bool largest = true, bool sorted = true);

}  // namespace gradlab
