// Indexing: select/narrow/slice and NumPy basic indexing as views sharing storage,
// index_select, gather, masked_fill, index_add, scatter_add; values from PyTorch 1.13,
// finite-difference and double-backward gradients, node names and PyTorch's messages.
#include "test_util.h"

namespace gradlab {
namespace {

using test::expect_error;
using test::expect_values;
using test::make;
using test::sample;

Tensor arange_f(int64_t n, const Shape& shape) { return reshape(arange(0, static_cast<double>(n), 1), shape); }
Tensor longs(const std::vector<double>& v, const Shape& shape) { return make(v, shape, DType::Int64); }

IndexItem item(const std::string& text) { return parse_index_item(text); }
IndexItem all() { return IndexItem{}; }

// Checks f's gradient and the gradient of its weighted gradient (double backward).
// A view's output is cloned: gradcheck perturbs the input in place, which a view would follow.
void check_twice(const std::function<Tensor(const Tensor&)>& f, const Tensor& x) {
  EXPECT_NO_THROW(autograd::gradcheck([&](const variable_list& in) { return variable_list{clone(f(in[0]))}; }, {x}));
  EXPECT_NO_THROW(autograd::gradcheck(
      [&](const variable_list& in) {
        const Tensor y = f(in[0]);
        const Tensor w = sample(y.shape(), 5, false);
        // Squared so that the gradient still depends on x.
        return autograd::grad({sum(mul(mul(y, y), w))}, {in[0]}, {}, true, true, false);
      },
      {x}));
}

TEST(IndexViews, SelectNarrowSliceShareStorage) {
  Tensor x = arange_f(12, {3, 4});
  Tensor row = select(x, 0, 1), col = select(x, 1, -1), mid = narrow(x, 1, 1, 2), odd = slice(x, 1, -3, 10, 2);
  expect_values(row, {4, 5, 6, 7});
  expect_values(col, {3, 7, 11});
  expect_values(mid, {1, 2, 5, 6, 9, 10});
  expect_values(odd, {1, 3, 5, 7, 9, 11});
  EXPECT_EQ(slice(x, 0, 5, 10).shape(), (Shape{0, 4}));
  EXPECT_EQ(slice(x, 0, 2, 1).shape(), (Shape{0, 4}));
  EXPECT_EQ(narrow(x, 0, 3, 0).shape(), (Shape{0, 4}));
  EXPECT_EQ(narrow(x, 0, -1, 1).shape(), (Shape{1, 4}));
  fill_(select(x, 0, 1), -1.0);
  fill_(slice(x, 1, 0, 4, 3), 9.0);
  expect_values(x, {9, 1, 2, 9, 9, -1, -1, 9, 9, 9, 10, 9});
  expect_values(row, {9, -1, -1, 9});
  expect_values(odd, {1, 9, -1, 9, 9, 9});
}

TEST(IndexViews, BasicIndexingMatchesNumPy) {
  Tensor x = arange_f(24, {2, 3, 4});
  auto check = [&](const std::vector<IndexItem>& items, const std::vector<double>& values, const Shape& shape) {
    Tensor r = index(x, items);
    EXPECT_EQ(r.shape(), shape);
    expect_values(r, values);
    EXPECT_EQ(r.impl()->storage, x.impl()->storage);
  };
  check({item("1"), all(), item("::2")}, {12, 14, 16, 18, 20, 22}, {3, 2});
  check({item("-1"), item("1:"), item("-3:")}, {17, 18, 19, 21, 22, 23}, {2, 3});
  check({item("None"), item("0"), item("::3")}, {0, 1, 2, 3}, {1, 1, 4});
  check({item(":"), item("-2")}, {4, 5, 6, 7, 16, 17, 18, 19}, {2, 4});
  check({item("0"), item("1:10:2")}, {4, 5, 6, 7}, {1, 4});
  check({all(), item("-10:2"), item(" 1 : -1 ")}, {1, 2, 5, 6, 13, 14, 17, 18}, {2, 2, 2});
  std::vector<double> everything(24);
  for (int i = 0; i < 24; ++i) everything[i] = i;
  check({}, everything, {2, 3, 4});
}

TEST(IndexViews, ParseItems) {
  IndexItem s = parse_index_item("-2::3");
  EXPECT_EQ(s.kind, IndexItem::Slice);
  EXPECT_TRUE(s.has_start);
  EXPECT_FALSE(s.has_stop);
  EXPECT_EQ(s.start, -2);
  EXPECT_EQ(s.step, 3);
  EXPECT_EQ(parse_index_item("-5").kind, IndexItem::Int);
  EXPECT_EQ(parse_index_item("-5").index, -5);
  EXPECT_EQ(parse_index_item("None").kind, IndexItem::NewAxis);
  expect_error([] { parse_index_item("1:2:3:4"); }, "invalid index '1:2:3:4'");
  expect_error([] { parse_index_item("a:"); }, "invalid index 'a:'");
}

TEST(Index, GatheringOpsValues) {
  Tensor y = arange_f(12, {3, 4});
  expect_values(index_select(y, 1, longs({2, 0, 2}, {3})), {2, 0, 2, 6, 4, 6, 10, 8, 10});
  expect_values(index_select(y, -2, longs({1}, {})), {4, 5, 6, 7});
  expect_values(gather(y, 1, longs({0, 3, 1, 1, 2, 0}, {3, 2})), {0, 3, 5, 5, 10, 8});
  expect_values(gather(y, 0, longs({2, 0, 1, 0}, {1, 4})), {8, 1, 6, 3});
  expect_values(masked_fill(y, make({1, 0, 1, 0}, {4}, DType::Bool), -1.5),
                {-1.5, 1, -1.5, 3, -1.5, 5, -1.5, 7, -1.5, 9, -1.5, 11});
  const Tensor src = mul(ones({3, 3}), make({1, 10, 100}, {3}));
  expect_values(index_add(y, 1, longs({2, 0, 2}, {3}), src), {10, 1, 103, 3, 14, 5, 107, 7, 18, 9, 111, 11});
  expect_values(scatter_add(y, 1, longs({0, 3, 1, 1, 2, 0}, {3, 2}), make({1, 2, 3, 4, 5, 6}, {3, 2})),
                {1, 1, 2, 5, 4, 12, 6, 7, 14, 9, 15, 11});
  // Non-contiguous input and index.
  expect_values(gather(transpose(y, 0, 1), 0, transpose(longs({3, 0, 1, 2}, {2, 2}), 0, 1)), {3, 5, 0, 6});
  // 0-d tensors behave as one-element vectors.
  expect_values(index_select(scalar_tensor(7, DType::Float32), 0, longs({0}, {1})), {7});
  EXPECT_EQ(gather(scalar_tensor(7, DType::Float32), 0, longs({0}, {})).dim(), 0);
}

TEST(Index, Gradients) {
  using Fn = std::function<Tensor(const Tensor&)>;
  const Tensor idx = longs({2, 0, 2, 1}, {4});
  const Tensor gidx = longs({0, 2, 1, 1, 0, 0}, {2, 3});
  const Tensor mask = make({1, 0, 1}, {3, 1}, DType::Bool);
  const std::vector<std::pair<const char*, Fn>> ops = {
      {"select", [](const Tensor& a) { return select(a, -1, -2); }},
      {"narrow", [](const Tensor& a) { return narrow(a, 1, -2, 2); }},
      {"slice_step", [](const Tensor& a) { return slice(a, 2, 0, 100, 2); }},
      {"basic_index", [](const Tensor& a) { return index(a, {item("-1"), item("None"), item("::2"), item("1:")}); }},
      {"index_select_repeated", [&](const Tensor& a) { return index_select(a, 1, idx); }},
      {"gather_repeated", [&](const Tensor& a) { return gather(select(a, 0, 1), -1, gidx); }},
      {"masked_fill_broadcast", [&](const Tensor& a) { return masked_fill(a, mask, 0.5); }},
      {"index_add", [&](const Tensor& a) { return index_add(a, 1, longs({0, 0}, {2}), narrow(a, 1, 1, 2)); }},
      {"scatter_add", [&](const Tensor& a) { return scatter_add(select(a, 0, 0), 1, gidx, select(a, 0, 1)); }},
  };
  for (const auto& [name, fn] : ops) {
    SCOPED_TRACE(name);
    check_twice(fn, sample({2, 3, 3}));
    // Non-contiguous input: the same op on a transposed view.
    check_twice([&](const Tensor& a) { return fn(transpose(a, 1, 2)); }, sample({2, 3, 3}, 1));
  }
}

TEST(Index, NodeNames) {
  Tensor x = sample({3, 4});
  EXPECT_EQ(select(x, 0, 1).grad_fn()->name(), "SelectBackward0");
  EXPECT_EQ(narrow(x, 0, 1, 1).grad_fn()->name(), "SliceBackward0");
  EXPECT_EQ(index(x, {all()}).grad_fn()->name(), "SliceBackward0");
  EXPECT_EQ(index(x, {}).grad_fn()->name(), "AliasBackward0");
  EXPECT_EQ(index(x, {item("None")}).grad_fn()->name(), "UnsqueezeBackward0");
  EXPECT_EQ(index_select(x, 0, longs({0}, {1})).grad_fn()->name(), "IndexSelectBackward0");
  EXPECT_EQ(gather(x, 0, longs({0}, {1, 1})).grad_fn()->name(), "GatherBackward0");
  EXPECT_EQ(masked_fill(x, make({1}, {1}, DType::Bool), 0).grad_fn()->name(), "MaskedFillBackward0");
  EXPECT_EQ(index_add(x, 0, longs({0}, {1}), sample({1, 4})).grad_fn()->name(), "IndexAddBackward0");
  EXPECT_EQ(scatter_add(x, 0, longs({0}, {1, 1}), sample({1, 1})).grad_fn()->name(), "ScatterAddBackward0");
}

TEST(Index, Errors) {
  Tensor x = arange_f(12, {3, 4});
  expect_error([&] { select(x, 0, 5); }, "select(): index 5 out of range for tensor of size [3, 4] at dimension 0");
  expect_error([&] { select(x, 0, -4); }, "select(): index -4 out of range for tensor of size [3, 4] at dimension 0");
  expect_error([&] { select(x, 2, 0); }, "Dimension out of range (expected to be in range of [-2, 1], but got 2)");
  expect_error([&] { select(sum(x), 0, 0); }, "select() cannot be applied to a 0-dim tensor.");
  expect_error([&] { narrow(x, 0, 2, 2); }, "start (2) + length (2) exceeds dimension size (3).");
  expect_error([&] { narrow(x, 0, 1, -1); }, "start (1) + length (-1) exceeds dimension size (3).");
  expect_error([&] { narrow(x, 0, -4, 2); }, "Dimension out of range (expected to be in range of [-3, 2], but got -4)");
  expect_error([&] { index(x, {item("5")}); }, "index 5 is out of bounds for dimension 0 with size 3");
  expect_error([&] { index(x, {item("-4")}); }, "index -4 is out of bounds for dimension 0 with size 3");
  expect_error([&] { index(x, {all(), item("5")}); }, "index 5 is out of bounds for dimension 1 with size 4");
  expect_error([&] { index(x, {item("None"), item("5")}); }, "index 5 is out of bounds for dimension 1 with size 3");
  expect_error([&] { index(x, {item("0"), item("0"), item("0")}); }, "too many indices for tensor of dimension 2");
  expect_error([&] { index(x, {item("::-1")}); }, "step must be greater than zero");
  expect_error([&] { index(x, {item("::0")}); }, "slice step cannot be zero");
  expect_error([&] { index(sum(x), {item("0")}); }, "invalid index of a 0-dim tensor.");
  expect_error([&] { index_select(x, 0, longs({5}, {1})); }, "index out of range in self");
  expect_error([&] { index_select(x, 0, longs({-1}, {1})); }, "index out of range in self");
  expect_error([&] { index_select(x, 0, make({0}, {1})); }, "index_select(): Expected dtype int32 or int64 for index");
  expect_error([&] { index_select(x, 0, longs({0}, {1, 1})); }, "index_select(): Index is supposed to be a vector");
  expect_error([&] { gather(x, 1, longs({0}, {1})); }, "Index tensor must have the same number of dimensions as input tensor");
  expect_error([&] { gather(x, 1, longs({5}, {1, 1})); }, "index 5 is out of bounds for dimension 1 with size 4");
  expect_error([&] { gather(x, 1, longs({-1}, {1, 1})); }, "index -1 is out of bounds for dimension 1 with size 4");
  expect_error([&] { gather(x, 1, make({0}, {1, 1})); }, "gather(): Expected dtype int64 for index");
  expect_error([&] { gather(x, 1, zeros({4, 1}, DType::Int64)); },
               "Size does not match at dimension 0 expected index [4, 1] to be smaller than self [3, 4] apart from dimension 1");
  expect_error([&] { masked_fill(x, ones({3, 4}), 1.0); },
               "masked_fill_ only supports boolean masks, but got mask with dtype float");
  // The mask is broadcast first, so it is tensor a; shapes are checked before the mask's dtype.
  expect_error([&] { masked_fill(x, ones({5}, DType::Bool), 1.0); },
               "The size of tensor a (5) must match the size of tensor b (4) at non-singleton dimension 1");
  expect_error([&] { masked_fill(x, ones({5}), 1.0); },
               "The size of tensor a (5) must match the size of tensor b (4) at non-singleton dimension 1");
  expect_error([&] { index_add(x, 0, longs({5}, {1}), ones({1, 4})); }, "index out of range in self");
  expect_error([&] { index_add(x, 0, longs({0}, {1}), ones({2, 4})); },
               "index_add_(): Number of indices (1) should be equal to source.size(dim): (2), for dim: 0");
  expect_error([&] { index_add(x, 0, longs({0}, {1}), ones({1, 4}, DType::Float64)); },
               "index_add_(): self (Float) and source (Double) must have the same scalar type");
  expect_error([&] { scatter_add(x, 0, longs({5}, {1, 1}), ones({1, 4})); },
               "index 5 is out of bounds for dimension 0 with size 3");
  expect_error([&] { scatter_add(x, 0, longs({0, 1, 2, 0, 0}, {1, 5}), ones({1, 5})); },
               "Expected index [1, 5] to be smaller than self [3, 4] apart from dimension 0 and to be smaller size than src [1, 5]");
}

// PyTorch 1.13's CPU index_select: dim 1 of a matrix or more has its own kernel and message, and a
// 0-d tensor gives itself for any number of in-range indices.
TEST(Index, IndexSelectAsPyTorch) {
  expect_error([] { index_select(zeros({2, 1}), 1, longs({1}, {1})); },
               "INDICES element is out of DATA bounds, id=1 axis_dim=1");
  expect_error([] { index_select(zeros({2, 3}), -1, longs({0, -1}, {2})); },
               "INDICES element is out of DATA bounds, id=-1 axis_dim=3");
  expect_error([] { index_select(zeros({2, 3, 4}), 1, longs({5, 3}, {2})); },
               "INDICES element is out of DATA bounds, id=5 axis_dim=3");
  expect_error([] { index_select(zeros({2, 3, 4}), 2, longs({4}, {1})); }, "index out of range in self");
  expect_error([] { index_select(zeros({2, 3}), 0, longs({2}, {1})); }, "index out of range in self");
  // An empty self of 2 dims or more: the same message in any dim (live run seed 40000).
  expect_error([] { index_select(zeros({1, 1, 0}), -3, longs({1, 0, 0}, {3})); },
               "INDICES element is out of DATA bounds, id=1 axis_dim=1");
  expect_error([] { index_select(zeros({3, 0}), 0, longs({1, 5, 7}, {3})); },
               "INDICES element is out of DATA bounds, id=5 axis_dim=3");
  expect_error([] { index_select(zeros({0}), 0, longs({0}, {1})); }, "index out of range in self");
  const Tensor s = make({2.5}, {});
  const Tensor r = index_select(s, 0, longs({0, 0}, {2}));
  EXPECT_EQ(r.shape(), Shape{});
  expect_values(r, {2.5});
  expect_values(index_select(s, -1, longs({0}, {1})), {2.5});
  expect_error([&] { index_select(s, 0, longs({0, 1}, {2})); }, "index out of range in self");
  // An empty dim of a matrix or more has its own check; a vector's is an ordinary range error.
  expect_error([] { index_select(zeros({4, 0, 3}), 1, longs({1}, {1})); },
               "index_select(): self indexing axis dim should be positive");
  expect_error([] { index_select(zeros({0, 3}), 0, longs({0}, {1})); },
               "index_select(): self indexing axis dim should be positive");
  expect_error([] { index_select(zeros({0}), 0, longs({0}, {1})); }, "index out of range in self");
  EXPECT_EQ(index_select(zeros({4, 0, 3}), 1, zeros({0}, DType::Int64)).shape(), (Shape{4, 0, 3}));
}

// A number that does not fit the tensor's dtype is refused where it would be stored.
TEST(Index, MaskedFillRefusesNumbersTheDtypeCannotHold) {
  const Tensor i = zeros({2}, DType::Int64), mask = make({0, 0}, {2}, DType::Bool);
  expect_error([&] { masked_fill(i, mask, -INFINITY); }, "value cannot be converted to type int64_t without overflow");
  expect_error([&] { masked_fill(zeros({1}), make({1}, {1}, DType::Bool), 1e300); },
               "value cannot be converted to type float without overflow");
  expect_values(masked_fill(i, make({1, 0}, {2}, DType::Bool), 2.5), {2, 0});
}

// Out-of-place scatter (internal: the backward of value-selecting ops), with PyTorch's
// ScatterBackward0 / ScatterBackward1 rules: self's gradient is grad with the written positions
// zeroed, src's is grad gathered at the index (values from PyTorch 1.13).
TEST(Index, ScatterAsPyTorch) {
  const Tensor a = make({0, 0, 0, 0, 0, 0}, {2, 3}, DType::Float64, true);
  const Tensor src = make({1, 2, 3}, {1, 3}, DType::Float64, true);
  const Tensor i = longs({1, 0, 1}, {1, 3});
  const Tensor y = scatter(a, 0, i, src);
  expect_values(y, {0, 2, 0, 1, 0, 3});
  EXPECT_EQ(y.grad_fn()->name(), "ScatterBackward0");
  EXPECT_EQ(scatter(a, 0, i, 2.5).grad_fn()->name(), "ScatterBackward1");
  expect_values(scatter(a, 0, i, 2.5), {0, 2.5, 0, 2.5, 0, 2.5});
  const Tensor w = reshape(arange(0, 6, 1, DType::Float64), {2, 3});
  const auto g = autograd::grad({sum(mul(y, w))}, {a, src}, {}, false, false, false);
  expect_values(g[0], {0, 0, 2, 0, 4, 0});
  expect_values(g[1], {3, 1, 5});
  expect_values(scatter(zeros({}), 0, longs({0}, {}), make({5}, {})), {5});
  // Finite differences, first and second order, for both inputs and the value form.
  const Tensor idx = longs({0, 2, 1, 1, 0, 2}, {2, 3});
  check_twice([&](const Tensor& x) { return scatter(select(x, 0, 0), 1, idx, select(x, 0, 1)); }, sample({2, 2, 3}));
  check_twice([&](const Tensor& x) { return scatter(x, 1, idx, 0.5); }, sample({2, 3}));
  expect_error([&] { scatter(a, 0, make({0}, {1, 1}), src); }, "scatter(): Expected dtype int64 for index");
}
}  // namespace
}  // namespace gradlab
