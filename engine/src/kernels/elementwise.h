// Internal: elementwise kernels. Inputs of any layout; outputs are fresh and
// contiguous. Contiguous inputs take a flat loop the compiler can vectorise.
#pragma once
#include "gradlab/ops/movement.h"
#include "kernels/loops.h"

namespace gradlab::kernels {

// Converts `t` to dtype (a copy only when needed), without autograd.
Tensor cast_nograd(const Tensor& t, DType dtype);

// out[i] = f(a[i]) with a read as In and out written as Out.
template <typename In, typename Out, typename F>
Tensor unary(const Tensor& a, DType out_dtype, F f) {
  Tensor out = Tensor::empty(a.shape(), out_dtype);
  Out* po = out.data_ptr<Out>();
  const In* pa = a.data_ptr<In>();
  if (a.is_contiguous()) {
    const int64_t n = a.numel();
    for (int64_t i = 0; i < n; ++i) po[i] = f(pa[i]);
  } else {
    int64_t i = 0;
    for_each_offset<1>(a.shape(), {a.strides().data()}, [&](const std::array<int64_t, 1>& o) {
      po[i++] = f(pa[o[0]]);
    });
  }
  return out;
}

// out = f(a, b) with NumPy broadcasting; a and b already have dtype In.
template <typename In, typename Out, typename F>
Tensor binary(const Tensor& a, const Tensor& b, DType out_dtype, F f) {
  const Shape shape = a.shape() == b.shape() ? a.shape() : broadcast_shapes(a.shape(), b.shape());
  Tensor out = Tensor::empty(shape, out_dtype);
  Out* po = out.data_ptr<Out>();
  const In* pa = a.data_ptr<In>();
  const In* pb = b.data_ptr<In>();
  const int64_t n = out.numel();
  const bool ca = a.is_contiguous(), cb = b.is_contiguous();
  if (ca && cb && a.shape() == b.shape()) {
    for (int64_t i = 0; i < n; ++i) po[i] = f(pa[i], pb[i]);
  } else if (ca && b.numel() == 1 && a.numel() == n) {
    const In vb = *pb;
    for (int64_t i = 0; i < n; ++i) po[i] = f(pa[i], vb);
  } else if (cb && a.numel() == 1 && b.numel() == n) {
    const In va = *pa;
    for (int64_t i = 0; i < n; ++i) po[i] = f(va, pb[i]);
  } else {
    const Shape sa = broadcast_strides(a, shape), sb = broadcast_strides(b, shape);
    int64_t i = 0;
    for_each_offset<2>(shape, {sa.data(), sb.data()}, [&](const std::array<int64_t, 2>& o) {
      po[i++] = f(pa[o[0]], pb[o[1]]);
    });
  }
  return out;
}

// Writes src (broadcast to dst's shape, converted to dst's dtype) into dst's memory.
void copy_into(const Tensor& dst, const Tensor& src);

}  // namespace gradlab::kernels
