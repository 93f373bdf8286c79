// sum, mean and sum_to (the reverse of broadcasting).
#include "gradlab/autograd/record.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/movement.h"
#include "gradlab/ops/reduce.h"
#include "kernels/cascade_sum.h"
#include "kernels/elementwise.h"
#include "kernels/reduce.h"

namespace gradlab {

namespace {

// Sum of each row; integers and bools sum to int64, as torch.sum (their sums are exact in any order).
Tensor sum_rows(const kernels::ReducePlan& p, DType in_dtype) {
  const DType out_dtype = is_floating(in_dtype) ? in_dtype : DType::Int64;
  Tensor out = Tensor::empty(p.out_shape, out_dtype);
  GL_DISPATCH_ALL(in_dtype, T, {
    using Acc = std::conditional_t<std::is_floating_point_v<T>, T, int64_t>;
    const T* src = p.rows.template data_ptr<T>();
    Acc* dst = out.template data_ptr<Acc>();
    for (int64_t o = 0; o < p.outer; ++o) {
      const T* row = src + o * p.inner;
      Acc acc = 0;
      for (int64_t i = 0; i < p.inner; ++i) acc += static_cast<Acc>(row[i]);
      dst[o] = acc;
    }
  });
  return out;
}

// The sum over `dims` in the shape keepdim asks for: floats in PyTorch's order of additions
// (kernels/cascade_sum), read in place; integers and bools through the row layout.
Tensor sum_impl(const Tensor& a, const Dims& dims, bool keepdim, Shape& keep) {
  if (!is_floating(a.dtype())) {
    auto plan = kernels::plan_reduce(a, dims, keepdim);
    keep = plan.keep_shape;
    return sum_rows(plan, a.dtype());
  }
  const std::vector<bool> mask = dim_mask(dims, a.dim());
  Shape out_shape;
  keep.clear();
  for (int64_t d = 0; d < a.dim(); ++d) {
    keep.push_back(mask[d] ? 1 : a.shape()[d]);
    if (!mask[d] || keepdim) out_shape.push_back(keep.back());
  }
  Tensor out = zeros(out_shape, a.dtype());
  kernels::cascade_sum_into(a, mask, out);
  return out;
}

// Brings a reduced gradient back to the input's shape: re-insert kept dims, then expand.
Tensor expand_grad(const Tensor& g, const Shape& keep_shape, const Shape& input_shape) {
  return expand(reshape(g, keep_shape), input_shape);
}

}  // namespace

Tensor sum(const Tensor& a, const Dims& dims, bool keepdim) {
  check_dims_in_range(dims, a.dim());
  Shape keep;
  Tensor out = sum_impl(a, dims, keepdim, keep);
  const Shape in_shape = a.shape();
  // d sum(a) = grad expanded back over the summed dims
  record(dims.empty() && !keepdim ? "SumBackward0" : "SumBackward1", {out}, {a}, {},
         [in_shape, keep](const BackwardContext& c) { return variable_list{expand_grad(c.grad(), keep, in_shape)}; });
  return out;
}

Tensor sum(const Tensor& a) { return sum(a, {}, false); }

Tensor mean(const Tensor& a, const Dims& dims, bool keepdim) {
  GL_CHECK(is_floating(a.dtype()),
           "mean(): could not infer output dtype. Input dtype must be either a floating point or "
           "complex dtype. Got: ", a.dtype() == DType::Int64 ? "Long" : "Bool");
  check_dims_in_range(dims, a.dim());
  Shape keep;
  // PyTorch's CPU mean is that sum divided by the count.
  Tensor out = sum_impl(a, dims, keepdim, keep);
  double n = 1;
  for (const int64_t d : kernels::reduced_dims(dims, a.dim())) n *= static_cast<double>(a.shape()[d]);
  GL_DISPATCH_FLOAT(out.dtype(), T, {
    T* p = out.data_ptr<T>();
    for (int64_t i = 0; i < out.numel(); ++i) p[i] = static_cast<T>(p[i] / static_cast<T>(n));
  });
  const Shape in_shape = a.shape();
  // d mean(a) = grad / n expanded back over the reduced dims
  // PyTorch 1.13's MeanBackward1 saves self (its formula reads self.sym_numel()), so a
  // second backward or an in-place change of self raises there; MeanBackward0 keeps sizes only.
  const bool whole = dims.empty() && !keepdim;
  record(whole ? "MeanBackward0" : "MeanBackward1", {out}, {a}, whole ? TensorList{} : TensorList{a},
         [in_shape, keep, n](const BackwardContext& c) {
           return variable_list{expand_grad(div(c.grad(), n), keep, in_shape)};
         });
  return out;
}

Tensor mean(const Tensor& a) { return mean(a, {}, false); }

Tensor sum_to(const Tensor& grad, const Shape& shape) {
  if (grad.shape() == shape) return grad;
  if (shape.empty()) return sum(grad);  // as PyTorch's sum_to: SumBackward0 (live run s99004-833)
  const int64_t lead = grad.dim() - static_cast<int64_t>(shape.size());
  GL_CHECK(lead >= 0, "sum_to: cannot reduce ", shape_str(grad.shape()), " to ", shape_str(shape));
  Dims dims;
  for (int64_t d = 0; d < grad.dim(); ++d)
    if (d < lead || (shape[d - lead] == 1 && grad.shape()[d] != 1)) dims.push_back(d);
  Tensor r = dims.empty() ? grad : sum(grad, dims, true);
  // A view, as PyTorch's sum_to: ViewBackward0 under create_graph (live run s98007-676).
  return r.shape() == shape ? r : view(r, shape);
}

}  // namespace gradlab
