// View-style shape ops: storage sharing, PyTorch's view rules and messages,
// gradients, and dtype conversion.
#include "test_util.h"

#include "gradlab/random.h"

namespace gradlab {
namespace {

using test::expect_error;
using test::expect_values;
using test::make;
using test::sample;

TEST(Movement, ViewsShareStorage) {
  Tensor x = make({1, 2, 3, 4, 5, 6}, {2, 3});
  Tensor v = view(x, {3, 2});
  Tensor tr = transpose(x, 0, 1);
  EXPECT_EQ(v.raw_ptr(), x.raw_ptr());
  EXPECT_FALSE(tr.is_contiguous());
  { NoGradGuard g; fill_(view(x, {6}), 0.0); add_(x, make({9, 2, 3, 4, 5, 6}, {2, 3})); }
  expect_values(v, {9, 2, 3, 4, 5, 6});
  expect_values(tr, {9, 4, 2, 5, 3, 6});
}

TEST(Movement, ViewRulesAndMessages) {
  Tensor x = make({1, 2, 3, 4, 5, 6}, {2, 3});
  EXPECT_EQ(view(x, {-1}).shape(), (Shape{6}));
  EXPECT_EQ(view(x, {3, -1}).shape(), (Shape{3, 2}));
  expect_error([&] { view(x, {7}); }, "shape '[7]' is invalid for input of size 6");
  expect_error([&] { view(x, {-1, -1}); }, "only one dimension can be inferred");
  Tensor tr = transpose(x, 0, 1);
  expect_error([&] { view(tr, {6}); }, "view size is not compatible with input tensor's size and stride");
  Tensor r = reshape(tr, {6});
  expect_values(r, {1, 4, 2, 5, 3, 6});
  EXPECT_NE(r.raw_ptr(), x.raw_ptr());
  // Splitting a dim of a transposed tensor is still a view.
  EXPECT_EQ(view(transpose(make({0, 1, 2, 3, 4, 5, 6, 7}, {2, 4}), 0, 1), {2, 2, 2}).shape(), (Shape{2, 2, 2}));
  expect_error([&] { transpose(x, 0, 5); }, "Dimension out of range (expected to be in range of [-2, 1], but got 5)");
}

TEST(Movement, ShapeOps) {
  Tensor x = make({1, 2, 3, 4, 5, 6}, {1, 2, 3});
  EXPECT_EQ(squeeze(x).shape(), (Shape{2, 3}));
  EXPECT_EQ(squeeze(x, 1).shape(), (Shape{1, 2, 3}));
  EXPECT_EQ(unsqueeze(x, -1).shape(), (Shape{1, 2, 3, 1}));
  EXPECT_EQ(permute(x, {2, 0, 1}).shape(), (Shape{3, 1, 2}));
  expect_values(permute(x, {2, 0, 1}), {1, 4, 2, 5, 3, 6});
  EXPECT_EQ(flatten(x).shape(), (Shape{6}));
  EXPECT_EQ(flatten(x, 1).shape(), (Shape{1, 6}));
  EXPECT_EQ(expand(make({1, 2}, {2, 1}), {2, 3}).shape(), (Shape{2, 3}));
  expect_values(expand(make({1, 2}, {2, 1}), {-1, 3}), {1, 1, 1, 2, 2, 2});
  expect_error([&] { expand(make({1, 2}, {2}), {3}); },
               "The expanded size of the tensor (3) must match the existing size (2) at non-singleton dimension 0");
  EXPECT_EQ(t(make({1, 2, 3, 4, 5, 6}, {2, 3})).shape(), (Shape{3, 2}));
}

// PyTorch 1.13's inferExpandGeometry checks right to left (a 0-d tensor's sizes
// are taken as given), then the element count refuses what a negative size
// overflows; what it would let through (a 0 first) is refused as a factory would.
TEST(Movement, ExpandChecksSizesInPyTorchsOrder) {
  const Tensor x = make({1, 2}, {2});
  expect_error([&] { expand(x, {-2, 2}); }, "numel: integer multiplication overflow");
  expect_error([&] { expand(x, {5, 3, -2, 2}); }, "numel: integer multiplication overflow");
  expect_error([&] { expand(make({1}, {1}), {-2}); }, "numel: integer multiplication overflow");
  expect_error([&] { expand(x, {-1, 2}); },
               "The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension 0");
  expect_error([&] { expand(x, {-3, -1, 2}); },
               "The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension 1");
  expect_error([&] { expand(x, {2, -2}); },
               "The expanded size of the tensor (-2) must match the existing size (2) at non-singleton dimension 1.  "
               "Target sizes: [2, -2].  Tensor sizes: [2]");
  expect_error([&] { expand(zeros({3, 4, 3, 4}), {-1, -1, 6, 3, 4}); },
               "The expanded size of the tensor (6) must match the existing size (4) at non-singleton dimension 2.");
  expect_error([&] { expand(zeros({2, 0, 2}), {0, -2, 0, 0}); },
               "The expanded size of the tensor (0) must match the existing size (2) at non-singleton dimension 3.");
  const Tensor s = make({1.5}, {});
  expect_error([&] { expand(s, {-1, 5}); }, "numel: integer multiplication overflow");
  expect_values(expand(s, {2, 1}), {1.5, 1.5});
  expect_error([&] { expand(x, {-2, 0, 2}); }, "Trying to create tensor with negative dimension -2: [-2, 0, 2]");
  EXPECT_EQ(expand(x, {0, 2}).shape(), (Shape{0, 2}));
}

// aten's infer_size_impl: a -1 next to a 0 fits an empty input in any size.
TEST(Movement, InferringASizeOfAnEmptyTensor) {
  const Tensor e = zeros({0, 3});
  expect_error([&] { view(e, {0, -1}); },
               "cannot reshape tensor of 0 elements into shape [0, -1] because the unspecified dimension size -1 "
               "can be any value and is ambiguous");
  expect_error([&] { reshape(e, {-1, 0}); }, "cannot reshape tensor of 0 elements into shape [-1, 0]");
  expect_error([&] { view(e, {-1, -1}); }, "only one dimension can be inferred");
  expect_error([&] { view(zeros({6}), {0, -1}); }, "shape '[0, -1]' is invalid for input of size 6");
  EXPECT_EQ(view(e, {-1}).shape(), (Shape{0}));
  EXPECT_EQ(view(e, {5, -1}).shape(), (Shape{5, 0}));
}

TEST(Movement, Gradients) {
  using Fn = std::function<Tensor(const Tensor&)>;
  const std::vector<std::pair<const char*, Fn>> ops = {
      {"view", [](const Tensor& a) { return view(a, {3, 4}); }},
      {"reshape_transposed", [](const Tensor& a) { return reshape(transpose(a, 0, 2), {-1}); }},
      {"flatten", [](const Tensor& a) { return flatten(a, 1); }},
      {"transpose", [](const Tensor& a) { return transpose(a, 0, 1); }},
      {"permute", [](const Tensor& a) { return permute(a, {1, 2, 0}); }},
      {"squeeze", [](const Tensor& a) { return squeeze(unsqueeze(a, 1)); }},
      {"unsqueeze", [](const Tensor& a) { return unsqueeze(a, -1); }},
      {"expand", [](const Tensor& a) { return expand(unsqueeze(a, 0), {3, 2, 3, 2}); }},
      {"t", [](const Tensor& a) { return t(view(a, {2, 6})); }},
      {"clone", [](const Tensor& a) { return clone(a); }},
      {"contiguous", [](const Tensor& a) { return contiguous(transpose(a, 1, 2)); }},
      {"to_float_and_back", [](const Tensor& a) { return to(to(a, DType::Float32), DType::Float64); }},
  };
  for (const auto& [name, fn] : ops) {
    SCOPED_TRACE(name);
    Tensor x = sample({2, 3, 2});
    // A float32 round trip needs a larger step and tolerance.
    const bool lossy = std::string(name) == "to_float_and_back";
    EXPECT_NO_THROW(autograd::gradcheck([&](const variable_list& in) { return variable_list{mul(fn(in[0]), fn(in[0]))}; },
                                        {x}, lossy ? 1e-3 : 1e-6, lossy ? 1e-2 : 1e-5, lossy ? 1e-2 : 1e-3));
  }
}

TEST(Movement, ToConvertsAndCastsGradientBack) {
  Tensor x = make({1.5, -2.5}, {2}, DType::Float64, true);
  Tensor f = to(x, DType::Float32);
  EXPECT_EQ(f.dtype(), DType::Float32);
  EXPECT_EQ(f.grad_fn()->name(), "ToCopyBackward0");
  autograd::backward({sum(mul(f, f))}, {}, false, false);
  EXPECT_EQ(x.grad().dtype(), DType::Float64);
  expect_values(x.grad(), {3, -5});
  Tensor i = to(x, DType::Int64);
  EXPECT_FALSE(i.requires_grad());
  expect_values(i, {1, -2});
  expect_values(to(make({0, 2, -1}, {3}), DType::Bool), {0, 1, 1});
}

// Elementwise results and clones are laid out as PyTorch's TensorIterator lays them
// out (strides from PyTorch 1.13): a permuted input gives a permuted result, the first
// operand that tells the dims apart decides, a contiguous one keeps it contiguous.
TEST(Movement, ElementwiseResultsKeepTheInputsLayout) {
  const Tensor y = transpose(reshape(arange(0, 12, 1), {3, 4}), 0, 1);  // (4, 3), strides (1, 4)
  const Tensor c = ones({4, 3});
  EXPECT_EQ(exp(y).strides(), (Shape{1, 4}));
  EXPECT_EQ(add(y, c).strides(), (Shape{1, 4}));
  EXPECT_EQ(add(c, y).strides(), (Shape{3, 1}));
  EXPECT_EQ(add(y, ones({3})).strides(), (Shape{1, 4}));
  EXPECT_EQ(add(ones({3}), y).strides(), (Shape{1, 4}));
  EXPECT_EQ(mul(y, 2.0).strides(), (Shape{1, 4}));
  EXPECT_EQ(gt(y, c).strides(), (Shape{1, 4}));
  EXPECT_EQ(to(y, DType::Float64).strides(), (Shape{1, 4}));
  EXPECT_EQ(where(gt(y, c), y, c).strides(), (Shape{1, 4}));
  EXPECT_EQ(where(gt(c, y), c, y).strides(), (Shape{3, 1}));
  expect_values(where(gt(y, c), y, c), {1, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11});
  EXPECT_EQ(clone(y).strides(), (Shape{1, 4}));
  EXPECT_EQ(contiguous(y).strides(), (Shape{3, 1}));
  expect_values(exp(y), test::values_of(exp(contiguous(y))));
  // Not dense: dense in the input's order of dims.
  const Tensor x = slice(transpose(reshape(arange(0, 24, 1), {4, 6}), 0, 1), 0, 0, 6, 2);  // (3, 4), strides (2, 6)
  EXPECT_EQ(exp(x).strides(), (Shape{1, 3}));
  EXPECT_EQ(clone(x).strides(), (Shape{1, 3}));
  expect_values(clone(x), {0, 6, 12, 18, 2, 8, 14, 20, 4, 10, 16, 22});
  // So a reshape of such a result copies (UnsafeViewBackward0), view refuses it, and
  // an in-place random fill draws in its memory order.
  const Tensor g = exp(transpose(make({1, 2, 3, 4, 5, 6}, {2, 3}, DType::Float32, true), 0, 1));
  EXPECT_EQ(reshape(g, {6}).grad_fn()->name(), "UnsafeViewBackward0");
  expect_error([&] { view(g, {6}); }, "view size is not compatible with input tensor's size and stride");
  random::manual_seed(148);
  const Tensor flat = normal_(zeros({4}, DType::Float64), 0, 1);
  random::manual_seed(148);
  const Tensor permuted = normal_(exp(transpose(zeros({2, 2}, DType::Float64), 0, 1)), 0, 1);
  const auto f = test::values_of(flat);
  expect_values(permuted, {f[0], f[2], f[1], f[3]});
}

// A reshape that copies is PyTorch's _unsafe_view of the copy: not a view, so an in-place
// op on it is an ordinary node (SubBackward0), not AsStridedBackward0 (live run s90004-905).
TEST(Movement, ReshapeThatCopiesIsNoView) {
  const Tensor x = make({1, 2, 3, 4, 5, 6}, {3, 1, 2}, DType::Float32, true);
  const Tensor r = reshape(permute(x, {2, 0, 1}), {6, 1});
  EXPECT_EQ(r.grad_fn()->name(), "UnsafeViewBackward0");
  sub_(r, -2.0);
  EXPECT_EQ(r.grad_fn()->name(), "SubBackward0");
  autograd::backward({sum(mul(r, r))}, {}, false, false);
  expect_values(x.grad(), {6, 8, 10, 12, 14, 16});
  expect_values(x, {1, 2, 3, 4, 5, 6});
}

// PyTorch's reshape is _reshape_alias whenever the result can be a view
// (flatten too, and reshape to the same shape); only a copy is UnsafeView.
TEST(Movement, ReshapeWithoutACopyIsReshapeAlias) {
  Tensor x = make({1, 2, 3, 4}, {2, 2}, DType::Float32, true);
  EXPECT_EQ(reshape(x, {4}).grad_fn()->name(), "ReshapeAliasBackward0");
  EXPECT_EQ(reshape(x, {2, 2}).grad_fn()->name(), "ReshapeAliasBackward0");
  EXPECT_EQ(flatten(x, 0, -1).grad_fn()->name(), "ReshapeAliasBackward0");
  EXPECT_EQ(reshape(t(x), {4}).grad_fn()->name(), "UnsafeViewBackward0");
  EXPECT_EQ(view(x, {4}).grad_fn()->name(), "ViewBackward0");
  Tensor s = make({2}, {}, DType::Float32, true);
  EXPECT_EQ(flatten(s, 0, -1).grad_fn()->name(), "ReshapeAliasBackward0");
  autograd::backward({sum(mul(reshape(x, {4}), make({1, 2, 3, 4}, {4})))}, {}, false, false);
  expect_values(x.grad(), {1, 2, 3, 4});
}

// A 0-d tensor has dims -1 and 0 only: flatten checks both ends, start first.
TEST(Movement, FlattenOfAScalarChecksItsDims) {
  Tensor s = make({2}, {});
  EXPECT_EQ(flatten(s, -1, 0).shape(), (Shape{1}));
  expect_error([&] { flatten(s, 2, -1); }, "Dimension out of range (expected to be in range of [-1, 0], but got 2)");
  expect_error([&] { flatten(s, -2, 4); }, "Dimension out of range (expected to be in range of [-1, 0], but got -2)");
  expect_error([&] { flatten(s, 0, 1); }, "Dimension out of range (expected to be in range of [-1, 0], but got 1)");
}

// A cast keeps its input's layout as PyTorch's to() does: the strides
// themselves when dense, else dense strides in the input's order of dims. So a
// view that PyTorch refuses on the cast is refused here too.
TEST(Movement, ToKeepsTheInputsLayout) {
  Tensor b = make({1, 0, 1, 0, 1, 1}, {2, 3}, DType::Bool);
  Tensor f = to(t(b), DType::Float32);
  EXPECT_EQ(f.strides(), (Shape{1, 3}));
  expect_values(f, {1, 0, 0, 1, 1, 1});
  expect_error([&] { view(f, {1, 1, -1}); }, "view size is not compatible with input tensor's size and stride");
  EXPECT_EQ(to(transpose(Tensor::empty({2, 1, 3}), 0, 2), DType::Float64).strides(), (Shape{1, 3, 3}));
  Tensor gaps = slice(permute(make(std::vector<double>(24, 1), {2, 3, 4}), {2, 0, 1}), 0, 0, 4, 2);
  EXPECT_EQ(to(gaps, DType::Float64).strides(), (Shape{1, 6, 2}));
  EXPECT_EQ(to(expand(make({1, 2, 3}, {3}), {2, 3}), DType::Float64).strides(), (Shape{3, 1}));
  EXPECT_EQ(to(make({1, 2, 3, 4}, {2, 2}), DType::Int64).strides(), (Shape{2, 1}));
}

// squeeze's gradient unsqueezes the size-1 dims back one by one, as PyTorch's unsqueeze_to, and
// is the incoming gradient itself when squeeze(dim) removed nothing (s100000-635; from PyTorch).
TEST(Movement, SqueezeGradientNodesAsPyTorch) {
  const Tensor x = test::sample({2, 1, 3, 1});
  const auto first_nodes = [&](const std::function<Tensor(const Tensor&)>& f) {
    const Tensor y = exp(f(x));
    const Tensor g = autograd::grad({y}, {x}, {ones(y.shape(), y.dtype())}, true, true, false)[0];
    std::vector<std::string> names;
    // Down the first input that has a node, as the chains printed from PyTorch.
    for (auto fn = g.grad_fn(); fn && names.size() < 3;) {
      names.push_back(fn->name());
      std::shared_ptr<Node> next;
      for (const auto& e : fn->next_edges())
        if (!next && e.valid()) next = e.fn;
      fn = next;
    }
    return names;
  };
  using Names = std::vector<std::string>;
  EXPECT_EQ(first_nodes([](const Tensor& t) { return squeeze(t); }),
            (Names{"UnsqueezeBackward0", "UnsqueezeBackward0", "MulBackward0"}));
  EXPECT_EQ(first_nodes([](const Tensor& t) { return squeeze(t, 1); }),
            (Names{"UnsqueezeBackward0", "MulBackward0", "ExpBackward0"}));
  EXPECT_EQ(first_nodes([](const Tensor& t) { return squeeze(t, 0); }),
            (Names{"MulBackward0", "ExpBackward0", "SqueezeBackward1"}));
}

// full_like / zeros_like / ones_like keep a permuted input's layout, as PyTorch's
// preserve_format: flatten of the result then copies, and writing the copy leaves it (s106008-279).
TEST(Movement, LikeOpsKeepTheLayout) {
  const Tensor x = transpose(test::sample({3, 4}, 1, false), 0, 1);
  for (const Tensor& made : {full_like(x, 2.5), zeros_like(x), ones_like(x)}) {
    EXPECT_EQ(made.strides(), x.strides());
    const Tensor flat = flatten(made);
    uniform_(flat, -1, 1);
    EXPECT_EQ(test::values_of(made), std::vector<double>(12, test::values_of(made)[0]));
  }
  EXPECT_TRUE(full_like(test::sample({3, 4}), 1.0).is_contiguous());
}

// rand_like/randn_like keep a permuted input's layout and draw in its memory order; randn_like's
// result is not contiguous, so PyTorch draws it value by value, not by its blocks of 16. Values
// from PyTorch 1.13: torch.manual_seed(3); a = torch.empty(5, 4).t(); rand_like(a), randn_like(a).
TEST(Movement, RandomLikeOpsDrawInTheLayoutsMemoryOrder) {
  random::manual_seed(3);
  const Tensor x = transpose(Tensor::empty({5, 4}, DType::Float32), 0, 1);
  const Tensor r = rand_like(x);
  const Tensor n = randn_like(x);
  EXPECT_EQ(r.strides(), x.strides());
  EXPECT_EQ(n.strides(), x.strides());
  test::expect_values(r, {0.00426352024, 0.471614361, 0.594421208, 0.149840891, 0.175605237, 0.105569363,
                          0.060116291,   0.887856662, 0.401468813, 0.949182868, 0.285842478, 0.771865845,
                          0.451031327,   0.0541769266, 0.847318649, 0.0269548297, 0.743699372, 0.799490631,
                          0.459405243,   0.874856234}, 1e-8);
  test::expect_values(n, {0.522049963, 0.419218659, 0.495189011, 0.747696638, -1.18373322, 1.23791671,
                          -0.0798543245, -0.164316982, 0.23891741, 0.534360707, -0.864635587, 0.926410854,
                          -0.677962184, -0.392150223, -1.45102274, 0.298960835, 0.815677524, -1.05910742,
                          0.151914895, -0.629374027}, 1e-7);
}

}  // namespace
}  // namespace gradlab
