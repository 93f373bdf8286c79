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

// An op row of the dispatcher: the reader of its signature class and the
// engine function, type-erased. A reader casts `fn` back to its class's
// function type, so every op of a class shares one reader instead of a
// template instance per op (127 of them, 20 KB of the wasm). Custom rows and
// services use sig::custom, which calls fn(a).
using AnyFn = void (*)();
using Reader = double (*)(const double* a, AnyFn fn);

namespace sig {

// Each class: its function type, and its reader (signatures.cpp).
#define GL_SIGNATURES(X)                                                             \
  X(custom, double (*)(const double*))                                               \
  X(unary, Tensor (*)(const Tensor&))                                                \
  X(binary, Tensor (*)(const Tensor&, const Tensor&))                                \
  X(binary_number, Tensor (*)(const Tensor&, const Tensor&))                         \
  X(binary_num, Tensor (*)(const Tensor&, const Tensor&, double))                    \
  X(ternary, Tensor (*)(const Tensor&, const Tensor&, const Tensor&))                \
  X(num, Tensor (*)(const Tensor&, double))                                          \
  X(num2, Tensor (*)(const Tensor&, double, double))                                 \
  X(num_flag, Tensor (*)(const Tensor&, double, bool))                               \
  X(int1, Tensor (*)(const Tensor&, int64_t))                                        \
  X(int2, Tensor (*)(const Tensor&, int64_t, int64_t))                               \
  X(int3, Tensor (*)(const Tensor&, int64_t, int64_t, int64_t))                      \
  X(int_flag, Tensor (*)(const Tensor&, int64_t, bool))                              \
  X(sizes, Tensor (*)(const Tensor&, const Shape&))                                  \
  X(dims_flag, Tensor (*)(const Tensor&, const std::vector<int64_t>&, bool))         \
  X(dims_2flags, Tensor (*)(const Tensor&, const std::vector<int64_t>&, bool, bool)) \
  X(dim_index, Tensor (*)(const Tensor&, int64_t, const Tensor&))                    \
  X(dim_index_src, Tensor (*)(const Tensor&, int64_t, const Tensor&, const Tensor&)) \
  X(loss, Tensor (*)(const Tensor&, const Tensor&, Reduction))                       \
  X(creation, Tensor (*)(const Shape&, DType))

#define GL_DECLARE_SIGNATURE(name, type) \
  using name##_fn = type;                \
  double name(const double* a, AnyFn fn);
GL_SIGNATURES(GL_DECLARE_SIGNATURE)
#undef GL_DECLARE_SIGNATURE

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
double index_tensors_op(const double* a);
double index_put_op(const double* a);
double index_put__op(const double* a);
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
double cumprod_op(const double* a);
double cosine_similarity_op(const double* a);

// Sampling and the optimizers' fused updates (issue 15, h15-train).
double randperm_op(const double* a);
double multinomial_op(const double* a);
double random_op(const double* a);
double addcmul_op(const double* a);
double addcdiv_op(const double* a);

}  // namespace gradlab::wasm
