// The one seeded random generator, bit-for-bit PyTorch 1.13's CPU generator:
// mt19937 seeded like torch.manual_seed, then PyTorch's transformations for
// uniform, normal and integer draws, so `manual_seed(s)` followed by the same
// calls gives the same numbers as PyTorch (see tests/cpp/random_test.cpp).
//
// Each fill_* writes n values in order into a freshly allocated contiguous
// buffer, which is how PyTorch's kernels see torch.rand / randn / randint and
// uniform_ / normal_ on a new tensor.
//
// float32 results (the default dtype) match everywhere. float64 normals call
// libm's log/sin/cos as PyTorch does: natively (glibc) they match, but under
// WebAssembly musl's sin/cos round differently in about 3% of values, a
// last-bit difference.
#pragma once
#include <cstdint>

#include "gradlab/dtype.h"

namespace gradlab::random {

// PyTorch's CPUGeneratorImpl default seed; the generator starts from it.
constexpr uint64_t kDefaultSeed = 67280421310721ULL;

// Reseeds and drops the cached second Box-Muller sample, as PyTorch does.
void manual_seed(uint64_t seed);
uint64_t initial_seed();

// PyTorch's refusal of a dtype without a uniform or normal kernel (int64, bool), for rand, randn,
// uniform_ and normal_: '"check_uniform_bounds" not implemented for 'Long'' and the like.
void check_uniform_dtype(DType dtype);
void check_normal_dtype(DType dtype);

// Uniform on [from, to).
void fill_uniform(float* out, int64_t n, double from, double to);
void fill_uniform(double* out, int64_t n, double from, double to);

// Normal(mean, std). n >= 16 takes PyTorch's block Box-Muller path (float32:
// its AVX2 kernel); smaller n draws pairs and caches the spare for the next call.
void fill_normal(float* out, int64_t n, double mean, double std);
void fill_normal(double* out, int64_t n, double mean, double std);

// normal_ on a non-contiguous tensor: PyTorch then draws element by element
// (the small-n path) whatever n is, visiting elements in memory order (for a
// transposed view, the order of its contiguous base). uniform_ has one path,
// so fill_uniform serves both cases given that same order.
void fill_normal_serial(float* out, int64_t n, double mean, double std);
void fill_normal_serial(double* out, int64_t n, double mean, double std);

// Integers on [low, high); the caller checks low < high.
void fill_randint(int64_t* out, int64_t n, int64_t low, int64_t high);

// torch.randperm(n) as PyTorch 1.13's CPU kernel: 0..n-1, then for each i a
// swap with i + random() % (n - i). With `seed`, the draws come from a fresh
// generator seeded with it (torch.Generator().manual_seed(seed), as
// DataLoader's RandomSampler makes one per epoch); else from the default one.
void fill_randperm(int64_t* out, int64_t n, const int64_t* seed = nullptr);

// random_(): PyTorch's full-range integers for the dtype (int64: 63 bits of a
// 64-bit draw; float32: [0, 2^24]; float64: [0, 2^53]; bool: 0 or 1), in order.
void fill_random_full(int64_t* out, int64_t n);
void fill_random_full(float* out, int64_t n);
void fill_random_full(double* out, int64_t n);
void fill_random_full(uint8_t* out, int64_t n);  // bool storage

// One uniform double in [0, 1) (at::uniform_real_distribution<double>), and
// one Exp(lambda) sample as PyTorch's CPU exponential_ draws it.
double draw_unit_double();
double draw_exponential(double lambda);

}  // namespace gradlab::random
