// The readers of engine/ops.def's signature classes (signatures.h): each
// reads its slots of the scratch area in a fixed order and calls the row's
// engine function.
#include "signatures.h"

namespace gradlab::wasm::sig {
namespace {
// The row's function as its class's type.
template <typename Fn>
Fn as(AnyFn fn) { return reinterpret_cast<Fn>(fn); }
Reduction reduction_of(double code) { return static_cast<Reduction>(static_cast<int>(code)); }
}  // namespace

double custom(const double* a, AnyFn fn) { return as<custom_fn>(fn)(a); }
double unary(const double* a, AnyFn fn) { return out(as<unary_fn>(fn)(T(a[0]))); }
double binary(const double* a, AnyFn fn) { return out(as<binary_fn>(fn)(T(a[0]), T(a[1]))); }
double binary_number(const double* a, AnyFn fn) {
  return out(as<binary_number_fn>(fn)(T(a[0]), wrapped_number(a[1])));
}
double binary_num(const double* a, AnyFn fn) { return out(as<binary_num_fn>(fn)(T(a[0]), T(a[1]), a[2])); }
double ternary(const double* a, AnyFn fn) { return out(as<ternary_fn>(fn)(T(a[0]), T(a[1]), T(a[2]))); }
double num(const double* a, AnyFn fn) { return out(as<num_fn>(fn)(T(a[0]), a[1])); }
double num2(const double* a, AnyFn fn) { return out(as<num2_fn>(fn)(T(a[0]), a[1], a[2])); }
double num_flag(const double* a, AnyFn fn) { return out(as<num_flag_fn>(fn)(T(a[0]), a[1], a[2] != 0)); }
double int1(const double* a, AnyFn fn) { return out(as<int1_fn>(fn)(T(a[0]), integer_arg(a[1]))); }
double int2(const double* a, AnyFn fn) {
  return out(as<int2_fn>(fn)(T(a[0]), integer_arg(a[1]), integer_arg(a[2])));
}
double int3(const double* a, AnyFn fn) {
  return out(as<int3_fn>(fn)(T(a[0]), integer_arg(a[1]), integer_arg(a[2]), integer_arg(a[3])));
}
double int_flag(const double* a, AnyFn fn) {
  return out(as<int_flag_fn>(fn)(T(a[0]), integer_arg(a[1]), a[2] != 0));
}
// h, [sizes]
double sizes(const double* a, AnyFn fn) { return out(as<sizes_fn>(fn)(T(a[0]), list_at(a + 1))); }
// h, keepdim, [dims]
double dims_flag(const double* a, AnyFn fn) { return out(as<dims_flag_fn>(fn)(T(a[0]), list_at(a + 2), a[1] != 0)); }
// h, flag, keepdim, [dims]
double dims_2flags(const double* a, AnyFn fn) {
  return out(as<dims_2flags_fn>(fn)(T(a[0]), list_at(a + 3), a[1] != 0, a[2] != 0));
}
double dim_index(const double* a, AnyFn fn) {
  return out(as<dim_index_fn>(fn)(T(a[0]), integer_arg(a[1]), T(a[2])));
}
double dim_index_src(const double* a, AnyFn fn) {
  return out(as<dim_index_src_fn>(fn)(T(a[0]), integer_arg(a[1]), T(a[2]), T(a[3])));
}
double loss(const double* a, AnyFn fn) { return out(as<loss_fn>(fn)(T(a[0]), T(a[1]), reduction_of(a[2]))); }
// dtype, [sizes]
double creation(const double* a, AnyFn fn) { return out(as<creation_fn>(fn)(list_at(a + 1), dtype_of(a[0]))); }

}  // namespace gradlab::wasm::sig
