// How each signature class of engine/ops.def reads its arguments from the
// scratch area (see dispatch.cpp): one template per class, reading slots in
// a fixed order, so every op of a class is one line of the table. Handles,
// numbers, dims and flags are all doubles; a list is a count then its
// elements and always comes last.
#pragma once
#include <vector>

#include "gradlab/gradlab.h"
#include "handles.h"

namespace gradlab::wasm {

// A dim, index or size that is not an exact integer in int64's range is an
// error here, never a silent wrap to 32 bits.
int64_t integer_arg(double x);
inline DType dtype_of(double code) { return static_cast<DType>(static_cast<int>(code)); }
inline Tensor& T(double h) { return tensor(static_cast<Handle>(h)); }
// The list starting at a[0] (its count).
Shape list_at(const double* a);
std::vector<Tensor> tensors_at(const double* a);
// The scratch area, grown to at least n doubles (its address may move).
double* gl_scratch_data(size_t n);
// Writes handles of `ts` to the scratch area and returns their count.
double put_handles(const std::vector<Tensor>& ts);
inline double out(Tensor t) { return static_cast<double>(wrap(std::move(t))); }

namespace sig {

template <Tensor (*F)(const Tensor&)>
double unary(const double* a) { return out(F(T(a[0]))); }
template <Tensor (*F)(const Tensor&, const Tensor&)>
double binary(const double* a) { return out(F(T(a[0]), T(a[1]))); }
template <Tensor (*F)(const Tensor&, const Tensor&)>
double binary_number(const double* a) { return out(F(T(a[0]), wrapped_number(a[1]))); }
template <Tensor (*F)(const Tensor&, const Tensor&, double)>
double binary_num(const double* a) { return out(F(T(a[0]), T(a[1]), a[2])); }
template <Tensor (*F)(const Tensor&, const Tensor&, const Tensor&)>
double ternary(const double* a) { return out(F(T(a[0]), T(a[1]), T(a[2]))); }
template <Tensor (*F)(const Tensor&, double)>
double num(const double* a) { return out(F(T(a[0]), a[1])); }
template <Tensor (*F)(const Tensor&, double, double)>
double num2(const double* a) { return out(F(T(a[0]), a[1], a[2])); }
template <Tensor (*F)(const Tensor&, double, bool)>
double num_flag(const double* a) { return out(F(T(a[0]), a[1], a[2] != 0)); }
template <Tensor (*F)(const Tensor&, int64_t)>
double int1(const double* a) { return out(F(T(a[0]), integer_arg(a[1]))); }
template <Tensor (*F)(const Tensor&, int64_t, int64_t)>
double int2(const double* a) { return out(F(T(a[0]), integer_arg(a[1]), integer_arg(a[2]))); }
template <Tensor (*F)(const Tensor&, int64_t, int64_t, int64_t)>
double int3(const double* a) { return out(F(T(a[0]), integer_arg(a[1]), integer_arg(a[2]), integer_arg(a[3]))); }
template <Tensor (*F)(const Tensor&, int64_t, bool)>
double int_flag(const double* a) { return out(F(T(a[0]), integer_arg(a[1]), a[2] != 0)); }
// h, [sizes]
template <Tensor (*F)(const Tensor&, const Shape&)>
double sizes(const double* a) { return out(F(T(a[0]), list_at(a + 1))); }
// h, keepdim, [dims]
template <Tensor (*F)(const Tensor&, const std::vector<int64_t>&, bool)>
double dims_flag(const double* a) { return out(F(T(a[0]), list_at(a + 2), a[1] != 0)); }
// h, flag, keepdim, [dims]
template <Tensor (*F)(const Tensor&, const std::vector<int64_t>&, bool, bool)>
double dims_2flags(const double* a) { return out(F(T(a[0]), list_at(a + 3), a[1] != 0, a[2] != 0)); }
template <Tensor (*F)(const Tensor&, int64_t, const Tensor&)>
double dim_index(const double* a) { return out(F(T(a[0]), integer_arg(a[1]), T(a[2]))); }
template <Tensor (*F)(const Tensor&, int64_t, const Tensor&, const Tensor&)>
double dim_index_src(const double* a) { return out(F(T(a[0]), integer_arg(a[1]), T(a[2]), T(a[3]))); }
template <Tensor (*F)(const Tensor&, const Tensor&, Reduction)>
double loss(const double* a) { return out(F(T(a[0]), T(a[1]), static_cast<Reduction>(static_cast<int>(a[2])))); }
// dtype, [sizes]
template <Tensor (*F)(const Shape&, DType)>
double creation(const double* a) { return out(F(list_at(a + 1), dtype_of(a[0]))); }

}  // namespace sig

// The rows of engine/ops.def whose signature is `custom` (dispatch_custom.cpp).
double full_op(const double* a);
double arange_op(const double* a);
double linspace_op(const double* a);
double eye_op(const double* a);
double randint_op(const double* a);
double scalar_op(const double* a);
double wrapped_number_op(const double* a);
double manual_seed_op(const double* a);
double allclose_op(const double* a);
double clamp_op(const double* a);
double clamp__op(const double* a);
double norm_op(const double* a);
double max_dim_op(const double* a);
double min_dim_op(const double* a);
double cat_op(const double* a);
double stack_op(const double* a);
double split_op(const double* a);
double split_sizes_op(const double* a);
double chunk_op(const double* a);
double to_op(const double* a);
double index_op(const double* a);
double nll_loss_op(const double* a);
double cross_entropy_op(const double* a);
// dispatch_nn.cpp
double conv1d_op(const double* a);
double conv2d_op(const double* a);
double conv_transpose2d_op(const double* a);
double max_pool1d_op(const double* a);
double max_pool2d_op(const double* a);
double avg_pool1d_op(const double* a);
double avg_pool2d_op(const double* a);
double adaptive_avg_pool2d_op(const double* a);
double adaptive_max_pool2d_op(const double* a);
double pad_op(const double* a);
double batch_norm_op(const double* a);
double layer_norm_op(const double* a);
double group_norm_op(const double* a);
double embedding_op(const double* a);
double smooth_l1_loss_op(const double* a);
double huber_loss_op(const double* a);
double kl_div_op(const double* a);
double sort_op(const double* a);
double argsort_op(const double* a);
double topk_op(const double* a);
double bincount_op(const double* a);
double cosine_similarity_op(const double* a);

// Sampling and the optimizers' fused updates (issue 15, h15-train).
double randperm_op(const double* a);
double multinomial_op(const double* a);
double random_op(const double* a);
double addcmul_op(const double* a);
double addcdiv_op(const double* a);

}  // namespace gradlab::wasm
