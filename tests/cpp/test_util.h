// Shared helpers for the engine tests: building tensors from literals and
// comparing values with a tolerance.
#pragma once
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "gradlab/gradlab.h"

namespace gradlab::test {

inline Tensor make(const std::vector<double>& values, const Shape& shape, DType dtype = DType::Float32,
                   bool requires_grad = false) {
  Tensor t = from_values(values, shape, dtype);
  t.set_requires_grad(requires_grad);
  return t;
}

inline std::vector<double> values_of(const Tensor& t) {
  const Tensor c = contiguous(to(t.detach(), DType::Float64));
  const double* p = c.data_ptr<double>();
  return std::vector<double>(p, p + c.numel());
}

// Bit-for-bit where it matters: NaN where NaN, the sign of a zero, the value otherwise.
inline void expect_exact(const Tensor& t, const std::vector<double>& expected) {
  const auto got = values_of(t);
  ASSERT_EQ(got.size(), expected.size());
  for (size_t i = 0; i < got.size(); ++i) {
    if (std::isnan(expected[i])) {
      EXPECT_TRUE(std::isnan(got[i])) << "at " << i << ": " << got[i];
    } else {
      EXPECT_EQ(got[i], expected[i]) << "at " << i;
      EXPECT_EQ(std::signbit(got[i]), std::signbit(expected[i])) << "sign at " << i;
    }
  }
}

inline void expect_values(const Tensor& t, const std::vector<double>& expected, double tol = 1e-6) {
  ASSERT_TRUE(t.defined());
  const auto got = values_of(t);
  ASSERT_EQ(got.size(), expected.size());
  for (size_t i = 0; i < got.size(); ++i) {
    if (std::isnan(expected[i])) {
      EXPECT_TRUE(std::isnan(got[i])) << "at " << i;
      continue;
    }
    EXPECT_NEAR(got[i], expected[i], tol * std::max(1.0, std::fabs(expected[i]))) << "at " << i;
  }
}

// Expects `fn` to throw gradlab::Error whose message contains `fragment`.
template <typename F>
void expect_error(F&& fn, const std::string& fragment) {
  try {
    fn();
    ADD_FAILURE() << "expected an error containing: " << fragment;
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << "message was: " << e.what();
  }
}

// Deterministic float64 inputs in [-1, 1] (away from 0 unless asked).
inline Tensor sample(const Shape& shape, int seed = 0, bool requires_grad = true, double lo = 0.1) {
  std::vector<double> v(numel_of(shape));
  for (size_t i = 0; i < v.size(); ++i) {
    const double u = std::fmod(std::sin(static_cast<double>(i * 7 + seed * 13 + 1)) * 43758.5453, 1.0);
    v[i] = (u < 0 ? -1 : 1) * (lo + (1 - lo) * std::fabs(u));
  }
  return make(v, shape, DType::Float64, requires_grad);
}

}  // namespace gradlab::test
