// Advanced indexing (index, index_put, nonzero) against PyTorch 1.13's values,
// errors and node names, and gradchecks.
#include "test_util.h"

namespace gradlab {
namespace {

using test::expect_error;
using test::expect_values;
using test::make;

Tensor ints(const std::vector<double>& v, const Shape& shape) { return make(v, shape, DType::Int64); }

TEST(AdvancedIndex, AdjacentIndexedDimsKeepTheirPlaceOthersGoFirst) {
  const Tensor x = to(reshape(arange(0, 24, 1), {2, 3, 4}), DType::Float32);
  const Tensor i = ints({0, 1, 1, 0}, {2, 2}), j = ints({2, -1}, {2});
  const Tensor a = index_tensors(x, {Tensor(), i, j});  // x[:, i, j]
  EXPECT_EQ(a.shape(), (Shape{2, 2, 2}));
  expect_values(a, {2, 7, 6, 3, 14, 19, 18, 15});
  const Tensor b = index_tensors(x, {i, Tensor(), j});  // x[i, :, j]
  EXPECT_EQ(b.shape(), (Shape{2, 2, 3}));
  expect_values(b, {2, 6, 10, 15, 19, 23, 14, 18, 22, 3, 7, 11});
}

TEST(AdvancedIndex, MasksAndNonzero) {
  const Tensor z = to(reshape(arange(0, 6, 1), {2, 3}), DType::Float32);
  expect_values(index_tensors(z, {make({1, 0, 1, 0, 1, 0}, {2, 3}, DType::Bool)}), {0, 2, 4});
  expect_values(index_tensors(z, {make({1, 0}, {2}, DType::Bool)}), {0, 1, 2});
  expect_values(nonzero(gt(z, scalar_tensor(3.0, DType::Float64, true))), {1, 1, 1, 2});
  EXPECT_EQ(nonzero(scalar_tensor(3.0, DType::Float32, false)).shape(), (Shape{1, 0}));
  EXPECT_EQ(nonzero(scalar_tensor(0.0, DType::Float32, false)).shape(), (Shape{0, 0}));
}

TEST(AdvancedIndex, IndexPutWritesOrAdds) {
  const Tensor at = ints({0, 0, 2}, {3});
  expect_values(index_put(zeros({3}), {at}, make({1, 2, 3}, {3}), true), {3, 0, 3});
  expect_values(index_put(zeros({3}), {at}, make({1, 2, 3}, {3}), false), {2, 0, 3});
  const Tensor x = to(reshape(arange(0, 12, 1), {3, 4}), DType::Float32);
  expect_values(index_put(x, {ints({0, 2}, {2})}, scalar_tensor(5.0, DType::Float32, false), false),
                {5, 5, 5, 5, 4, 5, 6, 7, 5, 5, 5, 5});
  Tensor y = clone(x);
  index_put_(y, {ints({0, 2}, {2}), ints({1, 3}, {2})}, make({7, 8}, {2}), false);
  expect_values(y, {0, 7, 2, 3, 4, 5, 6, 7, 8, 9, 10, 8});
  EXPECT_EQ(y.version(), 1);
}

TEST(AdvancedIndex, ErrorsAsPyTorch) {
  const Tensor x = to(reshape(arange(0, 12, 1), {3, 4}), DType::Float32);
  const Tensor i = ints({0, 2}, {2});
  expect_error([&] { index_tensors(x, {ints({5}, {1})}); }, "index 5 is out of bounds for dimension 0 with size 3");
  // The message counts index tensors, not dims (live run s126000-919).
  expect_error([&] { index_tensors(x, {Tensor(), ints({4}, {1})}); }, "index 4 is out of bounds for dimension 0 with size 4");
  expect_error([&] { index_tensors(x, {make({0.5}, {1})}); }, "tensors used as indices must be long, byte or bool tensors");
  expect_error([&] { index_tensors(x, {i, ints({1, 2, 3}, {3})}); },
               "shape mismatch: indexing tensors could not be broadcast together with shapes [2], [3]");
  expect_error([&] { index_tensors(x, {make({1, 1, 1, 1}, {2, 2}, DType::Bool)}); },
               "The shape of the mask [2, 2] at index 0 does not match the shape of the indexed tensor [3, 4] at index 0");
  expect_error([&] { index_tensors(x, {i, i, i}); }, "too many indices for tensor of dimension 2");
  expect_error([&] { index_put(x, {i}, ones({3}), false); },
               "shape mismatch: value tensor of shape [3] cannot be broadcast to indexing result of shape [2, 4]");
  expect_error([&] { index_put(x, {i}, ones({4}, DType::Int64), false); },
               "Index put requires the source and destination dtypes match, got Float for the destination and Long "
               "for the source.");
}

TEST(AdvancedIndex, NodeNamesGradientsAndGradchecks) {
  const Tensor x = make({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, {3, 4}, DType::Float64, true);
  const Tensor i = ints({0, 2, 0}, {3}), j = ints({1, 3, 1}, {3});
  const Tensor y = index_tensors(x, {i, j});
  EXPECT_EQ(y.grad_fn()->name(), "IndexBackward0");
  autograd::backward({sum(y)}, {}, false, false);
  expect_values(x.grad(), {0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});  // a repeated place gets both
  const Tensor r = make({1, 1}, {2}, DType::Float64, true);
  Tensor u = clone(x);
  index_put_(u, {ints({0, 1}, {2}), ints({0, 0}, {2})}, r, true);
  EXPECT_EQ(u.grad_fn()->name(), "IndexPutBackward0");
  const Tensor s = test::sample({3, 4}, 5);
  EXPECT_NO_THROW(autograd::gradcheck([&](const variable_list& in) { return variable_list{index_tensors(in[0], {i, Tensor()})}; }, {s}));
  for (bool acc : {true, false}) {
    EXPECT_NO_THROW(autograd::gradcheck(
        [&](const variable_list& in) { return variable_list{index_put(in[0], {ints({0, 2}, {2})}, in[1], acc)}; },
        {s, test::sample({4}, 6)}));
    EXPECT_NO_THROW(autograd::gradcheck(
        [&](const variable_list& in) {
          const Tensor out = index_put(in[0], {ints({0, 2}, {2}), ints({1, 1}, {2})}, in[1], acc);
          return autograd::grad({sum(mul(pow(index_tensors(out, {i}), 2.0), 1.0))}, {in[0], in[1]}, {}, true, true, false);
        },
        {s, test::sample({2}, 7)}));
  }
}

// Live-run cases of the differential tester (seed 124000): a 0-d mask adds a dim; an empty dim has
// its own message; nonzero is column-major; the indices are saved, so a second backward fails.
TEST(AdvancedIndex, ZeroDimMasksEmptyDimsNonzeroLayoutAndSavedIndices) {
  const Tensor x = make({0.7}, {}, DType::Float32, true);
  EXPECT_EQ(index_tensors(x, {gt(x, scalar_tensor(0.5, DType::Float64, true))}).shape(), (Shape{1}));
  EXPECT_EQ(index_tensors(x, {gt(x, scalar_tensor(0.9, DType::Float64, true))}).shape(), (Shape{0}));
  expect_error([&] { index_tensors(zeros({2, 0}), {Tensor(), ints({1}, {1})}); },
               "index is out of bounds for dimension with size 0");
  // No element to read, no index checked (fixture program s12-1063).
  EXPECT_EQ(index_put(zeros({1, 0}, DType::Bool), {ints({1, -1, -1}, {3})}, zeros({}, DType::Bool), false).shape(),
            (Shape{1, 0}));
  EXPECT_EQ(index_tensors(zeros({2, 0}), {ints({5}, {1})}).shape(), (Shape{1, 0}));
  const Tensor nz = nonzero(make({1, 0, 2, 3}, {2, 2}));
  EXPECT_EQ(nz.strides(), (Shape{1, 3}));
  expect_values(nz, {0, 0, 1, 0, 1, 1});
  expect_error([&] { view(nz, {6}); }, "view size is not compatible with input tensor's size and stride");
  const Tensor y = index_tensors(x, {gt(x, scalar_tensor(0.5, DType::Float64, true))});
  autograd::backward({sum(y)}, {}, false, false);
  expect_error([&] { autograd::backward({sum(y)}, {}, false, false); }, "Trying to backward through the graph a second time");
  EXPECT_EQ(tril(zeros({0})).shape(), (Shape{0}));  // empty: no dim check, as PyTorch
  expect_error([&] { tril(zeros({3})); }, "Dimension out of range (expected to be in range of [-1, 0], but got -2)");
}

// nonzero reads values only: a chunk of a tensor that an in-place op later gave history (which an
// op would refuse to use) is fine to it, as in PyTorch (live run s125003-121).
TEST(AdvancedIndex, NonzeroOfAViewWhoseBaseChangedInPlace) {
  const Tensor w = make({0.5}, {1}, DType::Float32, true);
  Tensor base = make({0, 1, 2, 0, 3, 0}, {1, 6});
  const Tensor part = chunk(base, 3, -1)[0];
  sub_(base, w);
  EXPECT_EQ(nonzero(part).shape(), (Shape{2, 2}));
}

// The order of PyTorch's checks and bool accumulation (live runs s127005-17, s127015-570, s127014-117).
TEST(AdvancedIndex, CheckOrderAndBoolAccumulation) {
  expect_error([&] { index_put(zeros({2, 3}), {ints({0, -3}, {2}), ints({3}, {1})}, ones({}), false); },
               "index 3 is out of bounds for dimension 1 with size 3");
  expect_error([&] { index_tensors(zeros({1, 0}), {ints({1}, {1}), ints({0, 0}, {2})}); },
               "index is out of bounds for dimension with size 0");
  const Tensor b = index_put(zeros({2}, DType::Bool), {ints({-1, -2, 1}, {3})}, ones({}, DType::Bool), true);
  expect_values(to(b, DType::Float32), {1, 1});
  EXPECT_EQ(test::values_of(b), (std::vector<double>{1, 1}));
}

// IndexBackward0's formula is PyTorch's _index_put_impl_, so under create_graph its result's node
// is IndexPutImplBackward0 (live run s128003-173).
TEST(AdvancedIndex, IndexGradientUnderCreateGraphIsIndexPutImpl) {
  const Tensor x = make({1, 2, 3}, {3}, DType::Float32, true);
  const Tensor y = pow(index_tensors(x, {ints({0, 2}, {2})}), 2.0);
  const auto g = autograd::grad({sum(y)}, {x}, {}, true, true, false);
  EXPECT_EQ(g[0].grad_fn()->name(), "IndexPutImplBackward0");
  expect_values(g[0], {2, 0, 6});
}

}  // namespace
}  // namespace gradlab
