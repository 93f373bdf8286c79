// Regressions found by the fuzzers (native libFuzzer and the JS fast-check
// programs): each was a crash, undefined behaviour or a silent wrong answer.
#include <cmath>
#include <limits>

#include "test_util.h"

namespace gradlab {
namespace {

using test::expect_error;
using test::expect_values;
using test::make;

TEST(EdgeCases, CopyFromALargerSourceIsAnError) {
  expect_error([] { copy_(zeros({}), ones({100000})); }, "output with shape [] doesn't match the broadcast shape [100000]");
  expect_error([] { copy_(zeros({3}), ones({2, 3})); }, "output with shape [3] doesn't match the broadcast shape [2, 3]");
  Tensor t = zeros({2, 3});
  copy_(t, make({1, 2, 3}, {3}));
  expect_values(t, {1, 2, 3, 1, 2, 3});
}

TEST(EdgeCases, ExpandRejectsNegativeSizes) {
  expect_error([] { expand(ones({2, 2}), {-3, -2, -1, -1}); }, "The expanded size of the tensor (-2) isn't allowed");
}

TEST(EdgeCases, ReluKeepsNaN) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  expect_values(relu(make({nan, -1, 2}, {3})), {nan, 0, 2});
}

TEST(EdgeCases, RepeatedDimsOfAZeroDimTensor) {
  expect_error([] { sum(make({1.5}, {}), {0, 0}); }, "dim 0 appears multiple times in the list of dims");
}

TEST(EdgeCases, NegativeZeroKeepsItsSign) {
  EXPECT_EQ(div(make({1}, {1}), -0.0).item(), -INFINITY);
}

TEST(EdgeCases, NaNToIntegerIsDefined) {
  // PyTorch's x86 result for NaN and out-of-range values: INT64_MIN.
  Tensor t = to(make({std::nan(""), 1e30, 3.7}, {3}, DType::Float64), DType::Int64);
  EXPECT_EQ(t.data_ptr<int64_t>()[0], std::numeric_limits<int64_t>::min());
  EXPECT_EQ(t.data_ptr<int64_t>()[1], std::numeric_limits<int64_t>::min());
  EXPECT_EQ(t.data_ptr<int64_t>()[2], 3);
}

TEST(EdgeCases, HugeRequestsNameTheirBytes) {
  expect_error([] { zeros({int64_t(1) << 40, int64_t(1) << 40}); },
               "you tried to allocate 4835703278458516698824704 bytes.");
}

// In place, the result must be castable back into self (PyTorch's canCast).
TEST(EdgeCases, InPlaceResultMustCastIntoSelf) {
  const Tensor i = make({1, 2}, {2}, DType::Int64);
  expect_error([&] { div_(i, 2.0); }, "result type Float can't be cast to the desired output type Long");
  expect_error([&] { div_(i, make({2, 2}, {2}, DType::Int64)); },
               "result type Float can't be cast to the desired output type Long");
  expect_error([&] { add_(i, 1.5); }, "result type Float can't be cast to the desired output type Long");
  expect_error([&] { mul_(make({1, 0}, {2}, DType::Bool), 2.0); },
               "result type Long can't be cast to the desired output type Bool");
  expect_values(i, {1, 2});  // untouched by the refused ops
  expect_values(add_(i, 2.0), {3, 4});
  EXPECT_EQ(i.dtype(), DType::Int64);
}

TEST(EdgeCases, LinspaceOfOneStepIsStart) {
  expect_values(linspace(2, 5, 1), {2});
  EXPECT_EQ(linspace(2, 5, 0).numel(), 0);
}

TEST(EdgeCases, ALoneNumberHasPyTorchsDtype) {
  EXPECT_EQ(number_dtype(2), DType::Int64);
  EXPECT_EQ(number_dtype(1.5), DType::Float32);
  EXPECT_EQ(number_dtype(-0.0), DType::Float32);
  EXPECT_EQ(number_dtype(INFINITY), DType::Float32);
  EXPECT_EQ(wrapped_number(-0.0).dtype(), DType::Float64);
  EXPECT_EQ(wrapped_number(-3).dtype(), DType::Int64);
}

}  // namespace
}  // namespace gradlab
