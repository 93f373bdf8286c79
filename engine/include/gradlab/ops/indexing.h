// Indexing: select, narrow, strided slices (NumPy basic indexing), index_select,
// gather, masked_fill, and the scatter-style ops their backwards need.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "gradlab/tensor.h"

namespace gradlab {

Tensor select(const Tensor& a, int64_t dim, int64_t index);
Tensor narrow(const Tensor& a, int64_t dim, int64_t start, int64_t length);
// a[start:end:step] along dim, NumPy's clamping rules; step > 0.
Tensor slice(const Tensor& a, int64_t dim, int64_t start, int64_t end, int64_t step = 1);
Tensor index_select(const Tensor& a, int64_t dim, const Tensor& index);
Tensor gather(const Tensor& a, int64_t dim, const Tensor& index);
Tensor masked_fill(const Tensor& a, const Tensor& mask, double value);
// Out-of-place: a copy of `a` with `src` added at `index` along dim.
Tensor index_add(const Tensor& a, int64_t dim, const Tensor& index, const Tensor& src);
Tensor scatter_add(const Tensor& a, int64_t dim, const Tensor& index, const Tensor& src);
// Out-of-place scatter: a copy of `a` with src's elements (or `value`) written at index along
// dim. Internal (API.md has no scatter): the backwards of value-selecting ops use it.
Tensor scatter(const Tensor& a, int64_t dim, const Tensor& index, const Tensor& src);
Tensor scatter(const Tensor& a, int64_t dim, const Tensor& index, double value);
// PyTorch's value_selecting_reduction_backward, the gradient of max/min(dim), sort and topk:
// grad put at `indices` along dim into zeros of `shape` by a differentiable scatter (so its
// node under create_graph is ScatterBackward0); without keepdim grad and indices lack dim.
Tensor value_selecting_backward(const Tensor& grad, int64_t dim, const Tensor& indices, const Shape& shape,
                                bool keepdim);

// One item of a basic-indexing expression x.at(0, null, '1:3', '::2').
struct IndexItem {
  // Ellipsis stands for as many whole dims as the other items leave (x[..., 0]).
  enum Kind { Int, Slice, All, NewAxis, Ellipsis } kind = All;
  int64_t index = 0;
  bool has_start = false, has_stop = false;
  int64_t start = 0, stop = 0, step = 1;
};
// Parses "1:3", "::2", "-2:", "5" and "None"/"..."-free NumPy slice text.
IndexItem parse_index_item(const std::string& text);
Tensor index(const Tensor& a, const std::vector<IndexItem>& items);

}  // namespace gradlab
