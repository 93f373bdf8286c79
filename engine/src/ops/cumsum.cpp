// cumsum: a scan along one dim, accumulated in double for floating inputs
// (PyTorch's CPU accumulation type), in int64 otherwise.
#include "gradlab/ops/cumsum.h"

#include "gradlab/autograd/record.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/movement.h"
#include "gradlab/ops/reduce.h"
#include "kernels/elementwise.h"
#include "kernels/loops.h"

namespace gradlab {

Tensor cumsum(const Tensor& input, int64_t dim) {
  const int64_t d = wrap_dim(dim, input.dim());
  const DType out_dtype = is_floating(input.dtype()) ? input.dtype() : DType::Int64;
  // A contiguous copy in the result's dtype, summed in place along d.
  Tensor out = Tensor::empty(input.shape(), out_dtype);
  kernels::copy_into(out, input);
  const int64_t n = input.dim() == 0 ? 1 : input.shape()[d];
  int64_t outer = 1, inner = 1;
  for (int64_t k = 0; k < d; ++k) outer *= input.shape()[k];
  for (int64_t k = d + 1; k < input.dim(); ++k) inner *= input.shape()[k];
  auto scan = [&](auto* p, auto acc) {
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t i = 0; i < inner; ++i) {
        decltype(acc) running = 0;
        for (int64_t k = 0; k < n; ++k) {
          auto& v = p[(o * n + k) * inner + i];
          running += v;
          v = static_cast<std::remove_reference_t<decltype(v)>>(running);
        }
      }
  };
  switch (out_dtype) {
    case DType::Float32: scan(out.data_ptr<float>(), double(0)); break;
    case DType::Float64: scan(out.data_ptr<double>(), double(0)); break;
    default: scan(out.data_ptr<int64_t>(), int64_t(0)); break;
  }
  // d cumsum = the reversed running sum of grad: sum(grad) - cumsum(grad) + grad
  record("CumsumBackward0", {out}, {input}, {}, [d](const BackwardContext& c) {
    const Tensor& g = c.grad();
    if (g.dim() == 0) return variable_list{g};
    return variable_list{add(sub(sum(g, {d}, true), cumsum(g, d)), g)};
  });
  return out;
}

}  // namespace gradlab
