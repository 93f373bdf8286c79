// In-place ops and autograd: PyTorch's checks and their order, history
// rebased onto the op (CopySlices through views), saved tensors that notice
// they were overwritten, no reference cycles, and gradients against finite differences.
#include <functional>

#include "gradlab/random.h"
#include "test_util.h"

namespace gradlab {
namespace {

using test::expect_error;
using test::expect_values;
using test::make;
using test::sample;

Tensor leaf_2x2() { return make({1, 2, 3, 4}, {2, 2}, DType::Float32, true); }

TEST(InPlace, LeafInPlaceIsAnError) {
  Tensor x = leaf_2x2();
  expect_error([&] { add_(x, 1.0); }, "a leaf Variable that requires grad is being used in an in-place operation.");
  {
    NoGradGuard guard;
    add_(x, 1.0);  // allowed without grad mode, as optimizers do
  }
  expect_values(x, {2, 3, 4, 5});
  EXPECT_EQ(x.version(), 1u);
}

TEST(InPlace, ModifiedSavedTensorIsAnError) {
  Tensor x = leaf_2x2();
  Tensor y = mul(x, 1.0);
  Tensor z = tanh(y);  // saves its output
  Tensor w = mul(z, y);  // saves y and z
  mul_(z, 2.0);
  expect_error([&] { autograd::backward({sum(w)}, {}, false, false); },
               "one of the variables needed for gradient computation has been modified by an inplace "
               "operation: [torch.FloatTensor [2, 2]], which is output 0 of MulBackward0, is at version 1; "
               "expected version 0 instead.");
}

// mul saves each factor only for the other's gradient, as PyTorch: a factor whose
// partner needs no gradient is not saved, so changing it in place is no error, while
// the partner it does need is still checked (live run s96001-877).
TEST(InPlace, MulSavesOnlyWhatTheOtherGradientReads) {
  Tensor x = make({-1.58, -1.23}, {2}, DType::Float32, true);
  Tensor y = mul(x, 1.0);
  Tensor w = make({0.96, 1.35}, {2});
  Tensor z = mul(y, w);
  normal_(y);
  autograd::backward({z}, {ones({2})}, false, false);
  expect_values(x.grad(), {0.96, 1.35});
  Tensor y2 = mul(x, 1.0);
  Tensor w2 = make({2, 3}, {2});
  Tensor z2 = mul(w2, y2);
  add_(w2, 1.0);
  expect_error([&] { autograd::backward({z2}, {ones({2})}, false, false); }, "modified by an inplace operation");
}

TEST(InPlace, InPlaceOnNonLeafRebasesHistory) {
  Tensor x = make({1, 2}, {2}, DType::Float64, true);
  Tensor y = mul(x, 3.0);
  mul_(y, 2.0);
  EXPECT_EQ(y.grad_fn()->name(), "MulBackward0");
  autograd::backward({sum(y)}, {}, false, false);
  expect_values(x.grad(), {6, 6});
}


// y.div_(y) saves y for its own backward; holding y's TensorImpl there would be
// a cycle (y -> DivBackward0 -> y) that is never freed once y goes away.
TEST(InPlace, InPlaceWithItselfAsOperandLeavesNoCycle) {
  Tensor x = make({1, 2}, {2}, DType::Float64, true);
  std::weak_ptr<Node> node;
  {
    Tensor y = mul(x, 3.0);
    div_(y, y);
    node = y.grad_fn();
    EXPECT_EQ(y.grad_fn()->name(), "DivBackward0");
    expect_values(y, {1, 1});
    expect_error([&] { autograd::backward({sum(y)}, {}, false, false); },
                 "has been modified by an inplace operation: [torch.DoubleTensor [2]], which is output 0 of "
                 "DivBackward0, is at version 1; expected version 0 instead.");
  }
  EXPECT_TRUE(node.expired());
}

// The same cycle through a longer path: m.copy_(m.var()) makes m's new
// CopyBackwards reach VarBackward0, which saved m.
TEST(InPlace, InPlaceFromATensorThatSavedSelfLeavesNoCycle) {
  Tensor x = make({1, 2, 4}, {3}, DType::Float64, true);
  std::weak_ptr<Node> node;
  std::weak_ptr<TensorImpl> storage_owner;
  {
    Tensor m = mul(x, 2.0);
    copy_(m, var(m, {}));
    node = m.grad_fn();
    storage_owner = m.impl_ptr();
    EXPECT_EQ(m.grad_fn()->name(), "CopyBackwards");
  }
  EXPECT_TRUE(node.expired());
  EXPECT_TRUE(storage_owner.expired());
}
// y.narrow(...).mul_(2) changes y: y's gradient goes through the multiplication
// (CopySlices on y, AsStridedBackward0 on the view), as in PyTorch.
TEST(InPlace, InPlaceOnAViewRebasesItsBase) {
  Tensor x = make({1, 2, 3}, {3}, DType::Float64, true);
  Tensor y = mul(x, 1.0);
  Tensor v = narrow(y, 0, 0, 1);
  mul_(v, 2.0);
  expect_values(y, {2, 2, 3});
  EXPECT_EQ(y.grad_fn()->name(), "CopySlices");
  EXPECT_EQ(v.grad_fn()->name(), "AsStridedBackward0");
  autograd::backward({sum(mul(y, y))}, {}, false, false);
  expect_values(x.grad(), {8, 4, 6});  // d/dx of (2x0)^2 + x1^2 + x2^2
}

// Values, gradients and second derivatives through in-place ops on views,
// including a view of a view and an operand read from the same base.
TEST(InPlace, InPlaceOnViewsPassesGradcheckAndDoubleGradcheck) {
  auto fn = [](const variable_list& in) {
    Tensor y = mul(in[0], 1.0);                        // [2, 3]
    Tensor col = select(t(y), 0, 1);                   // y[:, 1], a view of a view
    mul_(col, clone(select(y, 1, 2)));                 // y[:, 1] *= y[:, 2] (a copy: mul_ saves it)
    add_(narrow(y, 1, 0, 1), in[1]);                   // y[:, 0:1] += b
    return variable_list{mul(y, tanh(y))};
  };
  Tensor x = sample({2, 3}, 3, true);
  Tensor b = sample({2, 1}, 4, true);
  EXPECT_NO_THROW(autograd::gradcheck(fn, {x, b}));
  auto first_grad = [&](const variable_list& in) {
    return autograd::grad({sum(fn(in)[0])}, in, {}, /*retain_graph=*/true, true, false);
  };
  EXPECT_NO_THROW(autograd::gradcheck(first_grad, {x, b}));
}

TEST(InPlace, InPlaceOnAViewOfALeafIsAnError) {
  Tensor x = leaf_2x2();
  expect_error([&] { mul_(select(x, 0, 0), 2.0); },
               "a view of a leaf Variable that requires grad is being used in an in-place operation.");
  expect_values(x, {1, 2, 3, 4});
}

// A view made before its base changed in place (through the base or another
// view) follows the change: its grad_fn is rebuilt from the base's history.
TEST(InPlace, ViewsFollowInPlaceChangesOfTheirBase) {
  Tensor x = make({1, 2, 3}, {3}, DType::Float64, true);
  Tensor y = mul(x, 1.0);
  Tensor first = narrow(y, 0, 0, 2);
  Tensor other = narrow(y, 0, 1, 2);  // overlaps `first`
  mul_(y, 2.0);                       // through the base
  mul_(first, 3.0);                   // through another view
  expect_values(other, {12, 6});
  EXPECT_EQ(other.grad_fn()->name(), "AsStridedBackward0");
  autograd::backward({sum(other)}, {}, false, false);
  expect_values(x.grad(), {0, 6, 2});  // other = (6 x1, 2 x2)

  auto fn = [](const variable_list& in) {
    Tensor y = mul(in[0], 1.0);
    Tensor row = select(y, 0, 0), col = select(y, 1, 1);
    mul_(y, in[0]);      // y = x * x
    add_(col, 1.0);      // y[:, 1] += 1, through another view
    return variable_list{mul(row, tanh(row))};
  };
  Tensor a = sample({2, 3}, 8, true);
  EXPECT_NO_THROW(autograd::gradcheck(fn, {a}));
  auto first_grad = [&](const variable_list& in) {
    return autograd::grad({sum(fn(in)[0])}, in, {}, /*retain_graph=*/true, true, false);
  };
  EXPECT_NO_THROW(autograd::gradcheck(first_grad, {a}));
}

// An expanded tensor shows one element at several places: computed values
// cannot be written there, one value everywhere can (fill_, zero_), and a
// tensor without elements writes nothing. PyTorch's autograd checks come first.
TEST(InPlace, OnAnExpandedTensor) {
  Tensor e = expand(make({1, 2}, {2}), {3, 2});
  const std::string message =
      "unsupported operation: more than one element of the written-to tensor refers to a single memory location. "
      "Please clone() the tensor before performing the operation.";
  expect_error([&] { add_(e, 1.0); }, message);
  expect_error([&] { copy_(e, make({1, 2, 3, 4, 5, 6}, {3, 2})); }, message);
  expect_error([&] { copy_(e, make({1, 2, 3, 4, 5, 6}, {2, 3})); }, message);
  expect_error([&] { uniform_(e, 0, 1); }, message);
  expect_values(e, {1, 2, 1, 2, 1, 2});
  add_(expand(make({1, 2}, {1, 2}), {1, 2}), 1.0);  // size-1 dims may have any stride
  expect_values(fill_(e, 1.5), {1.5, 1.5, 1.5, 1.5, 1.5, 1.5});
  expect_values(zero_(e), {0, 0, 0, 0, 0, 0});
  Tensor empty = expand(Tensor::empty({0}), {3, 0});
  EXPECT_EQ(uniform_(empty, 0, 1).shape(), (Shape{3, 0}));
  EXPECT_EQ(mul_(empty, 2.0).shape(), (Shape{3, 0}));

  Tensor x = make({1, 2, 3}, {3}, DType::Float32, true);
  Tensor y = mul(x, 1.0);
  Tensor ey = expand(y, {2, 3});
  fill_(ey, 2.0);
  EXPECT_EQ(ey.grad_fn()->name(), "AsStridedBackward0");
  expect_values(y, {2, 2, 2});
  const std::string leaf_view = "a view of a leaf Variable that requires grad is being used in an in-place operation.";
  Tensor one = make({1}, {1}, DType::Float32, true);
  expect_error([&] { clamp_(expand(one, {3}), -0.5, 0.5); }, leaf_view);
  expect_error([&] { fill_(expand(one, {3}), 1.0); }, leaf_view);
}

// PyTorch checks the leaf rules before copy_'s shapes.
TEST(InPlace, LeafChecksComeBeforeShapes) {
  Tensor x = make({1, 1, 1}, {3}, DType::Float32, true);
  expect_error([&] { copy_(x, make({0, 0}, {2})); },
               "a leaf Variable that requires grad is being used in an in-place operation.");
  expect_error([&] { copy_(narrow(x, 0, 0, 2), make({1, 1, 1, 1}, {2, 2})); },
               "a view of a leaf Variable that requires grad is being used in an in-place operation.");
  expect_error([&] { copy_(make({0, 0}, {2}), make({1, 1, 1, 1}, {2, 2})); },
               "output with shape [2] doesn't match the broadcast shape [2, 2]");
  // self is tensor a of the broadcast message, src tensor b
  expect_error([&] { copy_(make({0, 0}, {2, 1}), make({1, 1, 1}, {3, 1})); },
               "The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0");
}

// An integer tensor never requires grad, even when copied from one that does.
TEST(InPlace, CopyIntoAnIntegerTensorTakesNoHistory) {
  Tensor src = make({1.5, -2.5}, {2}, DType::Float32, true);
  Tensor a = make({3, 4}, {2}, DType::Int64);
  copy_(a, src);
  EXPECT_FALSE(a.requires_grad());
  EXPECT_EQ(a.grad_fn(), nullptr);
  expect_values(a, {1, -2});
  Tensor b = make({0, 1}, {2}, DType::Bool);
  copy_(narrow(b, 0, 0, 1), narrow(src, 0, 0, 1));
  EXPECT_FALSE(b.requires_grad());
  expect_values(b, {1, 1});
}

// split/chunk return several views of one node: PyTorch refuses tracked
// in-place changes through them or their views (before the leaf checks), and
// allows them when no gradient is involved.
TEST(InPlace, OnAnOutputOfSplitIsAnError) {
  Tensor x = make({1, 2, 3, 4}, {4}, DType::Float32, true);
  const std::string tail =
      " is a view and is being modified inplace. This view is the output of a function that returns multiple views. "
      "Such functions do not allow the output views to be modified inplace. You should replace the inplace operation "
      "by an out-of-place one.";
  expect_error([&] { mul_(split(mul(x, 1.0), 2, 0)[0], 2.0); }, "Output 0 of SplitBackward0" + tail);
  expect_error([&] { sub_(chunk(mul(x, 1.0), 2, 0)[1], 2.0); }, "Output 1 of SplitBackward0" + tail);
  expect_error([&] { fill_(split_sizes(mul(x, 1.0), {1, 3}, 0)[1], 2.0); },
               "Output 1 of SplitWithSizesBackward0" + tail);
  expect_error([&] { mul_(split(x, 2, 0)[0], 2.0); }, "Output 0 of SplitBackward0" + tail);
  expect_error([&] { zero_(narrow(split(mul(x, 1.0), 2, 0)[0], 0, 0, 1)); }, "Output 0 of SliceBackward0" + tail);
  // Without a node of its own PyTorch words it as its no_grad case.
  expect_error([&] { mul_(chunk(make({0, 0, 0}, {3}), 3, 0)[2], make({1}, {1}, DType::Float32, true)); },
               "A view was created in no_grad mode and is being modified inplace with grad mode enabled." + tail.substr(
                   tail.find(" This view")));
  // The view's own node is named even after its base changed in place (live run s94007-268).
  Tensor changed = mul(x, 1.0);
  Tensor second = chunk(changed, 2, 0)[1];
  zero_(changed);
  expect_error([&] { mul_(second, 2.0); }, "Output 1 of SplitBackward0" + tail);
  Tensor plain = make({1, 2, 3, 4}, {4});
  expect_values(mul_(split(plain, 2, 0)[1], 2.0), {6, 8});
  expect_values(plain, {1, 2, 6, 8});
}

// An operand that shares part of self's memory is refused before the shapes
// are compared; the very same elements (x.mul_(x)) and layouts too strided to
// compare are not, as in PyTorch.
TEST(InPlace, OperandPartlyOverlappingSelfIsAnError) {
  const std::string message =
      "unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory "
      "location. Please clone() the tensor before performing the operation.";
  Tensor a = make({0, 1, 2, 3, 4, 5}, {6});
  expect_error([&] { mul_(select(a, 0, 0), a); }, message);
  expect_error([&] { add_(narrow(a, 0, 0, 2), narrow(a, 0, 1, 2)); }, message);
  expect_error([&] { copy_(narrow(a, 0, 0, 2), narrow(a, 0, 1, 2)); }, message);
  expect_values(a, {0, 1, 2, 3, 4, 5});
  expect_values(mul_(narrow(a, 0, 0, 3), narrow(a, 0, 0, 3)), {0, 1, 4});
  expect_values(add_(narrow(a, 0, 0, 2), narrow(a, 0, 4, 2)), {4, 6});
  Tensor m = view(make({0, 1, 2, 3, 4, 5}, {6}), {2, 3});
  expect_values(add_(select(m, 1, 0), select(m, 1, 1)), {1, 7});
}

// sub_'s own check of bool operands (its meta function) comes before the overlap
// check, as in PyTorch (live run s94008-752).
TEST(InPlace, BoolSubtractionIsRefusedBeforeTheOverlap) {
  Tensor v = ones({4}, DType::Bool);
  expect_error([&] { sub_(narrow(v, 0, 1, 3), narrow(v, 0, 0, 3)); },
               "Subtraction, the `-` operator, with two bool tensors is not supported.");
}

// The output's shape is checked before its dtype: an int64 [1] divided by a
// float [2, 3] is a shape error, as in PyTorch.
TEST(InPlace, ShapeIsCheckedBeforeTheResultType) {
  expect_error([&] { div_(make({3}, {1}, DType::Int64), make({1, 2, 3, 4, 5, 6}, {2, 3})); },
               "output with shape [1] doesn't match the broadcast shape [2, 3]");
}

// clamp_'s bounds take part in type promotion, and PyTorch checks that the
// promoted type fits self (naming self's type as C++ does) before self's memory.
TEST(InPlace, ClampChecksItsPromotedTypeFirst) {
  expect_error([&] { clamp_(make({1, -2}, {2}, DType::Int64), -0.5, 0.5); },
               "result type Float can't be cast to the desired output type long int");
  expect_error([&] { clamp_(make({1}, {1}, DType::Bool), 0, 1); },
               "result type Long can't be cast to the desired output type bool");
  expect_error([&] { clamp_(expand(make({1}, {1}, DType::Bool), {3}), -0.5, 0.5); },
               "result type Float can't be cast to the desired output type bool");
  expect_error([&] { clamp_(expand(make({1}, {1}, DType::Int64), {3}), 0, 1); },
               "more than one element of the written-to tensor refers to a single memory location");
  expect_values(clamp_(make({-3, 5}, {2}, DType::Int64), 0, 2), {0, 2});
}

// uniform_ and normal_ refuse integer and bool tensors in the words of
// PyTorch's kernels, and draw in the order of self's memory: a transposed
// view gets the numbers its base would.
TEST(InPlace, RandomFillsFollowMemoryOrder) {
  expect_error([&] { uniform_(make({0, 0}, {2}, DType::Int64), 0, 1); },
               "\"check_uniform_bounds\" not implemented for 'Long'");
  expect_error([&] { normal_(expand(make({0}, {1}, DType::Bool), {2}), 0, 1); },
               "\"normal_kernel_cpu\" not implemented for 'Bool'");
  for (bool normal : {false, true}) {
    auto draw = [&](const Tensor& t) { return normal ? normal_(t, 0, 1) : uniform_(t, 0, 1); };
    random::manual_seed(0);
    const Tensor flat = draw(Tensor::empty({6}));
    random::manual_seed(0);
    Tensor b = make({0, 0, 0, 0, 0, 0}, {2, 3});
    draw(t(b));
    expect_values(b, test::values_of(flat));
  }
  // 16 elements and more: PyTorch's block path for normal_ serves contiguous tensors only.
  random::manual_seed(0);
  Tensor serial = Tensor::empty({16});
  random::fill_normal_serial(serial.data_ptr<float>(), 16, 0, 1);
  random::manual_seed(0);
  Tensor b = Tensor::empty({4, 4});
  normal_(t(b), 0, 1);
  expect_values(b, test::values_of(serial));
}

// fill_ with a number is FillBackward2 in PyTorch (zero_ stays ZeroBackward0).
TEST(InPlace, FillNodeIsNamedAsPyTorchs) {
  Tensor x = make({1, 2}, {2}, DType::Float32, true);
  EXPECT_EQ(fill_(mul(x, 2.0), 2.0).grad_fn()->name(), "FillBackward2");
  EXPECT_EQ(zero_(mul(x, 2.0)).grad_fn()->name(), "ZeroBackward0");
}

TEST(InPlace, InPlaceOnAViewLeavesNoCycle) {
  Tensor x = make({1, 2, 3}, {3}, DType::Float64, true);
  std::weak_ptr<Node> node;
  {
    Tensor y = mul(x, 1.0);
    Tensor v = narrow(y, 0, 1, 2);
    mul_(v, v);
    node = y.grad_fn();
  }
  EXPECT_TRUE(node.expired());
}

// Every in-place op, on a non-leaf and with a broadcast operand: first and
// second derivatives against finite differences (the op rebases y's history).
TEST(InPlace, InPlaceOpsPassGradcheckAndDoubleGradcheck) {
  using InPlace = std::function<void(const Tensor&, const Tensor&)>;
  const std::vector<std::pair<const char*, InPlace>> ops = {
      {"add_", [](const Tensor& y, const Tensor& b) { add_(y, b, 0.5); }},
      {"sub_", [](const Tensor& y, const Tensor& b) { sub_(y, b, 2.0); }},
      {"mul_", [](const Tensor& y, const Tensor& b) { mul_(y, b); }},
      {"div_", [](const Tensor& y, const Tensor& b) { div_(y, b); }},
      {"copy_", [](const Tensor& y, const Tensor& b) { copy_(y, b); }},
      {"add_ scalar", [](const Tensor& y, const Tensor&) { add_(y, 1.5); }},
      {"sub_ scalar", [](const Tensor& y, const Tensor&) { sub_(y, 1.5); }},
      {"mul_ scalar", [](const Tensor& y, const Tensor&) { mul_(y, -3.0); }},
      {"div_ scalar", [](const Tensor& y, const Tensor&) { div_(y, 4.0); }},
      {"clamp_", [](const Tensor& y, const Tensor&) { clamp_(y, -0.55, 0.55); }},
      {"fill_", [](const Tensor& y, const Tensor&) { fill_(y, 2.0); }},
      {"zero_", [](const Tensor& y, const Tensor&) { zero_(y); }},
  };
  for (const auto& [name, op] : ops) {
    SCOPED_TRACE(name);
    auto fn = [&, op = op](const variable_list& in) {
      Tensor y = mul(in[0], 1.0);
      op(y, in[1]);
      return variable_list{mul(y, add(y, in[0]))};
    };
    Tensor x = sample({2, 3}, 6, true);
    Tensor b = sample({3}, 7, true);  // broadcast over y's rows
    EXPECT_NO_THROW(autograd::gradcheck(fn, {x, b}));
    auto first_grad = [&](const variable_list& in) {
      return autograd::grad({sum(fn(in)[0])}, in, {}, /*retain_graph=*/true, true, true);
    };
    EXPECT_NO_THROW(autograd::gradcheck(first_grad, {x, b}));
  }
}

// s96002-705: sub_ with alpha on an expanded view, copy_ of the base into the view, backward.
// The gradient of w is -alpha * grad (PyTorch 1.13 agrees without the autograd.grad call; its
// autograd.grad through CopySlices also writes w.grad, a bug the README lists, kept out here).
TEST(InPlace, AlphaOnAnExpandedViewThenCopyBack) {
  const Tensor base = make({0.5, 1.25}, {2});
  const Tensor v = expand(base, {2});
  const Tensor w = make({2.55, 2.59}, {2}, DType::Float32, true);
  sub_(v, w, 2);
  EXPECT_EQ(base.grad_fn()->name(), "CopySlices");
  const auto g = autograd::grad({base}, {w}, {ones({2})}, true, true, false);
  expect_values(g[0], {-2, -2});
  EXPECT_FALSE(w.grad().defined());  // autograd.grad writes no .grad
  copy_(v, base);
  autograd::backward({v}, {make({2, -1.77}, {2})}, true, true);
  expect_values(w.grad(), {-4, 3.54}, 1e-5);
}

// copy_ into an integer or bool tensor wants no gradient, so none of autograd's view checks
// run: an output of split may take it (PyTorch 1.13; live run s97002-594). add_ still checks.
TEST(InPlace, CopyIntoAnIntegerTensorRunsNoAutogradCheck) {
  const Tensor src = make({-2.44, 0.62, -1.89}, {3}, DType::Float64, true);
  const Tensor part = split(make({1, 0, 1, 0}, {4}, DType::Bool), 3, 0)[0];
  copy_(part, src);
  EXPECT_FALSE(part.requires_grad());
  EXPECT_FALSE(part.grad_fn());
  expect_values(part, {1, 1, 1});
  const Tensor floats = split(zeros({4}), 3, 0)[0];
  expect_error([&] { copy_(floats, src); }, "This view is the output of a function that returns multiple views.");
  const Tensor longs = split(make({1, 2, 3, 4}, {4}, DType::Int64), 3, 0)[0];
  expect_error([&] { add_(longs, src); }, "This view is the output of a function that returns multiple views.");
}

// An output of split reads as an error once its base changed in place, not only when it is
// itself changed (live runs s98001-226, s98005-981; PyTorch's message).
TEST(InPlace, UsingAnOutputOfSplitAfterItsBaseChangedIsAnError) {
  const Tensor x = make({2.01, -1.23}, {2}, DType::Float64, true);
  const Tensor base = cos(x);
  const Tensor part = split(base, 3, 0)[0];
  uniform_(base, 0, 1);
  expect_error([&] { relu(part); },
               "Output 0 of SplitBackward0 is a view and its base or another view of its base has been modified "
               "inplace. This view is the output of a function that returns multiple views. Such functions do not "
               "allow the output views to be modified inplace. You should replace the inplace operation by an "
               "out-of-place one.");
  expect_error([&] { part.grad_fn(); }, "Output 0 of SplitBackward0 is a view");  // every read
}

// PyTorch names its hand-written nodes with their namespace in this message (s98004-894).
TEST(InPlace, ModifiedSavedTensorNamesCopyNodesWithTheirNamespace) {
  const Tensor x = make({1, 2, 3}, {3}, DType::Float32, true);
  const Tensor y = mul(x, 2.0), z = mul(x, 3.0);
  const Tensor ny = norm(y, 3, {}), nz = norm(z, 3, {});  // both save their input
  copy_(transpose(unsqueeze(y, 0), 0, 1), ones({3, 1}));  // through a view: CopySlices
  copy_(z, ones({3}));                                    // directly: CopyBackwards
  expect_error([&] { autograd::backward({ny}, {}, true, false); },
               "which is output 0 of torch::autograd::CopySlices, is at version 1; expected version 0 instead.");
  expect_error([&] { autograd::backward({nz}, {}, true, false); },
               "which is output 0 of torch::autograd::CopyBackwards, is at version 1; expected version 0 instead.");
}

// retain_grad() follows the tensor onto the node an in-place op gives it (PyTorch 1.13,
// s98005-949): .grad is the gradient of the new value, the old node writes none.
TEST(InPlace, RetainGradFollowsAnInPlaceOp) {
  const Tensor x = make({2.73}, {1}, DType::Float32, true);
  Tensor y = mul(x, -3.0);
  y.retain_grad();
  zero_(y);
  autograd::backward({y}, {make({2.4}, {1})}, false, false);
  expect_values(y.grad(), {2.4});
  expect_values(x.grad(), {0});
}

// sub_ of a number on a bool tensor: the bool message before the overlap check (s101003-728);
// gather saves self as PyTorch, so changing it in place is an error at backward (s102001-45).
TEST(InPlace, BoolSubByANumberAndGatherSavesSelf) {
  const Tensor b = expand(make({0}, {1, 1}, DType::Bool), {1, 2});
  expect_error([&] { sub_(b, 0.25); }, "Subtraction, the `-` operator, with a bool tensor is not supported.");
  const Tensor x = make({-1.1, 2.85, 2.94, -0.45}, {4}, DType::Float64, true);
  const Tensor y = clamp(x, std::nullopt, 1.5);
  const Tensor picked = gather(y, -1, make({1, 0}, {2}, DType::Int64));
  sub_(y, make({-1.69, 3.0, -2.98, 1.43}, {4}, DType::Float64, true), 2);
  expect_error([&] { autograd::backward({picked}, {ones({2}, DType::Float64)}, false, false); },
               "one of the variables needed for gradient computation has been modified by an inplace operation");
}

// A saved view whose base changed in place is named by its history as read now, rebuilt as
// AsStridedBackward0, as PyTorch (s104006-544).
TEST(InPlace, ModifiedSavedViewIsNamedByItsRebuiltHistory) {
  const Tensor x = make({0.88, 2.05, 0.76, 0.47}, {2, 2}, DType::Float64, true);
  const Tensor y = mul(x, 1.5);
  const Tensor yt = t(y);
  const Tensor z = mul(yt, make({0.14, -2.2, 1.58, -1.89}, {2, 2}, DType::Float64, true));
  sub_(y, ones({2, 2}, DType::Float64));
  expect_error([&] { autograd::backward({z}, {ones({2, 2}, DType::Float64)}, false, false); },
               "which is output 0 of AsStridedBackward0, is at version 1; expected version 0 instead.");
}

// An operand that is a non-dense view of self (a column, an expanded column) passes PyTorch
// 1.13's overlap check, and its kernel reads values it has already written: element by element
// in self's memory order, except that a vectorised chunk of 16 float32 values reads all its
// inputs first and a single value is read once at the row's start (live run s102000-83).
// Values from PyTorch 1.13.
TEST(InPlace, AViewOfSelfIsReadAsItIsWritten) {
  const Tensor v0 = make({0.0, -1.27, 3.0, -0.27, 0.01, -1.88, 1.91, 2.85, -2.81}, {3, 3});
  div_(v0, select(v0, -1, 1));
  expect_values(v0, {-0.0, -127.0, 1.05263162, 0.00212598429, 1.0, -0.659649134, -0.0150393695, 2.8499999,
                     -0.985964954});
  auto tail_of_row0 = [](const Tensor& x) {
    const std::vector<double> v = test::values_of(x);
    return std::vector<double>(v.begin() + 14, v.begin() + 20);
  };
  Tensor x = reshape(arange(2, 62, 1), {3, 20});
  add_(x, slice(x, 1, 17, 18), 1);
  EXPECT_EQ(tail_of_row0(x), (std::vector<double>{35, 36, 37, 38, 58, 59}));
  x = reshape(arange(2, 62, 1), {3, 20});
  sub_(x, slice(x, 1, 17, 18), 2);
  EXPECT_EQ(tail_of_row0(x), (std::vector<double>{-22, -21, -20, -19, 58, 59}));
  x = reshape(arange(2, 62, 1), {3, 20});
  mul_(x, slice(x, 1, 1, 2));
  EXPECT_EQ(tail_of_row0(x), (std::vector<double>{48, 51, 162, 171, 180, 189}));
  x = transpose(reshape(arange(1, 10, 1), {3, 3}), 0, 1);
  div_(x, select(x, 0, 0));
  expect_values(x, {1, 1, 1, 2, 5, 8, 3, 6, 9});
}

// A view whose base changed in place and was then detached in place gets PyTorch's
// AsStridedBackward0 all the same, with no next edge: backward through it reaches nothing
// (live run s122025-376).
TEST(InPlace, ViewOfADetachedBaseStillRebuildsItsHistory) {
  const Tensor v0 = ones({4, 3}, DType::Float32).set_requires_grad(true);
  Tensor v1 = std(v0, {0});
  const Tensor v4 = narrow(v1, -1, 0, 3);
  add_(v1, 0.1);
  v1.detach_();
  ASSERT_TRUE(v4.grad_fn());
  EXPECT_EQ(v4.grad_fn()->name(), "AsStridedBackward0");
  EXPECT_TRUE(v4.requires_grad());
  autograd::backward({sum(v4)}, {Tensor()}, false, false);
  EXPECT_FALSE(v0.grad().defined());
}

// matmul of a vector by a matrix ends in PyTorch's in-place squeeze_, so its result starts at
// version 1 and a saved-tensor message counts from there (live run s122063-73).
TEST(InPlace, VectorTimesMatrixStartsAtVersionOne) {
  const Tensor x = make({1, 2, 3, 4}, {4}, DType::Float32, true);
  const Tensor w = make({1, 0, 0, 1, 1, 0, 0, 1}, {2, 4});
  EXPECT_EQ(matmul(x, t(w)).version(), 1u);
  EXPECT_EQ(linear(x, w, make({1, 1}, {2})).version(), 2u);
  EXPECT_EQ(matmul(make({1, 2, 3, 4, 5, 6, 7, 8}, {2, 4}), x).version(), 0u);
  const Tensor y = linear(x, w, Tensor());
  const Tensor m = minimum(y, make({0.5}, {}));
  uniform_(y, 0, 1);
  div_(y, 1.0);
  expect_error([&] { autograd::backward({sum(m)}, {Tensor()}, true, false); },
               "which is output 0 of DivBackward0, is at version 3; expected version 1 instead.");
}

// x.copy_(x) is allowed even where x is expanded (PyTorch's copy_ returns before its overlap
// checks when src is self), and still records CopyBackwards: the gradient reaches x's old
// history through src, as PyTorch's (live run s120007-901). A different tensor over the same
// expanded memory is refused.
TEST(InPlace, CopyOfATensorIntoItselfIsAllowedAndRecorded) {
  Tensor e = expand(make({1, 2}, {2}), {3, 2});
  copy_(e, e);
  EXPECT_EQ(e.version(), 1);
  expect_values(e, {1, 2, 1, 2, 1, 2});
  expect_error([&] { copy_(e, expand(make({1, 2}, {2}), {3, 2})); }, "more than one element of the written-to tensor");

  const Tensor x = make({1, 2, 3}, {3}, DType::Float32, true);
  Tensor y = mul(x, 2.0);
  copy_(y, y);
  EXPECT_EQ(y.grad_fn()->name(), "CopyBackwards");
  autograd::backward({sum(y)}, {}, false, false);
  expect_values(x.grad(), {2, 2, 2});
  expect_error([&] { copy_(x, x); }, "a leaf Variable that requires grad is being used in an in-place operation.");
}

// zero_/fill_ on an expanded view are allowed, but PyTorch's CopySlices then writes the old
// view's gradient back through the expanded geometry and refuses, when the base's old history
// needs a gradient (live runs s122054-849, s122067-28).
TEST(InPlace, ExpandedViewWrittenInPlaceRefusesItsBasesOldGradient) {
  const Tensor v0 = make({1, 2}, {2}, DType::Float32, true);
  const Tensor v1 = mul(v0, 1.0);
  zero_(expand(narrow(v1, 0, 1, 1), {2}));
  expect_error([&] { autograd::grad({sum(v1)}, {v0}, {}, false, false, false); },
               "unsupported operation: more than one element of the written-to tensor refers to a single memory "
               "location. Please clone() the tensor before performing the operation.");
}

// A saved view whose base later changed in place is named by its rebuilt node in the version
// error even when nothing else holds it, as PyTorch (which keeps the saved tensor itself): here
// F.linear's saved weight.t() (live run s126016-455).
TEST(InPlace, ASavedTemporaryViewIsNamedByItsRebuiltNode) {
  const Tensor x = make({1, 2, 3, 4}, {1, 4}, DType::Float32, true);
  Tensor w = make({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, {3, 4});
  const Tensor y = linear(x, w, Tensor());
  sub_(w, make({1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, {3, 4}, DType::Float32, true));
  expect_error([&] { autograd::backward({y}, {ones({1, 3})}, false, false); },
               "[torch.FloatTensor [4, 3]], which is output 0 of AsStridedBackward0, is at version 1; expected version 0");
}

// An in-place op on an empty expanded view of a non-leaf, then backward under create_graph: no
// element is written, so no overlap to refuse (live run s128007-362).
TEST(InPlace, BackwardThroughAnEmptyExpandedViewWritesNothing) {
  const Tensor x = make({}, {2, 0}, DType::Float32, true);
  const Tensor y = index_select(x, 0, make({1, 1, 0, 0}, {4}, DType::Int64));
  Tensor e = expand(y, {3, 4, 0});
  clamp_(e, -0.5, 0.5);
  EXPECT_EQ(y.grad_fn()->name(), "CopySlices");
  autograd::backward({y}, {ones_like(y)}, true, true);
  EXPECT_EQ(x.grad().shape(), (Shape{2, 0}));
}

}  // namespace
}  // namespace gradlab
