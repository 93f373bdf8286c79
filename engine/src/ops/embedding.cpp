// Embedding rows by index and one-hot encoding.
#include "gradlab/ops/embedding.h"

#include "gradlab/autograd/grad_mode.h"
#include "gradlab/autograd/record.h"
#include "gradlab/error.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/indexing.h"
#include "gradlab/ops/movement.h"
#include "ops/pool_windows.h"

namespace gradlab {

namespace {

const char* legacy_name(DType d) {
  switch (d) {
    case DType::Float32: return "torch.FloatTensor";
    case DType::Float64: return "torch.DoubleTensor";
    default: return "torch.BoolTensor";
  }
}

}  // namespace

Tensor embedding(const Tensor& input, const Tensor& weight, std::optional<int64_t> padding_idx) {
  GL_CHECK(weight.dim() == 2, "'weight' must be 2-D");
  const int64_t rows = weight.shape()[0], dim = weight.shape()[1];
  if (padding_idx) {
    GL_CHECK(*padding_idx < rows && *padding_idx >= -rows, "Padding_idx must be within num_embeddings");
    if (*padding_idx < 0) *padding_idx += rows;
  }
  GL_CHECK(input.dtype() == DType::Int64, "Expected tensor for argument #1 'indices' to have one of the following "
           "scalar types: Long, Int; but got ", legacy_name(input.dtype()),
           " instead (while checking arguments for embedding)");
  const int64_t n = input.numel();
  const Tensor flat = reshape(contiguous_input(input), {n});
  const int64_t* idx = flat.data_ptr<int64_t>();
  for (int64_t i = 0; i < n; ++i) GL_CHECK(idx[i] >= 0 && idx[i] < rows, "index out of range in self");
  Shape out_shape = input.shape();
  out_shape.push_back(dim);
  Tensor out;
  {
    NoGradGuard no_grad;
    out = contiguous(reshape(index_select(weight, 0, flat), out_shape));
  }
  const Shape weight_shape = weight.shape();
  // d embedding = each output row's gradient added into the row it was read from, none into padding_idx
  record("EmbeddingBackward0", {out}, {weight}, {flat}, [=](const BackwardContext& c) {
    const Tensor& index = c.saved[0];
    Tensor rows_grad = reshape(c.grad(), {n, dim});
    if (padding_idx) {
      const Tensor is_pad = unsqueeze(eq(index, scalar_tensor(static_cast<double>(*padding_idx), DType::Int64)), 1);
      rows_grad = masked_fill(rows_grad, is_pad, 0);
    }
    return variable_list{index_add(zeros(weight_shape, c.grad().dtype()), 0, index, rows_grad)};
  });
  return out;
}

Tensor one_hot(const Tensor& input, int64_t num_classes) {
  GL_CHECK(input.dtype() == DType::Int64, "one_hot is only applicable to index tensor.");
  const int64_t n = input.numel();
  const Tensor flat = reshape(contiguous_input(input), {n});
  const int64_t* idx = flat.data_ptr<int64_t>();
  if (num_classes == -1) {
    GL_CHECK(n > 0, "Can not infer total number of classes from empty tensor.");
    for (int64_t i = 0; i < n; ++i) num_classes = std::max(num_classes, idx[i] + 1);
  }
  for (int64_t i = 0; i < n; ++i) {
    GL_CHECK(idx[i] >= 0, "Class values must be non-negative.");
    GL_CHECK(idx[i] < num_classes, "Class values must be smaller than num_classes.");
  }
  Shape shape = input.shape();
  shape.push_back(std::max<int64_t>(num_classes, 0));
  Tensor out = zeros_of(shape, DType::Int64);
  int64_t* po = out.data_ptr<int64_t>();
  for (int64_t i = 0; i < n; ++i) po[i * num_classes + idx[i]] = 1;
  propagate_flags({out}, {input});
  return out;
}

}  // namespace gradlab
