// Matrix products: values against hand-computed results, matmul's 1-D/2-D/
// batched dispatch with broadcasting, gradients and double backward against
// finite differences, non-contiguous operands, node names and PyTorch's messages.
#include <map>
#include <string>

#include "test_util.h"

namespace gradlab {
namespace {

using test::expect_error;
using test::expect_values;
using test::make;
using test::sample;

// Row-major product of a [n, m] and b [m, p] given as flat vectors.
std::vector<double> naive(const std::vector<double>& a, const std::vector<double>& b, int64_t n, int64_t m, int64_t p) {
  std::vector<double> c(n * p, 0.0);
  for (int64_t i = 0; i < n; ++i)
    for (int64_t j = 0; j < p; ++j)
      for (int64_t k = 0; k < m; ++k) c[i * p + j] += a[i * m + k] * b[k * p + j];
  return c;
}

TEST(Linalg, ValuesOfEachProduct) {
  const Tensor a = make({1, 2, 3, 4, 5, 6}, {2, 3});
  const Tensor b = make({7, 8, 9, 10, 11, 12}, {3, 2});
  expect_values(mm(a, b), {58, 64, 139, 154});
  expect_values(matmul(a, b), {58, 64, 139, 154});
  const Tensor v = make({1, 0, -1}, {3});
  expect_values(mv(a, v), {-2, -2});
  expect_values(matmul(a, v), {-2, -2});
  expect_values(dot(v, make({3, 4, 5}, {3})), {-2});
  EXPECT_EQ(matmul(v, v).dim(), 0);
  expect_values(matmul(make({1, -1}, {2}), a), {-3, -3, -3});
  expect_values(outer(make({1, 2}, {2}), v), {1, 0, -1, 2, 0, -2});
  const Tensor ab = make({1, 2, 3, 4, 5, 6, 7, 8}, {2, 2, 2});
  expect_values(bmm(ab, ab), {7, 10, 15, 22, 67, 78, 91, 106});
  // Integers multiply exactly and stay int64.
  const Tensor i = make({1, 2, 3, 4}, {2, 2}, DType::Int64);
  EXPECT_EQ(mm(i, i).dtype(), DType::Int64);
  expect_values(mm(i, i), {7, 10, 15, 22});
  // An empty inner dim gives zeros; an empty outer dim gives an empty result.
  expect_values(mm(zeros({2, 0}), zeros({0, 3})), {0, 0, 0, 0, 0, 0});
  EXPECT_EQ(mm(zeros({0, 2}), zeros({2, 3})).shape(), (Shape{0, 3}));
  expect_values(matmul(zeros({0}), zeros({0})), {0});
}

TEST(Linalg, MatmulShapesAndBroadcasting) {
  const std::vector<std::tuple<Shape, Shape, Shape>> cases = {
      {{3}, {3}, {}},           {{2, 3}, {3}, {2}},          {{3}, {3, 2}, {2}},
      {{2, 3}, {3, 2}, {2, 2}}, {{4, 2, 3}, {4, 3, 2}, {4, 2, 2}}, {{4, 2, 3}, {3, 2}, {4, 2, 2}},
      {{2, 3}, {4, 3, 2}, {4, 2, 2}}, {{4, 2, 3}, {3}, {4, 2}}, {{3}, {4, 3, 2}, {4, 2}},
      {{2, 1, 3, 4}, {5, 4, 2}, {2, 5, 3, 2}}, {{1, 2, 3}, {4, 1, 3, 5}, {4, 1, 2, 5}}};
  for (const auto& [sa, sb, expected] : cases) {
    SCOPED_TRACE(shape_str(sa) + " @ " + shape_str(sb));
    const Tensor a = sample(sa, 1, false), b = sample(sb, 2, false);
    const Tensor out = matmul(a, b);
    EXPECT_EQ(out.shape(), expected);
    // Compare every matrix of the result with the naive product of the broadcast operands.
    const Tensor a2 = sa.size() == 1 ? unsqueeze(a, 0) : a, b2 = sb.size() == 1 ? unsqueeze(b, -1) : b;
    Shape batch = broadcast_shapes(Shape(a2.shape().begin(), a2.shape().end() - 2),
                                   Shape(b2.shape().begin(), b2.shape().end() - 2));
    const int64_t n = a2.shape()[a2.dim() - 2], m = a2.shape()[a2.dim() - 1], p = b2.shape()[b2.dim() - 1];
    Shape ea = batch, eb = batch;
    ea.insert(ea.end(), {n, m});
    eb.insert(eb.end(), {m, p});
    const auto va = test::values_of(expand(a2, ea)), vb = test::values_of(expand(b2, eb));
    std::vector<double> want;
    for (int64_t k = 0; k < numel_of(batch); ++k) {
      const auto c = naive(std::vector<double>(va.begin() + k * n * m, va.begin() + (k + 1) * n * m),
                           std::vector<double>(vb.begin() + k * m * p, vb.begin() + (k + 1) * m * p), n, m, p);
      want.insert(want.end(), c.begin(), c.end());
    }
    expect_values(out, want, 1e-12);
  }
}

// b[:3, 1] of a [5, 3] tensor: a vector with stride 3.
Tensor v3_of(const Tensor& b) { return make_view(b, {3}, {3}, 1); }

TEST(Linalg, NonContiguousOperands) {
  // Transposed, strided and expanded views give the same product as their contiguous copies.
  const Tensor a = sample({3, 4}, 1, false), b = sample({5, 3}, 2, false);
  const Tensor at = transpose(a, 0, 1), bt = transpose(b, 0, 1);
  expect_values(mm(at, bt), test::values_of(mm(contiguous(at), contiguous(bt))), 1e-12);
  const Tensor wide = sample({4, 6}, 3, false);
  const Tensor stepped = make_view(wide, {4, 3}, {6, 2}, 1);  // wide[:, 1::2]
  expect_values(mm(stepped, a), test::values_of(mm(contiguous(stepped), a)), 1e-12);
  const Tensor e = expand(sample({1, 3}, 4, false), {2, 3});
  expect_values(mm(e, a), test::values_of(mm(contiguous(e), a)), 1e-12);
  const Tensor batch = permute(sample({3, 2, 4}, 5, false), {1, 2, 0});
  expect_values(matmul(batch, a), test::values_of(matmul(contiguous(batch), a)), 1e-12);
  const Tensor column = make_view(a, {3}, {4}, 2);  // a[:, 2]
  expect_values(dot(column, v3_of(b)), test::values_of(dot(contiguous(column), contiguous(v3_of(b)))), 1e-12);
}

TEST(Linalg, Float32MatchesFloat64) {
  const Tensor a = sample({7, 5}, 1, false), b = sample({5, 6}, 2, false);
  expect_values(mm(to(a, DType::Float32), to(b, DType::Float32)), test::values_of(mm(a, b)), 1e-5);
}

using Product = std::function<Tensor(const Tensor&, const Tensor&)>;

TEST(Linalg, GradientsMatchFiniteDifferences) {
  const std::vector<std::tuple<const char*, Product, Shape, Shape>> cases = {
      {"mm", [](const Tensor& a, const Tensor& b) { return mm(a, b); }, {2, 3}, {3, 4}},
      {"bmm", [](const Tensor& a, const Tensor& b) { return bmm(a, b); }, {2, 2, 3}, {2, 3, 2}},
      {"mv", [](const Tensor& a, const Tensor& b) { return mv(a, b); }, {2, 3}, {3}},
      {"dot", [](const Tensor& a, const Tensor& b) { return dot(a, b); }, {4}, {4}},
      {"outer", [](const Tensor& a, const Tensor& b) { return outer(a, b); }, {3}, {2}},
  };
  for (const auto& [name, fn, sa, sb] : cases) {
    SCOPED_TRACE(name);
    Tensor a = sample(sa, 1), b = sample(sb, 2);
    EXPECT_NO_THROW(autograd::gradcheck([&](const variable_list& in) { return variable_list{fn(in[0], in[1])}; }, {a, b}));
  }
  const std::vector<std::pair<Shape, Shape>> shapes = {
      {{3}, {3}},          {{2, 3}, {3}},          {{3}, {3, 2}},           {{2, 3}, {3, 2}},
      {{2, 2, 3}, {2, 3, 2}}, {{2, 2, 3}, {3, 2}}, {{2, 3}, {2, 3, 2}},     {{2, 2, 3}, {3}},
      {{3}, {2, 3, 2}},    {{2, 1, 2, 3}, {3, 3, 2}}, {{1, 2, 3}, {2, 1, 3, 2}}};
  for (const auto& [sa, sb] : shapes) {
    SCOPED_TRACE("matmul " + shape_str(sa) + " @ " + shape_str(sb));
    Tensor a = sample(sa, 3), b = sample(sb, 4);
    EXPECT_NO_THROW(autograd::gradcheck([](const variable_list& in) { return variable_list{matmul(in[0], in[1])}; }, {a, b}));
  }
}

TEST(Linalg, GradientsOfTransposedOperands) {
  Tensor a = sample({3, 2}, 1), b = sample({4, 3}, 2);
  EXPECT_NO_THROW(autograd::gradcheck(
      [](const variable_list& in) { return variable_list{matmul(transpose(in[0], 0, 1), transpose(in[1], 0, 1))}; },
      {a, b}));
  Tensor c = sample({3, 2, 2}, 3), d = sample({3, 2}, 4);
  EXPECT_NO_THROW(autograd::gradcheck(
      [](const variable_list& in) { return variable_list{matmul(transpose(in[0], 0, 2), in[1])}; }, {c, d}));
}

TEST(Linalg, DoubleBackward) {
  const std::vector<std::pair<Shape, Shape>> shapes = {
      {{3}, {3}}, {{2, 3}, {3}}, {{3}, {3, 2}}, {{2, 3}, {3, 2}}, {{2, 2, 3}, {2, 3, 2}}, {{2, 1, 2, 3}, {3, 3, 2}},
      {{2, 2, 3}, {3}}, {{2, 3}, {2, 3, 2}}};
  for (const auto& [sa, sb] : shapes) {
    SCOPED_TRACE(shape_str(sa) + " @ " + shape_str(sb));
    Tensor a = sample(sa, 5), b = sample(sb, 6);
    // The gradient of sum((a @ b)^2) is itself a product of a and b; check its derivatives.
    auto grads = [](const variable_list& in) {
      const Tensor y = matmul(in[0], in[1]);
      return autograd::grad({sum(mul(y, y))}, {in[0], in[1]}, {}, /*retain_graph=*/true, true, false);
    };
    EXPECT_NO_THROW(autograd::gradcheck(grads, {a, b}));
  }
}

TEST(Linalg, NodeNames) {
  const Tensor m = sample({2, 3}, 1), n = sample({3, 2}, 2), v = sample({3}, 3);
  EXPECT_EQ(matmul(m, n).grad_fn()->name(), "MmBackward0");
  EXPECT_EQ(matmul(m, v).grad_fn()->name(), "MvBackward0");
  EXPECT_EQ(matmul(v, v).grad_fn()->name(), "DotBackward0");
  EXPECT_EQ(bmm(sample({2, 2, 3}, 1), sample({2, 3, 2}, 2)).grad_fn()->name(), "BmmBackward0");
  // bmm's gradients are bmm's, as PyTorch's formulas (live run s92009-667, item 69).
  const Tensor ba = sample({2, 2, 3}, 1), bb = sample({2, 3, 2}, 2);
  const auto bg = autograd::grad({sum(bmm(ba, bb))}, {ba, bb}, {}, true, true, false);
  EXPECT_EQ(bg[0].grad_fn()->name(), "BmmBackward0");
  EXPECT_EQ(bg[1].grad_fn()->name(), "BmmBackward0");
  EXPECT_EQ(outer(v, v).grad_fn()->name(), "MulBackward0");
  EXPECT_EQ(outer(v, v).grad_fn()->next_edges()[0].fn->name(), "ReshapeAliasBackward0");
  // As PyTorch's outer (a reshape): a gradient with create_graph ends in ReshapeAliasBackward0.
  const Tensor w = sample({2}, 4);
  EXPECT_EQ(autograd::grad({outer(v, w)}, {v}, {ones({3, 2})}, true, true, false)[0].grad_fn()->name(),
            "ReshapeAliasBackward0");
  const Tensor plain = sample({2, 3}, 1, false);
  EXPECT_FALSE(matmul(plain, sample({3, 2}, 2, false)).requires_grad());
}

TEST(Linalg, ErrorMessages) {
  const Tensor m23 = sample({2, 3}, 1, false), v3 = sample({3}, 2, false), v2 = sample({2}, 3, false);
  expect_error([&] { mm(m23, m23); }, "mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)");
  expect_error([&] { mm(v3, m23); }, "self must be a matrix");
  expect_error([&] { mm(m23, v3); }, "mat2 must be a matrix");
  expect_error([&] { mm(m23, to(transpose(m23, 0, 1), DType::Float32)); },
               "expected scalar type Double but found Float");
  expect_error([&] { mm(to(m23, DType::Float32), transpose(m23, 0, 1)); },
               "expected scalar type Float but found Double");
  expect_error([&] { mm(to(m23, DType::Bool), to(transpose(m23, 0, 1), DType::Bool)); },
               "\"addmm_impl_cpu_\" not implemented for 'Bool'");
  expect_error([&] { bmm(m23, m23); }, "batch1 must be a 3D tensor");
  expect_error([&] { bmm(zeros({4, 2, 3}), zeros({4, 2, 3})); },
               "Expected size for first two dimensions of batch2 tensor to be: [4, 3] but got: [4, 2].");
  expect_error([&] { bmm(zeros({4, 2, 3}), zeros({5, 3, 2})); },
               "Expected size for first two dimensions of batch2 tensor to be: [4, 3] but got: [5, 3].");
  expect_error([&] { mv(m23, v2); }, "size mismatch, got 2, 2x3,2");
  expect_error([&] { mv(v3, v3); }, "vector + matrix @ vector expected, got 1, 1, 1");
  expect_error([&] { dot(v3, v2); },
               "inconsistent tensor size, expected tensor [3] and src [2] to have the same number of elements, but "
               "got 3 and 2 elements respectively");
  expect_error([&] { dot(m23, v3); }, "1D tensors expected, but got 2D and 1D tensors");
  expect_error([&] { dot(to(v3, DType::Float32), v3); },
               "dot : expected both vectors to have same dtype, but found Float and Double");
  expect_error([&] { outer(m23, v3); }, "outer: Expected 1-D argument self, but got 2-D");
  expect_error([&] { matmul(scalar_tensor(2, DType::Float64), v3); },
               "both arguments to matmul need to be at least 1D, but they are 0D and 1D");
  expect_error([&] { matmul(v3, v2); }, "inconsistent tensor size, expected tensor [3] and src [2]");
  expect_error([&] { matmul(m23, v2); }, "size mismatch, got 2, 2x3,2");
  expect_error([&] { matmul(v3, m23); }, "mat1 and mat2 shapes cannot be multiplied (1x3 and 2x3)");
  expect_error([&] { matmul(zeros({4, 2, 3}), zeros({4, 2, 3})); },
               "Expected size for first two dimensions of batch2 tensor to be: [4, 3] but got: [4, 2].");
  expect_error([&] { matmul(zeros({4, 2, 3}), zeros({5, 3, 2})); },
               "The size of tensor a (4) must match the size of tensor b (5) at non-singleton dimension 0");
  expect_error([&] { matmul(zeros({2, 1, 3, 4}), zeros({5, 3, 2})); },
               "Expected size for first two dimensions of batch2 tensor to be: [10, 4] but got: [10, 3].");
  expect_error([&] { matmul(zeros({2, 1, 3, 4}), zeros({5, 4})); },
               "mat1 and mat2 shapes cannot be multiplied (6x4 and 5x4)");
  expect_error([&] { matmul(zeros({4, 2, 3}), zeros({2})); }, "size mismatch, got 8, 8x3,2");
  expect_error([&] { matmul(zeros({3}), zeros({4, 2, 2})); }, "size mismatch, got 8, 8x2,3");
  expect_error([&] { matmul(zeros({2, 3}), zeros({4, 2, 2})); },
               "mat1 and mat2 shapes cannot be multiplied (8x2 and 3x2)");
  // With a stack on the right only, PyTorch multiplies b^T by a^T: the dtypes are named in that order.
  expect_error([&] { matmul(zeros({3}), zeros({4, 3, 2}, DType::Float64)); },
               "expected scalar type Double but found Float");
  expect_error([&] { matmul(zeros({4, 2, 3}), zeros({3}, DType::Float64)); },
               "expected scalar type Float but found Double");
  expect_error([&] { mm(zeros({2, 2}, DType::Bool), zeros({2, 2})); }, "\"addmm_impl_cpu_\" not implemented for 'Bool'");
  expect_error([&] { matmul(zeros({3}, DType::Bool), zeros({4, 3, 2}, DType::Bool)); },
               "\"addmv_impl_cpu\" not implemented for 'Bool'");
  expect_error([&] { matmul(zeros({4, 2, 3}, DType::Bool), zeros({4, 3, 2}, DType::Bool)); },
               "\"bmm\" not implemented for 'Bool'");
  // Shapes are checked before dtypes.
  expect_error([&] { mm(zeros({2, 3}), zeros({2, 3}, DType::Float64)); },
               "mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)");
  expect_error([&] { mm(zeros({2, 3}, DType::Bool), zeros({2, 3})); },
               "mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)");
  expect_error([&] { mv(zeros({3, 4}), zeros({5}, DType::Float64)); }, "size mismatch, got 3, 3x4,5");
  expect_error([&] { bmm(zeros({2, 2, 3}), zeros({3, 3, 4}, DType::Float64)); },
               "Expected size for first two dimensions of batch2 tensor to be: [2, 3] but got: [3, 3].");
  expect_error([&] { matmul(zeros({2, 2, 3}), zeros({2, 4, 4}, DType::Float64)); },
               "Expected size for first two dimensions of batch2 tensor to be: [2, 3] but got: [2, 4].");
}

// grad_fn and next_functions as PyTorch 1.13 names them, down to the product node:
// "Name(child, child)" with None for an input that needs no gradient.
std::string describe(const std::shared_ptr<Node>& fn, int depth) {
  if (!fn) return "None";
  std::string s = fn->name();
  if (depth == 0 || fn->next_edges().empty()) return s;
  s += "(";
  for (size_t i = 0; i < fn->next_edges().size(); ++i)
    s += (i ? ", " : "") + describe(fn->next_edges()[i].fn, depth - 1);
  return s + ")";
}

TEST(Linalg, MatmulNodesAsPyTorch) {
  const std::map<int, Shape> left = {{1, {3}}, {2, {2, 3}}, {3, {4, 2, 3}}, {4, {5, 4, 2, 3}}};
  const std::map<int, Shape> right = {{1, {3}}, {2, {3, 2}}, {3, {4, 3, 2}}, {4, {5, 4, 3, 2}}};
  // The top two levels of torch.matmul(ones(left), ones(right)).grad_fn in PyTorch 1.13.
  const std::map<std::pair<int, int>, std::string> want = {
      {{1, 1}, "DotBackward0(AccumulateGrad, AccumulateGrad)"},
      {{1, 2}, "SqueezeBackward3(MmBackward0)"},
      {{1, 3}, "UnsafeViewBackward0(MvBackward0)"},
      {{1, 4}, "UnsafeViewBackward0(MvBackward0)"},
      {{2, 1}, "MvBackward0(AccumulateGrad, AccumulateGrad)"},
      {{2, 2}, "MmBackward0(AccumulateGrad, AccumulateGrad)"},
      {{2, 3}, "CloneBackward0(TransposeBackward0)"},
      {{2, 4}, "CloneBackward0(TransposeBackward0)"},
      {{3, 1}, "UnsafeViewBackward0(MvBackward0)"},
      {{3, 2}, "UnsafeViewBackward0(MmBackward0)"},
      {{3, 3}, "UnsafeViewBackward0(BmmBackward0)"},
      {{3, 4}, "UnsafeViewBackward0(BmmBackward0)"},
      {{4, 1}, "UnsafeViewBackward0(MvBackward0)"},
      {{4, 2}, "UnsafeViewBackward0(MmBackward0)"},
      {{4, 3}, "UnsafeViewBackward0(BmmBackward0)"},
      {{4, 4}, "UnsafeViewBackward0(BmmBackward0)"},
  };
  for (const auto& [dims, expected] : want) {
    SCOPED_TRACE(std::to_string(dims.first) + "-D @ " + std::to_string(dims.second) + "-D");
    const Tensor a = sample(left.at(dims.first), 1), b = sample(right.at(dims.second), 2);
    EXPECT_EQ(describe(matmul(a, b).grad_fn(), 1), expected);
  }
  // 2-D @ 3-D: the transposed product of an unsafe view, as PyTorch.
  EXPECT_EQ(describe(matmul(sample({2, 3}, 1), sample({4, 3, 2}, 2)).grad_fn(), 3),
            "CloneBackward0(TransposeBackward0(UnsafeViewBackward0(MmBackward0)))");
  // In place on a batched product is plain in place (the unsafe view is no view).
  Tensor y = matmul(sample({4, 2, 3}, 1), sample({3, 2}, 2));
  add_(y, 1.0);
  EXPECT_EQ(y.grad_fn()->name(), "AddBackward0");
}

TEST(Linalg, LinearNodesAsPyTorch) {
  const Tensor w = sample({4, 3}, 1), bias = sample({4}, 2);
  EXPECT_EQ(describe(linear(sample({2, 3}, 3), w, bias).grad_fn(), 2),
            "AddmmBackward0(AccumulateGrad, AccumulateGrad, TBackward0(AccumulateGrad))");
  EXPECT_EQ(describe(linear(sample({2, 3}, 3, false), w, bias).grad_fn(), 2),
            "AddmmBackward0(AccumulateGrad, None, TBackward0(AccumulateGrad))");
  EXPECT_EQ(describe(linear(sample({2, 3}, 3), w, Tensor()).grad_fn(), 2),
            "MmBackward0(AccumulateGrad, TBackward0(AccumulateGrad))");
  EXPECT_EQ(describe(linear(sample({5, 2, 3}, 3), w, bias).grad_fn(), 3),
            "ViewBackward0(AddmmBackward0(AccumulateGrad, ViewBackward0(AccumulateGrad), TBackward0(AccumulateGrad)))");
  EXPECT_EQ(describe(linear(sample({5, 2, 3}, 3), w, Tensor()).grad_fn(), 1), "UnsafeViewBackward0(MmBackward0)");
  EXPECT_EQ(describe(linear(sample({6, 5, 2, 3}, 3), w, bias).grad_fn(), 2),
            "AddBackward0(UnsafeViewBackward0(MmBackward0), AccumulateGrad)");
  EXPECT_EQ(describe(linear(transpose(sample({2, 5, 3}, 3), 0, 1), w, bias).grad_fn(), 1),
            "AddBackward0(UnsafeViewBackward0, AccumulateGrad)");
  EXPECT_EQ(describe(linear(sample({3}, 3), w, bias).grad_fn(), 2),
            "AddBackward0(SqueezeBackward3(MmBackward0), AccumulateGrad)");
  // Without addmm the bias is added in place: the product's dtype wins, a bigger bias is refused.
  EXPECT_EQ(linear(ones({3}), ones({4, 3}), ones({4}, DType::Float64)).dtype(), DType::Float32);
  EXPECT_EQ(linear(ones({6, 5, 2, 3}), ones({4, 3}), ones({4}, DType::Float64)).dtype(), DType::Float32);
  expect_error([&] { linear(ones({3}), ones({4, 3}), ones({2, 4})); },
               "output with shape [4] doesn't match the broadcast shape [2, 4]");
  EXPECT_NO_THROW(autograd::gradcheck([](const variable_list& in) { return variable_list{linear(in[0], in[1], in[2])}; },
                                      {sample({3}, 4), w, bias}));
  EXPECT_NO_THROW(autograd::gradcheck([](const variable_list& in) { return variable_list{linear(in[0], in[1], in[2])}; },
                                      {sample({2, 2, 2, 3}, 4), w, bias}));
  // Gradients are unchanged: finite differences and double backward through addmm, incl. broadcast bias.
  for (const Shape& bias_shape : std::vector<Shape>{{4}, {}, {2, 4}, {1, 4}}) {
    SCOPED_TRACE(shape_str(bias_shape));
    const auto f = [](const variable_list& in) { return variable_list{linear(in[0], in[1], in[2])}; };
    EXPECT_NO_THROW(autograd::gradcheck(f, {sample({2, 3}, 4), w, sample(bias_shape, 5)}));
    const auto g = [](const variable_list& in) {
      const Tensor y = linear(in[0], in[1], in[2]);
      return autograd::grad({sum(mul(y, y))}, in, {}, /*retain_graph=*/true, true, false);
    };
    EXPECT_NO_THROW(autograd::gradcheck(g, {sample({2, 3}, 4), w, sample(bias_shape, 5)}));
  }
  EXPECT_NO_THROW(autograd::gradcheck([](const variable_list& in) { return variable_list{linear(in[0], in[1], in[2])}; },
                                      {sample({5, 2, 3}, 4), w, bias}));
  expect_error([&] { linear(sample({2, 3}, 4), w, sample({5}, 5)); },
               "The expanded size of the tensor (4) must match the existing size (5) at non-singleton dimension 1.  "
               "Target sizes: [2, 4].  Tensor sizes: [5]");
  expect_error([&] { linear(ones({2, 3}), ones({4, 3}, DType::Float64), ones({4}, DType::Float64)); },
               "mat1 and mat2 must have the same dtype");
  expect_error([&] { linear(ones({2, 3}, DType::Bool), ones({4, 3}, DType::Bool), ones({4}, DType::Bool)); },
               "\"addmm_impl_cpu_\" not implemented for 'Bool'");
  EXPECT_EQ(linear(ones({2, 3}, DType::Int64), ones({4, 3}, DType::Int64), ones({4}, DType::Int64)).dtype(), DType::Int64);
}

// A product's node saves each factor only for the other factor's gradient, as PyTorch: with
// only the bias needing a gradient, linear's AddmmBackward0 saved nothing, so a second backward
// is no error (live run s97001-959); a factor nobody reads may change in place.
TEST(Linalg, ProductsSaveOnlyWhatTheOtherGradientReads) {
  const Tensor x = sample({2, 3, 4}, 1, false), w = sample({1, 4}, 2, false);
  const Tensor bias = make({-1.21}, {1}, DType::Float64, true);
  const Tensor y = linear(x, w, bias);
  autograd::backward({y}, {ones(y.shape())}, false, false);
  EXPECT_NO_THROW(autograd::backward({y}, {ones(y.shape())}, false, false));
  expect_values(bias.grad(), {12});
  const std::vector<std::function<Tensor(const Tensor&, const Tensor&)>> products = {
      [](const Tensor& a, const Tensor& b) { return mm(a, b); },
      [](const Tensor& a, const Tensor& b) { return matmul(a, b); },
      [](const Tensor& a, const Tensor& b) { return addmm(zeros({3}, a.dtype()), a, b); },
      [](const Tensor& a, const Tensor& b) { return mv(a, select(b, 1, 0)); },
      [](const Tensor& a, const Tensor& b) { return dot(select(a, 0, 0), select(b, 1, 0)); },
      [](const Tensor& a, const Tensor& b) { return bmm(unsqueeze(a, 0), unsqueeze(b, 0)); },
  };
  for (size_t k = 0; k < products.size(); ++k) {
    SCOPED_TRACE(k);
    Tensor a = mul(sample({2, 4}, 3), 1.0);  // needs a gradient, a non-leaf: may change in place
    const Tensor b = sample({4, 3}, 4, false);
    const Tensor p = products[k](a, b);
    add_(a, 1.0);
    EXPECT_NO_THROW(autograd::backward({sum(p)}, {}, false, false));
  }
}

// A sum of -0 products is +0, as PyTorch's BLAS accumulates from +0 (s99004-163); addmm with a
// -0 bias stays -0, as PyTorch's.
TEST(Linalg, SumsOfNegativeZerosArePositive) {
  const Tensor a = make({-0.0, -1.07}, {2, 1}, DType::Float64), x = make({0.3}, {1}, DType::Float64);
  const auto first_is_negative_zero = [](const Tensor& t) {
    const double v = test::values_of(t)[0];
    return v == 0 && std::signbit(v);
  };
  EXPECT_FALSE(first_is_negative_zero(mv(a, x)));
  expect_values(mv(a, x), {0, -0.321});
  EXPECT_FALSE(first_is_negative_zero(mm(a, view(x, {1, 1}))));
  EXPECT_FALSE(first_is_negative_zero(matmul(a, x)));
  EXPECT_FALSE(first_is_negative_zero(dot(make({-0.0}, {1}), make({0.3}, {1}))));
  EXPECT_FALSE(first_is_negative_zero(bmm(make({-0.0}, {1, 1, 1}), make({2}, {1, 1, 1}))));
  EXPECT_FALSE(first_is_negative_zero(mm(make({-0.0, -0.0}, {1, 2}), make({1, 1}, {2, 1}))));
  EXPECT_TRUE(first_is_negative_zero(addmm(make({-0.0}, {1}), make({-0.0}, {1, 1}), make({2}, {1, 1}))));
}

}  // namespace
}  // namespace gradlab
