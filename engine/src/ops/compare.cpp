// Comparisons (bool results, no gradient), where, allclose.
#include <cmath>

#include "gradlab/autograd/record.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/reduce.h"
#include "kernels/compare.h"
#include "kernels/elementwise.h"

namespace gradlab {

namespace {
Tensor compared(const Tensor& a, const Tensor& b, kernels::CompareOp op) {
  const DType dt = result_type(a, b);
  Tensor out = kernels::compare(kernels::cast_nograd(a, dt), kernels::cast_nograd(b, dt), op);
  propagate_flags({out}, {a, b});
  return out;
}
}  // namespace

Tensor eq(const Tensor& a, const Tensor& b) { return compared(a, b, kernels::CompareOp::Eq); }
Tensor ne(const Tensor& a, const Tensor& b) { return compared(a, b, kernels::CompareOp::Ne); }
Tensor lt(const Tensor& a, const Tensor& b) { return compared(a, b, kernels::CompareOp::Lt); }
Tensor le(const Tensor& a, const Tensor& b) { return compared(a, b, kernels::CompareOp::Le); }
Tensor gt(const Tensor& a, const Tensor& b) { return compared(a, b, kernels::CompareOp::Gt); }
Tensor ge(const Tensor& a, const Tensor& b) { return compared(a, b, kernels::CompareOp::Ge); }

bool allclose(const Tensor& a, const Tensor& b, double rtol, double atol, bool equal_nan) {
  const Tensor ca = kernels::cast_nograd(a, DType::Float64), cb = kernels::cast_nograd(b, DType::Float64);
  const Tensor close = kernels::binary<double, kernels::bool_t>(ca, cb, DType::Bool, [=](double x, double y) {
    if (std::isnan(x) || std::isnan(y)) return static_cast<kernels::bool_t>(equal_nan && std::isnan(x) && std::isnan(y));
    if (x == y) return kernels::bool_t(1);
    return static_cast<kernels::bool_t>(std::fabs(x - y) <= atol + rtol * std::fabs(y));
  });
  const kernels::bool_t* p = close.data_ptr<kernels::bool_t>();
  for (int64_t i = 0; i < close.numel(); ++i)
    if (!p[i]) return false;
  return true;
}

Tensor where(const Tensor& cond, const Tensor& a, const Tensor& b) {
  GL_CHECK(cond.dtype() == DType::Bool, "where expected condition to be a boolean tensor, but got a tensor with dtype ",
           scalar_type_name(cond.dtype()));
  // The condition broadcasts with a first, then with b (the order PyTorch's messages name them in).
  const Shape shape = broadcast_shapes(broadcast_shapes(cond.shape(), a.shape()), b.shape());
  const DType dt = result_type(a, b);
  // Laid out as PyTorch's TensorIterator lays out where's result (the condition first).
  Tensor out = Tensor::empty(shape, dt);
  out.impl()->strides = elementwise_strides(shape, {&cond, &a, &b});
  const Tensor ca = kernels::cast_nograd(a, dt), cb = kernels::cast_nograd(b, dt);
  const Shape sc = kernels::broadcast_strides(cond, shape), sa = kernels::broadcast_strides(ca, shape),
              sb = kernels::broadcast_strides(cb, shape);
  kernels::select_into(shape, itemsize(dt), out.raw_ptr(), out.strides(), cond.data_ptr<kernels::bool_t>(), sc,
                       ca.raw_ptr(), sa, cb.raw_ptr(), sb);
  // d where(c, a, b) = where(c, grad, 0), where(c, 0, grad)
  record("WhereBackward0", {out}, {cond, a, b}, {cond}, [](const BackwardContext& c) {
    const Tensor zero = zeros_like(c.grad());
    return variable_list{Tensor(), c.needs(1) ? where(c.saved[0], c.grad(), zero) : Tensor(),
                         c.needs(2) ? where(c.saved[0], zero, c.grad()) : Tensor()};
  });
  return out;
}

}  // namespace gradlab
