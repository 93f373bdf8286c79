// The rows of engine/ops.def that fit no signature template: creation with
// several numbers, list inputs and outputs, pairs of results, dtype codes.
// Argument layouts are the ones the JS side writes (wasm/src/raw.js).
#include <cmath>
#include <optional>

#include "gradlab/random.h"
#include "signatures.h"

namespace gradlab::wasm {

int64_t integer_arg(double x) {
  GL_CHECK(std::floor(x) == x && std::fabs(x) < 9.2e18, "expected an integer argument, but got ", x);
  return static_cast<int64_t>(x);
}

Shape list_at(const double* a) {
  const auto n = static_cast<size_t>(a[0]);
  Shape out(n);
  for (size_t i = 0; i < n; ++i) out[i] = integer_arg(a[1 + i]);
  return out;
}

std::vector<Tensor> tensors_at(const double* a) {
  const auto n = static_cast<size_t>(a[0]);
  std::vector<Tensor> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) out.push_back(T(a[1 + i]));
  return out;
}

// dtype (-1: the number's own, as torch.full without a dtype), value, [sizes]
double full_op(const double* a) {
  return out(full(list_at(a + 2), a[1], a[0] < 0 ? number_dtype(a[1]) : dtype_of(a[0])));
}
// start, end, step, dtype
double arange_op(const double* a) { return out(arange(a[0], a[1], a[2], dtype_of(a[3]))); }
// start, end, steps, dtype
double linspace_op(const double* a) { return out(linspace(a[0], a[1], integer_arg(a[2]), dtype_of(a[3]))); }
// n, m, dtype
double eye_op(const double* a) { return out(eye(integer_arg(a[0]), integer_arg(a[1]), dtype_of(a[2]))); }
// low, high, dtype, [sizes]
double randint_op(const double* a) {
  return out(randint(integer_arg(a[0]), integer_arg(a[1]), list_at(a + 3), dtype_of(a[2])));
}
// value, dtype, wrapped
double scalar_op(const double* a) { return out(scalar_tensor(a[0], dtype_of(a[1]), a[2] != 0)); }
// value: the one rule that turns a JS number into a tensor operand.
double wrapped_number_op(const double* a) { return out(wrapped_number(a[0])); }
double manual_seed_op(const double* a) {
  random::manual_seed(static_cast<uint64_t>(a[0]));
  return 0;
}
// a, b, rtol, atol, equal_nan -> 1 or 0
double allclose_op(const double* a) { return allclose(T(a[0]), T(a[1]), a[2], a[3], a[4] != 0) ? 1 : 0; }
// h, min, max, which bounds are given (1: min, 2: max): a NaN bound is a bound, not a missing one.
// Bound `bit` (1 or 2) sits at a[bit].
std::optional<double> bound_at(const double* a, int bit) {
  return (static_cast<int>(a[3]) & bit) != 0 ? std::optional<double>(a[bit]) : std::nullopt;
}
double clamp_op(const double* a) { return out(clamp(T(a[0]), bound_at(a, 1), bound_at(a, 2))); }
double clamp__op(const double* a) { return out(clamp_(T(a[0]), bound_at(a, 1), bound_at(a, 2))); }
// h, p, keepdim, [dims]
double norm_op(const double* a) { return out(norm(T(a[0]), a[1], list_at(a + 3), a[2] != 0)); }
// h, dim, keepdim -> values, indices
double max_dim_op(const double* a) {
  const ValuesIndices r = max(T(a[0]), integer_arg(a[1]), a[2] != 0);
  return put_handles({r.values, r.indices});
}
double min_dim_op(const double* a) {
  const ValuesIndices r = min(T(a[0]), integer_arg(a[1]), a[2] != 0);
  return put_handles({r.values, r.indices});
}
// dim, [handles]
double cat_op(const double* a) { return out(cat(tensors_at(a + 1), integer_arg(a[0]))); }
double stack_op(const double* a) { return out(stack(tensors_at(a + 1), integer_arg(a[0]))); }
// h, size, dim -> parts
double split_op(const double* a) { return put_handles(split(T(a[0]), integer_arg(a[1]), integer_arg(a[2]))); }
// h, dim, [sizes] -> parts
double split_sizes_op(const double* a) { return put_handles(split_sizes(T(a[0]), list_at(a + 2), integer_arg(a[1]))); }
// h, chunks, dim -> parts
double chunk_op(const double* a) { return put_handles(chunk(T(a[0]), integer_arg(a[1]), integer_arg(a[2]))); }
// h, dtype
double to_op(const double* a) { return out(to(T(a[0]), dtype_of(a[1]))); }

// h, [kind, index, has_start, start, has_stop, stop, step per item] (IndexItem)
double index_op(const double* a) {
  const auto n = static_cast<size_t>(a[1]);
  const double* v = a + 2;
  std::vector<IndexItem> items;
  for (size_t i = 0; i + 7 <= n; i += 7) {
    IndexItem it;
    it.kind = static_cast<IndexItem::Kind>(static_cast<int>(v[i]));
    it.index = integer_arg(v[i + 1]);
    it.has_start = v[i + 2] != 0;
    it.start = integer_arg(v[i + 3]);
    it.has_stop = v[i + 4] != 0;
    it.stop = integer_arg(v[i + 5]);
    it.step = integer_arg(v[i + 6]);
    items.push_back(it);
  }
  return out(index(T(a[0]), items));
}
// h, [index handles (0: the whole dim)]: x[i, j] with index tensors or masks
double index_tensors_op(const double* a) { return out(index_tensors(T(a[0]), tensors_at(a + 1))); }
// h, values, accumulate, [index handles]
double index_put_op(const double* a) { return out(index_put(T(a[0]), tensors_at(a + 3), T(a[1]), a[2] != 0)); }
double index_put__op(const double* a) { return out(index_put_(T(a[0]), tensors_at(a + 3), T(a[1]), a[2] != 0)); }

// input, target, weight (0: none), reduction, ignore_index
double nll_loss_op(const double* a) {
  return out(nll_loss(T(a[0]), T(a[1]), static_cast<Reduction>(static_cast<int>(a[3])), T(a[2]), integer_arg(a[4])));
}
// input, target, weight (0: none), reduction, ignore_index, label_smoothing
double cross_entropy_op(const double* a) {
  return out(cross_entropy(T(a[0]), T(a[1]), static_cast<Reduction>(static_cast<int>(a[3])), T(a[2]),
                           integer_arg(a[4]), a[5]));
}

// Sampling and the optimizers' fused updates (issue 15, h15-train).
// n, dtype, seed handle (0: the default generator)
double randperm_op(const double* a) {
  return out(randperm(integer_arg(a[0]), dtype_of(a[1]), a[2] != 0 ? T(a[2]) : Tensor()));
}
// h, num_samples, replacement
double multinomial_op(const double* a) { return out(multinomial(T(a[0]), integer_arg(a[1]), a[2] != 0)); }
// h, mode (0 full range, 1 [0, to), 2 [from, to)), from, to
double random_op(const double* a) {
  return out(random_(T(a[0]), integer_arg(a[1]), integer_arg(a[2]), integer_arg(a[3])));
}
// h, t1, t2, value
double addcmul_op(const double* a) { return out(addcmul_(T(a[0]), T(a[1]), T(a[2]), a[3])); }
double addcdiv_op(const double* a) { return out(addcdiv_(T(a[0]), T(a[1]), T(a[2]), a[3])); }

}  // namespace gradlab::wasm
