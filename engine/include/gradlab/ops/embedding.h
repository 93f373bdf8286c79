// torch.nn.functional lookups by index: embedding (rows of a weight table,
// padding_idx rows get no gradient) and one_hot.
//
//   Tensor e = embedding(tokens, table, 0);  // F.embedding(tokens, table, padding_idx=0)
#pragma once
#include <optional>

#include "gradlab/tensor.h"

namespace gradlab {

// input: int64 indices of any shape; weight [num_embeddings, dim] -> [*input.shape, dim].
Tensor embedding(const Tensor& input, const Tensor& weight, std::optional<int64_t> padding_idx = std::nullopt);
// int64 class indices -> int64 [*input.shape, num_classes]; -1 means max(input) + 1.
Tensor one_hot(const Tensor& input, int64_t num_classes = -1);

}  // namespace gradlab
