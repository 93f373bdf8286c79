// Autograd rules, one test each: the tutorial's example, propagation of
// requires_grad and volatile, retain_graph, leaf/in-place errors, hooks,
// retain_grad, autograd::grad and double backward.
#include <functional>

#include "test_util.h"

namespace gradlab {
namespace {

using test::expect_error;
using test::expect_values;
using test::make;
using test::sample;

Tensor tutorial_variable() {
  Tensor t = make({1, 2, 3, 4}, {2, 2});
  return t.set_requires_grad(true);
}

TEST(Autograd, TutorialMeanOfSquareGivesHalfX) {
  Tensor x = tutorial_variable();
  Tensor out = mean(mul(x, x));
  expect_values(out, {7.5});
  EXPECT_EQ(out.grad_fn()->name(), "MeanBackward0");
  autograd::backward({out}, {}, false, false);
  expect_values(x.grad(), {0.5, 1.0, 1.5, 2.0});
}

TEST(Autograd, RequiresGradPropagates) {
  Tensor a = make({1, 2}, {2});
  Tensor b = make({3, 4}, {2}, DType::Float32, true);
  EXPECT_FALSE(add(a, a).requires_grad());
  Tensor c = add(a, b);
  EXPECT_TRUE(c.requires_grad());
  EXPECT_FALSE(c.is_leaf());
  EXPECT_EQ(c.grad_fn()->name(), "AddBackward0");
  // next_functions: (None, 0) for a, (AccumulateGrad, 0) for b
  ASSERT_EQ(c.grad_fn()->next_edges().size(), 2u);
  EXPECT_FALSE(c.grad_fn()->next_edges()[0].valid());
  EXPECT_EQ(c.grad_fn()->next_edges()[1].fn->name(), "AccumulateGrad");
}

TEST(Autograd, OnlyLeavesMayChangeRequiresGrad) {
  Tensor x = tutorial_variable();
  Tensor y = mul(x, 2.0);
  expect_error([&] { y.set_requires_grad(false); }, "you can only change requires_grad flags of leaf variables.");
  expect_error([&] { make({1}, {1}, DType::Int64).set_requires_grad(true); },
               "only Tensors of floating point and complex dtype can require gradients");
}

TEST(Autograd, VolatileWinsOverRequiresGradAndPropagates) {
  Tensor x = tutorial_variable();
  Tensor v = make({1, 1, 1, 1}, {2, 2});
  v.set_volatile(true);
  Tensor y = mul(x, v);
  EXPECT_TRUE(y.is_volatile());
  EXPECT_FALSE(y.requires_grad());
  EXPECT_EQ(y.grad_fn(), nullptr);
  Tensor z = exp(sum(y));
  EXPECT_TRUE(z.is_volatile());
  EXPECT_FALSE(z.requires_grad());
}

TEST(Autograd, NoGradRecordsNothing) {
  Tensor x = tutorial_variable();
  Tensor y;
  {
    NoGradGuard guard;
    y = mul(x, x);
  }
  EXPECT_FALSE(y.requires_grad());
  EXPECT_TRUE(mul(x, x).requires_grad());
}

TEST(Autograd, RetainGraphAccumulatesAndSecondBackwardFails) {
  Tensor x = tutorial_variable();
  Tensor out = mean(mul(x, x));
  autograd::backward({out}, {}, /*retain_graph=*/true, false);
  autograd::backward({out}, {}, false, false);
  expect_values(x.grad(), {1.0, 2.0, 3.0, 4.0});
  expect_error([&] { autograd::backward({out}, {}, false, false); },
               "Trying to backward through the graph a second time (or directly access saved tensors "
               "after they have already been freed).");
}

// PyTorch's AccumulateGrad: a leaf's .grad is a dense tensor of its own (never
// the broadcast view sum() sends back), so it takes in-place ops and accumulates in place.
TEST(Autograd, LeafGradIsADenseTensorTheLeafOwns) {
  Tensor x = make({1, 2, 3}, {3}, DType::Float32, true);
  autograd::backward({sum(x)}, {}, false, false);
  EXPECT_EQ(x.grad().strides(), (Shape{1}));
  autograd::backward({sum(x)}, {}, false, false);
  expect_values(x.grad(), {2, 2, 2});

  autograd::backward({mean(x)}, {}, false, false);
  zero_(x.grad());
  expect_values(x.grad(), {0, 0, 0});

  Tensor y = sum(add(x, 2.0));
  autograd::backward({y}, {}, /*retain_graph=*/true, false);
  autograd::backward({y}, {}, true, false);
  expect_values(x.grad(), {2, 2, 2});

  // A hand-written SGD step.
  Tensor b = make({1, 2}, {2}, DType::Float32, true);
  autograd::backward({sum(b)}, {}, false, false);
  {
    NoGradGuard no_grad;
    sub_(b, mul(b.grad(), 0.1));
    zero_(b.grad());
  }
  expect_values(b, {0.9, 1.9});
  expect_values(b.grad(), {0, 0});
}

TEST(Autograd, LeafGradAccumulatesInPlace) {
  Tensor x = make({1, 2, 3}, {3}, DType::Float64, true);
  autograd::backward({sum(mul(x, x))}, {}, false, false);
  const Tensor held = x.grad();
  autograd::backward({sum(x)}, {}, false, false);
  EXPECT_TRUE(held.is_same(x.grad()));
  expect_values(held, {3, 5, 7});
}

// An incoming gradient nobody else holds is stolen, not copied: here it is a
// view of the gradient given to backward(), which .grad then shares (as in PyTorch).
TEST(Autograd, LeafGradStealsAGradientNobodyHolds) {
  Tensor x = make({1, 2, 3}, {3}, DType::Float32, true);
  Tensor g = ones({1, 3});
  autograd::backward({view(x, {1, 3})}, {g}, false, false);
  add_(g, 1.0);
  expect_values(x.grad(), {2, 2, 2});
}

TEST(Autograd, RetainedGradTakesInPlaceOps) {
  Tensor x = make({1, 2, 3}, {3}, DType::Float32, true);
  Tensor y = mul(x, 1.0);
  y.retain_grad();
  autograd::backward({sum(y)}, {}, false, false);
  zero_(y.grad());
  expect_values(y.grad(), {0, 0, 0});
}

// With create_graph, .grad keeps the gradient's history (through a copy, as
// PyTorch's CopyBackwards); a later plain backward adds in place and keeps it.
TEST(Autograd, CreateGraphGradKeepsHistory) {
  Tensor x = make({1, 1, 1}, {3}, DType::Float32, true);
  autograd::backward({sum(mul(x, x))}, {}, false, /*create_graph=*/true);
  ASSERT_TRUE(x.grad().requires_grad());
  EXPECT_EQ(x.grad().grad_fn()->name(), "CopyBackwards");
  autograd::backward({sum(mul(x, 2.0))}, {}, false, false);
  expect_values(x.grad(), {4, 4, 4});
  EXPECT_TRUE(x.grad().requires_grad());
  // x -> .grad -> its history -> x's AccumulateGrad -> x: the cycle PyTorch
  // warns about; resetting .grad breaks it, as PyTorch advises.
  x.set_grad(Tensor());

  Tensor z = make({1, 1, 1}, {3}, DType::Float32, true);
  autograd::backward({sum(z)}, {}, false, true);
  EXPECT_FALSE(z.grad().requires_grad());  // the gradient of sum() has no history
  zero_(z.grad());
  expect_values(z.grad(), {0, 0, 0});
}

// create_graph does not imply retain_graph: the graph is freed unless asked.
TEST(Autograd, CreateGraphFreesTheGraphUnlessRetained) {
  const std::string message = "Trying to backward through the graph a second time";
  Tensor x = make({1, 2, 3}, {3}, DType::Float64, true);
  Tensor y = sum(mul(x, x));
  autograd::backward({y}, {}, /*retain_graph=*/false, /*create_graph=*/true);
  expect_error([&] { autograd::backward({y}, {}, false, false); }, message);
  x.set_grad(Tensor());  // .grad has history back to x (see CreateGraphGradKeepsHistory)

  Tensor y2 = sum(mul(x, x));
  autograd::grad({y2}, {x}, {}, /*retain_graph=*/false, /*create_graph=*/true, false);
  expect_error([&] { autograd::grad({y2}, {x}, {}, false, false, false); }, message);

  Tensor y3 = sum(mul(x, x));
  autograd::grad({y3}, {x}, {}, /*retain_graph=*/true, /*create_graph=*/true, false);
  expect_values(autograd::grad({y3}, {x}, {}, false, false, false)[0], {2, 4, 6});
}

TEST(Autograd, NonScalarRootNeedsGradient) {
  Tensor x = tutorial_variable();
  Tensor y = mul(x, 2.0);
  expect_error([&] { autograd::backward({y}, {}, false, false); },
               "grad can be implicitly created only for scalar outputs");
  autograd::backward({y}, {ones_like(y)}, false, false);
  expect_values(x.grad(), {2, 2, 2, 2});
}

TEST(Autograd, GradientsMeetAndSum) {
  Tensor x = make({3}, {1}, DType::Float64, true);
  // y = x*x + exp(x) + x: three paths into x
  Tensor y = add(add(mul(x, x), exp(x)), x);
  autograd::backward({y}, {}, false, false);
  expect_values(x.grad(), {2 * 3 + std::exp(3.0) + 1});
}

TEST(Autograd, LeafInPlaceIsAnError) {
  Tensor x = tutorial_variable();
  expect_error([&] { add_(x, 1.0); }, "a leaf Variable that requires grad is being used in an in-place operation.");
  {
    NoGradGuard guard;
    add_(x, 1.0);  // allowed without grad mode, as optimizers do
  }
  expect_values(x, {2, 3, 4, 5});
  EXPECT_EQ(x.version(), 1u);
}

TEST(Autograd, ModifiedSavedTensorIsAnError) {
  Tensor x = tutorial_variable();
  Tensor y = mul(x, 1.0);
  Tensor z = tanh(y);  // saves its output
  Tensor w = mul(z, y);  // saves y and z
  mul_(z, 2.0);
  expect_error([&] { autograd::backward({sum(w)}, {}, false, false); },
               "one of the variables needed for gradient computation has been modified by an inplace "
               "operation: [torch.FloatTensor [2, 2]], which is output 0 of MulBackward0, is at version 1; "
               "expected version 0 instead.");
}

TEST(Autograd, InPlaceOnNonLeafRebasesHistory) {
  Tensor x = make({1, 2}, {2}, DType::Float64, true);
  Tensor y = mul(x, 3.0);
  mul_(y, 2.0);
  EXPECT_EQ(y.grad_fn()->name(), "MulBackward0");
  autograd::backward({sum(y)}, {}, false, false);
  expect_values(x.grad(), {6, 6});
}


// y.div_(y) saves y for its own backward; holding y's TensorImpl there would be
// a cycle (y -> DivBackward0 -> y) that is never freed once y goes away.
TEST(Autograd, InPlaceWithItselfAsOperandLeavesNoCycle) {
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
TEST(Autograd, InPlaceFromATensorThatSavedSelfLeavesNoCycle) {
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
TEST(Autograd, InPlaceOnAViewRebasesItsBase) {
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
TEST(Autograd, InPlaceOnViewsPassesGradcheckAndDoubleGradcheck) {
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

TEST(Autograd, InPlaceOnAViewOfALeafIsAnError) {
  Tensor x = tutorial_variable();
  expect_error([&] { mul_(select(x, 0, 0), 2.0); },
               "a view of a leaf Variable that requires grad is being used in an in-place operation.");
  expect_values(x, {1, 2, 3, 4});
}

// A view made before its base changed in place (through the base or another
// view) follows the change: its grad_fn is rebuilt from the base's history.
TEST(Autograd, ViewsFollowInPlaceChangesOfTheirBase) {
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

TEST(Autograd, InPlaceOnAnExpandedTensorIsAnError) {
  Tensor e = expand(make({1, 2}, {2}), {3, 2});
  const std::string message =
      "unsupported operation: more than one element of the written-to tensor refers to a single memory location. "
      "Please clone() the tensor before performing the operation.";
  expect_error([&] { add_(e, 1.0); }, message);
  expect_error([&] { copy_(e, make({1, 2, 3, 4, 5, 6}, {3, 2})); }, message);
  expect_values(e, {1, 2, 1, 2, 1, 2});
  add_(expand(make({1, 2}, {1, 2}), {1, 2}), 1.0);  // size-1 dims may have any stride
}

TEST(Autograd, InPlaceOnAViewLeavesNoCycle) {
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
TEST(Autograd, InPlaceOpsPassGradcheckAndDoubleGradcheck) {
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

TEST(Autograd, HooksSeeAndReplaceGradients) {
  Tensor x = make({1, 2}, {2}, DType::Float64, true);
  Tensor y = mul(x, 2.0);
  std::vector<double> seen;
  const int id = y.register_hook([&](const Tensor& g) {
    seen = test::values_of(g);
    return mul(g, 10.0);
  });
  int leaf_calls = 0;
  x.register_hook([&](const Tensor& g) {
    ++leaf_calls;
    return Tensor();
  });
  autograd::backward({sum(y)}, {}, true, false);
  EXPECT_EQ(seen, (std::vector<double>{1, 1}));
  expect_values(x.grad(), {20, 20});
  EXPECT_EQ(leaf_calls, 1);
  y.remove_hook(id);
  autograd::backward({sum(y)}, {}, false, false);
  expect_values(x.grad(), {22, 22});
}

TEST(Autograd, RetainGradKeepsNonLeafGrad) {
  Tensor x = make({1, 2}, {2}, DType::Float64, true);
  Tensor y = mul(x, x);
  Tensor z = sum(y);
  EXPECT_FALSE(y.grad().defined());
  y.retain_grad();
  autograd::backward({z}, {}, false, false);
  expect_values(y.grad(), {1, 1});
}

TEST(Autograd, GradFunctionDoesNotTouchLeafGrad) {
  Tensor x = make({1, 2}, {2}, DType::Float64, true);
  Tensor w = make({5}, {1}, DType::Float64, true);
  Tensor y = sum(mul(mul(x, x), w));
  auto g = autograd::grad({y}, {x}, {}, false, false, false);
  expect_values(g[0], {10, 20});
  EXPECT_FALSE(x.grad().defined());
  EXPECT_FALSE(w.grad().defined());
  Tensor unused = make({1}, {1}, DType::Float64, true);
  Tensor y2 = sum(mul(x, x));
  expect_error([&] { autograd::grad({y2}, {unused}, {}, false, false, false); },
               "One of the differentiated Tensors appears to not have been used in the graph.");
  auto g2 = autograd::grad({y2}, {unused}, {}, false, false, true);
  EXPECT_FALSE(g2[0].defined());
}

TEST(Autograd, DoubleBackward) {
  Tensor x = make({2}, {1}, DType::Float64, true);
  Tensor y = mul(mul(x, x), x);  // x^3
  auto g = autograd::grad({y}, {x}, {}, /*retain_graph=*/true, /*create_graph=*/true, false);
  expect_values(g[0], {12});  // 3x^2
  EXPECT_TRUE(g[0].requires_grad());
  auto gg = autograd::grad({g[0]}, {x}, {}, /*retain_graph=*/true, true, false);
  expect_values(gg[0], {12});  // 6x
  auto ggg = autograd::grad({gg[0]}, {x}, {}, false, false, false);
  expect_values(ggg[0], {6});
}

TEST(Autograd, DeepChainBackpropsWithoutRecursion) {
  Tensor x = make({1}, {1}, DType::Float64, true);
  Tensor y = x;
  for (int i = 0; i < 100000; ++i) y = mul(y, 1.0);
  autograd::backward({y}, {}, false, false);
  expect_values(x.grad(), {1});
}

TEST(Autograd, DataSharesStorageWithoutHistory) {
  Tensor x = tutorial_variable();
  Tensor d = x.data();
  EXPECT_FALSE(d.requires_grad());
  EXPECT_EQ(d.raw_ptr(), x.raw_ptr());
  Tensor det = x.detach();
  EXPECT_FALSE(det.requires_grad());
  EXPECT_EQ(det.raw_ptr(), x.raw_ptr());
}

TEST(Autograd, GradcheckCatchesAWrongGradient) {
  Tensor x = test::sample({3});
  EXPECT_TRUE(autograd::gradcheck([](const variable_list& in) { return variable_list{tanh(in[0])}; }, {x}));
  // A hook that doubles the gradient makes the analytic Jacobian wrong.
  auto wrong = [](const variable_list& in) {
    Tensor y = mul(in[0], 1.0);
    if (y.requires_grad()) y.register_hook([](const Tensor& g) { return mul(g, 2.0); });
    return variable_list{y};
  };
  expect_error([&] { autograd::gradcheck(wrong, {x}); }, "Jacobian mismatch for output 0 with respect to input 0");
}

TEST(Autograd, GradcheckOfAViewOfItsInput) {
  // The output shares storage with the input: perturbing the input must not move earlier samples.
  Tensor x = test::sample({2, 3});
  EXPECT_TRUE(autograd::gradcheck([](const variable_list& in) { return variable_list{transpose(in[0], 0, 1)}; }, {x}));
}

TEST(Autograd, ErrorsLeaveTheEngineUsable) {
  for (int i = 0; i < 100; ++i)
    expect_error([] { add(make({1, 2, 3}, {3}), make({1, 2}, {2})); },
                 "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0");
  expect_error([] { zeros({100000, 100000, 1000}); },
               "DefaultCPUAllocator: not enough memory: you tried to allocate 40000000000000 bytes.");
  expect_error([] { zeros({-1, 2}); }, "Trying to create tensor with negative dimension -1: [-1, 2]");
  const auto before = memory_stats();
  {
    Tensor x = tutorial_variable();
    autograd::backward({mean(mul(x, x))}, {}, false, false);
    expect_values(x.grad(), {0.5, 1.0, 1.5, 2.0});
  }
  EXPECT_EQ(memory_stats().storages, before.storages);
  EXPECT_EQ(memory_stats().bytes, before.bytes);
}

}  // namespace
}  // namespace gradlab
