// libFuzzer target over the engine's C++ entry points. The input bytes are a
// little program: each step picks an op and its arguments (shapes, dims,
// values including NaN/Inf, empty sizes) and applies it to tensors in a small
// pool; a final step runs backward. Invalid calls must throw gradlab::Error;
// anything else (a crash, a sanitizer report, another exception type) is a bug.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "gradlab/gradlab.h"

namespace {

using namespace gradlab;

class Reader {
 public:
  Reader(const uint8_t* data, size_t size) : p_(data), end_(data + size) {}
  bool done() const { return p_ >= end_; }
  uint8_t byte() { return p_ < end_ ? *p_++ : 0; }
  int64_t small(int64_t lo, int64_t hi) { return lo + byte() % (hi - lo + 1); }
  double value() {
    switch (byte() % 12) {
      case 0: return std::numeric_limits<double>::quiet_NaN();
      case 1: return std::numeric_limits<double>::infinity();
      case 2: return -std::numeric_limits<double>::infinity();
      case 3: return 0.0;
      case 4: return -0.0;
      case 5: return 1e30;
      default: return (static_cast<int>(byte()) - 128) / 16.0;
    }
  }
  Shape shape() {
    Shape s(small(0, 3));
    for (auto& d : s) d = small(0, 4);
    return s;
  }
  DType dtype() {
    switch (byte() % 6) {
      case 0: return DType::Int64;
      case 1: return DType::Bool;
      case 2: return DType::Float32;
      default: return DType::Float64;
    }
  }

 private:
  const uint8_t* p_;
  const uint8_t* end_;
};

Tensor make_tensor(Reader& r) {
  const Shape s = r.shape();
  std::vector<double> v(numel_of(s));
  for (auto& x : v) x = r.value();
  Tensor t = from_values(v, s, r.dtype());
  if (is_floating(t.dtype()) && r.byte() % 2) t.set_requires_grad(true);
  return t;
}

Tensor step(Reader& r, std::vector<Tensor>& pool) {
  const Tensor& a = pool[r.byte() % pool.size()];
  const Tensor& b = pool[r.byte() % pool.size()];
  const int64_t d = r.small(-4, 3);
  const bool keep = r.byte() % 2;
  switch (r.byte() % 40) {
    case 0: return make_tensor(r);
    case 1: return add(a, b, r.value());
    case 2: return sub(a, b);
    case 3: return mul(a, b);
    case 4: return div(a, b);
    case 5: return pow(a, b);
    case 6: return pow(a, r.value());
    case 7: return maximum(a, b);
    case 8: return where(gt(a, b), a, b);
    case 9: return exp(a);
    case 10: return log(a);
    case 11: return tanh(a);
    case 12: return sigmoid(relu(a));
    case 13: return clamp(a, r.value(), r.value());
    case 14: return sum(a, {d}, keep);
    case 15: return mean(a, {d}, keep);
    case 16: return amax(a, {d}, keep);
    case 17: return max(a, d, keep).values;
    case 18: return var(a, {d}, true, keep);
    case 19: return logsumexp(a, {d}, keep);
    case 20: return matmul(a, b);
    case 21: return view(a, r.shape());
    case 22: return reshape(a, r.shape());
    case 23: return transpose(a, d, r.small(-4, 3));
    case 24: return permute(a, {r.small(-3, 3), r.small(-3, 3)});
    case 25: return expand(a, r.shape());
    case 26: return squeeze(unsqueeze(a, d), d);
    case 27: return cat({a, b}, d);
    case 28: return stack({a, b}, d);
    case 29: return select(a, d, r.small(-5, 5));
    case 30: return narrow(a, d, r.small(-2, 4), r.small(-1, 4));
    case 31: return index_select(a, d, from_values({static_cast<double>(r.small(-1, 4))}, {1}, DType::Int64));
    case 32: return masked_fill(a, gt(b, scalar_tensor(0, DType::Float64, true)), r.value());
    case 33: return softmax(a, d);
    case 34: return log_softmax(a, d);
    case 35: return to(a, r.dtype());
    case 36: return repeat(a, r.shape());
    case 37: return chunk(a, r.small(0, 3), d).at(0);
    case 38: return mse_loss(a, b);
    default: {
      Tensor c = clone(a);
      NoGradGuard guard;
      return add_(c, b);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Reader r(data, size);
  std::vector<Tensor> pool{from_values({1, 2, 3, 4}, {2, 2}, DType::Float64)};
  pool[0].set_requires_grad(true);
  for (int i = 0; i < 24 && !r.done(); ++i) {
    try {
      Tensor t = step(r, pool);
      if (t.defined()) pool.push_back(t);
    } catch (const Error&) {
      // Rejected input: the engine must stay usable, checked by the next steps.
    }
    if (pool.size() > 8) pool.erase(pool.begin() + 1);
  }
  for (const Tensor& t : pool) {
    if (!t.requires_grad() || t.numel() == 0) continue;
    try {
      autograd::backward({sum(t)}, {}, false, false);
    } catch (const Error&) {
    }
  }
  return 0;
}
