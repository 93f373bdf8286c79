// Joining and splitting along a dim: repeat, cat, stack (copies) and split,
// split_sizes, chunk (narrow views of one input sharing one multi-output node).
#include <algorithm>
#include <numeric>

#include "gradlab/autograd/record.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/indexing.h"
#include "gradlab/ops/movement.h"
#include "gradlab/ops/reduce.h"
#include "kernels/elementwise.h"

namespace gradlab {

namespace {

// The promoted dtype of tensors that all have the same number of dims.
DType common_dtype(const std::vector<Tensor>& tensors) {
  const Tensor* widest = &tensors[0];
  for (const auto& t : tensors)
    if (result_type(*widest, t) != widest->dtype()) widest = &t;
  return widest->dtype();
}

// "[1, 1]" for split sizes in messages.
std::string sizes_str(const std::vector<int64_t>& sizes) { return shape_str(Shape(sizes.begin(), sizes.end())); }

// Splits `a` into narrow views of the given sizes along dim d, all outputs of one node.
std::vector<Tensor> split_views(const Tensor& a, const std::vector<int64_t>& sizes, int64_t d, const char* name) {
  std::vector<Tensor> outs;
  int64_t start = 0;
  for (int64_t s : sizes) {
    Shape shape = a.shape();
    shape[d] = s;
    outs.push_back(make_view(a, shape, a.strides(), a.offset() + start * a.strides()[d]));
    start += s;
  }
  const Shape in_shape = a.shape();
  // d split(a) = the pieces' grads concatenated back, zeros for pieces that got none
  record(name, outs, {a}, {}, [in_shape, sizes, d](const BackwardContext& c) {
    DType dt = DType::Float32;
    for (const auto& g : c.grads)
      if (g.defined()) dt = g.dtype();
    std::vector<Tensor> parts;
    for (size_t i = 0; i < sizes.size(); ++i) {
      Shape shape = in_shape;
      shape[d] = sizes[i];
      parts.push_back(c.grads[i].defined() ? c.grads[i] : zeros(shape, dt));
    }
    return variable_list{cat(parts, d)};
  });
  for (const auto& o : outs) o.impl()->view_of_multi_output = true;
  return outs;
}

}  // namespace

Tensor repeat(const Tensor& a, const Shape& repeats) {
  const int64_t n = static_cast<int64_t>(repeats.size());
  GL_CHECK(n >= a.dim(), "Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor");
  // Each dim i becomes the pair (repeats[i], size_i): the copies vary slowest, so a
  // stride-0 view of that shape copied out and flattened pairwise is the result.
  Shape target(n), pairs(2 * n), pair_strides(2 * n, 0);
  const int64_t lead = n - a.dim();
  for (int64_t i = 0; i < n; ++i) {
    const int64_t size = i < lead ? 1 : a.shape()[i - lead];
    target[i] = size * repeats[i];
    pairs[2 * i] = repeats[i];
    pairs[2 * i + 1] = size;
    if (i >= lead) pair_strides[2 * i + 1] = a.strides()[i - lead];
  }
  for (int64_t s : target)
    GL_CHECK(s >= 0, "Trying to create tensor with negative dimension ", s, ": ", shape_str(target));
  Tensor out = Tensor::empty(target, a.dtype());
  kernels::copy_into(make_view(out, pairs, contiguous_strides(pairs), 0),
                     make_view(a, pairs, pair_strides, a.offset()));
  // d repeat(a) = grad summed over the copies, in PyTorch's steps (so its nodes under
  // create_graph: live run s98006-654): the new leading dims summed away one by one, then one
  // reshape that splits each repeated dim into (copies, size) and one sum over the copies.
  record("RepeatBackward0", {out}, {a}, {}, [in_shape = a.shape(), repeats](const BackwardContext& c) {
    if (std::find(repeats.begin(), repeats.end(), 0) != repeats.end())
      return variable_list{zeros(in_shape, c.grad().dtype())};
    Tensor g = c.grad();
    const size_t lead = repeats.size() - in_shape.size();
    for (size_t i = 0; i < lead; ++i) g = sum(g, {0}, false);
    Shape split;
    Dims copies;
    for (size_t d = 0; d < in_shape.size(); ++d) {
      if (repeats[lead + d] != 1) {
        split.push_back(repeats[lead + d]);
        copies.push_back(static_cast<int64_t>(split.size()) - 1);
      }
      split.push_back(in_shape[d]);
    }
    if (!copies.empty()) g = sum(reshape(g, split), copies, false);
    return variable_list{g};
  });
  return out;
}

Tensor cat(const std::vector<Tensor>& tensors, int64_t dim) {
  GL_CHECK(!tensors.empty(), "torch.cat(): expected a non-empty list of Tensors");
  // PyTorch's legacy rule: 1-D empty tensors are skipped whatever their shape.
  auto skipped = [](const Tensor& t) { return t.dim() == 1 && t.numel() == 0; };
  const Tensor* ref = nullptr;
  for (size_t i = 0; i < tensors.size(); ++i) {
    GL_CHECK(tensors[i].dim() > 0, "zero-dimensional tensor (at position ", i, ") cannot be concatenated");
    if (!ref && !skipped(tensors[i])) ref = &tensors[i];
  }
  const DType dt = common_dtype(tensors);
  // With only legacy empty tensors PyTorch returns an empty vector and never reads dim.
  const bool all_skipped = !ref;
  if (all_skipped) ref = &tensors[0];
  const int64_t d = all_skipped ? 0 : wrap_dim(dim, ref->dim());
  std::vector<int64_t> sizes(tensors.size(), -1);
  Shape shape = ref->shape();
  shape[d] = 0;
  for (size_t i = 0; i < tensors.size(); ++i) {
    const Tensor& t = tensors[i];
    if (skipped(t) && &t != ref) continue;
    GL_CHECK(t.dim() == ref->dim(), "Tensors must have same number of dimensions: got ", ref->dim(), " and ", t.dim());
    for (int64_t k = 0; k < t.dim(); ++k)
      GL_CHECK(k == d || t.shape()[k] == ref->shape()[k], "Sizes of tensors must match except in dimension ", d,
               ". Expected size ", ref->shape()[k], " but got size ", t.shape()[k], " for tensor number ", i,
               " in the list.");
    sizes[i] = t.shape()[d];
    shape[d] += sizes[i];
  }
  Tensor out = Tensor::empty(shape, dt);
  int64_t start = 0;
  for (size_t i = 0; i < tensors.size(); ++i) {
    if (sizes[i] < 0) continue;
    kernels::copy_into(narrow(out, d, start, sizes[i]), tensors[i]);
    start += sizes[i];
  }
  // d cat(a_i) = the slice of grad each input filled
  record("CatBackward0", {out}, tensors, {}, [sizes, d](const BackwardContext& c) {
    variable_list grads(sizes.size());
    int64_t start = 0;
    for (size_t i = 0; i < sizes.size(); ++i) {
      if (sizes[i] < 0) {
        if (c.needs(i)) grads[i] = zeros({0}, c.grad().dtype());
        continue;
      }
      if (c.needs(i)) grads[i] = narrow(c.grad(), d, start, sizes[i]);
      start += sizes[i];
    }
    return grads;
  });
  return out;
}

Tensor stack(const std::vector<Tensor>& tensors, int64_t dim) {
  GL_CHECK(!tensors.empty(), "stack expects a non-empty TensorList");
  for (size_t i = 1; i < tensors.size(); ++i)
    GL_CHECK(tensors[i].shape() == tensors[0].shape(), "stack expects each tensor to be equal size, but got ",
             shape_str(tensors[0].shape()), " at entry 0 and ", shape_str(tensors[i].shape()), " at entry ", i);
  const int64_t d = wrap_dim(dim, tensors[0].dim() + 1);
  Shape shape = tensors[0].shape();
  shape.insert(shape.begin() + d, static_cast<int64_t>(tensors.size()));
  Tensor out = Tensor::empty(shape, common_dtype(tensors));
  for (size_t i = 0; i < tensors.size(); ++i) kernels::copy_into(select(out, d, static_cast<int64_t>(i)), tensors[i]);
  // d stack(a_i) = grad selected at each input's position
  record("StackBackward0", {out}, tensors, {}, [d](const BackwardContext& c) {
    variable_list grads(c.needs_input.size());
    for (size_t i = 0; i < grads.size(); ++i)
      if (c.needs(i)) grads[i] = select(c.grad(), d, static_cast<int64_t>(i));
    return grads;
  });
  return out;
}

std::vector<Tensor> split(const Tensor& a, int64_t split_size, int64_t dim) {
  GL_CHECK(a.dim() > 0, "split expects at least a 1-dimensional tensor");
  GL_CHECK(split_size >= 0, "split expects split_size be non-negative, but got split_size=", split_size);
  const int64_t d = wrap_dim(dim, a.dim());
  const int64_t size = a.shape()[d];
  GL_CHECK(split_size != 0 || size == 0, "split_size can only be 0 if dimension size is 0, but got dimension size of ",
           size);
  const int64_t pieces = split_size == 0 ? 1 : std::max<int64_t>((size + split_size - 1) / split_size, 1);
  std::vector<int64_t> sizes(pieces, split_size);
  sizes.back() = size - split_size * (pieces - 1);
  return split_views(a, sizes, d, "SplitBackward0");
}

std::vector<Tensor> split_sizes(const Tensor& a, const std::vector<int64_t>& sizes, int64_t dim) {
  GL_CHECK(a.dim() > 0, "split expects at least a 1-dimensional tensor");
  const int64_t d = wrap_dim(dim, a.dim());
  for (int64_t s : sizes)
    GL_CHECK(s >= 0, "split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes=",
             sizes_str(sizes));
  const int64_t total = std::accumulate(sizes.begin(), sizes.end(), int64_t{0});
  GL_CHECK(total == a.shape()[d], "split_with_sizes expects split_sizes to sum exactly to ", a.shape()[d],
           " (input tensor's size at dimension ", d, "), but got split_sizes=", sizes_str(sizes));
  return split_views(a, sizes, d, "SplitWithSizesBackward0");
}

std::vector<Tensor> chunk(const Tensor& a, int64_t chunks, int64_t dim) {
  GL_CHECK(a.dim() > 0, "chunk expects at least a 1-dimensional tensor");
  GL_CHECK(chunks > 0, "chunk expects `chunks` to be greater than 0, got: ", chunks);
  const int64_t d = wrap_dim(dim, a.dim());
  const int64_t size = a.shape()[d];
  // An empty dim still gives `chunks` (empty) pieces, as in PyTorch.
  if (size == 0) return split_sizes(a, std::vector<int64_t>(chunks, 0), d);
  return split(a, (size + chunks - 1) / chunks, d);
}

}  // namespace gradlab
