// Embind registrations only: every raw name starts with `_`; the JS wrapper
// in src/ turns them into the PyTorch-style API. Adapters live in adapters/.
#include <emscripten/bind.h>

#include "adapters/autograd_adapters.h"
#include "adapters/handles.h"
#include "adapters/op_adapters.h"
#include "adapters/tensor_adapters.h"

using namespace gradlab;
using namespace gradlab::wasm;
using emscripten::function;

EMSCRIPTEN_BINDINGS(gradlab) {
  // Handles, errors, memory.
  // Not "_free": that name is libc free() on the Module, and Emscripten's lazy stub
  // would replace this binding with it after the first std::string return.
  function("_free_tensor", &free_tensor);
  function("_share", &share_tensor);
  function("_error_flag_address", &error_flag_address);
  function("_take_error", &take_error);
  function("_memory_bytes", &memory_bytes);

  // Data and metadata.
  function("_from_data", &from_data);
  function("_copy_out", &copy_out);
  function("_meta", &meta);
  function("_flags", &flags);
  function("_version", &version);
  function("_item", &item);
  function("_set_requires_grad", &set_requires_grad);
  function("_set_volatile", &set_volatile);
  function("_set_legacy", &set_legacy);
  function("_grad", &grad);
  function("_set_grad", &set_grad);
  function("_retain_grad", &retain_grad);
  function("_detach", &detach);
  function("_detach_", &detach_);
  function("_data", &data);
  function("_same_storage", &same_storage);
  function("_impl_address", &impl_address);
  function("_grad_address", &grad_address);

  // Printing.
  function("_repr", &repr);
  function("_array_str", &array_str);
  function("_set_torch_printoptions", &set_torch_printoptions);
  function("_set_numpy_printoptions", &set_numpy_printoptions);

  // Creation and random numbers.
  function("_zeros", &creation<zeros>);
  function("_ones", &creation<ones>);
  function("_empty", &creation<Tensor::empty>);
  function("_rand", &creation<rand>);
  function("_randn", &creation<randn>);
  function("_full", &full_op);
  function("_arange", &arange_op);
  function("_linspace", &linspace_op);
  function("_eye", &eye_op);
  function("_randint", &randint_op);
  function("_scalar", &scalar_op);
  function("_wrapped_number", &wrapped_number_op);
  function("_zeros_like", &unary<zeros_like>);
  function("_ones_like", &unary<ones_like>);
  function("_rand_like", &unary<rand_like>);
  function("_randn_like", &unary<randn_like>);
  function("_full_like", &num<full_like>);
  function("_manual_seed", &manual_seed_op);

  // Arithmetic: tensor-tensor, tensor-number (one crossing, no wrapped scalar).
  function("_add", &binary_num<add>);
  function("_sub", &binary_num<sub>);
  function("_mul", &binary<mul>);
  function("_div", &binary<div>);
  function("_pow", &binary<pow>);
  function("_add_scalar", &num<add>);
  function("_sub_scalar", &num<sub>);
  function("_rsub_scalar", &num<rsub>);
  function("_mul_scalar", &num<mul>);
  function("_div_scalar", &num<div>);
  function("_pow_scalar", &num<pow>);
  function("_maximum", &binary<maximum>);
  function("_minimum", &binary<minimum>);

  // Elementwise functions.
  function("_neg", &unary<neg>);
  function("_abs", &unary<abs>);
  function("_square", &unary<square>);
  function("_sqrt", &unary<sqrt>);
  function("_rsqrt", &unary<rsqrt>);
  function("_reciprocal", &unary<reciprocal>);
  function("_exp", &unary<exp>);
  function("_log", &unary<log>);
  function("_log1p", &unary<log1p>);
  function("_expm1", &unary<expm1>);
  function("_sin", &unary<sin>);
  function("_cos", &unary<cos>);
  function("_tan", &unary<tan>);
  function("_tanh", &unary<tanh>);
  function("_sigmoid", &unary<sigmoid>);
  function("_relu", &unary<relu>);
  function("_gelu", &unary<gelu>);
  function("_sign", &unary<sign>);
  function("_leaky_relu", &num<leaky_relu>);
  function("_elu", &num<elu>);
  function("_softplus", &num2<softplus>);
  function("_clamp", &num2<clamp>);
  function("_where", &ternary<where>);

  // Comparison.
  function("_eq", &binary<eq>);
  function("_ne", &binary<ne>);
  function("_lt", &binary<lt>);
  function("_le", &binary<le>);
  function("_gt", &binary<gt>);
  function("_ge", &binary<ge>);
  function("_eq_scalar", &binary_number<eq>);
  function("_ne_scalar", &binary_number<ne>);
  function("_lt_scalar", &binary_number<lt>);
  function("_le_scalar", &binary_number<le>);
  function("_gt_scalar", &binary_number<gt>);
  function("_ge_scalar", &binary_number<ge>);
  function("_maximum_scalar", &binary_number<maximum>);
  function("_minimum_scalar", &binary_number<minimum>);
  function("_allclose", &allclose_op);

  // Reductions.
  function("_sum_all", &unary<sum>);
  function("_mean_all", &unary<mean>);
  function("_prod_all", &unary<prod>);
  function("_max_all", &unary<max>);
  function("_min_all", &unary<min>);
  function("_argmax_all", &unary<argmax>);
  function("_argmin_all", &unary<argmin>);
  function("_sum", &dims_flag<sum>);
  function("_mean", &dims_flag<mean>);
  function("_logsumexp", &dims_flag<logsumexp>);
  function("_amax", &dims_flag<amax>);
  function("_amin", &dims_flag<amin>);
  function("_var", &dims_2flags<var>);
  function("_std", &dims_2flags<gradlab::std>);
  function("_norm", &norm_op);
  function("_prod", &int_flag<prod>);
  function("_argmax", &int_flag<argmax>);
  function("_argmin", &int_flag<argmin>);
  function("_max", &max_dim);
  function("_min", &min_dim);

  // Linear algebra.
  function("_matmul", &binary<matmul>);
  function("_mm", &binary<mm>);
  function("_bmm", &binary<bmm>);
  function("_mv", &binary<mv>);
  function("_dot", &binary<dot>);
  function("_outer", &binary<outer>);
  function("_t", &unary<t>);

  // Shape.
  function("_view", &sizes<view>);
  function("_reshape", &sizes<reshape>);
  function("_expand", &sizes<expand>);
  function("_repeat", &sizes<repeat>);
  function("_permute", &sizes<permute>);
  function("_flatten", &int2<flatten>);
  function("_transpose", &int2<transpose>);
  function("_squeeze_all", &squeeze_all);
  function("_squeeze", &squeeze_dim);
  function("_unsqueeze", &int1<unsqueeze>);
  function("_contiguous", &unary<contiguous>);
  function("_clone", &unary<clone>);
  function("_cat", &cat_op);
  function("_stack", &stack_op);
  function("_split", &split_op);
  function("_split_sizes", &split_sizes_op);
  function("_chunk", &chunk_op);
  function("_to", &to_dtype);

  // Indexing.
  function("_select", &int2<select>);
  function("_narrow", &int3<narrow>);
  function("_index", &index_op);
  function("_index_select", &dim_index<index_select>);
  function("_gather", &dim_index<gather>);
  function("_masked_fill", &masked_fill_op);
  function("_index_add", &dim_index_src<index_add>);
  function("_scatter_add", &dim_index_src<scatter_add>);

  // In place.
  function("_add_", &binary_num<add_>);
  function("_sub_", &binary_num<sub_>);
  function("_mul_", &binary<mul_>);
  function("_div_", &binary<div_>);
  function("_add_scalar_", &num<add_>);
  function("_sub_scalar_", &num<sub_>);
  function("_mul_scalar_", &num<mul_>);
  function("_div_scalar_", &num<div_>);
  function("_clamp_", &num2<clamp_>);
  function("_zero_", &unary<zero_>);
  function("_fill_", &num<fill_>);
  function("_copy_", &binary<copy_>);
  function("_uniform_", &num2<uniform_>);
  function("_normal_", &num2<normal_>);

  // torch.nn.functional.
  function("_softmax", &int1<softmax>);
  function("_log_softmax", &int1<log_softmax>);
  function("_linear", &ternary<linear>);
  function("_dropout", &dropout_op);
  function("_mse_loss", &loss<mse_loss>);
  function("_l1_loss", &loss<l1_loss>);
  function("_nll_loss", &nll_loss_op);
  function("_cross_entropy", &cross_entropy_op);
  function("_binary_cross_entropy", &loss<binary_cross_entropy>);
  function("_binary_cross_entropy_with_logits", &loss<binary_cross_entropy_with_logits>);

  // Autograd.
  function("_backward", &backward_op);
  function("_autograd_grad", &grad_op);
  function("_set_hook_functions", &set_hook_functions);
  function("_register_hook", &register_hook_op);
  function("_remove_hook", &remove_hook_op);
  function("_gradcheck", &gradcheck_op);
  function("_grad_fn", &grad_fn_op);
  function("_node_name", &node_name);
  function("_node_address", &node_address);
  function("_node_next", &node_next);
  function("_node_variable", &node_variable);
  function("_node_free", &node_free);
  function("_is_grad_enabled", &is_grad_enabled);
  function("_set_grad_enabled", &set_grad_enabled);
}
