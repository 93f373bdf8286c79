// The GEMM behind every matrix product, one product per batch entry: float32
// goes to the blocked kernel (gemm_wasm_simd.cpp), whose sums are PyTorch's bit
// for bit and which has a wasm SIMD path Eigen 3.4 lacks; float64 to Eigen's
// maps over strided operands; int64 to a plain loop: nobody needs it fast, and
// Eigen's int64 GEMM is 27 KB of wasm. Integer sums wrap, so the order of the
// loop cannot change a result.
#include "kernels/gemm.h"

#include <Eigen/Core>
#include <type_traits>

#include "kernels/elementwise.h"
#include "kernels/gemm_wasm_simd.h"

#include "kernels/loops.h"

namespace gradlab::kernels {

namespace {


template <typename T, int Order>
using MatMap = Eigen::Map<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Order>, 0, Eigen::OuterStride<>>;
template <typename T>
using OutMap = Eigen::Map<Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>;

// Calls f with `ptr` viewed as a rows x cols Eigen matrix. Row-major and
// transposed (column-major) layouts are mapped in place so Eigen's GEMM reads
// them directly; any other layout is first packed into `scratch`.
template <typename T, typename F>
void with_matrix(const T* ptr, int64_t rows, int64_t cols, int64_t row_stride, int64_t col_stride,
                 std::vector<T>& scratch, F&& f) {
  if (col_stride == 1 || cols == 1) {
    f(MatMap<T, Eigen::RowMajor>(ptr, rows, cols, Eigen::OuterStride<>(rows == 1 ? cols : row_stride)));
  } else if (row_stride == 1 || rows == 1) {
    f(MatMap<T, Eigen::ColMajor>(ptr, rows, cols, Eigen::OuterStride<>(col_stride)));
  } else {
    scratch.resize(static_cast<size_t>(rows * cols));
    for (int64_t i = 0; i < rows; ++i)
      for (int64_t j = 0; j < cols; ++j) scratch[i * cols + j] = ptr[i * row_stride + j * col_stride];
    f(MatMap<T, Eigen::RowMajor>(scratch.data(), rows, cols, Eigen::OuterStride<>(cols)));
  }
}

void int_gemm(int64_t n, int64_t m, int64_t p, const int64_t* a, int64_t as_r, int64_t as_c, const int64_t* b,
              int64_t bs_r, int64_t bs_c, int64_t* c, bool accumulate) {
  for (int64_t i = 0; i < n; ++i)
    for (int64_t j = 0; j < p; ++j) {
      int64_t acc = accumulate ? c[i * p + j] : 0;
      for (int64_t k = 0; k < m; ++k) acc += a[i * as_r + k * as_c] * b[k * bs_r + j * bs_c];
      c[i * p + j] = acc;
    }
}

template <typename T>
void gemm_typed(const Tensor& a, const Tensor& b, const Tensor& out, const Shape& batch, bool accumulate) {
  const int64_t n = a.shape()[a.dim() - 2], m = a.shape()[a.dim() - 1], p = b.shape()[b.dim() - 1];
  const int64_t as_r = a.strides()[a.dim() - 2], as_c = a.strides()[a.dim() - 1];
  const int64_t bs_r = b.strides()[b.dim() - 2], bs_c = b.strides()[b.dim() - 1];
  // Batch strides of a and b seen through the broadcast batch shape.
  const auto batch_strides = [&batch](const Tensor& t) {
    Shape s(batch.size(), 0);
    const size_t lead = batch.size() - (t.shape().size() - 2);
    for (size_t d = lead; d < batch.size(); ++d)
      if (t.shape()[d - lead] != 1) s[d] = t.strides()[d - lead];
    return s;
  };
  const Shape sa = batch_strides(a), sb = batch_strides(b);
  const T* pa = a.data_ptr<T>();
  const T* pb = b.data_ptr<T>();
  T* po = out.data_ptr<T>();
  std::vector<T> scratch_a, scratch_b;
  int64_t k = 0;
  for_each_offset<2>(batch, {sa.data(), sb.data()}, [&](const std::array<int64_t, 2>& o) {
    T* pc = po + (k++) * n * p;
    // Only the taken branch is compiled for each T, so Eigen's GEMM is
    // instantiated for the types that use it and no others.
    // float32 takes the blocked kernel natively too, so the native tests check PyTorch's sums.
    if constexpr (std::is_same_v<T, float>) {
      sgemm_blocked(n, m, p, pa + o[0], as_r, as_c, pb + o[1], bs_r, bs_c, pc, accumulate);
    } else if constexpr (std::is_same_v<T, int64_t>) {
      int_gemm(n, m, p, pa + o[0], as_r, as_c, pb + o[1], bs_r, bs_c, pc, accumulate);
    } else {
      OutMap<T> c(pc, n, p);
      if (m == 0) {
        if (!accumulate) c.setZero();
        return;
      }
      with_matrix(pa + o[0], n, m, as_r, as_c, scratch_a, [&](const auto& ma) {
        with_matrix(pb + o[1], m, p, bs_r, bs_c, scratch_b, [&](const auto& mb) {
          if (accumulate) c.noalias() += ma * mb;
          else c.noalias() = ma * mb;
        });
      });
    }
  });
}

}  // namespace

Tensor gemm(const Tensor& a, const Tensor& b, const Tensor& init) {
  const Shape batch_a(a.shape().begin(), a.shape().end() - 2), batch_b(b.shape().begin(), b.shape().end() - 2);
  const Shape batch = broadcast_shapes(batch_a, batch_b);
  Shape shape = batch;
  shape.push_back(a.shape()[a.dim() - 2]);
  shape.push_back(b.shape()[b.dim() - 1]);
  Tensor out = Tensor::empty(shape, a.dtype());
  if (out.numel() == 0) return out;
  const bool accumulate = init.defined();
  if (accumulate) copy_into(out, init);
  switch (a.dtype()) {
    case DType::Float32: gemm_typed<float>(a, b, out, batch, accumulate); break;
    case DType::Float64: gemm_typed<double>(a, b, out, batch, accumulate); break;
    case DType::Int64: gemm_typed<int64_t>(a, b, out, batch, accumulate); break;
    default: fail("gemm: unsupported dtype ", dtype_name(a.dtype()));
  }
  return out;
}

template <typename T>
static void add_positive_zero(T* __restrict p, int64_t n) {
  for (int64_t i = 0; i < n; ++i) p[i] += T(0);
}

// float32 sums start from +0 in the blocked kernel already, so only Eigen's float64 needs the pass.
void positive_zero_sums(Tensor& product) {
  if (product.dtype() == DType::Float64) add_positive_zero(product.data_ptr<double>(), product.numel());
}

}  // namespace gradlab::kernels
