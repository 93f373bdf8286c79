// The `custom` rows of engine/ops.def for convolution, pooling, padding,
// normalisation, lookups, the extra losses and sorting: argument layouts as
// wasm/src/raw.js writes them. Int-or-tuple sizes come as lists, one after
// the other at the end; an optional tensor is handle 0, an optional number NaN.
#include <cmath>
#include <optional>

#include "signatures.h"

namespace gradlab::wasm {
namespace {

// Reads `count` lists laid out back to back from a (each a count then its elements).
std::vector<Shape> lists_at(const double* a, int count) {
  std::vector<Shape> out;
  for (int i = 0; i < count; ++i) {
    out.push_back(list_at(a));
    a += 1 + static_cast<size_t>(a[0]);
  }
  return out;
}

std::optional<int64_t> optional_int(double x) {
  if (std::isnan(x)) return std::nullopt;
  return integer_arg(x);
}

Reduction reduction_arg(double code) { return static_cast<Reduction>(static_cast<int>(code)); }

double values_maybe_indices(const ValuesIndices& r, bool with_indices) {
  return with_indices ? put_handles({r.values, r.indices}) : put_handles({r.values});
}

}  // namespace

// input, weight, bias (0: none), groups, padding mode (0: sizes, 1: 'same', 2: 'valid'), [stride], [padding], [dilation]
template <int Dims>
static double conv_op(const double* a) {
  const auto l = lists_at(a + 5, 3);
  const int64_t groups = integer_arg(a[3]);
  const int mode = static_cast<int>(a[4]);
  auto conv_sizes = Dims == 1 ? static_cast<Tensor (*)(const Tensor&, const Tensor&, const Tensor&, const IntList&,
                                                       const IntList&, const IntList&, int64_t)>(conv1d)
                              : static_cast<Tensor (*)(const Tensor&, const Tensor&, const Tensor&, const IntList&,
                                                       const IntList&, const IntList&, int64_t)>(conv2d);
  auto conv_mode = Dims == 1 ? static_cast<Tensor (*)(const Tensor&, const Tensor&, const Tensor&, const IntList&,
                                                      PaddingMode, const IntList&, int64_t)>(conv1d)
                             : static_cast<Tensor (*)(const Tensor&, const Tensor&, const Tensor&, const IntList&,
                                                      PaddingMode, const IntList&, int64_t)>(conv2d);
  if (mode == 0) return out(conv_sizes(T(a[0]), T(a[1]), T(a[2]), l[0], l[1], l[2], groups));
  return out(conv_mode(T(a[0]), T(a[1]), T(a[2]), l[0], mode == 1 ? PaddingMode::Same : PaddingMode::Valid, l[2], groups));
}
double conv1d_op(const double* a) { return conv_op<1>(a); }
double conv2d_op(const double* a) { return conv_op<2>(a); }

// input, weight, bias, groups, [stride], [padding], [output_padding], [dilation]
double conv_transpose2d_op(const double* a) {
  const auto l = lists_at(a + 4, 4);
  return out(conv_transpose2d(T(a[0]), T(a[1]), T(a[2]), l[0], l[1], l[2], integer_arg(a[3]), l[3]));
}

// input, ceil_mode, return_indices, [kernel_size], [stride], [padding], [dilation] -> values (, indices)
// Without indices the plain pools run: max_pool1d checks its arguments in its own words then, as PyTorch's does.
double max_pool1d_op(const double* a) {
  const auto l = lists_at(a + 3, 4);
  if (a[2] == 0) return put_handles({max_pool1d(T(a[0]), l[0], l[1], l[2], l[3], a[1] != 0)});
  return values_maybe_indices(max_pool1d_with_indices(T(a[0]), l[0], l[1], l[2], l[3], a[1] != 0), true);
}
double max_pool2d_op(const double* a) {
  const auto l = lists_at(a + 3, 4);
  if (a[2] == 0) return put_handles({max_pool2d(T(a[0]), l[0], l[1], l[2], l[3], a[1] != 0)});
  return values_maybe_indices(max_pool2d_with_indices(T(a[0]), l[0], l[1], l[2], l[3], a[1] != 0), true);
}

// input, ceil_mode, count_include_pad, divisor_override (NaN: none), [kernel_size], [stride], [padding]
double avg_pool1d_op(const double* a) {
  const auto l = lists_at(a + 4, 3);
  return out(avg_pool1d(T(a[0]), l[0], l[1], l[2], a[1] != 0, a[2] != 0));
}
double avg_pool2d_op(const double* a) {
  const auto l = lists_at(a + 4, 3);
  return out(avg_pool2d(T(a[0]), l[0], l[1], l[2], a[1] != 0, a[2] != 0, optional_int(a[3])));
}

// input, [output_size]
double adaptive_avg_pool2d_op(const double* a) { return out(adaptive_avg_pool2d(T(a[0]), list_at(a + 1))); }
// input, return_indices, [output_size] -> values (, indices)
double adaptive_max_pool2d_op(const double* a) {
  return values_maybe_indices(adaptive_max_pool2d_with_indices(T(a[0]), list_at(a + 2)), a[1] != 0);
}

// input, mode (0 constant, 1 reflect, 2 replicate, 3 circular), value, [pad]
double pad_op(const double* a) {
  const Shape p = list_at(a + 3);
  const int mode = static_cast<int>(a[1]);
  if (mode == 0) return out(pad(T(a[0]), p, a[2]));
  return out(pad(T(a[0]), p, static_cast<PadMode>(mode)));
}

// input, running_mean, running_var, weight, bias (0: none), training, momentum, eps
double batch_norm_op(const double* a) {
  return out(batch_norm(T(a[0]), T(a[1]), T(a[2]), T(a[3]), T(a[4]), a[5] != 0, a[6], a[7]));
}
// input, weight, bias, eps, [normalized_shape]
double layer_norm_op(const double* a) { return out(layer_norm(T(a[0]), list_at(a + 4), T(a[1]), T(a[2]), a[3])); }
// input, num_groups, weight, bias, eps
double group_norm_op(const double* a) { return out(group_norm(T(a[0]), integer_arg(a[1]), T(a[2]), T(a[3]), a[4])); }

// indices, weight, padding_idx (NaN: none)
double embedding_op(const double* a) { return out(embedding(T(a[0]), T(a[1]), optional_int(a[2]))); }

// input, target, reduction, beta / delta
double smooth_l1_loss_op(const double* a) { return out(smooth_l1_loss(T(a[0]), T(a[1]), reduction_arg(a[2]), a[3])); }
double huber_loss_op(const double* a) { return out(huber_loss(T(a[0]), T(a[1]), reduction_arg(a[2]), a[3])); }
// input, target, reduction (0 none, 1 mean, 2 sum, 3 batchmean), log_target
double kl_div_op(const double* a) {
  static const char* const kNames[] = {"none", "mean", "sum", "batchmean"};
  return out(kl_div(T(a[0]), T(a[1]), kNames[static_cast<int>(a[2]) & 3], a[3] != 0));
}

// x1, x2, dim, eps
double cosine_similarity_op(const double* a) {
  return out(cosine_similarity(T(a[0]), T(a[1]), integer_arg(a[2]), a[3]));
}

// input, dim, descending, stable (-1: not given) -> values, indices
double sort_op(const double* a) {
  const std::optional<bool> stable = a[3] < 0 ? std::nullopt : std::optional<bool>(a[3] != 0);
  const ValuesIndices r = sort(T(a[0]), integer_arg(a[1]), a[2] != 0, stable);
  return put_handles({r.values, r.indices});
}
// input, dim, descending, stable
double argsort_op(const double* a) { return out(argsort(T(a[0]), integer_arg(a[1]), a[2] != 0, a[3] > 0)); }
// input, k, dim, largest, sorted -> values, indices
double topk_op(const double* a) {
  const ValuesIndices r = topk(T(a[0]), integer_arg(a[1]), integer_arg(a[2]), a[3] != 0, a[4] != 0);
  return put_handles({r.values, r.indices});
}
// input, weights (0: none), minlength
double bincount_op(const double* a) { return out(bincount(T(a[0]), T(a[1]), integer_arg(a[2]))); }
// input, dim, dtype (-1: the input's, or int64 for an integer input)
double cumprod_op(const double* a) {
  const std::optional<DType> dtype = a[2] < 0 ? std::nullopt : std::optional<DType>(dtype_of(a[2]));
  return out(cumprod(T(a[0]), integer_arg(a[1]), dtype));
}

}  // namespace gradlab::wasm
