// Which elements PyTorch 1.13's vectorised CPU loops compute (vector_rows.h).
#include "kernels/vector_rows.h"

#include <algorithm>

#include "gradlab/ops/movement.h"
#include "kernels/loops.h"

namespace gradlab::kernels {

std::vector<uint8_t> vectorised_elements(const Shape& shape, const std::vector<const Tensor*>& inputs,
                                         size_t element_size) {
  std::vector<uint8_t> flags(static_cast<size_t>(numel_of(shape)), 0);
  if (flags.empty()) return flags;
  const Shape out = elementwise_strides(shape, inputs);
  std::vector<Shape> in;
  for (const Tensor* t : inputs) in.push_back(broadcast_strides(*t, shape));
  // The dims that move, innermost first: the output is dense in TensorIterator's order.
  std::vector<int64_t> dims;
  for (int64_t d = 0; d < static_cast<int64_t>(shape.size()); ++d)
    if (shape[d] != 1) dims.push_back(d);
  if (dims.empty()) return flags;  // one element: no whole chunk
  std::sort(dims.begin(), dims.end(), [&](int64_t a, int64_t b) { return out[a] < out[b]; });
  const int64_t first = dims.front();
  int64_t inner = shape[first];
  for (size_t k = 1; k < dims.size(); ++k) {
    bool continues = out[dims[k]] == inner * out[first];
    for (const Shape& s : in) continues = continues && s[dims[k]] == inner * s[first];
    if (!continues) break;
    inner *= shape[dims[k]];
  }
  int singles = 0;
  bool vector_loop = out[first] == 1;
  for (const Shape& s : in) {
    if (s[first] == 0) ++singles;
    else if (s[first] != 1) vector_loop = false;
  }
  if (!vector_loop || singles > 1) return flags;
  const int64_t chunk = 64 / static_cast<int64_t>(element_size);
  const int64_t vectorised = inner / chunk * chunk;
  size_t i = 0;
  for_each_offset<1>(shape, {out.data()}, [&](const std::array<int64_t, 1>& o) {
    flags[i++] = o[0] % inner < vectorised;
  });
  return flags;
}

bool any_vectorised(const std::vector<uint8_t>& flags) {
  return std::any_of(flags.begin(), flags.end(), [](uint8_t f) { return f != 0; });
}

}  // namespace gradlab::kernels
