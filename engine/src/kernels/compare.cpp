#include "kernels/compare.h"

#include "kernels/elementwise.h"

namespace gradlab::kernels {

namespace {
template <typename T>
void compare_loop(const T* pa, int64_t ia, const T* pb, int64_t ib, bool_t* po, int64_t n, CompareOp op) {
  GL_COLD_LOOP
  for (int64_t i = 0; i < n; ++i) {
    const T x = pa[i * ia], y = pb[i * ib];
    bool r = false;
    switch (op) {
      case CompareOp::Eq: r = x == y; break;
      case CompareOp::Ne: r = x != y; break;
      case CompareOp::Lt: r = x < y; break;
      case CompareOp::Le: r = x <= y; break;
      case CompareOp::Gt: r = x > y; break;
      case CompareOp::Ge: r = x >= y; break;
    }
    po[i] = r ? 1 : 0;
  }
}
}  // namespace

Tensor compare(const Tensor& a, const Tensor& b, CompareOp op) {
  const Shape shape = a.shape() == b.shape() ? a.shape() : broadcast_shapes(a.shape(), b.shape());
  const int64_t n = numel_of(shape);
  // Flat operands of the output's size, or a single value read with step 0.
  const auto operand = [&](const Tensor& t) {
    return t.numel() == 1 || (t.is_contiguous() && t.numel() == n) ? t : materialize(t, shape);
  };
  const Tensor fa = operand(a), fb = operand(b);
  const int64_t ia = fa.numel() == n ? 1 : 0, ib = fb.numel() == n ? 1 : 0;
  Tensor out = Tensor::empty(shape, DType::Bool);
  GL_DISPATCH_ALL(a.dtype(), T, compare_loop<T>(fa.data_ptr<T>(), ia, fb.data_ptr<T>(), ib, out.data_ptr<bool_t>(), n, op));
  if (a.is_contiguous() && b.is_contiguous()) return out;
  return with_layout(out, elementwise_strides(shape, {&a, &b}));
}

}  // namespace gradlab::kernels
