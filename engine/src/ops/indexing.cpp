// Indexing: select/narrow/slice (views sharing storage), index_select, gather,
// masked_fill, and index_add/scatter_add, which are also the backwards of the
// gathering ops. Every backward is written with these differentiable ops, so
// create_graph gives higher derivatives.
#include "gradlab/ops/indexing.h"

#include <algorithm>

#include "gradlab/autograd/record.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/movement.h"
#include "kernels/elementwise.h"

namespace gradlab {

namespace {

// a[..., start : start + length * step : step, ...] along dim, without autograd.
Tensor strided_view(const Tensor& a, int64_t dim, int64_t start, int64_t length, int64_t step) {
  Shape shape = a.shape(), strides = a.strides();
  const int64_t offset = a.offset() + start * strides[dim];
  shape[dim] = length;
  strides[dim] *= step;
  return make_view(a, shape, strides, offset);
}

// a with `dim` fixed at `index`, without autograd.
Tensor select_view(const Tensor& a, int64_t dim, int64_t index) {
  Shape shape = a.shape(), strides = a.strides();
  const int64_t offset = a.offset() + index * strides[dim];
  shape.erase(shape.begin() + dim);
  strides.erase(strides.begin() + dim);
  return make_view(a, shape, strides, offset);
}

// Kernels index 0-d tensors as one-element vectors, as PyTorch does.
Tensor as_vector(const Tensor& t) { return t.dim() == 0 ? make_view(t, {1}, {1}, t.offset()) : t; }

std::vector<int64_t> index_values(const Tensor& index) {
  const Tensor c = contiguous(index.detach());
  const int64_t* p = c.data_ptr<int64_t>();
  return std::vector<int64_t>(p, p + c.numel());
}

// dst += src elementwise (same shape and dtype), without autograd.
void add_into(const Tensor& dst, const Tensor& src) {
  const kernels::AddElement add = kernels::element_adder(dst.dtype());
  const size_t size = itemsize(dst.dtype());
  auto* pd = static_cast<char*>(dst.raw_ptr());
  const auto* ps = static_cast<const char*>(src.raw_ptr());
  kernels::for_each_offset<2>(dst.shape(), {dst.strides().data(), src.strides().data()},
                              [&](const std::array<int64_t, 2>& o) { add(pd + o[0] * size, ps + o[1] * size); });
}

Tensor slice_with_length(const Tensor& a, int64_t dim, int64_t start, int64_t length, int64_t step);

// The gradient of a strided view: zeros of the input's shape holding grad where the view looked.
Tensor slice_backward(const Tensor& grad, const Shape& shape, int64_t dim, int64_t start, int64_t length,
                      int64_t step) {
  Tensor out = zeros(shape, grad.dtype());
  kernels::copy_into(strided_view(out, dim, start, length, step), grad);
  // d slice_backward(g) = the same slice of the incoming gradient
  record("SliceBackwardBackward0", {out}, {grad}, {}, [=](const BackwardContext& c) {
    return variable_list{slice_with_length(c.grad(), dim, start, length, step)};
  });
  return out;
}

Tensor slice_with_length(const Tensor& a, int64_t dim, int64_t start, int64_t length, int64_t step) {
  Tensor out = strided_view(a, dim, start, length, step);
  const Shape in_shape = a.shape();
  // d slice(a) = grad written into zeros at the sliced positions
  record("SliceBackward0", {out}, {a}, {}, [=](const BackwardContext& c) {
    return variable_list{slice_backward(c.grad(), in_shape, dim, start, length, step)};
  });
  return out;
}

Tensor select_backward(const Tensor& grad, const Shape& shape, int64_t dim, int64_t index) {
  Tensor out = zeros(shape, grad.dtype());
  kernels::copy_into(select_view(out, dim, index), grad);
  // d select_backward(g) = the same select of the incoming gradient
  record("SelectBackwardBackward0", {out}, {grad}, {}, [=](const BackwardContext& c) {
    return variable_list{select(c.grad(), dim, index)};
  });
  return out;
}

}  // namespace

Tensor select(const Tensor& a, int64_t dim, int64_t index) {
  GL_CHECK(a.dim() > 0, "select() cannot be applied to a 0-dim tensor.");
  const int64_t d = wrap_dim(dim, a.dim());
  const int64_t size = a.shape()[d];
  GL_CHECK(index >= -size && index < size, "select(): index ", index, " out of range for tensor of size ",
           shape_str(a.shape()), " at dimension ", d);
  const int64_t i = index < 0 ? index + size : index;
  Tensor out = select_view(a, d, i);
  const Shape in_shape = a.shape();
  // d select(a) = grad written into zeros at the selected index
  record("SelectBackward0", {out}, {a}, {}, [=](const BackwardContext& c) {
    return variable_list{select_backward(c.grad(), in_shape, d, i)};
  });
  return out;
}

Tensor narrow(const Tensor& a, int64_t dim, int64_t start, int64_t length) {
  GL_CHECK(a.dim() > 0, "narrow() cannot be applied to a 0-dim tensor.");
  const int64_t d = wrap_dim(dim, a.dim());
  const int64_t size = a.shape()[d];
  // PyTorch wraps a negative start like a dim, but lets start equal the size (an empty narrow at the end).
  if (start != size) start = wrap_dim(start, size);
  GL_CHECK(length >= 0 && start <= size - length, "start (", start, ") + length (", length,
           ") exceeds dimension size (", size, ").");
  return slice_with_length(a, d, start, length, 1);
}

Tensor slice(const Tensor& a, int64_t dim, int64_t start, int64_t end, int64_t step) {
  GL_CHECK(a.dim() > 0, "slice() cannot be applied to a 0-dim tensor.");
  GL_CHECK(step > 0, "slice step must be positive");
  const int64_t d = wrap_dim(dim, a.dim());
  const int64_t size = a.shape()[d];
  // NumPy's rules: negative bounds count from the end, then both clamp into [0, size].
  auto clamp_bound = [size](int64_t v) { return std::clamp(v < 0 ? v + size : v, int64_t{0}, size); };
  start = clamp_bound(start);
  end = std::max(clamp_bound(end), start);
  return slice_with_length(a, d, start, (end - start + step - 1) / step, step);
}

Tensor index_select(const Tensor& a, int64_t dim, const Tensor& index) {
  GL_CHECK(index.dtype() == DType::Int64, "index_select(): Expected dtype int32 or int64 for index");
  GL_CHECK(index.dim() <= 1, "index_select(): Index is supposed to be a vector");
  const int64_t d = wrap_dim(dim, a.dim());
  const Tensor av = as_vector(a);
  const auto idx = index_values(index);
  // An empty dim of a matrix or more is refused before the indices are read.
  GL_CHECK(a.dim() <= 1 || av.shape()[d] > 0 || idx.empty(), "index_select(): self indexing axis dim should be positive");
  // PyTorch's CPU kernel for dim 1 of a matrix or more has its own message, and so has
  // its bound check of an empty matrix or more (any dim).
  const bool dim1_kernel = a.dim() > 1 && (d == 1 || a.numel() == 0);
  for (const int64_t i : idx) {
    if (i >= 0 && i < av.shape()[d]) continue;
    if (dim1_kernel) fail("INDICES element is out of DATA bounds, id=", i, " axis_dim=", av.shape()[d]);
    fail("index out of range in self");
  }
  // A 0-d tensor gives itself for any number of (valid) indices, as PyTorch 1.13; with none,
  // PyTorch reads uninitialised memory, so that stays an error.
  GL_CHECK(a.dim() > 0 || !idx.empty(), "index_select(): Index to scalar can have only 1 value, got 0 value(s)");
  Shape shape = av.shape();
  shape[d] = a.dim() == 0 ? 1 : static_cast<int64_t>(idx.size());
  Tensor out = Tensor::empty(a.dim() == 0 ? Shape{} : shape, a.dtype());
  const Tensor outv = as_vector(out);
  for (int64_t k = 0; k < shape[d]; ++k)
    kernels::copy_into(select_view(outv, d, k), select_view(av, d, idx[static_cast<size_t>(k)]));
  const Shape in_shape = a.shape();
  // d index_select(a) = grad added back at the selected indices (repeats accumulate)
  record("IndexSelectBackward0", {out}, {a}, {index}, [=](const BackwardContext& c) {
    return variable_list{index_add(zeros(in_shape, c.grad().dtype()), d, c.saved[0], c.grad())};
  });
  return out;
}

Tensor index_add(const Tensor& a, int64_t dim, const Tensor& index, const Tensor& src) {
  GL_CHECK(index.dtype() == DType::Int64, "index_add_(): Expected dtype int32/int64 for index but got: ",
           scalar_type_name(index.dtype()));
  GL_CHECK(index.dim() <= 1, "index_add_(): Index is supposed to be a vector, but got dim: ", index.dim(),
           " with type: ", scalar_type_name(index.dtype()), " and size: ", shape_str(index.shape()));
  GL_CHECK(a.dtype() == src.dtype(), "index_add_(): self (", scalar_type_name(a.dtype()), ") and source (",
           scalar_type_name(src.dtype()), ") must have the same scalar type");
  const int64_t d = wrap_dim(dim, a.dim());
  const Tensor av = as_vector(a), sv = as_vector(src);
  const auto idx = index_values(index);
  GL_CHECK(av.dim() == sv.dim(), "index_add_(): Source/destination tensor must have same slice shapes. "
           "Destination slice shape: ", shape_str(select_view(av, d, 0).shape()), " at dimension ", d,
           " and source slice shape: ", shape_str(src.dim() == 0 ? Shape{} : select_view(sv, d, 0).shape()),
           " at dimension 0.");
  GL_CHECK(static_cast<int64_t>(idx.size()) == sv.shape()[d], "index_add_(): Number of indices (", idx.size(),
           ") should be equal to source.size(dim): (", sv.shape()[d], "), for dim: ", d);
  for (int64_t k = 0, j = 0; k < av.dim(); ++k) {
    if (k == d) continue;
    GL_CHECK(av.shape()[k] == sv.shape()[k], "The size of tensor a (", av.shape()[k],
             ") must match the size of tensor b (", sv.shape()[k], ") at non-singleton dimension ", j);
    ++j;
  }
  Tensor out = kernels::copy_of(a);
  const Tensor outv = as_vector(out);
  for (size_t k = 0; k < idx.size(); ++k) {
    GL_CHECK(idx[k] >= 0 && idx[k] < av.shape()[d], "index out of range in self");
    add_into(select_view(outv, d, idx[k]), select_view(sv, d, static_cast<int64_t>(k)));
  }
  // d index_add(a, src) = grad for a, grad gathered at the indices for src
  record("IndexAddBackward0", {out}, {a, src}, {index}, [d](const BackwardContext& c) {
    return variable_list{c.grad(), c.needs(1) ? index_select(c.grad(), d, c.saved[0]) : Tensor()};
  });
  return out;
}

Tensor gather(const Tensor& a, int64_t dim, const Tensor& index) {
  GL_CHECK(index.dtype() == DType::Int64, "gather(): Expected dtype int64 for index");
  GL_CHECK(index.dim() == a.dim(), "Index tensor must have the same number of dimensions as input tensor");
  const int64_t d = wrap_dim(dim, a.dim());
  const Tensor av = as_vector(a), iv = as_vector(index);
  for (int64_t k = 0; k < av.dim(); ++k)
    GL_CHECK(k == d || iv.shape()[k] <= av.shape()[k], "Size does not match at dimension ", k,
             " expected index ", shape_str(index.shape()), " to be smaller than self ", shape_str(a.shape()),
             " apart from dimension ", d);
  Tensor out = Tensor::empty(index.shape(), a.dtype());
  const Tensor outv = as_vector(out);
  // The input is walked with the gathered dim's stride zeroed; the index picks the position there.
  Shape in_strides = av.strides();
  const int64_t dim_stride = in_strides[d], dim_size = av.shape()[d];
  in_strides[d] = 0;
  const int64_t* pi = iv.data_ptr<int64_t>();
  const size_t size = itemsize(a.dtype());
  const auto* pa = static_cast<const char*>(av.raw_ptr());
  auto* po = static_cast<char*>(outv.raw_ptr());
  kernels::for_each_offset<3>(iv.shape(), {iv.strides().data(), in_strides.data(), outv.strides().data()},
                              [&](const std::array<int64_t, 3>& o) {
                                const int64_t i = pi[o[0]];
                                GL_CHECK(i >= 0 && i < dim_size, "index ", i, " is out of bounds for dimension ", d,
                                         " with size ", dim_size);
                                kernels::move_element(po + o[2] * size, pa + (o[1] + i * dim_stride) * size, size);
                              });
  const Shape in_shape = a.shape();
  // d gather(a) = grad scattered (and summed) back to the gathered positions. PyTorch's
  // GatherBackward0 saves self too, so changing it in place is an error at backward (s102001-45).
  record("GatherBackward0", {out}, {a}, {index, a}, [=](const BackwardContext& c) {
    return variable_list{scatter_add(zeros(in_shape, c.grad().dtype()), d, c.saved[0], c.grad())};
  });
  return out;
}

namespace {

// PyTorch's scatter checks (scatter_add shares them, messages and all); returns the wrapped dim.
int64_t check_scatter(const Tensor& a, int64_t dim, const Tensor& index, const Tensor& src) {
  GL_CHECK(index.dtype() == DType::Int64, "scatter(): Expected dtype int64 for index");
  GL_CHECK(a.dtype() == src.dtype(), "scatter(): Expected self.dtype to be equal to src.dtype");
  GL_CHECK(index.dim() == a.dim(), "Index tensor must have the same number of dimensions as self tensor");
  GL_CHECK(index.dim() == src.dim(), "Index tensor must have the same number of dimensions as src tensor");
  const int64_t d = wrap_dim(dim, a.dim());
  const Tensor av = as_vector(a), iv = as_vector(index), sv = as_vector(src);
  for (int64_t k = 0; k < av.dim(); ++k)
    GL_CHECK(iv.shape()[k] <= sv.shape()[k] && (k == d || iv.shape()[k] <= av.shape()[k]), "Expected index ",
             shape_str(index.shape()), " to be smaller than self ", shape_str(a.shape()), " apart from dimension ",
             d, " and to be smaller size than src ", shape_str(src.shape()));
  return d;
}

// A copy of a with src's elements written (accumulate: added) at index along d; no autograd.
Tensor scatter_copy(const Tensor& a, int64_t d, const Tensor& index, const Tensor& src, bool accumulate) {
  Tensor out = kernels::copy_of(a);
  const Tensor outv = as_vector(out), iv = as_vector(index), sv = as_vector(src);
  Shape out_strides = outv.strides();
  const int64_t dim_stride = out_strides[d], dim_size = outv.shape()[d];
  out_strides[d] = 0;
  const int64_t* pi = iv.data_ptr<int64_t>();
  // One loop for every dtype: an element is moved, or added with the dtype's own addition.
  const kernels::AddElement add = kernels::element_adder(a.dtype());
  const size_t size = itemsize(a.dtype());
  const auto* ps = static_cast<const char*>(sv.raw_ptr());
  auto* po = static_cast<char*>(outv.raw_ptr());
  kernels::for_each_offset<3>(iv.shape(), {iv.strides().data(), sv.strides().data(), out_strides.data()},
                              [&](const std::array<int64_t, 3>& o) {
                                const int64_t i = pi[o[0]];
                                GL_CHECK(i >= 0 && i < dim_size, "index ", i, " is out of bounds for dimension ", d,
                                         " with size ", dim_size);
                                char* dst = po + (o[2] + i * dim_stride) * size;
                                if (accumulate)
                                  add(dst, ps + o[1] * size);
                                else
                                  kernels::move_element(dst, ps + o[1] * size, size);
                              });
  return out;
}

// The gradient of src in scatter/scatter_add: grad gathered at the indices, zero-padded where
// src reaches beyond the index (those elements were never written).
Tensor gather_to_src(const Tensor& grad, int64_t d, const Tensor& index, const Shape& src_shape) {
  Tensor g = gather(grad, d, index);
  for (int64_t k = 0; k < g.dim(); ++k) {
    if (g.shape()[k] == src_shape[k]) continue;
    Shape padded = g.shape();
    padded[k] = src_shape[k];
    g = slice_backward(g, padded, k, 0, g.shape()[k], 1);
  }
  return g;
}

}  // namespace

Tensor scatter(const Tensor& a, int64_t dim, const Tensor& index, const Tensor& src) {
  const int64_t d = check_scatter(a, dim, index, src);
  Tensor out = scatter_copy(a, d, index, src, false);
  // d scatter(a, src) = grad with the overwritten positions zeroed for a, grad gathered at the
  // indices for src (PyTorch's ScatterBackward0)
  record("ScatterBackward0", {out}, {a, src}, {index}, [d, src_shape = src.shape()](const BackwardContext& c) {
    return variable_list{c.needs(0) ? scatter(c.grad(), d, c.saved[0], 0.0) : Tensor(),
                         c.needs(1) ? gather_to_src(c.grad(), d, c.saved[0], src_shape) : Tensor()};
  });
  return out;
}

Tensor scatter(const Tensor& a, int64_t dim, const Tensor& index, double value) {
  const Tensor src = full(index.shape(), value, a.dtype());
  const int64_t d = check_scatter(a, dim, index, src);
  Tensor out = scatter_copy(a, d, index, src, false);
  // d scatter(a, value) = grad with the overwritten positions zeroed
  record("ScatterBackward1", {out}, {a}, {index}, [d](const BackwardContext& c) {
    return variable_list{scatter(c.grad(), d, c.saved[0], 0.0)};
  });
  return out;
}

Tensor scatter_add(const Tensor& a, int64_t dim, const Tensor& index, const Tensor& src) {
  const int64_t d = check_scatter(a, dim, index, src);
  Tensor out = scatter_copy(a, d, index, src, true);
  // d scatter_add(a, src) = grad for a, grad gathered at the indices for src
  record("ScatterAddBackward0", {out}, {a, src}, {index}, [d, src_shape = src.shape()](const BackwardContext& c) {
    return variable_list{c.grad(), c.needs(1) ? gather_to_src(c.grad(), d, c.saved[0], src_shape) : Tensor()};
  });
  return out;
}

Tensor value_selecting_backward(const Tensor& grad, int64_t dim, const Tensor& indices, const Shape& shape,
                                bool keepdim) {
  const bool squeezed = !keepdim && !shape.empty();
  const Tensor g = squeezed ? unsqueeze(grad, dim) : grad;
  const Tensor at = squeezed ? unsqueeze(indices, dim) : indices;
  return scatter(zeros(shape, grad.dtype()), dim, at, g);
}

Tensor masked_fill(const Tensor& a, const Tensor& mask, double value) {
  // The mask broadcasts first (PyTorch expands mask, then self, so the mask is "tensor a").
  const Shape shape = broadcast_shapes(mask.shape(), a.shape());
  // Later PyTorch's check (1.13 still took numeric masks), with its C++ type spelling.
  GL_CHECK(mask.dtype() == DType::Bool, "masked_fill_ only supports boolean masks, but got mask with dtype ",
           mask.dtype() == DType::Float32 ? "float" : mask.dtype() == DType::Float64 ? "double" : "long int");
  check_number_fits(value, a.dtype());
  Tensor out = Tensor::empty(shape, a.dtype());
  const Shape sa = kernels::broadcast_strides(a, shape), sm = kernels::broadcast_strides(mask, shape);
  // where(mask, value, a), the value converted once and read with stride 0.
  alignas(8) char fill[8];
  kernels::store_number(fill, a.dtype(), value);
  kernels::select_into(shape, itemsize(a.dtype()), out.raw_ptr(), out.strides(), mask.data_ptr<kernels::bool_t>(), sm,
                       fill, Shape(shape.size(), 0), a.raw_ptr(), sa);
  // d masked_fill(a) = grad where the mask is false, 0 where it filled
  record("MaskedFillBackward0", {out}, {a}, {mask}, [](const BackwardContext& c) {
    return variable_list{masked_fill(c.grad(), c.saved[0], 0.0)};
  });
  return out;
}

}  // namespace gradlab
