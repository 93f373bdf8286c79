// Matrix products: mm, bmm, mv, dot, outer and matmul's dispatch between them.
// Forwards go through kernels::gemm; backwards are matmuls of the gradient with
// the other operand transposed, so create_graph differentiates them again, and
// FunctionNode's sum_to folds broadcast batch dims back.
#include "gradlab/ops/linalg.h"

#include <algorithm>

#include "gradlab/autograd/grad_mode.h"
#include "gradlab/autograd/record.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/movement.h"
#include "kernels/gemm.h"
#include "kernels/loops.h"
#include "gradlab/error.h"

namespace gradlab {

namespace {

// PyTorch checks shapes first, then picks the kernel by the first operand's dtype before comparing
// dtypes.
void check_types(const char* kernel, const Tensor& a, const Tensor& b) {
  GL_CHECK(a.dtype() != DType::Bool, "\"", kernel, "\" not implemented for 'Bool'");
  GL_CHECK(a.dtype() == b.dtype(), "expected scalar type ", scalar_type_name(a.dtype()), " but found ",
           scalar_type_name(b.dtype()));
}

Tensor mT(const Tensor& x) { return transpose(x, -2, -1); }

// mm, mv, dot and bmm give +0 for a sum of -0 products, as PyTorch's BLAS (live run s99004-163;
// kernels::positive_zero_sums). addmm keeps the raw sum: PyTorch's addmm of a -0 bias and a -0
// product is -0.
Tensor positive_zero_sums(Tensor product) {
  kernels::positive_zero_sums(product);
  return product;
}

// What a product's node saves: as PyTorch's generated code, each factor only when the other
// factor's gradient (the one that reads it) is needed. An unsaved factor may then change in
// place, and the node may be run again, without PyTorch's errors (live run s97001-959).
Tensor saved_for(const Tensor& factor, const Tensor& reader) {
  return reader.requires_grad() ? factor : Tensor();
}

int64_t rows(const Tensor& x) { return x.shape()[x.dim() - 2]; }
int64_t cols(const Tensor& x) { return x.shape()[x.dim() - 1]; }

// The matrix product of a [..., n, m] and b [..., m, p] with broadcast batch dims.
Tensor matrix_product(const Tensor& a, const Tensor& b, const char* node, bool batched) {
  Tensor out = positive_zero_sums(kernels::gemm(a, b));
  // d(a @ b) = grad @ b^T, a^T @ grad; bmm's are bmm as in PyTorch (BmmBackward0 under
  // create_graph, where matmul would fold the batch and end in UnsafeViewBackward0).
  record(node, {out}, {a, b}, {saved_for(a, b), saved_for(b, a)}, [batched](const BackwardContext& c) {
    const auto product = batched ? bmm : matmul;
    return variable_list{c.needs(0) ? product(c.grad(), mT(c.saved[1])) : Tensor(),
                         c.needs(1) ? product(mT(c.saved[0]), c.grad()) : Tensor()};
  });
  return out;
}

Shape batch_of(const Tensor& x, int64_t matrix_dims) {
  return Shape(x.shape().begin(), x.shape().end() - matrix_dims);
}

Shape concat(Shape s, std::initializer_list<int64_t> tail) {
  s.insert(s.end(), tail);
  return s;
}

// A fresh product in a new shape, as PyTorch reshapes it with _unsafe_view (UnsafeViewBackward0) or
// squeeze_ (SqueezeBackward3): since nobody else sees the product, the result is not a view of it
// (in place on the result is plain in place).
Tensor reshaped_product(const Tensor& product, const Shape& shape, const char* node) {
  Tensor out = make_view(product, shape, contiguous_strides(shape), product.offset());
  out.impl()->view_base.reset();
  const Shape in_shape = product.shape();
  // d reshape(a) = grad reshaped back
  record(node, {out}, {product}, {}, [in_shape](const BackwardContext& c) {
    return variable_list{reshape(c.grad(), in_shape)};
  });
  return out;
}
Tensor unsafe_view(const Tensor& product, const Shape& shape) {
  return reshaped_product(product, shape, "UnsafeViewBackward0");
}

}  // namespace

Tensor mm(const Tensor& a, const Tensor& b) {
  GL_CHECK(a.dim() == 2, "self must be a matrix");
  GL_CHECK(b.dim() == 2, "mat2 must be a matrix");
  GL_CHECK(cols(a) == rows(b), "mat1 and mat2 shapes cannot be multiplied (", rows(a), "x", cols(a), " and ",
           rows(b), "x", cols(b), ")");
  check_types("addmm_impl_cpu_", a, b);
  return matrix_product(a, b, "MmBackward0", false);
}

Tensor bmm(const Tensor& a, const Tensor& b) {
  GL_CHECK(a.dim() == 3, "batch1 must be a 3D tensor");
  GL_CHECK(b.dim() == 3, "batch2 must be a 3D tensor");
  GL_CHECK(b.shape()[0] == a.shape()[0] && b.shape()[1] == a.shape()[2],
           "Expected size for first two dimensions of batch2 tensor to be: [", a.shape()[0], ", ", a.shape()[2],
           "] but got: [", b.shape()[0], ", ", b.shape()[1], "].");
  check_types("bmm", a, b);
  return matrix_product(a, b, "BmmBackward0", true);
}

Tensor mv(const Tensor& a, const Tensor& v) {
  GL_CHECK(a.dim() == 2 && v.dim() == 1, "vector + matrix @ vector expected, got 1, ", a.dim(), ", ", v.dim());
  GL_CHECK(cols(a) == v.shape()[0], "size mismatch, got ", rows(a), ", ", rows(a), "x", cols(a), ",", v.shape()[0]);
  check_types("addmv_impl_cpu", a, v);
  const Tensor column = make_view(v, {v.shape()[0], 1}, {v.strides()[0], 1}, v.offset());
  const Tensor product = positive_zero_sums(kernels::gemm(a, column));
  Tensor out = make_alias(product, {rows(a)}, {1}, 0);
  // d(a @ v) = outer(grad, v), a^T @ grad
  record("MvBackward0", {out}, {a, v}, {saved_for(a, v), saved_for(v, a)}, [](const BackwardContext& c) {
    return variable_list{c.needs(0) ? outer(c.grad(), c.saved[1]) : Tensor(),
                         c.needs(1) ? mv(t(c.saved[0]), c.grad()) : Tensor()};
  });
  return out;
}

Tensor dot(const Tensor& a, const Tensor& b) {
  GL_CHECK(a.dim() == 1 && b.dim() == 1, "1D tensors expected, but got ", a.dim(), "D and ", b.dim(), "D tensors");
  GL_CHECK(a.dtype() == b.dtype(), "dot : expected both vectors to have same dtype, but found ",
           scalar_type_name(a.dtype()), " and ", scalar_type_name(b.dtype()));
  GL_CHECK(a.dtype() != DType::Bool, "\"dot\" not implemented for 'Bool'");
  const int64_t n = a.shape()[0];
  GL_CHECK(n == b.shape()[0], "inconsistent tensor size, expected tensor [", n, "] and src [", b.shape()[0],
           "] to have the same number of elements, but got ", n, " and ", b.shape()[0], " elements respectively");
  const Tensor row = make_view(a, {1, n}, {1, a.strides()[0]}, a.offset());
  const Tensor column = make_view(b, {n, 1}, {b.strides()[0], 1}, b.offset());
  Tensor out = make_alias(positive_zero_sums(kernels::gemm(row, column)), {}, {}, 0);
  // d(a . b) = grad * b, grad * a
  record("DotBackward0", {out}, {a, b}, {saved_for(a, b), saved_for(b, a)}, [](const BackwardContext& c) {
    return variable_list{c.needs(0) ? mul(c.grad(), c.saved[1]) : Tensor(),
                         c.needs(1) ? mul(c.grad(), c.saved[0]) : Tensor()};
  });
  return out;
}

namespace {

// Whether PyTorch 1.13's addmm_impl_cpu_ hands its BLAS an untransposed first operand, which
// makes the reference BLAS start each sum from the bias (C = beta*C, then C += each product);
// transposed, it adds the products first and the bias last (C = alpha*sum + beta*C). The result
// is row-major, so BLAS's first operand is mat2 unless the result has one column; one with a
// unit stride along the right dim and room along the other is used as it is, one with the
// transposed layout is transposed, any other is copied in a layout that makes it untransposed
// when mat2 is the operand and transposed when mat1 is.
bool blas_adds_bias_first(const Tensor& mat1, const Tensor& mat2) {
  const int64_t n = rows(mat1), k = cols(mat1), m = cols(mat2);
  const bool transpose_c = m != 1;  // a fresh [n, m] result has strides (m, 1)
  const Tensor& a = transpose_c ? mat2 : mat1;
  const int64_t lead = transpose_c ? m : n;
  // a's strides along the dims BLAS reads as its rows and columns.
  const int64_t s0 = a.strides()[transpose_c ? 1 : 0], s1 = a.strides()[transpose_c ? 0 : 1];
  if (s0 == 1 && s1 >= std::max<int64_t>(1, lead)) return true;
  if (s1 == 1 && s0 >= std::max<int64_t>(1, k)) return false;
  return transpose_c;
}

}  // namespace

Tensor addmm(const Tensor& self, const Tensor& mat1, const Tensor& mat2) {
  GL_CHECK(mat1.dim() == 2, "mat1 must be a matrix, got ", mat1.dim(), "-D tensor");
  GL_CHECK(mat2.dim() == 2, "mat2 must be a matrix, got ", mat2.dim(), "-D tensor");
  GL_CHECK(self.dtype() == mat2.dtype(), "self and mat2 must have the same dtype");
  GL_CHECK(mat1.dtype() == mat2.dtype(), "mat1 and mat2 must have the same dtype");
  GL_CHECK(mat1.dtype() != DType::Bool, "\"addmm_impl_cpu_\" not implemented for 'Bool'");
  GL_CHECK(cols(mat1) == rows(mat2), "mat1 and mat2 shapes cannot be multiplied (", rows(mat1), "x", cols(mat1),
           " and ", rows(mat2), "x", cols(mat2), ")");
  Tensor out;
  {
    NoGradGuard no_grad;
    const Tensor bias = expand(self, {rows(mat1), cols(mat2)});
    out = blas_adds_bias_first(mat1, mat2) ? kernels::gemm(mat1, mat2, bias) : add(kernels::gemm(mat1, mat2), bias);
  }
  // d(self + mat1 @ mat2) = grad (summed to self's shape), grad @ mat2^T, mat1^T @ grad
  record("AddmmBackward0", {out}, {self, mat1, mat2}, {saved_for(mat1, mat2), saved_for(mat2, mat1)},
         [](const BackwardContext& c) {
    return variable_list{c.grad(), c.needs(1) ? mm(c.grad(), t(c.saved[1])) : Tensor(),
                         c.needs(2) ? mm(t(c.saved[0]), c.grad()) : Tensor()};
  });
  return out;
}

Tensor outer(const Tensor& a, const Tensor& b) {
  GL_CHECK(a.dim() == 1, "outer: Expected 1-D argument self, but got ", a.dim(), "-D");
  GL_CHECK(b.dim() == 1, "outer: Expected 1-D argument vec2, but got ", b.dim(), "-D");
  // As PyTorch: a reshape, not an unsqueeze, so a gradient taken with create_graph
  // ends in ReshapeAliasBackward0.
  return mul(reshape(a, {a.shape()[0], 1}), b);
}

Tensor matmul(const Tensor& a, const Tensor& b) {
  const int64_t da = a.dim(), db = b.dim();
  GL_CHECK(da >= 1 && db >= 1, "both arguments to matmul need to be at least 1D, but they are ", da, "D and ",
           db, "D");
  if (da == 1 && db == 1) return dot(a, b);
  if (da == 2 && db == 1) return mv(a, b);
  if (da == 1 && db == 2) return reshaped_product(mm(unsqueeze(a, 0), b), {cols(b)}, "SqueezeBackward3");
  if (da == 2 && db == 2) return mm(a, b);
  // A stack of matrices times one matrix or vector: fold the stack into the rows of one product.
  if (da >= 3 && db <= 2) {
    const Shape batch = batch_of(a, 2);
    const Tensor folded = reshape(a, {numel_of(batch) * rows(a), cols(a)});
    if (db == 1) return unsafe_view(mv(folded, b), concat(batch, {rows(a)}));
    return unsafe_view(mm(folded, b), concat(batch, {rows(a), cols(b)}));
  }
  // One matrix or vector times a stack: the same fold on (b^T @ a^T)^T.
  if (da <= 2 && db >= 3) {
    const Shape batch = batch_of(b, 2);
    const Tensor folded = reshape(mT(b), {numel_of(batch) * cols(b), rows(b)});
    if (da == 1) return unsafe_view(mv(folded, a), concat(batch, {cols(b)}));
    return contiguous(mT(unsafe_view(mm(folded, t(a)), concat(batch, {cols(b), rows(a)}))));
  }
  // Stacks on both sides: batch dims broadcast, then one bmm over the flattened batch, as PyTorch.
  const Shape batch = broadcast_shapes(batch_of(a, 2), batch_of(b, 2));
  const int64_t count = numel_of(batch);
  GL_CHECK(cols(a) == rows(b), "Expected size for first two dimensions of batch2 tensor to be: [", count, ", ",
           cols(a), "] but got: [", count, ", ", rows(b), "].");
  check_types("bmm", a, b);
  const Tensor a3 = reshape(expand(a, concat(batch, {rows(a), cols(a)})), {count, rows(a), cols(a)});
  const Tensor b3 = reshape(expand(b, concat(batch, {rows(b), cols(b)})), {count, rows(b), cols(b)});
  return unsafe_view(bmm(a3, b3), concat(batch, {rows(a), cols(b)}));
}

}  // namespace gradlab
