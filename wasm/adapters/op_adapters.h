// Adapters from handle-and-number signatures to engine ops, one template per
// signature shape, so bindings.cpp registers each op in one line. Sizes, dims
// and lists arrive as one JS array (one conversion, not one call per element).
#pragma once
#include <emscripten/val.h>

#include <vector>

#include "gradlab/gradlab.h"
#include "handles.h"

namespace gradlab::wasm {

using emscripten::val;

// JS numbers arrive as doubles. A dim, index or size that is not an exact
// integer in int64's range is an error here, never a silent wrap to 32 bits.
int64_t integer_arg(double x);
Shape shape_of(const val& array);
std::vector<Tensor> tensors_of(const val& handles);
val handles_of(const std::vector<Tensor>& tensors);
inline DType dtype_of(int code) { return static_cast<DType>(code); }

template <Tensor (*F)(const Tensor&)>
Handle unary(Handle a) {
  return guard([&] { return wrap(F(tensor(a))); });
}
template <Tensor (*F)(const Tensor&, const Tensor&)>
Handle binary(Handle a, Handle b) {
  return guard([&] { return wrap(F(tensor(a), tensor(b))); });
}
template <Tensor (*F)(const Tensor&, const Tensor&)>
Handle binary_number(Handle a, double x) {
  return guard([&] { return wrap(F(tensor(a), wrapped_number(x))); });
}
template <Tensor (*F)(const Tensor&, const Tensor&, double)>
Handle binary_num(Handle a, Handle b, double x) {
  return guard([&] { return wrap(F(tensor(a), tensor(b), x)); });
}
template <Tensor (*F)(const Tensor&, const Tensor&, const Tensor&)>
Handle ternary(Handle a, Handle b, Handle c) {
  return guard([&] { return wrap(F(tensor(a), tensor(b), tensor(c))); });
}
template <Tensor (*F)(const Tensor&, double)>
Handle num(Handle a, double x) {
  return guard([&] { return wrap(F(tensor(a), x)); });
}
template <Tensor (*F)(const Tensor&, double, double)>
Handle num2(Handle a, double x, double y) {
  return guard([&] { return wrap(F(tensor(a), x, y)); });
}
template <Tensor (*F)(const Tensor&, double, bool)>
Handle num_flag(Handle a, double x, bool flag) {
  return guard([&] { return wrap(F(tensor(a), x, flag)); });
}
template <Tensor (*F)(const Tensor&, int64_t)>
Handle int1(Handle a, double d) {
  return guard([&] { return wrap(F(tensor(a), integer_arg(d))); });
}
template <Tensor (*F)(const Tensor&, int64_t, int64_t)>
Handle int2(Handle a, double x, double y) {
  return guard([&] { return wrap(F(tensor(a), integer_arg(x), integer_arg(y))); });
}
template <Tensor (*F)(const Tensor&, int64_t, int64_t, int64_t)>
Handle int3(Handle a, double x, double y, double z) {
  return guard([&] { return wrap(F(tensor(a), integer_arg(x), integer_arg(y), integer_arg(z))); });
}
template <Tensor (*F)(const Tensor&, int64_t, bool)>
Handle int_flag(Handle a, double d, bool keepdim) {
  return guard([&] { return wrap(F(tensor(a), integer_arg(d), keepdim)); });
}
template <Tensor (*F)(const Tensor&, const Shape&)>
Handle sizes(Handle a, val s) {
  return guard([&] { return wrap(F(tensor(a), shape_of(s))); });
}
template <Tensor (*F)(const Tensor&, const std::vector<int64_t>&, bool)>
Handle dims_flag(Handle a, val dims, bool keepdim) {
  return guard([&] { return wrap(F(tensor(a), shape_of(dims), keepdim)); });
}
template <Tensor (*F)(const Tensor&, const std::vector<int64_t>&, bool, bool)>
Handle dims_2flags(Handle a, val dims, bool x, bool keepdim) {
  return guard([&] { return wrap(F(tensor(a), shape_of(dims), x, keepdim)); });
}
template <Tensor (*F)(const Tensor&, int64_t, const Tensor&)>
Handle dim_index(Handle a, double d, Handle idx) {
  return guard([&] { return wrap(F(tensor(a), integer_arg(d), tensor(idx))); });
}
template <Tensor (*F)(const Tensor&, int64_t, const Tensor&, const Tensor&)>
Handle dim_index_src(Handle a, double d, Handle idx, Handle src) {
  return guard([&] { return wrap(F(tensor(a), integer_arg(d), tensor(idx), tensor(src))); });
}
template <Tensor (*F)(const Tensor&, const Tensor&, Reduction)>
Handle loss(Handle input, Handle target, int reduction) {
  return guard([&] { return wrap(F(tensor(input), tensor(target), static_cast<Reduction>(reduction))); });
}
template <Tensor (*F)(const Shape&, DType)>
Handle creation(val s, int dtype) {
  return guard([&] { return wrap(F(shape_of(s), dtype_of(dtype))); });
}

// Ops whose signatures fit no template above.
Handle norm_op(Handle a, double p, val dims, bool keepdim);
val max_dim(Handle a, double dim, bool keepdim);
val min_dim(Handle a, double dim, bool keepdim);
Handle to_dtype(Handle a, int dtype);
Handle cat_op(val handles, double dim);
Handle stack_op(val handles, double dim);
val split_op(Handle a, double size, double dim);
val split_sizes_op(Handle a, val sizes, double dim);
val chunk_op(Handle a, double chunks, double dim);
Handle masked_fill_op(Handle a, Handle mask, double value);
// items: [kind, index, has_start, start, has_stop, stop, step] per item (IndexItem).
Handle index_op(Handle a, val items);
Handle squeeze_all(Handle a);
Handle squeeze_dim(Handle a, double dim);
Handle dropout_op(Handle a, double p, bool training);
// weight 0: no class weights.
Handle nll_loss_op(Handle input, Handle target, Handle weight, int reduction, double ignore_index);
Handle cross_entropy_op(Handle input, Handle target, Handle weight, int reduction, double ignore_index,
                        double label_smoothing);
// dtype -1: the number's own (number_dtype), as torch.full without a dtype.
Handle full_op(val s, double value, int dtype);
Handle arange_op(double start, double end, double step, int dtype);
Handle linspace_op(double start, double end, double steps, int dtype);
Handle eye_op(double n, double m, int dtype);
Handle randint_op(double low, double high, val s, int dtype);
Handle scalar_op(double value, int dtype, bool wrapped);
// The one rule that turns a JS number into a tensor operand (wrapped_number).
Handle wrapped_number_op(double value);
bool allclose_op(Handle a, Handle b, double rtol, double atol, bool equal_nan);
void manual_seed_op(double seed);

}  // namespace gradlab::wasm
