// Value-selecting reductions: amax/amin, max/min (global, and along a dim with
// indices), argmax/argmin. NaN wins every comparison (it propagates, as in
// PyTorch) and ties keep the first occurrence, the index PyTorch's CPU returns.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "gradlab/autograd/record.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/indexing.h"
#include "gradlab/ops/movement.h"
#include "gradlab/ops/reduce.h"
#include "kernels/reduce.h"

namespace gradlab {

namespace {

// Whether v replaces the best so far.
template <typename T>
bool beats(T v, T best, bool is_max) {
  if constexpr (std::is_floating_point_v<T>) {
    if (std::isnan(v)) return !std::isnan(best);
  }
  return is_max ? v > best : v < best;
}

// The winner of every row of the plan: its value and/or its position in the row.
// Reduced dims keep their order in the row, so a position is a row-major index
// over them (the flat index when every dim is reduced).
void select_rows(const kernels::ReducePlan& p, DType dtype, bool is_max, Tensor* values, Tensor* indices) {
  if (values) *values = Tensor::empty(p.out_shape, dtype);
  if (indices) *indices = Tensor::empty(p.out_shape, DType::Int64);
  GL_DISPATCH_ALL(dtype, T, {
    const T* src = p.rows.template data_ptr<T>();
    for (int64_t o = 0; o < p.outer; ++o) {
      const T* row = src + o * p.inner;
      int64_t best = 0;
      for (int64_t i = 1; i < p.inner; ++i)
        if (beats(row[i], row[best], is_max)) best = i;
      if (values) values->template data_ptr<T>()[o] = row[best];
      if (indices) indices->template data_ptr<int64_t>()[o] = best;
    }
  });
}

// PyTorch refuses to pick from nothing: an empty input with no dim, or an empty reduced dim.
void check_nonempty(const char* op, const Tensor& a, const Dims& dims, const char* specify_hint) {
  if (dims.empty()) {
    GL_CHECK(a.numel() != 0, op, "(): Expected reduction dim to be specified for input.numel() == 0.",
             specify_hint);
    return;
  }
  // PyTorch walks the dims in the order given, each one's range error before its emptiness
  // (named as given: -1 stays -1), and only then looks for repeats: amin([0, 0]) of an
  // empty dim 0 names the empty dim, amin([5, 0]) the range. Only an empty input has empty dims.
  if (a.numel() == 0)
    for (const int64_t d : dims)
      GL_CHECK(a.shape()[wrap_dim(d, a.dim())] != 0, op, "(): Expected reduction dim ", d,
               " to have non-zero size.");
  check_dims_in_range(dims, a.dim());
  dim_mask(dims, a.dim());
}
constexpr const char* kSpecifyDim = " Specify the reduction dim with the 'dim' argument.";

Tensor as_float_mask(const Tensor& cond, const Tensor& like) { return to(cond, like.dtype()); }

Tensor extreme(const char* op, const char* node, const Tensor& a, const Dims& dims, bool keepdim, bool is_max) {
  check_nonempty(op, a, dims, kSpecifyDim);
  const auto plan = kernels::plan_reduce(a, dims, keepdim);
  Tensor out;
  select_rows(plan, a.dtype(), is_max, &out, nullptr);
  const Dims red = kernels::reduced_dims(dims, a.dim());
  const Shape keep = plan.keep_shape;
  // d amax(a) = grad shared evenly among the elements equal to the result
  record(node, {out}, {a}, {a}, [red, keep](const BackwardContext& c) {
    const Tensor& a = c.saved[0];
    const Tensor mask = as_float_mask(eq(a, reshape(c.saved[1], keep)), c.grad());
    return variable_list{mul(div(reshape(c.grad(), keep), sum(mask, red, true)), mask)};
  }, {out});
  return out;
}

// PyTorch's max()/min() of a whole float tensor run reduce_all over its contiguous values (AVX2):
// each lane of one vector (8 float32, 4 float64) keeps the extreme of its place in every
// vector-sized block (the last, partial block only in its own lanes), then the lanes are
// folded: float32 by halves (lanes 0-3 against 4-7, 0-1 against 2-3, 0 against 1), float64
// lane 0 against each other lane in turn; fewer values than a vector are folded in turn. The
// vector max/min takes its second operand on a tie, so which of +0 and -0 is the result
// follows this order (live run s122001-533). From 32,768 values PyTorch splits them between
// threads (machine-dependent); taken here as one range.
template <typename T>
T reduce_all_as_pytorch(const T* data, int64_t n, bool is_max) {
  constexpr int64_t lanes = 32 / sizeof(T);
  auto pick = [is_max](T x, T y) -> T {
    if (std::isnan(x) || std::isnan(y)) return std::numeric_limits<T>::quiet_NaN();
    return (is_max ? x > y : x < y) ? x : y;
  };
  std::array<T, lanes> acc{};
  auto fold_in_turn = [&](int64_t size) {
    T r = acc[0];
    for (int64_t i = 1; i < size; ++i) r = pick(r, acc[i]);
    return r;
  };
  if (n < lanes) {
    std::copy(data, data + n, acc.begin());
    return fold_in_turn(n);
  }
  std::copy(data, data + lanes, acc.begin());
  for (int64_t d = lanes; d < n; d += lanes)
    for (int64_t j = 0; j < lanes && d + j < n; ++j) acc[j] = pick(acc[j], data[d + j]);
  if constexpr (lanes == 8) {
    T m[4];
    for (int j = 0; j < 4; ++j) m[j] = pick(acc[j], acc[j + 4]);
    return pick(pick(m[0], m[2]), pick(m[1], m[3]));
  } else {
    return fold_in_turn(lanes);
  }
}

Tensor global_extreme(const char* op, const char* node, const Tensor& a, bool is_max) {
  check_nonempty(op, a, {}, kSpecifyDim);
  const auto plan = kernels::plan_reduce(a, {}, false);
  Tensor out;
  select_rows(plan, a.dtype(), is_max, &out, nullptr);
  if (is_floating(a.dtype()))
    GL_DISPATCH_FLOAT(a.dtype(), T, {
      out.data_ptr<T>()[0] = reduce_all_as_pytorch(plan.rows.data_ptr<T>(), plan.inner, is_max);
    });
  // d max(a) = grad shared evenly among the elements equal to the result (the NaNs when it is NaN)
  record(node, {out}, {a}, {a}, [](const BackwardContext& c) {
    const Tensor& a = c.saved[0];
    const Tensor hit = std::isnan(c.saved[1].item()) ? ne(a, a) : eq(a, c.saved[1]);
    const Tensor share = div(c.grad(), sum(as_float_mask(hit, c.grad())));
    // Put into zeros at the hits, as PyTorch's index_put_: a NaN share stays off the others.
    return variable_list{where(hit, share, zeros(a.shape(), c.grad().dtype()))};
  }, {out});
  return out;
}

ValuesIndices extreme_dim(const char* op, const char* node, const Tensor& a, int64_t dim, bool keepdim,
                          bool is_max) {
  const int64_t d = wrap_dim(dim, a.dim());
  check_nonempty(op, a, {d}, "");
  const auto plan = kernels::plan_reduce(a, {d}, keepdim);
  ValuesIndices r;
  select_rows(plan, a.dtype(), is_max, &r.values, &r.indices);
  propagate_flags({r.indices}, {a});
  // d max(a, dim) = grad put at the returned index into zeros, by a differentiable scatter as
  // PyTorch's value_selecting_reduction_backward (ScatterBackward0 under create_graph; an
  // infinite or NaN grad leaves the other elements 0)
  record(node, {r.values}, {a}, {r.indices}, [d, keepdim, shape = a.shape()](const BackwardContext& c) {
    return variable_list{value_selecting_backward(c.grad(), d, c.saved[0], shape, keepdim)};
  });
  return r;
}

Tensor arg_extreme(const char* op, const Tensor& a, const Dims& dims, bool keepdim, bool is_max) {
  check_nonempty(op, a, dims, "");
  // Over one dim of size 1 PyTorch fills the result with 0 and runs no kernel, so any dtype passes.
  if (dims.size() == 1 && a.dim() > 0 && a.shape()[dims[0]] == 1) {
    Shape shape = a.shape();
    if (keepdim)
      shape[dims[0]] = 1;
    else
      shape.erase(shape.begin() + dims[0]);
    Tensor idx = zeros(shape, DType::Int64);
    propagate_flags({idx}, {a});
    return idx;
  }
  // PyTorch has no bool kernel, but an empty result never reaches the kernel.
  GL_CHECK(a.dtype() != DType::Bool || a.numel() == 0, "\"", op, "_cpu\" not implemented for 'Bool'");
  const auto plan = kernels::plan_reduce(a, dims, keepdim);
  Tensor idx;
  select_rows(plan, a.dtype(), is_max, nullptr, &idx);
  propagate_flags({idx}, {a});
  return idx;
}

}  // namespace

Tensor amax(const Tensor& a, const Dims& dims, bool keepdim) {
  return extreme("amax", "AmaxBackward0", a, dims, keepdim, true);
}
Tensor amin(const Tensor& a, const Dims& dims, bool keepdim) {
  return extreme("amin", "AminBackward0", a, dims, keepdim, false);
}

Tensor max(const Tensor& a) { return global_extreme("max", "MaxBackward1", a, true); }
Tensor min(const Tensor& a) { return global_extreme("min", "MinBackward1", a, false); }

ValuesIndices max(const Tensor& a, int64_t dim, bool keepdim) {
  return extreme_dim("max", "MaxBackward0", a, dim, keepdim, true);
}
ValuesIndices min(const Tensor& a, int64_t dim, bool keepdim) {
  return extreme_dim("min", "MinBackward0", a, dim, keepdim, false);
}

Tensor argmax(const Tensor& a) { return arg_extreme("argmax", a, {}, false, true); }
Tensor argmin(const Tensor& a) { return arg_extreme("argmin", a, {}, false, false); }
Tensor argmax(const Tensor& a, int64_t dim, bool keepdim) {
  return arg_extreme("argmax", a, {wrap_dim(dim, a.dim())}, keepdim, true);
}
Tensor argmin(const Tensor& a, int64_t dim, bool keepdim) {
  return arg_extreme("argmin", a, {wrap_dim(dim, a.dim())}, keepdim, false);
}

}  // namespace gradlab
