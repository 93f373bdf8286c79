// PyTorch's type promotion: dimensioned tensors decide the dtype unless a 0-d
// tensor or plain number of a higher category (bool < integer < float) is present.
#include "gradlab/ops/elementwise.h"

namespace gradlab {

namespace {
int category(DType d) { return d == DType::Bool ? 0 : d == DType::Int64 ? 1 : 2; }
int rank(DType d) {
  switch (d) {
    case DType::Bool: return 0;
    case DType::Int64: return 1;
    case DType::Float32: return 2;
    case DType::Float64: return 3;
  }
  return 0;
}
DType promote(DType x, DType y) { return rank(x) >= rank(y) ? x : y; }

struct Group {
  bool any = false;
  DType dtype = DType::Bool;
  void add(DType d) {
    dtype = any ? promote(dtype, d) : d;
    any = true;
  }
};
}  // namespace

DType result_type(const Tensor& a, const Tensor& b) { return result_type(std::vector<Tensor>{a, b}); }

DType result_type(const std::vector<Tensor>& operands) {
  Group dims, zero, wrapped;
  for (const Tensor* t = operands.data(); t != operands.data() + operands.size(); ++t) {
    if (t->impl()->is_wrapped_number)
      wrapped.add(t->dtype());
    else if (t->dim() == 0)
      zero.add(t->dtype());
    else
      dims.add(t->dtype());
  }
  bool have = dims.any;
  DType result = dims.dtype;
  if (zero.any && (!have || category(zero.dtype) > category(result))) {
    result = zero.dtype;
    have = true;
  }
  if (wrapped.any && (!have || category(wrapped.dtype) > category(result))) {
    // A plain JS number promotes to the default dtype of its category (two floats give float32).
    result = category(wrapped.dtype) == 2 ? DType::Float32 : wrapped.dtype;
  }
  return result;
}

}  // namespace gradlab
