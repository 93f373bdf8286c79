// Data in and out of the heap (always copies) and per-tensor metadata.
#include "tensor_adapters.h"

#include <cstring>
#include <vector>

#include "gradlab/gradlab.h"
#include "gradlab/print.h"
#include "signatures.h"

namespace gradlab::wasm {

namespace {
std::vector<double> g_stage;  // doubles: 8-aligned for every dtype
std::string g_text;

double* scratch() { return gl_scratch_data(1); }

// Copies the staged values (float32, float64, uint8 for bool; int64 staged as
// doubles, since BigInt64Array refuses plain numbers) into a new contiguous
// buffer of `dtype`.
Tensor tensor_from_stage(double length, const Shape& shape, DType dtype) {
  Tensor t = Tensor::empty(shape, dtype);
  const size_t n = static_cast<size_t>(t.numel());
  GL_CHECK(static_cast<size_t>(length) == n, "tensor data has ", static_cast<size_t>(length), " elements, but shape ",
           shape_str(shape), " needs ", n);
  if (dtype == DType::Int64) {
    const double* from = g_stage.data();
    for (size_t i = 0; i < n; ++i) t.data_ptr<int64_t>()[i] = static_cast<int64_t>(from[i]);
  } else if (n > 0) {
    std::memcpy(t.raw_ptr(), g_stage.data(), n * itemsize(dtype));
  }
  return t;
}

print::View print_view(const Tensor& contiguous_tensor) {
  return {contiguous_tensor.dtype(), contiguous_tensor.shape(), contiguous_tensor.raw_ptr()};
}
}  // namespace

void* stage(size_t nbytes) {
  const size_t n = (nbytes + 7) / 8;
  if (g_stage.size() < n) g_stage.resize(n);
  return g_stage.data();
}

double put_text(std::string text) {
  g_text = std::move(text);
  scratch()[0] = static_cast<double>(reinterpret_cast<uintptr_t>(g_text.data()));
  return static_cast<double>(g_text.size());
}

double share_svc(const double* a) { return static_cast<double>(share_tensor(static_cast<Handle>(a[0]))); }
double memory_bytes_svc(const double*) { return static_cast<double>(memory_stats().bytes); }

double from_data_svc(const double* a) {
  Tensor t = tensor_from_stage(a[2], list_at(a + 3), dtype_of(a[0]));
  t.set_legacy(static_cast<Legacy>(static_cast<int>(a[1])));
  return out(std::move(t));
}

double copy_out_svc(const double* a) {
  // Copied into the staging buffer, so no engine storage outlives the call
  // (torch.memory() counts only tensors someone holds).
  const Tensor c = contiguous(T(a[0]).detach());
  const size_t n = static_cast<size_t>(c.numel());
  void* to = stage(n * sizeof(double));
  if (c.dtype() == DType::Int64) {
    // JS gets doubles (no BigInt64Array without WASM_BIGINT), as before.
    for (size_t i = 0; i < n; ++i) static_cast<double*>(to)[i] = static_cast<double>(c.data_ptr<int64_t>()[i]);
  } else if (n > 0) {
    std::memcpy(to, c.raw_ptr(), n * itemsize(c.dtype()));
  }
  double* s = scratch();
  s[0] = static_cast<double>(reinterpret_cast<uintptr_t>(to));
  s[1] = static_cast<double>(c.dtype());
  return static_cast<double>(n);
}

double meta_svc(const double* a) {
  const Tensor& t = T(a[0]);
  double* s = gl_scratch_data(1 + t.dim());
  s[0] = static_cast<double>(t.dtype());
  for (int64_t d = 0; d < t.dim(); ++d) s[1 + d] = static_cast<double>(t.shape()[d]);
  return static_cast<double>(1 + t.dim());
}

double flags_svc(const double* a) {
  const Tensor& t = T(a[0]);
  return (t.requires_grad() ? 1 : 0) | (t.is_leaf() ? 2 : 0) | (t.is_volatile() ? 4 : 0) |
         (t.impl()->retains_grad ? 8 : 0) | (static_cast<int>(t.legacy()) << 4);
}

double version_svc(const double* a) { return T(a[0]).version(); }
double item_svc(const double* a) {
  const Tensor& t = T(a[0]);
  GL_CHECK(t.numel() == 1, "a Tensor with ", t.numel(), " elements cannot be converted to Scalar");
  return t.item();
}
double set_requires_grad_svc(const double* a) {
  T(a[0]).set_requires_grad(a[1] != 0);
  return 0;
}
double set_volatile_svc(const double* a) {
  T(a[0]).set_volatile(a[1] != 0);
  return 0;
}
double set_legacy_svc(const double* a) {
  T(a[0]).set_legacy(static_cast<Legacy>(static_cast<int>(a[1])));
  return 0;
}
double grad_svc(const double* a) { return out(T(a[0]).grad()); }
double set_grad_svc(const double* a) {
  T(a[0]).set_grad(T(a[1]));
  return 0;
}
double retain_grad_svc(const double* a) {
  T(a[0]).retain_grad();
  return 0;
}
double detach_svc(const double* a) { return out(T(a[0]).detach()); }
double detach__svc(const double* a) {
  T(a[0]).detach_();
  return 0;
}
double data_svc(const double* a) { return out(T(a[0]).data()); }
double impl_address_svc(const double* a) { return static_cast<double>(reinterpret_cast<uintptr_t>(T(a[0]).impl())); }
double grad_address_svc(const double* a) {
  const Tensor g = T(a[0]).grad();
  return g.defined() ? static_cast<double>(reinterpret_cast<uintptr_t>(g.impl())) : 0;
}
double same_storage_svc(const double* a) { return T(a[0]).impl()->storage == T(a[1]).impl()->storage ? 1 : 0; }

double repr_svc(const double* a) {
  const Tensor& t = T(a[0]);
  const int style = static_cast<int>(a[1]);
  if (style < 0) return put_text(tensor_repr(t));
  const Tensor c = contiguous(t.detach());
  if (style == 1) return put_text(print::legacy_repr(print_view(c), t.legacy() == Legacy::Variable || t.requires_grad()));
  print::TorchSuffix suffix;
  if (t.grad_fn())
    suffix.grad_fn = t.grad_fn()->name();
  else
    suffix.requires_grad = t.requires_grad();
  return put_text(print::torch_repr(print_view(c), suffix));
}

double array_str_svc(const double* a) {
  const Tensor t = tensor_from_stage(a[3], list_at(a + 4), dtype_of(a[0]));
  print::NumpyOptions opts = print::numpy_options();
  if (a[1] != 0) opts.legacy_113 = true;
  return put_text(a[2] != 0 ? print::numpy_repr(print_view(t), opts) : print::numpy_str(print_view(t), opts));
}

// precision, threshold, edgeitems, linewidth, sci_mode
double set_torch_printoptions_svc(const double* a) {
  auto& o = print::torch_options();
  o.precision = static_cast<int>(a[0]);
  o.threshold = static_cast<int64_t>(a[1]);
  o.edgeitems = static_cast<int>(a[2]);
  o.linewidth = static_cast<int>(a[3]);
  o.sci_mode = static_cast<int>(a[4]);
  return 0;
}

// precision, threshold, edgeitems, linewidth, suppress, legacy_113
double set_numpy_printoptions_svc(const double* a) {
  auto& o = print::numpy_options();
  o.precision = static_cast<int>(a[0]);
  o.threshold = static_cast<int64_t>(a[1]);
  o.edgeitems = static_cast<int>(a[2]);
  o.linewidth = static_cast<int>(a[3]);
  o.suppress = a[4] != 0;
  o.legacy_113 = a[5] != 0;
  return 0;
}

}  // namespace gradlab::wasm
