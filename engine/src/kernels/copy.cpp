// Strided copies and dtype conversion: the one place layouts are rewritten.
#include "kernels/elementwise.h"

namespace gradlab::kernels {

void copy_into(const Tensor& dst, const Tensor& src) {
  GL_CHECK(src.dim() <= dst.dim() && broadcast_shapes(src.shape(), dst.shape()) == dst.shape(),
           "output with shape ", shape_str(dst.shape()), " doesn't match the broadcast shape ",
           shape_str(broadcast_shapes(src.shape(), dst.shape())));
  const Shape sd = dst.strides();
  const Shape ss = broadcast_strides(src, dst.shape());
  GL_DISPATCH_ALL(dst.dtype(), To, {
    To* pd = dst.data_ptr<To>();
    GL_DISPATCH_ALL(src.dtype(), From, {
      const From* ps = src.data_ptr<From>();
      if (dst.is_contiguous() && src.is_contiguous() && src.shape() == dst.shape()) {
        const int64_t n = dst.numel();
        for (int64_t i = 0; i < n; ++i) pd[i] = convert<To>(ps[i]);
      } else {
        for_each_offset<2>(dst.shape(), {sd.data(), ss.data()},
                           [&](const std::array<int64_t, 2>& o) { pd[o[0]] = convert<To>(ps[o[1]]); });
      }
    });
  });
}

Tensor cast_nograd(const Tensor& t, DType dtype) {
  if (t.dtype() == dtype) return t;
  Tensor out = Tensor::empty(t.shape(), dtype);
  copy_into(out, t);
  return out;
}

}  // namespace gradlab::kernels
