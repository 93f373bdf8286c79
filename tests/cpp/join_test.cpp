// Joining and splitting: repeat, cat, stack, split, split_sizes, chunk. Values from
// PyTorch 1.13, split pieces as views, finite-difference and double-backward
// gradients (including pieces that receive no gradient), node names and messages.
#include "test_util.h"

namespace gradlab {
namespace {

using test::expect_error;
using test::expect_values;
using test::make;
using test::sample;

// f's outputs weighted and summed, so one scalar sees every piece.
Tensor weighted_sum(const std::vector<Tensor>& pieces) {
  Tensor total = scalar_tensor(0, DType::Float64);
  for (size_t i = 0; i < pieces.size(); ++i)
    total = add(total, sum(mul(mul(pieces[i], pieces[i]), sample(pieces[i].shape(), static_cast<int>(i) + 3, false))));
  return total;
}

// First and second derivatives of weighted_sum(f(x)) against finite differences.
void check_twice(const std::function<std::vector<Tensor>(const variable_list&)>& f, const variable_list& xs) {
  EXPECT_NO_THROW(autograd::gradcheck([&](const variable_list& in) { return variable_list{weighted_sum(f(in))}; }, xs));
  EXPECT_NO_THROW(autograd::gradcheck(
      [&](const variable_list& in) { return autograd::grad({weighted_sum(f(in))}, in, {}, true, true, false); }, xs));
}

TEST(Join, RepeatCatStackValues) {
  Tensor a = make({1, 2, 3, 4}, {2, 2});
  Tensor r = repeat(a, {2, 1, 3});
  EXPECT_EQ(r.shape(), (Shape{2, 2, 6}));
  expect_values(r, {1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4, 1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4});
  expect_values(repeat(make({1, 2, 3}, {3}), {2, 2}), {1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3});
  EXPECT_EQ(repeat(sum(a), {}).dim(), 0);
  Tensor b = make({5, 6, 7, 8, 9, 10}, {2, 3});
  expect_values(cat({a, b}, 1), {1, 2, 5, 6, 7, 3, 4, 8, 9, 10});
  expect_values(cat({a, transpose(a, 0, 1)}, -2), {1, 2, 3, 4, 1, 3, 2, 4});
  // PyTorch skips 1-D empty tensors whatever the other shapes are.
  EXPECT_EQ(cat({zeros({0}), b, zeros({0})}, 0).shape(), (Shape{2, 3}));
  EXPECT_EQ(cat({a, make({1, 2}, {1, 2}, DType::Float64)}).dtype(), DType::Float64);
  expect_values(stack({a, mul(a, 10.0)}, -1), {1, 10, 2, 20, 3, 30, 4, 40});
  EXPECT_EQ(stack({a, a}, 1).shape(), (Shape{2, 2, 2}));
  EXPECT_EQ(stack({sum(a), sum(a)}).shape(), (Shape{2}));
}

TEST(Join, SplitPiecesAreViews) {
  Tensor x = reshape(arange(0, 10, 1), {5, 2});
  auto pieces = split(x, 2);
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[2].shape(), (Shape{1, 2}));
  expect_values(pieces[1], {4, 5, 6, 7});
  fill_(pieces[1], -1.0);
  expect_values(x, {0, 1, 2, 3, -1, -1, -1, -1, 8, 9});
  auto cols = split_sizes(x, {1, 1}, -1);
  expect_values(cols[1], {1, 3, -1, -1, 9});
  auto sizes = [](const std::vector<Tensor>& ts) {
    std::vector<int64_t> s;
    for (const auto& t : ts) s.push_back(t.shape()[0]);
    return s;
  };
  EXPECT_EQ(sizes(chunk(arange(0, 5, 1), 3)), (std::vector<int64_t>{2, 2, 1}));
  EXPECT_EQ(sizes(chunk(arange(0, 6, 1), 4)), (std::vector<int64_t>{2, 2, 2}));
  EXPECT_EQ(sizes(chunk(zeros({0}), 3)), (std::vector<int64_t>{0, 0, 0}));
  EXPECT_EQ(sizes(split(zeros({0}), 2)), (std::vector<int64_t>{0}));
}

TEST(Join, Gradients) {
  check_twice([](const variable_list& in) { return std::vector<Tensor>{repeat(in[0], {2, 1, 3})}; }, {sample({2, 3})});
  check_twice([](const variable_list& in) { return std::vector<Tensor>{repeat(transpose(in[0], 0, 1), {2, 2})}; },
              {sample({2, 3})});
  check_twice([](const variable_list& in) { return std::vector<Tensor>{cat({in[0], transpose(in[1], 0, 1), in[0]}, -1)}; },
              {sample({3, 2}), sample({1, 3}, 1)});
  check_twice([](const variable_list& in) { return std::vector<Tensor>{stack({in[0], transpose(in[1], 0, 1)}, -2)}; },
              {sample({3, 2}), sample({2, 3}, 1)});
  check_twice([](const variable_list& in) { return split(in[0], 2, -1); }, {sample({2, 5})});
  check_twice([](const variable_list& in) { return split_sizes(transpose(in[0], 0, 1), {3, 0, 2}, 0); }, {sample({2, 5})});
  check_twice([](const variable_list& in) { return chunk(in[0], 2, 1); }, {sample({2, 3, 2})});
  // Pieces that no gradient reaches contribute zeros to the concatenated gradient.
  check_twice([](const variable_list& in) { return std::vector<Tensor>{chunk(in[0], 3, 0)[1]}; }, {sample({6, 2})});
}

TEST(Join, NodeNames) {
  Tensor x = sample({4, 2});
  EXPECT_EQ(repeat(x, {2, 1}).grad_fn()->name(), "RepeatBackward0");
  EXPECT_EQ(cat({x, x}).grad_fn()->name(), "CatBackward0");
  EXPECT_EQ(stack({x, x}).grad_fn()->name(), "StackBackward0");
  auto pieces = split(x, 3);
  EXPECT_EQ(pieces[0].grad_fn()->name(), "SplitBackward0");
  EXPECT_EQ(pieces[0].grad_fn(), pieces[1].grad_fn());
  EXPECT_EQ(pieces[1].impl()->output_nr, 1u);
  EXPECT_EQ(chunk(x, 2)[0].grad_fn()->name(), "SplitBackward0");
  EXPECT_EQ(split_sizes(x, {1, 3})[1].grad_fn()->name(), "SplitWithSizesBackward0");
}

TEST(Join, Errors) {
  Tensor x = zeros({3, 4});
  expect_error([&] { cat({x, zeros({3, 3})}); },
               "Sizes of tensors must match except in dimension 0. Expected size 4 but got size 3 for tensor number 1 in the list.");
  expect_error([&] { cat({zeros({2, 2}), zeros({3, 3})}, 1); },
               "Sizes of tensors must match except in dimension 1. Expected size 2 but got size 3 for tensor number 1 in the list.");
  expect_error([&] { cat({x, zeros({4})}); }, "Tensors must have same number of dimensions: got 2 and 1");
  expect_error([&] { cat({}); }, "torch.cat(): expected a non-empty list of Tensors");
  expect_error([&] { cat({x}, 2); }, "Dimension out of range (expected to be in range of [-2, 1], but got 2)");
  expect_error([&] { cat({sum(x), sum(x)}); }, "zero-dimensional tensor (at position 0) cannot be concatenated");
  expect_error([&] { stack({zeros({2, 3}), zeros({3})}); },
               "stack expects each tensor to be equal size, but got [2, 3] at entry 0 and [3] at entry 1");
  expect_error([&] { stack({}); }, "stack expects a non-empty TensorList");
  expect_error([&] { stack({x}, 3); }, "Dimension out of range (expected to be in range of [-3, 2], but got 3)");
  expect_error([&] { repeat(x, {2}); },
               "Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor");
  expect_error([&] { repeat(make({1, 2, 3, 4, 5, 6}, {3, 2}), {2, -2}); },
               "Trying to create tensor with negative dimension -4: [6, -4]");
  expect_error([&] { split(x, 0); }, "split_size can only be 0 if dimension size is 0, but got dimension size of 3");
  expect_error([&] { split(x, -1); }, "split expects split_size be non-negative, but got split_size=-1");
  expect_error([&] { split(sum(x), 1); }, "split expects at least a 1-dimensional tensor");
  expect_error([&] { split_sizes(x, {1, 1}); },
               "split_with_sizes expects split_sizes to sum exactly to 3 (input tensor's size at dimension 0), but got split_sizes=[1, 1]");
  expect_error([&] { split_sizes(x, {4, -1}); },
               "split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes=[4, -1]");
  expect_error([&] { chunk(x, 0); }, "chunk expects `chunks` to be greater than 0, got: 0");
  expect_error([&] { chunk(sum(x), 1); }, "chunk expects at least a 1-dimensional tensor");
}

// Only legacy empty vectors: PyTorch returns an empty vector without reading dim.
TEST(Join, CatOfOnlyLegacyEmptyTensorsIgnoresDim) {
  EXPECT_EQ(cat({zeros({0})}, -4).shape(), Shape{0});
  const Tensor r = cat({zeros({0}, DType::Int64), zeros({0})}, 2);
  EXPECT_EQ(r.shape(), Shape{0});
  EXPECT_EQ(r.dtype(), DType::Float32);
  expect_error([] { cat({zeros({0}), zeros({2, 3})}, 5); },
               "Dimension out of range (expected to be in range of [-2, 1], but got 5)");
}
// The first node of each gradient chain, following first inputs: what PyTorch shows under create_graph.
std::vector<std::string> chain_of(const Tensor& g) {
  std::vector<std::string> names;
  for (auto fn = g.grad_fn(); fn; fn = fn->next_edges().size() ? fn->next_edges()[0].fn : nullptr)
    names.push_back(fn->name());
  return names;
}

// repeat's gradient in PyTorch's steps: leading dims summed one by one, then one reshape into
// (copies, size) pairs and one sum (live run s98006-654; chains from PyTorch 1.13).
TEST(Join, RepeatGradientNodesAsPyTorch) {
  const Tensor x = sample({3, 3});
  const auto grad_of = [&](const Shape& repeats) {
    const Tensor y = repeat(x, repeats);
    return autograd::grad({y}, {x}, {sample(y.shape(), 4)}, true, true, false)[0];
  };
  using Chain = std::vector<std::string>;
  EXPECT_EQ(chain_of(grad_of({1, 2, 2})),
            (Chain{"SumBackward1", "ReshapeAliasBackward0", "SumBackward1", "AccumulateGrad"}));
  EXPECT_EQ(chain_of(grad_of({2, 1, 1})), (Chain{"SumBackward1", "AccumulateGrad"}));
  EXPECT_EQ(chain_of(grad_of({2, 3})), (Chain{"SumBackward1", "ReshapeAliasBackward0", "AccumulateGrad"}));
  EXPECT_TRUE(chain_of(grad_of({1, 1})).empty());  // the incoming gradient itself
  EXPECT_FALSE(grad_of({0, 1}).requires_grad());
  expect_values(grad_of({0, 1}), std::vector<double>(9, 0.0));
  check_twice([](const variable_list& in) { return std::vector<Tensor>{repeat(in[0], {2, 1, 3})}; }, {sample({2, 2})});
}

// A broadcast operand's gradient is summed, then viewed to its shape: ViewBackward0 under
// create_graph, as PyTorch's sum_to (live run s98007-676).
TEST(Join, SumToViewsAsPyTorch) {
  const Tensor a = sample({4}), b = sample({2, 3, 4}, 1, false);
  const Tensor g = autograd::grad({mul(a, b)}, {a}, {sample({2, 3, 4}, 2)}, true, true, false)[0];
  EXPECT_EQ(g.grad_fn()->name(), "ViewBackward0");
  EXPECT_EQ(g.grad_fn()->next_edges()[0].fn->name(), "SumBackward1");
  // To a 0-d operand: one sum of everything (SumBackward0), no view (s99004-833).
  const Tensor s = make({-0.86}, {}, DType::Float64, true);
  const Tensor gs = autograd::grad({div(b, s)}, {s}, {sample({2, 3, 4}, 2)}, true, true, false)[0];
  EXPECT_EQ(gs.grad_fn()->name(), "SumBackward0");
}

}  // namespace
}  // namespace gradlab
