// The op adapters that need more than a template: list arguments, pairs of
// results, dtype codes, and the creation functions.
#include "op_adapters.h"

#include <cmath>

#include "gradlab/random.h"

namespace gradlab::wasm {

Shape shape_of(const val& array) {
  const auto ints = emscripten::convertJSArrayToNumberVector<double>(array);
  return Shape(ints.begin(), ints.end());
}

std::vector<Tensor> tensors_of(const val& handles) {
  const auto hs = emscripten::convertJSArrayToNumberVector<double>(handles);
  std::vector<Tensor> out;
  out.reserve(hs.size());
  for (double h : hs) out.push_back(tensor(static_cast<Handle>(h)));
  return out;
}

val handles_of(const std::vector<Tensor>& tensors) {
  std::vector<double> hs;
  hs.reserve(tensors.size());
  for (const Tensor& t : tensors) hs.push_back(static_cast<double>(wrap(t)));
  return val::global("Array").call<val>("from", val(emscripten::typed_memory_view(hs.size(), hs.data())));
}

Tensor wrapped_number(double x) {
  const bool integral = std::isfinite(x) && std::floor(x) == x && std::fabs(x) < 9.2e18;
  return scalar_tensor(x, integral ? DType::Int64 : DType::Float64, true);
}

Handle norm_op(Handle a, double p, val dims, bool keepdim) {
  return guard([&] { return wrap(norm(tensor(a), p, shape_of(dims), keepdim)); });
}

static val pair_of(const ValuesIndices& r) { return handles_of({r.values, r.indices}); }
val max_dim(Handle a, int dim, bool keepdim) {
  return guard([&] { return pair_of(max(tensor(a), dim, keepdim)); });
}
val min_dim(Handle a, int dim, bool keepdim) {
  return guard([&] { return pair_of(min(tensor(a), dim, keepdim)); });
}

Handle to_dtype(Handle a, int dtype) {
  return guard([&] { return wrap(to(tensor(a), dtype_of(dtype))); });
}
Handle cat_op(val handles, int dim) {
  return guard([&] { return wrap(cat(tensors_of(handles), dim)); });
}
Handle stack_op(val handles, int dim) {
  return guard([&] { return wrap(stack(tensors_of(handles), dim)); });
}
val split_op(Handle a, int size, int dim) {
  return guard([&] { return handles_of(split(tensor(a), size, dim)); });
}
val split_sizes_op(Handle a, val sizes, int dim) {
  return guard([&] { return handles_of(split_sizes(tensor(a), shape_of(sizes), dim)); });
}
val chunk_op(Handle a, int chunks, int dim) {
  return guard([&] { return handles_of(chunk(tensor(a), chunks, dim)); });
}
Handle masked_fill_op(Handle a, Handle mask, double value) {
  return guard([&] { return wrap(masked_fill(tensor(a), tensor(mask), value)); });
}

Handle index_op(Handle a, val items) {
  return guard([&] {
    const auto v = emscripten::convertJSArrayToNumberVector<double>(items);
    std::vector<IndexItem> parsed;
    for (size_t i = 0; i + 7 <= v.size(); i += 7) {
      IndexItem it;
      it.kind = static_cast<IndexItem::Kind>(static_cast<int>(v[i]));
      it.index = static_cast<int64_t>(v[i + 1]);
      it.has_start = v[i + 2] != 0;
      it.start = static_cast<int64_t>(v[i + 3]);
      it.has_stop = v[i + 4] != 0;
      it.stop = static_cast<int64_t>(v[i + 5]);
      it.step = static_cast<int64_t>(v[i + 6]);
      parsed.push_back(it);
    }
    return wrap(index(tensor(a), parsed));
  });
}

Handle squeeze_all(Handle a) {
  return guard([&] { return wrap(squeeze(tensor(a))); });
}
Handle squeeze_dim(Handle a, int dim) {
  return guard([&] { return wrap(squeeze(tensor(a), dim)); });
}
Handle dropout_op(Handle a, double p, bool training) {
  return guard([&] { return wrap(dropout(tensor(a), p, training)); });
}
Handle full_op(val s, double value, int dtype) {
  return guard([&] { return wrap(full(shape_of(s), value, dtype_of(dtype))); });
}
Handle arange_op(double start, double end, double step, int dtype) {
  return guard([&] { return wrap(arange(start, end, step, dtype_of(dtype))); });
}
Handle linspace_op(double start, double end, int steps, int dtype) {
  return guard([&] { return wrap(linspace(start, end, steps, dtype_of(dtype))); });
}
Handle eye_op(int n, int m, int dtype) {
  return guard([&] { return wrap(eye(n, m, dtype_of(dtype))); });
}
Handle randint_op(int low, int high, val s, int dtype) {
  return guard([&] { return wrap(randint(low, high, shape_of(s), dtype_of(dtype))); });
}
Handle scalar_op(double value, int dtype, bool wrapped) {
  return guard([&] { return wrap(scalar_tensor(value, dtype_of(dtype), wrapped)); });
}
bool allclose_op(Handle a, Handle b, double rtol, double atol, bool equal_nan) {
  return guard([&] { return allclose(tensor(a), tensor(b), rtol, atol, equal_nan); });
}
void manual_seed_op(double seed) { random::manual_seed(static_cast<uint64_t>(seed)); }

}  // namespace gradlab::wasm
