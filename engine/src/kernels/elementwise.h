// Internal: elementwise kernels. Inputs of any layout; outputs are fresh, laid
// out as PyTorch's TensorIterator lays them out (elementwise_strides: contiguous
// unless an input is not), computed flat and copied into a permuted layout when
// that is what PyTorch gives. Only flat loops over contiguous float32/float64 inputs (or a
// single value) are vectorised; int64 and bool take one plain loop; other
// layouts are copied flat first (materialize).
#pragma once
#include "gradlab/ops/movement.h"
#include "kernels/loops.h"

// Loops over int64 and bool elements are not vectorised or unrolled: nobody
// needs them fast, and one vectorised loop per op and dtype adds up to
// hundreds of kilobytes of wasm.
#if defined(__clang__)
#define GL_COLD_LOOP _Pragma("clang loop vectorize(disable) interleave(disable) unroll(disable)")
#else
#define GL_COLD_LOOP
#endif

namespace gradlab::kernels {

// Converts `t` to dtype (a copy only when needed), without autograd.
Tensor cast_nograd(const Tensor& t, DType dtype);

// A contiguous copy of t broadcast to shape, in t's dtype (copy_into's
// dtype-generic loop). The templated kernels below keep only their flat,
// vectorisable loops and send any other layout through this first: one
// strided loop for every op and dtype instead of one per instantiation.
Tensor materialize(const Tensor& t, const Shape& shape);

// `flat` (a contiguous result) itself when `strides` are contiguous, else a copy laid out with them.
Tensor with_layout(const Tensor& flat, const Shape& strides);

// out[i] = f(a[i]) with a read as In and out written as Out.
template <typename In, typename Out, typename F>
Tensor unary(const Tensor& a, DType out_dtype, F f) {
  if (!a.is_contiguous())
    return with_layout(unary<In, Out>(materialize(a, a.shape()), out_dtype, f), elementwise_strides(a.shape(), {&a}));
  Tensor out = Tensor::empty(a.shape(), out_dtype);
  Out* po = out.data_ptr<Out>();
  const In* pa = a.data_ptr<In>();
  const int64_t n = a.numel();
  if constexpr (std::is_floating_point_v<In>) {
    for (int64_t i = 0; i < n; ++i) po[i] = f(pa[i]);
  } else {
    GL_COLD_LOOP
    for (int64_t i = 0; i < n; ++i) po[i] = f(pa[i]);
  }
  return out;
}

// out = f(a, b) with NumPy broadcasting; a and b already have dtype In.
// Hot loops: same-shape contiguous operands, or one of them a single value.
template <typename In, typename Out, typename F>
Tensor binary(const Tensor& a, const Tensor& b, DType out_dtype, F f) {
  const Shape shape = a.shape() == b.shape() ? a.shape() : broadcast_shapes(a.shape(), b.shape());
  const int64_t n = numel_of(shape);
  const bool ca = a.is_contiguous() && a.numel() == n, cb = b.is_contiguous() && b.numel() == n;
  const bool sa = a.numel() == 1, sb = b.numel() == 1;
  if (!((ca && (cb || sb)) || (sa && cb))) {
    const Tensor flat =
        binary<In, Out>(ca || sa ? a : materialize(a, shape), cb || sb ? b : materialize(b, shape), out_dtype, f);
    return with_layout(flat, elementwise_strides(shape, {&a, &b}));
  }
  Tensor out = Tensor::empty(shape, out_dtype);
  Out* po = out.data_ptr<Out>();
  const In* pa = a.data_ptr<In>();
  const In* pb = b.data_ptr<In>();
  if constexpr (std::is_floating_point_v<In>) {
    if (ca && cb) {
      for (int64_t i = 0; i < n; ++i) po[i] = f(pa[i], pb[i]);
    } else if (ca) {
      const In vb = *pb;
      for (int64_t i = 0; i < n; ++i) po[i] = f(pa[i], vb);
    } else {
      const In va = *pa;
      for (int64_t i = 0; i < n; ++i) po[i] = f(va, pb[i]);
    }
  } else {
    // int64 and bool: one plain loop, a single value read with step 0.
    const int64_t ia = ca ? 1 : 0, ib = cb ? 1 : 0;
    GL_COLD_LOOP
    for (int64_t i = 0; i < n; ++i) po[i] = f(pa[i * ia], pb[i * ib]);
  }
  return out;
}

// Writes src (broadcast to dst's shape, converted to dst's dtype) into dst's memory.
void copy_into(const Tensor& dst, const Tensor& src);

}  // namespace gradlab::kernels
