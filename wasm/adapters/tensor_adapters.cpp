// Data in and out of the heap (always copies) and per-tensor metadata.
#include "tensor_adapters.h"

#include <vector>

#include "gradlab/gradlab.h"
#include "gradlab/print.h"
#include "js_lists.h"
#include "signatures.h"

namespace gradlab::wasm {

using emscripten::typed_memory_view;

namespace {
template <typename T>
val view_of(const Tensor& t) {
  return val(typed_memory_view(static_cast<size_t>(t.numel()), t.data_ptr<T>()));
}

// Copies a JS TypedArray into a new contiguous buffer of `dtype` (one `set` call;
// int64 goes through doubles because BigInt64Array refuses plain numbers).
Tensor tensor_from(const val& data, const Shape& shape, DType dtype) {
  Tensor t = Tensor::empty(shape, dtype);
  const size_t n = static_cast<size_t>(t.numel());
  GL_CHECK(data["length"].as<size_t>() == n, "tensor data has ", data["length"].as<size_t>(),
           " elements, but shape ", shape_str(shape), " needs ", n);
  switch (dtype) {
    case DType::Float32: view_of<float>(t).call<void>("set", data); break;
    case DType::Float64: view_of<double>(t).call<void>("set", data); break;
    case DType::Bool: view_of<uint8_t>(t).call<void>("set", data); break;
    case DType::Int64: {
      std::vector<double> tmp(n);
      val(typed_memory_view(n, tmp.data())).call<void>("set", data);
      for (size_t i = 0; i < n; ++i) t.data_ptr<int64_t>()[i] = static_cast<int64_t>(tmp[i]);
      break;
    }
  }
  return t;
}

print::View print_view(const Tensor& contiguous_tensor) {
  return {contiguous_tensor.dtype(), contiguous_tensor.shape(), contiguous_tensor.raw_ptr()};
}
}  // namespace

Handle from_data(val data, val shape, int dtype, int legacy) {
  return guard([&] {
    Tensor t = tensor_from(data, shape_of(shape), dtype_of(dtype));
    t.set_legacy(static_cast<Legacy>(legacy));
    return wrap(std::move(t));
  });
}

val copy_out(Handle h) {
  return guard([&] {
    const Tensor c = contiguous(tensor(h).detach());
    switch (c.dtype()) {
      case DType::Float32: return view_of<float>(c).call<val>("slice");
      case DType::Float64: return view_of<double>(c).call<val>("slice");
      case DType::Int64: {
        // Embind has no BigInt64Array view without WASM_BIGINT; JS gets doubles.
        std::vector<double> tmp(c.data_ptr<int64_t>(), c.data_ptr<int64_t>() + c.numel());
        return val(typed_memory_view(tmp.size(), tmp.data())).call<val>("slice");
      }
      case DType::Bool: return view_of<uint8_t>(c).call<val>("slice");
    }
    return val::undefined();
  });
}

val meta(Handle h) {
  const Tensor& t = tensor(h);
  std::vector<double> m;
  m.push_back(static_cast<double>(t.dtype()));
  for (int64_t s : t.shape()) m.push_back(static_cast<double>(s));
  return val::global("Array").call<val>("from", val(typed_memory_view(m.size(), m.data())));
}

int flags(Handle h) {
  const Tensor& t = tensor(h);
  return (t.requires_grad() ? 1 : 0) | (t.is_leaf() ? 2 : 0) | (t.is_volatile() ? 4 : 0) |
         (t.impl()->retains_grad ? 8 : 0) | (static_cast<int>(t.legacy()) << 4);
}

double version(Handle h) { return tensor(h).version(); }
double item(Handle h) {
  return guard([&] {
    const Tensor& t = tensor(h);
    GL_CHECK(t.numel() == 1, "a Tensor with ", t.numel(), " elements cannot be converted to Scalar");
    return t.item();
  });
}
void set_requires_grad(Handle h, bool value) {
  guard([&] { tensor(h).set_requires_grad(value); });
}
void set_volatile(Handle h, bool value) { tensor(h).set_volatile(value); }
void set_legacy(Handle h, int kind) { tensor(h).set_legacy(static_cast<Legacy>(kind)); }
Handle grad(Handle h) { return wrap(tensor(h).grad()); }
void set_grad(Handle h, Handle g) {
  guard([&] { tensor(h).set_grad(tensor(g)); });
}
void retain_grad(Handle h) {
  guard([&] { tensor(h).retain_grad(); });
}
Handle detach(Handle h) { return wrap(tensor(h).detach()); }
void detach_(Handle h) {
  guard([&] { tensor(h).detach_(); });
}
Handle data(Handle h) { return wrap(tensor(h).data()); }
double impl_address(Handle h) { return static_cast<double>(reinterpret_cast<uintptr_t>(tensor(h).impl())); }
double grad_address(Handle h) {
  const Tensor g = tensor(h).grad();
  return g.defined() ? static_cast<double>(reinterpret_cast<uintptr_t>(g.impl())) : 0;
}
bool same_storage(Handle a, Handle b) { return tensor(a).impl()->storage == tensor(b).impl()->storage; }

std::string repr(Handle h, int style) {
  return guard([&] {
    const Tensor& t = tensor(h);
    if (style < 0) return tensor_repr(t);
    const Tensor c = contiguous(t.detach());
    if (style == 1) return print::legacy_repr(print_view(c), t.legacy() == Legacy::Variable || t.requires_grad());
    print::TorchSuffix suffix;
    if (t.grad_fn())
      suffix.grad_fn = t.grad_fn()->name();
    else
      suffix.requires_grad = t.requires_grad();
    return print::torch_repr(print_view(c), suffix);
  });
}

std::string array_str(val data, val shape, int dtype, bool legacy, bool as_repr) {
  return guard([&] {
    const Tensor t = tensor_from(data, shape_of(shape), dtype_of(dtype));
    print::NumpyOptions opts = print::numpy_options();
    if (legacy) opts.legacy_113 = true;
    return as_repr ? print::numpy_repr(print_view(t), opts) : print::numpy_str(print_view(t), opts);
  });
}

void set_torch_printoptions(int precision, double threshold, int edgeitems, int linewidth, int sci_mode) {
  auto& o = print::torch_options();
  o.precision = precision;
  o.threshold = static_cast<int64_t>(threshold);
  o.edgeitems = edgeitems;
  o.linewidth = linewidth;
  o.sci_mode = sci_mode;
}

void set_numpy_printoptions(int precision, double threshold, int edgeitems, int linewidth, bool suppress,
                            bool legacy_113) {
  auto& o = print::numpy_options();
  o.precision = precision;
  o.threshold = static_cast<int64_t>(threshold);
  o.edgeitems = edgeitems;
  o.linewidth = linewidth;
  o.suppress = suppress;
  o.legacy_113 = legacy_113;
}

double memory_bytes() { return static_cast<double>(memory_stats().bytes); }

}  // namespace gradlab::wasm
