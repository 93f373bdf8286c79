// tril / triu: one masked copy over the matrices of a batch; each backward is
// the same triangle of the gradient.
#include "gradlab/ops/triangular.h"

#include <cstring>

#include "gradlab/autograd/record.h"
#include "gradlab/ops/movement.h"
#include "kernels/elementwise.h"

namespace gradlab {

namespace {

// Keeps element (i, j) of each matrix where keep(j - i) holds, zero elsewhere.
template <typename Keep>
Tensor triangle(const Tensor& a, const char* node, int64_t diagonal, bool lower, Keep keep) {
  // PyTorch reads the size of dim -2 first, so a 0-d or 1-d tensor fails there, unless it is
  // empty, which it returns as it is.
  GL_CHECK(a.dim() > 0, "Dimension specified as -2 but tensor has no dimensions");
  if (a.numel() > 0) wrap_dim(-2, a.dim());
  Tensor out = kernels::copy_of(a);
  const int64_t rows = a.dim() < 2 ? 0 : a.shape()[a.dim() - 2], cols = a.shape()[a.dim() - 1];
  const int64_t matrices = rows * cols == 0 ? 0 : out.numel() / (rows * cols);
  const size_t size = itemsize(a.dtype());
  char* p = static_cast<char*>(out.raw_ptr());
  for (int64_t m = 0; m < matrices; ++m)
    for (int64_t i = 0; i < rows; ++i)
      for (int64_t j = 0; j < cols; ++j)
        if (!keep(j - i)) std::memset(p + ((m * rows + i) * cols + j) * size, 0, size);
  record(node, {out}, {a}, {}, [diagonal, lower](const BackwardContext& c) {
    return variable_list{lower ? tril(c.grad(), diagonal) : triu(c.grad(), diagonal)};
  });
  return out;
}

}  // namespace

Tensor tril(const Tensor& a, int64_t diagonal) {
  return triangle(a, "TrilBackward0", diagonal, true, [diagonal](int64_t k) { return k <= diagonal; });
}

Tensor triu(const Tensor& a, int64_t diagonal) {
  return triangle(a, "TriuBackward0", diagonal, false, [diagonal](int64_t k) { return k >= diagonal; });
}

}  // namespace gradlab
