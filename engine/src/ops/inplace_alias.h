// Internal: in-place binary ops whose other operand is a view of self's own memory.
#pragma once
#include <functional>
#include <utility>
#include <vector>

#include "gradlab/tensor.h"
#include "kernels/loops.h"

namespace gradlab {

// PyTorch 1.13 refuses an operand that partly overlaps self only when both are dense; a column
// (v0.div_(v0.select(-1, 1))) or an expanded row passes, and its kernel then reads values it has
// already written (live run s102000-83). TensorIterator walks self's order of dims, row by row
// of its innermost coalesced dim; a row with self contiguous and the operand contiguous or one
// value takes the vectorised loop: chunks of 64 bytes read all their inputs before they write,
// the single value is read once at the row's start; the row's tail and every other row go
// element by element. An operand of another dtype is cast into a copy first, so it is not read
// live. (From 32,768 elements PyTorch splits rows between threads; taken here as one range.)
struct AliasedLoop {
  int64_t inner = 0;                // elements per row
  int64_t self_step = 0, other_step = 0;
  bool vectorised = false;
  std::vector<std::pair<int64_t, int64_t>> rows;  // each row's first element, from self's data_ptr
};

// Whether self = f(self, other) reads other's elements live: other shares self's storage at
// other places, in self's dtype (not bool).
bool reads_own_writes(const Tensor& self, const Tensor& other, DType result_dtype);
AliasedLoop plan_aliased(const Tensor& self, const Tensor& other);

template <typename T, typename F>
void run_aliased(const AliasedLoop& p, T* self, F f) {
  const int64_t chunk = 64 / static_cast<int64_t>(sizeof(T));
  std::vector<T> a(chunk), b(chunk);
  for (const auto& [so, oo] : p.rows) {
    int64_t k = 0;
    if (p.vectorised) {
      const T single = self[oo];
      for (; k + chunk <= p.inner; k += chunk) {
        for (int64_t j = 0; j < chunk; ++j) {
          a[j] = self[so + k + j];
          b[j] = p.other_step ? self[oo + k + j] : single;
        }
        for (int64_t j = 0; j < chunk; ++j) self[so + k + j] = static_cast<T>(f(a[j], b[j]));
      }
    }
    for (; k < p.inner; ++k) {
      T& out = self[so + k * p.self_step];
      out = static_cast<T>(f(out, self[oo + k * p.other_step]));
    }
  }
}

// self = f(self, other) through that loop, for apply_inplace; f takes two elements of one dtype.
using LiveWrite = std::function<void(const Tensor& self)>;
template <typename F>
LiveWrite live_binary(const Tensor& other, F f) {
  return [other, f](const Tensor& self) {
    const AliasedLoop p = plan_aliased(self, other);
    GL_DISPATCH_ALL(self.dtype(), T, run_aliased<T>(p, self.data_ptr<T>(), f));
  };
}

}  // namespace gradlab
