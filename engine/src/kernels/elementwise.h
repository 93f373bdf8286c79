// Internal: elementwise kernels. Inputs of any layout; outputs are fresh, laid
// out as PyTorch's TensorIterator lays them out (elementwise_strides: contiguous
// unless an input is not), computed flat and copied into a permuted layout when
// that is what PyTorch gives. Only flat loops over contiguous float32/float64
// inputs are vectorised; int64 and bool take one plain loop; other layouts are
// copied flat first (materialize).
#pragma once
#include "gradlab/ops/movement.h"
#include "kernels/loops.h"

// Loops over int64 and bool elements are not vectorised or unrolled: nobody
// needs them fast, and one vectorised loop per op and dtype adds up to
// hundreds of kilobytes of wasm.
#if defined(__clang__)
#define GL_COLD_LOOP _Pragma("clang loop vectorize(disable) interleave(disable) unroll(disable)")
#define GL_HOT_LOOP _Pragma("clang loop interleave_count(1)")
#else
#define GL_COLD_LOOP
#define GL_HOT_LOOP
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

// The templated part of an elementwise kernel is only its flat loops over
// contiguous operands (vectorised for float32/float64). Everything else,
// shapes, broadcasting, layouts, the output tensor, is one dtype-generic
// driver below, shared by every op and dtype: a template copy of that per op
// and dtype was about 2 KB of wasm each.

// A flat loop: out[i] = f(a[i]) (or f(a[i], b[i])) for i < n; fn points to f.
// `single` names an operand that is one value, read for every i (0: none, 1: a, 2: b).
using UnaryLoop = void (*)(void* out, const void* a, int64_t n, const void* fn);
using BinaryLoop = void (*)(void* out, const void* a, const void* b, int64_t n, int single, const void* fn);

// The drivers: a of any layout (unary), or a and b of one dtype with NumPy
// broadcasting (binary). They are defined in ops/unary.cpp and
// ops/arithmetic.cpp, compiled for speed with the hot ops.
Tensor unary_run(const Tensor& a, DType out_dtype, UnaryLoop loop, const void* fn);
Tensor binary_run(const Tensor& a, const Tensor& b, DType out_dtype, BinaryLoop loop, const void* fn);

template <typename In, typename Out, typename F>
void unary_loops(Out* __restrict po, const In* __restrict pa, int64_t n, F f) {
  if constexpr (std::is_floating_point_v<In>) {
    GL_HOT_LOOP
    for (int64_t i = 0; i < n; ++i) po[i] = f(pa[i]);
  } else {
    GL_COLD_LOOP
    for (int64_t i = 0; i < n; ++i) po[i] = f(pa[i]);
  }
}

template <typename In, typename Out, typename F>
void unary_loop(void* out, const void* a, int64_t n, const void* fn) {
  unary_loops<In, Out>(static_cast<Out*>(out), static_cast<const In*>(a), n, *static_cast<const F*>(fn));
}

// Floats have a vectorised loop for each case (a single value kept in a register),
// one vector wide (no interleaving: half the code, as fast on memory-bound loops);
// int64 and bool one plain loop, the single value read with step 0. The output is
// always fresh, so __restrict spares the loops their overlap checks.
template <typename In, typename Out, typename F>
void binary_loops(Out* __restrict po, const In* __restrict pa, const In* __restrict pb, int64_t n, int single, F f) {
  if constexpr (std::is_floating_point_v<In>) {
    if (single == 0) {
      GL_HOT_LOOP
      for (int64_t i = 0; i < n; ++i) po[i] = f(pa[i], pb[i]);
    } else if (single == 2) {
      const In vb = *pb;
      GL_HOT_LOOP
      for (int64_t i = 0; i < n; ++i) po[i] = f(pa[i], vb);
    } else {
      const In va = *pa;
      GL_HOT_LOOP
      for (int64_t i = 0; i < n; ++i) po[i] = f(va, pb[i]);
    }
  } else {
    const int64_t ia = single == 1 ? 0 : 1, ib = single == 2 ? 0 : 1;
    GL_COLD_LOOP
    for (int64_t i = 0; i < n; ++i) po[i] = f(pa[i * ia], pb[i * ib]);
  }
}

template <typename In, typename Out, typename F>
void binary_loop(void* out, const void* a, const void* b, int64_t n, int single, const void* fn) {
  binary_loops<In, Out>(static_cast<Out*>(out), static_cast<const In*>(a), static_cast<const In*>(b), n, single,
                        *static_cast<const F*>(fn));
}

// out[i] = f(a[i]) with a read as In and out written as Out.
template <typename In, typename Out, typename F>
Tensor unary(const Tensor& a, DType out_dtype, F f) {
  return unary_run(a, out_dtype, unary_loop<In, Out, F>, &f);
}

// out = f(a, b) with NumPy broadcasting; a and b already have dtype In.
template <typename In, typename Out, typename F>
Tensor binary(const Tensor& a, const Tensor& b, DType out_dtype, F f) {
  return binary_run(a, b, out_dtype, binary_loop<In, Out, F>, &f);
}

// Writes src (broadcast to dst's shape, converted to dst's dtype) into dst's memory.
void copy_into(const Tensor& dst, const Tensor& src);
// A fresh contiguous copy of src's values, outside autograd (reading it records nothing and
// refreshes no view's history).
Tensor copy_of(const Tensor& src);

// out = cond ? a : b over `shape`, each operand given by its data and element strides (0 where
// broadcast), for any dtype of `size` bytes per element: where and masked_fill.
void select_into(const Shape& shape, size_t size, void* out, const Shape& so, const bool_t* cond, const Shape& sc,
                 const void* a, const Shape& sa, const void* b, const Shape& sb);

}  // namespace gradlab::kernels
