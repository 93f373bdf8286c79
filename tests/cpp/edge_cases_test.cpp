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
  expect_error([] { expand(ones({2, 2}), {-3, -2, -1, -1}); }, "numel: integer multiplication overflow");
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
  // clamp_ names the output type as C++ does.
  expect_error([&] { clamp_(i, 0.5, NAN); }, "result type Float can't be cast to the desired output type long int");
  expect_error([&] { clamp_(i, -0.5, 0.5); }, "result type Float can't be cast to the desired output type long int");
  expect_error([] { clamp_(make({1}, {1}, DType::Bool), 0, NAN); },
               "result type Long can't be cast to the desired output type bool");
  expect_values(clamp_(i, 0, 3), {3, 3});
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
  // Safe integers (JS's Number.isSafeInteger) are ints; from 2^53 on a number may be a rounded float.
  EXPECT_EQ(number_dtype(9007199254740991.0), DType::Int64);
  EXPECT_EQ(number_dtype(-9.005e15), DType::Int64);
  EXPECT_EQ(number_dtype(9007199254740992.0), DType::Float32);
}

// PyTorch refuses a number its tensor's dtype cannot hold: NaN, inf or beyond 2^63 in int64, a finite
// value beyond float's range in float32 (fill_, full, full_like).
TEST(EdgeCases, FillRefusesNumbersTheDtypeCannotHold) {
  const std::string int64_msg = "value cannot be converted to type int64_t without overflow";
  expect_error([] { fill_(zeros({2}, DType::Int64), NAN); }, int64_msg);
  expect_error([] { fill_(zeros({0}, DType::Int64), INFINITY); }, int64_msg);
  expect_error([] { full({2}, 9.3e18, DType::Int64); }, int64_msg);
  expect_error([] { full_like(zeros({2}, DType::Int64), NAN); }, int64_msg);
  expect_error([] { fill_(zeros({1}), 1e300); }, "value cannot be converted to type float without overflow");
  expect_values(full({2}, 2.5, DType::Int64), {2, 2});
  expect_values(full({2}, NAN, DType::Bool), {1, 1});
  expect_values(full({1}, 1e300, DType::Float64), {1e300});
  EXPECT_TRUE(std::isinf(test::values_of(full({1}, INFINITY))[0]));
}
// The differential tester's live runs (tests/difftest/FINDINGS.md): PyTorch 1.13's order of checks.
TEST(EdgeCases, ShapesAreCheckedBeforeAFractionalAlphaOnIntegers) {  // s121001-579
  const Tensor a = ones({2, 3}, DType::Int64), b = ones({4}, DType::Int64);
  expect_error([&] { sub(a, b, 0.5); }, "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1");
  expect_error([&] { add(a, b, 0.5); }, "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1");
  expect_error([&] { sub(a, ones({3}, DType::Int64), 0.5); },
               "For integral input tensors, argument alpha must not be a floating point number.");
}

// A view made before its base needed a gradient counts as a leaf in the in-place check until
// its grad_fn is read (PyTorch's check reads the node the view holds): s121004-789.
TEST(EdgeCases, AnUnreadViewOfABaseThatGainedHistoryIsALeafToInPlaceOps) {
  const Tensor w = make({-2.36, 2.56, -1.15}, {3}, DType::Float32, true);
  Tensor base = linspace(2, 2.5, 3);
  Tensor view = gradlab::view(base, {1, 1, -1});
  copy_(base, w);
  expect_error([&] { zero_(view); }, "a leaf Variable that requires grad is being used in an in-place operation.");
  Tensor base2 = linspace(2, 2.5, 3);
  Tensor view2 = gradlab::view(base2, {1, 1, -1});
  copy_(base2, w);
  EXPECT_EQ(view2.grad_fn()->name(), "AsStridedBackward0");  // read: no longer a leaf
  zero_(view2);
  EXPECT_EQ(view2.grad_fn()->name(), "AsStridedBackward0");
}

}  // namespace
}  // namespace gradlab
