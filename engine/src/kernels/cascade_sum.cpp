// PyTorch 1.13's float sum (ATen/native/cpu/SumKernel.cpp, cascade_sum) as
// its AVX2 build runs it, the build Debian's python3-torch and the PyPI
// wheels run on x86-64 machines of the last decade. Its order of additions:
// - TensorIterator's layout: the input's dims reordered (reduced dims
//   fastest, then by stride) and coalesced, then walked as 2-D slices
//   (size0 x size1) with any further dims counted outside; each slice's
//   sums are added into an output that starts at zeros.
// - In a slice, one of four loops by layout: a contiguous reduced dim is
//   read as vectors of 8 float / 4 double lanes; a contiguous kept dim sums
//   4 vectors of outputs at once; the rest are scalar loops.
// - Every run of terms goes through row_sum (four accumulators taking every
//   fourth term) and multi_row_sum (its accumulator folded into three more
//   levels every 16 terms), PyTorch's cascade that keeps long sums accurate.
// The lanes are ordinary arrays here, so the same order comes out of the
// native build and of WebAssembly's 4-lane SIMD.
#include "kernels/cascade_sum.h"

#include <algorithm>
#include <array>
#include <numeric>

namespace gradlab::kernels {

namespace {

constexpr int kLevels = 4;  // multi_row_sum's accumulator levels
constexpr int kIlp = 4;     // row_sum's interleaved accumulators
constexpr int kRows = 4;    // outputs summed at once by the outer loops

// AVX2's vector width: 32 bytes.
template <typename T>
constexpr int kLanes = static_cast<int>(32 / sizeof(T));

template <typename T>
struct Lanes {
  T v[kLanes<T>] = {};
  Lanes& operator+=(const Lanes& o) {
    for (int l = 0; l < kLanes<T>; ++l) v[l] += o.v[l];
    return *this;
  }
  static Lanes load(const T* p) {
    Lanes r;
    for (int l = 0; l < kLanes<T>; ++l) r.v[l] = p[l];
    return r;
  }
};

int64_t ceil_log2(int64_t x) {
  if (x <= 2) return 1;
  return 64 - __builtin_clzll(static_cast<unsigned long long>(x - 1));
}

// N running sums of `size` terms each (load(i, k): term i of sum k), each
// folded into three more levels every 2^power terms, as multi_row_sum.
template <typename Acc, int N, typename Load>
std::array<Acc, N> multi_row_sum(int64_t size, Load load) {
  const int64_t power = std::max<int64_t>(4, ceil_log2(size) / kLevels);
  const int64_t step = int64_t{1} << power;
  const int64_t mask = step - 1;
  std::array<std::array<Acc, N>, kLevels> acc{};
  int64_t i = 0;
  while (i + step <= size) {
    for (int64_t j = 0; j < step; ++j, ++i)
      for (int k = 0; k < N; ++k) acc[0][k] += load(i, k);
    for (int j = 1; j < kLevels; ++j) {
      for (int k = 0; k < N; ++k) {
        acc[j][k] += acc[j - 1][k];
        acc[j - 1][k] = Acc{};
      }
      if ((i & (mask << (j * power))) != 0) break;
    }
  }
  for (; i < size; ++i)
    for (int k = 0; k < N; ++k) acc[0][k] += load(i, k);
  for (int j = 1; j < kLevels; ++j)
    for (int k = 0; k < N; ++k) acc[0][k] += acc[j][k];
  return acc[0];
}

// One sum of `size` terms (load(i): term i) over four interleaved accumulators, as row_sum.
template <typename Acc, typename Load>
Acc row_sum(int64_t size, Load load) {
  const int64_t size_ilp = size / kIlp;
  auto partial = multi_row_sum<Acc, kIlp>(size_ilp, [&](int64_t i, int k) { return load(i * kIlp + k); });
  for (int64_t i = size_ilp * kIlp; i < size; ++i) partial[0] += load(i);
  for (int k = 1; k < kIlp; ++k) partial[0] += partial[k];
  return partial[0];
}

// One 2-D slice: size0 x size1 terms, element strides in_s / out_s (0 for a reduced dim).
template <typename T>
void slice_sum(const T* in, T* out, int64_t size0, int64_t size1, std::array<int64_t, 2> in_s,
               std::array<int64_t, 2> out_s) {
  constexpr int V = kLanes<T>;
  // The reduced dim goes first.
  if (out_s[0] != 0 && out_s[1] == 0) {
    std::swap(in_s[0], in_s[1]);
    std::swap(out_s[0], out_s[1]);
    std::swap(size0, size1);
  }
  if (out_s[0] != 0 && out_s[1] != 0) {  // nothing reduced here: add elementwise
    for (int64_t j = 0; j < size1; ++j)
      for (int64_t i = 0; i < size0; ++i) out[i * out_s[0] + j * out_s[1]] += in[i * in_s[0] + j * in_s[1]];
    return;
  }
  const int64_t os = out_s[1];
  const auto scalar_row = [&](const T* row) { return row_sum<T>(size0, [&](int64_t i) { return row[i * in_s[0]]; }); };
  if (in_s[0] == 1 && size0 >= V) {
    // Contiguous inner reduction: vectors along the row, then the scalar tail, then the lanes.
    const int64_t vecs = size0 / V;
    for (int64_t j = 0; j < size1; ++j) {
      const T* row = in + j * in_s[1];
      const Lanes<T> acc = row_sum<Lanes<T>>(vecs, [&](int64_t i) { return Lanes<T>::load(row + i * V); });
      T total = 0;
      for (int64_t k = vecs * V; k < size0; ++k) total += row[k];
      for (int l = 0; l < V; ++l) total += acc.v[l];
      out[j * os] += total;
    }
  } else if (in_s[1] == 1 && size1 >= V) {
    // Contiguous outer reduction: kRows vectors of outputs, then single vectors, then scalars.
    int64_t j = 0;
    for (; j + kRows * V <= size1; j += kRows * V) {
      const auto sums = multi_row_sum<Lanes<T>, kRows>(
          size0, [&](int64_t i, int k) { return Lanes<T>::load(in + j + i * in_s[0] + k * V); });
      for (int k = 0; k < kRows; ++k)
        for (int l = 0; l < V; ++l) out[(j + k * V + l) * os] += sums[k].v[l];
    }
    for (; j + V <= size1; j += V) {
      const Lanes<T> s = row_sum<Lanes<T>>(size0, [&](int64_t i) { return Lanes<T>::load(in + j + i * in_s[0]); });
      for (int l = 0; l < V; ++l) out[(j + l) * os] += s.v[l];
    }
    for (; j < size1; ++j) out[j * os] += scalar_row(in + j);
  } else if (in_s[0] < in_s[1]) {
    for (int64_t j = 0; j < size1; ++j) out[j * os] += scalar_row(in + j * in_s[1]);
  } else {
    int64_t j = 0;
    for (; j + kRows - 1 < size1; j += kRows) {
      const T* rows = in + j * in_s[1];
      const auto sums =
          multi_row_sum<T, kRows>(size0, [&](int64_t i, int k) { return rows[i * in_s[0] + k * in_s[1]]; });
      for (int k = 0; k < kRows; ++k) out[(j + k) * os] += sums[k];
    }
    for (; j < size1; ++j) out[j * os] += scalar_row(in + j * in_s[1]);
  }
}

// TensorIterator's geometry for a reduction: dims of `shape` reordered (reduced first, then by
// the output's and the input's strides) and coalesced; strides[0] the output's, [1] the input's.
struct Geometry {
  Shape shape;
  std::array<Shape, 2> strides;
};

Geometry reduction_geometry(const Tensor& a, const std::vector<bool>& reduced) {
  const int64_t nd = a.dim();
  Geometry g;
  Shape out_s(nd, 0);
  int64_t stride = 1;
  for (int64_t d = nd - 1; d >= 0; --d)
    if (!reduced[d]) {
      out_s[d] = stride;
      stride *= a.shape()[d];
    }
  const std::array<Shape, 2> ops = {out_s, a.strides()};
  // reorder_dimensions: an insertion sort, fastest dim first, starting from the reversed order.
  std::vector<int64_t> perm(nd);
  std::iota(perm.rbegin(), perm.rend(), 0);
  const auto should_swap = [&](int64_t d0, int64_t d1) {
    for (int arg = 0; arg < 2; ++arg) {
      const int64_t s0 = ops[arg][d0], s1 = ops[arg][d1];
      if (arg == 0 && ((s0 == 0) != (s1 == 0))) return s1 == 0 ? 1 : -1;  // reduced dims first
      if (s0 == 0 || s1 == 0) continue;
      if (s0 != s1) return s0 < s1 ? -1 : 1;
      if (a.shape()[d0] > a.shape()[d1]) return 1;
    }
    return 0;
  };
  for (int64_t i = 1; i < nd; ++i) {
    int64_t d1 = i;
    for (int64_t d0 = i - 1; d0 >= 0; --d0) {
      const int c = should_swap(perm[d0], perm[d1]);
      if (c > 0) {
        std::swap(perm[d0], perm[d1]);
        d1 = d0;
      } else if (c < 0) {
        break;
      }
    }
  }
  for (const int64_t p : perm) {
    g.shape.push_back(a.shape()[p]);
    for (int arg = 0; arg < 2; ++arg) g.strides[arg].push_back(ops[arg][p]);
  }
  // coalesce_dimensions: neighbours merge when either has size 1 or every operand steps evenly.
  if (nd > 1) {
    size_t prev = 0;
    for (size_t d = 1; d < g.shape.size(); ++d) {
      bool even = true;
      for (const auto& s : g.strides) even = even && g.shape[prev] * s[prev] == s[d];
      if (g.shape[prev] == 1 || g.shape[d] == 1 || even) {
        if (g.shape[prev] == 1)
          for (auto& s : g.strides) s[prev] = s[d];
        g.shape[prev] *= g.shape[d];
      } else {
        ++prev;
        for (auto& s : g.strides) s[prev] = s[d];
        g.shape[prev] = g.shape[d];
      }
    }
    g.shape.resize(prev + 1);
    for (auto& s : g.strides) s.resize(prev + 1);
  }
  while (g.shape.size() < 2) {
    g.shape.push_back(1);
    for (auto& s : g.strides) s.push_back(0);
  }
  return g;
}

template <typename T>
void sum_into(const Tensor& a, const std::vector<bool>& reduced, const Tensor& out) {
  const Geometry g = reduction_geometry(a, reduced);
  const T* in = a.data_ptr<T>();
  T* dst = out.data_ptr<T>();
  // The dims past the first two, counted with the third fastest, as TensorIterator's DimCounter.
  const size_t outer_dims = g.shape.size() - 2;
  Shape counter(outer_dims, 0);
  while (true) {
    int64_t in_off = 0, out_off = 0;
    for (size_t d = 0; d < outer_dims; ++d) {
      out_off += counter[d] * g.strides[0][d + 2];
      in_off += counter[d] * g.strides[1][d + 2];
    }
    slice_sum<T>(in + in_off, dst + out_off, g.shape[0], g.shape[1], {g.strides[1][0], g.strides[1][1]},
                 {g.strides[0][0], g.strides[0][1]});
    size_t d = 0;
    while (d < outer_dims && ++counter[d] == g.shape[d + 2]) counter[d++] = 0;
    if (d == outer_dims) break;
  }
}

}  // namespace

void cascade_sum_into(const Tensor& a, const std::vector<bool>& reduced, const Tensor& out) {
  if (a.numel() == 0) return;
  if (a.dtype() == DType::Float32) sum_into<float>(a, reduced, out);
  else sum_into<double>(a, reduced, out);
}

}  // namespace gradlab::kernels
