// Views as PyTorch keeps them: a strong link to the base plus the view's
// geometry. In-place ops through a view rebase the base's history (CopySlices)
// whatever else still holds the base, views of a tensor without history pick
// up history it gains later, and the ambiguous no_grad cases are refused.
#include "test_util.h"

namespace gradlab {
namespace {

using test::expect_error;
using test::expect_values;
using test::make;

const char* const kNoGradViewInPlace =
    "A view was created in no_grad mode and is being modified inplace with grad mode enabled. Given that this use "
    "case is ambiguous and error-prone, it is forbidden. You can clarify your code by moving both the view and the "
    "inplace either both inside the no_grad block (if you don't want the inplace to be tracked) or both outside (if "
    "you want the inplace to be tracked).";

// The base's last handle goes before the in-place op: the views keep it, so
// the change through v1 still reaches v2's gradient.
TEST(Views, KeepTheirBaseAlive) {
  Tensor x = make({0, 1, 2, 3}, {4}, DType::Float32, true);
  Tensor v1, v2;
  {
    Tensor base = mul(x, 1.0);
    v1 = narrow(base, 0, 0, 2);
    v2 = narrow(base, 0, 1, 2);
  }
  mul_(v1, 10.0);
  expect_values(v2, {10, 2});
  autograd::backward({sum(v2)}, {}, false, false);
  expect_values(x.grad(), {0, 10, 1, 0});
}

// A view of a tensor without history: the base gains history in place, and
// the view reports and follows it.
TEST(Views, FollowHistoryTheirBaseGainsLater) {
  Tensor a = make({1, 2, 3, 4}, {4});
  Tensor v = narrow(a, 0, 1, 2);
  EXPECT_FALSE(v.requires_grad());
  Tensor w = make({1, 2, 3, 4}, {4}, DType::Float32, true);
  mul_(a, w);
  EXPECT_TRUE(v.requires_grad());
  EXPECT_FALSE(v.is_leaf());
  EXPECT_EQ(v.grad_fn()->name(), "AsStridedBackward0");
  autograd::backward({sum(v)}, {}, false, false);
  expect_values(w.grad(), {0, 2, 3, 0});
}

// The view's geometry is read against a base that is not contiguous itself.
TEST(Views, InPlaceOnAViewOfANonContiguousBase) {
  Tensor a = t(reshape(arange(0, 6, 1), {3, 2})).detach();  // [[0, 2, 4], [1, 3, 5]], strides (1, 2)
  Tensor w = make({1, 2, 3}, {3}, DType::Float32, true);
  mul_(select(a, 0, 1), w);
  expect_values(a, {0, 2, 4, 1, 6, 15});
  EXPECT_EQ(a.grad_fn()->name(), "CopySlices");
  autograd::backward({sum(mul(a, make({1, 1, 1, 10, 20, 30}, {2, 3})))}, {}, false, false);
  expect_values(w.grad(), {10, 60, 150});
}

// A view made a leaf that requires grad: its base is a leaf, so in-place
// changes through it or its views are refused (and could not close a cycle
// through the base's history back to the view's accumulator).
TEST(Views, InPlaceOnAViewThatIsALeafIsAnError) {
  Tensor x = view(make({1, 2, 3, 4, 5, 6}, {6}), {2, 3});
  x.set_requires_grad(true);
  const std::string message = "a view of a leaf Variable that requires grad is being used in an in-place operation.";
  expect_error([&] { add_(x, 2.0); }, message);
  expect_error([&] { add_(t(x), 2.0); }, message);
  expect_values(x, {1, 2, 3, 4, 5, 6});
}

TEST(Views, MadeInNoGradModeRefuseTrackedInPlace) {
  Tensor x = make({1, 2, 3, 4}, {4}, DType::Float32, true);
  Tensor b = mul(x, 1.0);
  Tensor v;
  {
    NoGradGuard no_grad;
    v = narrow(b, 0, 0, 2);
  }
  EXPECT_TRUE(v.requires_grad());  // through its base, as in PyTorch, but it is a leaf without an accumulator
  EXPECT_TRUE(v.is_leaf());
  autograd::backward({sum(mul(v, 2.0))}, {}, false, false);
  EXPECT_FALSE(v.grad().defined());
  EXPECT_FALSE(x.grad().defined());
  expect_error([&] { mul_(v, 2.0); }, kNoGradViewInPlace);
  Tensor w = make({1, 2}, {2}, DType::Float32, true);
  Tensor c;
  {
    NoGradGuard no_grad;
    c = narrow(zeros({4}), 0, 0, 2);
  }
  expect_error([&] { mul_(c, w); }, kNoGradViewInPlace);
  mul_(c, 2.0);  // nothing requires grad: nothing to track
  {
    NoGradGuard no_grad;
    mul_(v, 2.0);  // both in no_grad: untracked, allowed
  }
  expect_values(b, {2, 4, 3, 4});
  // Its base changed in place since: reading its history is refused too.
  expect_error([&] { (void)v.grad_fn(); },
               "A view was created in no_grad mode and its base or another view of its base has been modified "
               "inplace with grad mode enabled.");
  autograd::backward({sum(b)}, {}, false, false);  // the base itself is unaffected
  expect_values(x.grad(), {1, 1, 1, 1});
}

TEST(Views, CannotBeDetachedInPlace) {
  Tensor x = make({1, 2, 3, 4}, {4}, DType::Float32, true);
  Tensor y = mul(x, 2.0);
  Tensor v = narrow(y, 0, 0, 2);
  expect_error([&] { v.detach_(); },
               "Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel (DDP) "
               "for training, and gradient_as_bucket_view is set as True, gradients are views of DDP buckets, and "
               "hence detach_() cannot be called on these gradients. To fix this error, please refer to the "
               "Optimizer.zero_grad() function in torch/optim/optimizer.py as the solution.");
  expect_error([&] { narrow(zeros({4}), 0, 0, 2).detach_(); }, "Can't detach views in-place.");
  EXPECT_TRUE(v.requires_grad());
  y.detach_();  // not a view: allowed
  EXPECT_FALSE(y.requires_grad());
}

// Results PyTorch does not treat as views stay plain tensors under in-place ops.
TEST(Views, MatrixVectorResultsAreNotViews) {
  Tensor a = make({1, 2, 3, 4}, {2, 2}, DType::Float32, true);
  Tensor v = make({1, 1}, {2});
  Tensor y = mv(a, v);
  mul_(y, 2.0);
  EXPECT_EQ(y.grad_fn()->name(), "MulBackward0");
  Tensor d = dot(v, v);
  EXPECT_NO_THROW(d.detach_());
}

IndexItem slice_item(const std::string& text) { return parse_index_item(text); }

// x[0:2, 0:2] on a 2x2 x skips both slices and returns an alias; a single
// slice (x[0:2]) or one past the end is a SliceBackward0, as in PyTorch.
TEST(Views, BasicIndexCoveringTheWholeTensorIsAnAlias) {
  Tensor x = make({1, 2, 3, 4}, {2, 2}, DType::Float32, true);
  Tensor whole = index(x, {slice_item("0:2"), slice_item(":2")});
  EXPECT_EQ(whole.grad_fn()->name(), "AliasBackward0");
  EXPECT_FALSE(whole.is_same(x));
  EXPECT_EQ(index(x, {slice_item("0:2")}).grad_fn()->name(), "SliceBackward0");
  EXPECT_EQ(index(x, {slice_item("0:2"), slice_item("0:5")}).grad_fn()->name(), "SliceBackward0");
  EXPECT_EQ(index(x, {slice_item("0:2"), IndexItem{}}).grad_fn()->name(), "SliceBackward0");
  EXPECT_EQ(index(x, {slice_item("0:2"), slice_item("1")}).grad_fn()->name(), "SelectBackward0");
  autograd::backward({sum(whole)}, {}, false, false);
  expect_values(x.grad(), {1, 1, 1, 1});
}

// A 0-d tensor: x[:] and x[0:1] cannot slice, x[0] is the item() hint, x[-1]
// is out of bounds, and any tuple has too many indices.
TEST(Views, IndexingAScalarHasPyTorchsMessages) {
  Tensor s = make({2}, {});
  expect_error([&] { index(s, {IndexItem{}}); }, "slice() cannot be applied to a 0-dim tensor.");
  expect_error([&] { index(s, {slice_item("0:1")}); }, "slice() cannot be applied to a 0-dim tensor.");
  expect_error([&] { index(s, {slice_item("0")}); }, "invalid index of a 0-dim tensor.");
  expect_error([&] { index(s, {slice_item("-1")}); }, "index -1 is out of bounds for dimension 0 with size 0");
  expect_error([&] { index(s, {slice_item("0"), slice_item("None")}); }, "too many indices for tensor of dimension 0");
  expect_error([&] { index(s, {IndexItem{}, IndexItem{}}); }, "too many indices for tensor of dimension 0");
  EXPECT_EQ(index(s, {slice_item("None")}).shape(), (Shape{1}));
}

// An ellipsis makes a tuple index (x[..., 0]), whatever it stands for.
TEST(Views, AnEllipsisIsExpandedInATupleIndex) {
  IndexItem dots;
  dots.kind = IndexItem::Ellipsis;
  Tensor s = make({2}, {});
  expect_error([&] { index(s, {dots, slice_item("0")}); }, "too many indices for tensor of dimension 0");
  expect_error([&] { index(s, {IndexItem{}, dots}); }, "too many indices for tensor of dimension 0");
  expect_error([&] { index(s, {dots, dots}); }, "an index can only have a single ellipsis ('...')");
  Tensor a = index(s, {dots});
  EXPECT_EQ(a.shape(), Shape{});
  EXPECT_EQ(a.raw_ptr(), s.raw_ptr());
  Tensor x = make({0, 1, 2, 3, 4, 5}, {2, 3});
  expect_values(index(x, {dots, slice_item("1")}), {1, 4});
  EXPECT_EQ(index(x, {slice_item("0"), dots, slice_item("None")}).shape(), (Shape{3, 1}));
  EXPECT_EQ(index(x, {dots, slice_item("None"), slice_item("-1")}).shape(), (Shape{2, 1}));
}

}  // namespace
}  // namespace gradlab
