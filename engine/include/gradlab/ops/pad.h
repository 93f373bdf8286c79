// F.pad in "constant" mode (PyTorch's constant_pad_nd): pad holds (before,
// after) pairs starting from the last dim; negative amounts crop.
//
//   Tensor y = pad(x, {1, 1, 2, 0}, 0.5);  // F.pad(x, (1, 1, 2, 0), value=0.5)
#pragma once
#include <string>
#include <vector>

#include "gradlab/tensor.h"

namespace gradlab {

Tensor pad(const Tensor& input, const std::vector<int64_t>& pad, double value = 0);

// F.pad's other modes (pad_modes.cpp): each output element is a copy of an input
// element, mirrored at the edge (reflect), the edge repeated (replicate) or
// wrapped around (circular). They pad the last 1, 2 or 3 dims of a batched or
// unbatched input, as PyTorch's ReflectionPad/ReplicationPad modules.
enum class PadMode { Constant = 0, Reflect = 1, Replicate = 2, Circular = 3 };
PadMode pad_mode_from_name(const std::string& name);  // "constant" | "reflect" | "replicate" | "circular"
Tensor pad(const Tensor& input, const std::vector<int64_t>& pad, PadMode mode);

}  // namespace gradlab
