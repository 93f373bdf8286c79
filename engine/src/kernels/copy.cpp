// Strided copies and dtype conversion: the one place layouts are rewritten.
// Cold code, so it is dtype-generic: a copy within one dtype moves elements
// as 1-, 4- or 8-byte words, a conversion calls one small function per
// element from a table of dtype pairs. Only the contiguous same-dtype copy is
// fast (memmove), which is what contiguous() and in-place writes mostly need.
#include <cstring>

#include "kernels/elementwise.h"

namespace gradlab::kernels {

namespace {

using Convert = void (*)(void* dst, const void* src);

template <typename To, typename From>
void convert_one(void* dst, const void* src) {
  *static_cast<To*>(dst) = convert<To>(*static_cast<const From*>(src));
}

template <typename To>
Convert converter_from(DType from) {
  switch (from) {
    case DType::Float32: return convert_one<To, float>;
    case DType::Float64: return convert_one<To, double>;
    case DType::Int64: return convert_one<To, int64_t>;
    case DType::Bool: return convert_one<To, bool_t>;
  }
  return nullptr;
}

Convert converter(DType to, DType from) {
  switch (to) {
    case DType::Float32: return converter_from<float>(from);
    case DType::Float64: return converter_from<double>(from);
    case DType::Int64: return converter_from<int64_t>(from);
    case DType::Bool: return converter_from<bool_t>(from);
  }
  return nullptr;
}

// Same dtype, any layout: elements moved as words of their size.
template <typename Word>
void copy_words(const Tensor& dst, const Tensor& src, const Shape& sd, const Shape& ss) {
  Word* pd = static_cast<Word*>(dst.raw_ptr());
  const Word* ps = static_cast<const Word*>(src.raw_ptr());
  for_each_offset<2>(dst.shape(), {sd.data(), ss.data()},
                     [&](const std::array<int64_t, 2>& o) { pd[o[0]] = ps[o[1]]; });
}

template <typename Word>
void select_words(const Shape& shape, char* out, const Shape& so, const bool_t* cond, const Shape& sc, const char* a,
                  const Shape& sa, const char* b, const Shape& sb) {
  auto* po = reinterpret_cast<Word*>(out);
  const auto* pa = reinterpret_cast<const Word*>(a);
  const auto* pb = reinterpret_cast<const Word*>(b);
  for_each_offset<4>(shape, {so.data(), sc.data(), sa.data(), sb.data()},
                     [&](const std::array<int64_t, 4>& o) { po[o[0]] = cond[o[1]] ? pa[o[2]] : pb[o[3]]; });
}

template <typename T>
void add_element(void* dst, const void* src) {
  T& d = *static_cast<T*>(dst);
  d = static_cast<T>(d + *static_cast<const T*>(src));
}

}  // namespace

void store_number(void* dst, DType dtype, double v) { converter(dtype, DType::Float64)(dst, &v); }

AddElement element_adder(DType dtype) {
  switch (dtype) {
    case DType::Float32: return add_element<float>;
    case DType::Float64: return add_element<double>;
    case DType::Int64: return add_element<int64_t>;
    case DType::Bool: return add_element<bool_t>;
  }
  return nullptr;
}

void copy_into(const Tensor& dst, const Tensor& src) {
  GL_CHECK(src.dim() <= dst.dim() && broadcast_shapes(src.shape(), dst.shape()) == dst.shape(),
           "output with shape ", shape_str(dst.shape()), " doesn't match the broadcast shape ",
           shape_str(broadcast_shapes(src.shape(), dst.shape())));
  const size_t esize = itemsize(dst.dtype());
  const bool flat = dst.is_contiguous() && src.is_contiguous() && src.shape() == dst.shape();
  if (dst.dtype() == src.dtype() && flat) {
    if (dst.numel() > 0) std::memmove(dst.raw_ptr(), src.raw_ptr(), static_cast<size_t>(dst.numel()) * esize);
    return;
  }
  const Shape sd = dst.strides();
  const Shape ss = broadcast_strides(src, dst.shape());
  if (dst.dtype() == src.dtype()) {
    if (esize == 8) copy_words<uint64_t>(dst, src, sd, ss);
    else if (esize == 4) copy_words<uint32_t>(dst, src, sd, ss);
    else copy_words<uint8_t>(dst, src, sd, ss);
    return;
  }
  const Convert f = converter(dst.dtype(), src.dtype());
  auto* pd = static_cast<char*>(dst.raw_ptr());
  const auto* ps = static_cast<const char*>(src.raw_ptr());
  const size_t ssize = itemsize(src.dtype());
  if (flat) {
    const int64_t n = dst.numel();
    for (int64_t i = 0; i < n; ++i) f(pd + i * esize, ps + i * ssize);
    return;
  }
  for_each_offset<2>(dst.shape(), {sd.data(), ss.data()},
                     [&](const std::array<int64_t, 2>& o) { f(pd + o[0] * esize, ps + o[1] * ssize); });
}

void select_into(const Shape& shape, size_t size, void* out, const Shape& so, const bool_t* cond, const Shape& sc,
                 const void* a, const Shape& sa, const void* b, const Shape& sb) {
  auto* po = static_cast<char*>(out);
  const auto* pa = static_cast<const char*>(a);
  const auto* pb = static_cast<const char*>(b);
  if (size == 8) select_words<uint64_t>(shape, po, so, cond, sc, pa, sa, pb, sb);
  else if (size == 4) select_words<uint32_t>(shape, po, so, cond, sc, pa, sa, pb, sb);
  else select_words<uint8_t>(shape, po, so, cond, sc, pa, sa, pb, sb);
}

Tensor materialize(const Tensor& t, const Shape& shape) {
  Tensor out = Tensor::empty(shape, t.dtype());
  copy_into(out, t);
  return out;
}

Tensor with_layout(const Tensor& flat, const Shape& strides) {
  if (strides == flat.strides()) return flat;
  Tensor out = Tensor::empty(flat.shape(), flat.dtype());
  out.impl()->strides = strides;
  copy_into(out, flat);
  return out;
}

// Keeps t's layout, as PyTorch's casts do, so an op on the cast operand lays out its result as on t.
Tensor cast_nograd(const Tensor& t, DType dtype) {
  if (t.dtype() == dtype) return t;
  Tensor out = empty_preserving_layout(t, dtype);
  copy_into(out, t);
  return out;
}

Tensor copy_of(const Tensor& src) {
  Tensor out = Tensor::empty(src.shape(), src.dtype());
  copy_into(out, src);
  return out;
}

}  // namespace gradlab::kernels
