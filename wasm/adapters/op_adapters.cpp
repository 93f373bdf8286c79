// The op adapters that need more than a template: list arguments, pairs of
// results, dtype codes, and the creation functions.
#include "op_adapters.h"

#include <cmath>

#include "gradlab/random.h"

namespace gradlab::wasm {

int64_t integer_arg(double x) {
  GL_CHECK(std::floor(x) == x && std::fabs(x) < 9.2e18, "expected an integer argument, but got ", x);
  return static_cast<int64_t>(x);
}

Shape shape_of(const val& array) {
  const auto numbers = emscripten::convertJSArrayToNumberVector<double>(array);
  Shape out;
  out.reserve(numbers.size());
  for (double x : numbers) out.push_back(integer_arg(x));
  return out;
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

Handle norm_op(Handle a, double p, val dims, bool keepdim) {
  return guard([&] { return wrap(norm(tensor(a), p, shape_of(dims), keepdim)); });
}

static val pair_of(const ValuesIndices& r) { return handles_of({r.values, r.indices}); }
val max_dim(Handle a, double dim, bool keepdim) {
  return guard([&] { return pair_of(max(tensor(a), integer_arg(dim), keepdim)); });
}
val min_dim(Handle a, double dim, bool keepdim) {
  return guard([&] { return pair_of(min(tensor(a), integer_arg(dim), keepdim)); });
}

Handle to_dtype(Handle a, int dtype) {
  return guard([&] { return wrap(to(tensor(a), dtype_of(dtype))); });
}
Handle cat_op(val handles, double dim) {
  return guard([&] { return wrap(cat(tensors_of(handles), integer_arg(dim))); });
}
Handle stack_op(val handles, double dim) {
  return guard([&] { return wrap(stack(tensors_of(handles), integer_arg(dim))); });
}
val split_op(Handle a, double size, double dim) {
  return guard([&] { return handles_of(split(tensor(a), integer_arg(size), integer_arg(dim))); });
}
val split_sizes_op(Handle a, val sizes, double dim) {
  return guard([&] { return handles_of(split_sizes(tensor(a), shape_of(sizes), integer_arg(dim))); });
}
val chunk_op(Handle a, double chunks, double dim) {
  return guard([&] { return handles_of(chunk(tensor(a), integer_arg(chunks), integer_arg(dim))); });
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
      it.index = integer_arg(v[i + 1]);
      it.has_start = v[i + 2] != 0;
      it.start = integer_arg(v[i + 3]);
      it.has_stop = v[i + 4] != 0;
      it.stop = integer_arg(v[i + 5]);
      it.step = integer_arg(v[i + 6]);
      parsed.push_back(it);
    }
    return wrap(index(tensor(a), parsed));
  });
}

Handle squeeze_all(Handle a) {
  return guard([&] { return wrap(squeeze(tensor(a))); });
}
Handle squeeze_dim(Handle a, double dim) {
  return guard([&] { return wrap(squeeze(tensor(a), integer_arg(dim))); });
}
Handle dropout_op(Handle a, double p, bool training) {
  return guard([&] { return wrap(dropout(tensor(a), p, training)); });
}
Handle nll_loss_op(Handle input, Handle target, Handle weight, int reduction, double ignore_index) {
  return guard([&] {
    return wrap(nll_loss(tensor(input), tensor(target), static_cast<Reduction>(reduction), tensor(weight),
                         integer_arg(ignore_index)));
  });
}
Handle cross_entropy_op(Handle input, Handle target, Handle weight, int reduction, double ignore_index,
                        double label_smoothing) {
  return guard([&] {
    return wrap(cross_entropy(tensor(input), tensor(target), static_cast<Reduction>(reduction), tensor(weight),
                              integer_arg(ignore_index), label_smoothing));
  });
}
Handle full_op(val s, double value, int dtype) {
  return guard([&] { return wrap(full(shape_of(s), value, dtype < 0 ? number_dtype(value) : dtype_of(dtype))); });
}
Handle arange_op(double start, double end, double step, int dtype) {
  return guard([&] { return wrap(arange(start, end, step, dtype_of(dtype))); });
}
Handle linspace_op(double start, double end, double steps, int dtype) {
  return guard([&] { return wrap(linspace(start, end, integer_arg(steps), dtype_of(dtype))); });
}
Handle eye_op(double n, double m, int dtype) {
  return guard([&] { return wrap(eye(integer_arg(n), integer_arg(m), dtype_of(dtype))); });
}
Handle randint_op(double low, double high, val s, int dtype) {
  return guard([&] { return wrap(randint(integer_arg(low), integer_arg(high), shape_of(s), dtype_of(dtype))); });
}
Handle wrapped_number_op(double value) {
  return guard([&] { return wrap(wrapped_number(value)); });
}
Handle scalar_op(double value, int dtype, bool wrapped) {
  return guard([&] { return wrap(scalar_tensor(value, dtype_of(dtype), wrapped)); });
}
bool allclose_op(Handle a, Handle b, double rtol, double atol, bool equal_nan) {
  return guard([&] { return allclose(tensor(a), tensor(b), rtol, atol, equal_nan); });
}
void manual_seed_op(double seed) { random::manual_seed(static_cast<uint64_t>(seed)); }

}  // namespace gradlab::wasm
