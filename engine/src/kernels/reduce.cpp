#include "kernels/reduce.h"

#include "kernels/elementwise.h"

namespace gradlab::kernels {

Dims reduced_dims(const Dims& dims, int64_t ndim) {
  const std::vector<bool> mask = dim_mask(dims, ndim);
  Dims out;
  for (int64_t d = 0; d < ndim; ++d)
    if (mask[d]) out.push_back(d);
  return out;
}

ReducePlan plan_reduce(const Tensor& a, const Dims& dims, bool keepdim) {
  const int64_t nd = a.dim();
  const std::vector<bool> mask = dim_mask(dims, nd);
  ReducePlan p;
  Shape order_shape, order_strides, kept_shape, reduced_shape;
  for (int pass = 0; pass < 2; ++pass)
    for (int64_t d = 0; d < nd; ++d)
      if (mask[d] == (pass == 1)) {
        order_shape.push_back(a.shape()[d]);
        order_strides.push_back(a.strides()[d]);
        (pass == 0 ? p.outer : p.inner) *= a.shape()[d];
      }
  for (int64_t d = 0; d < nd; ++d) {
    p.keep_shape.push_back(mask[d] ? 1 : a.shape()[d]);
    if (!mask[d] || keepdim) p.out_shape.push_back(mask[d] ? 1 : a.shape()[d]);
  }
  const Tensor permuted = make_view(a, order_shape, order_strides, a.offset());
  if (permuted.is_contiguous()) {
    p.rows = permuted;
  } else {
    p.rows = Tensor::empty(order_shape, a.dtype());
    copy_into(p.rows, permuted);
  }
  return p;
}

}  // namespace gradlab::kernels
