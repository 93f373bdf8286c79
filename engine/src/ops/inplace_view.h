// Internal: in-place ops on views (PyTorch's CopySlices), used by inplace.cpp.
#pragma once
#include "gradlab/tensor.h"

namespace gradlab {

// After `view` was overwritten in place with `result` (which carries the op's
// grad_fn), gives `base` the history "old base with the view's elements
// replaced by result" (a CopySlices node) and makes the view a strided view of
// that new history (AsStridedBackward0).
void rebase_view_history(const Tensor& view, const Tensor& base, const Tensor& result);

}  // namespace gradlab
