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

namespace {
DType result_type_of(const Tensor* const* operands, size_t n);
}  // namespace

// Every binary op asks this: no vector (a heap allocation) for its two operands.
DType result_type(const Tensor& a, const Tensor& b) {
  const Tensor* operands[] = {&a, &b};
  return result_type_of(operands, 2);
}

DType result_type(const std::vector<Tensor>& operands) {
  std::vector<const Tensor*> ptrs;
  ptrs.reserve(operands.size());
  for (const Tensor& t : operands) ptrs.push_back(&t);
  return result_type_of(ptrs.data(), ptrs.size());
}

namespace {
DType result_type_of(const Tensor* const* operands, size_t n) {
  Group dims, zero, wrapped;
  for (size_t i = 0; i < n; ++i) {
    const Tensor* t = operands[i];
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
}  // namespace

}  // namespace gradlab
