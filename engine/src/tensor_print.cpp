#include "gradlab/tensor_print.h"

#include "gradlab/autograd/node.h"
#include "gradlab/ops/movement.h"
#include "print/float_format.h"

namespace gradlab {

namespace {
print::View view_of(const Tensor& contiguous_tensor) {
  return {contiguous_tensor.dtype(), contiguous_tensor.shape(), contiguous_tensor.raw_ptr()};
}
Tensor dense(const Tensor& t) { return contiguous(t.detach()); }
}  // namespace

std::string tensor_repr(const Tensor& t) {
  const Tensor c = dense(t);
  switch (t.legacy()) {
    case Legacy::Tensor:
      // 0.3 returned a Python number for a full reduction of a tensor, so print shows that number.
      if (t.dim() == 0) {
        const double v = c.item();
        return is_floating(t.dtype()) ? print::detail::py_repr(v)
               : t.dtype() == DType::Bool ? std::string(v != 0 ? "True" : "False")
                                          : std::to_string(static_cast<long long>(v));
      }
      return print::legacy_repr(view_of(c), false);
    case Legacy::Variable:
      return print::legacy_repr(view_of(c), true);
    case Legacy::None:
      break;
  }
  print::TorchSuffix suffix;
  if (t.grad_fn())
    suffix.grad_fn = t.grad_fn()->name();
  else
    suffix.requires_grad = t.requires_grad();
  return print::torch_repr(view_of(c), suffix);
}

std::string numpy_str(const Tensor& t) {
  const Tensor c = dense(t);
  print::NumpyOptions opts = print::numpy_options();
  if (t.legacy() != Legacy::None) opts.legacy_113 = true;
  return print::numpy_str(view_of(c), opts);
}

std::string numpy_repr(const Tensor& t) {
  const Tensor c = dense(t);
  print::NumpyOptions opts = print::numpy_options();
  if (t.legacy() != Legacy::None) opts.legacy_113 = true;
  return print::numpy_repr(view_of(c), opts);
}

}  // namespace gradlab
