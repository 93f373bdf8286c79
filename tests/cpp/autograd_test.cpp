// Autograd rules, one test each: the tutorial's example, propagation of
// requires_grad and volatile, retain_graph, AccumulateGrad, hooks,
// retain_grad, autograd::grad and double backward. In-place ops: inplace_test.cpp.
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

// Which nodes keep something that backward frees, as in PyTorch 1.13: MeanBackward1
// saves self and CopySlices its fn, so a second backward through either raises;
// MeanBackward0 keeps only sizes (live runs s95004-257, s95005-261, s94009-931).
TEST(Autograd, SecondBackwardThroughNodesThatSavedSomething) {
  const std::string message = "Trying to backward through the graph a second time";
  Tensor x = make({1, 2, 3}, {3}, DType::Float64, true);
  Tensor whole = mean(x);
  autograd::backward({whole}, {}, false, false);
  EXPECT_NO_THROW(autograd::backward({whole}, {}, false, false));
  Tensor per_dim = mean(x, {0}, false);
  autograd::backward({per_dim}, {}, false, false);
  expect_error([&] { autograd::backward({per_dim}, {}, false, false); }, message);

  Tensor a = mul(x, 1.0);
  Tensor m = mean(a, {0}, true);
  mul_(a, 2.0);  // MeanBackward1 saved a
  expect_error([&] { autograd::backward({m}, {}, false, false); }, "modified by an inplace operation");

  Tensor base = make({0.42, -1.67}, {2});
  Tensor w = make({-1.63}, {1}, DType::Float32, true);
  Tensor v = narrow(base, 0, 0, 2);
  sub_(v, w);
  EXPECT_EQ(base.grad_fn()->name(), "CopySlices");
  autograd::backward({v}, {make({2.3, 1.98}, {2})}, false, false);
  expect_error([&] { autograd::grad({base}, {w}, {ones_like(base)}, false, false, false); }, message);
}

// A view made before its base required grad requires grad through the base but
// has no node and no accumulator: as in PyTorch, it cannot be a root (s94008-92).
TEST(Autograd, ViewMadeBeforeItsBaseRequiredGradIsNoRoot) {
  const std::string message = "element 0 of tensors does not require grad and does not have a grad_fn";
  Tensor base = make({1, 2}, {2});
  Tensor v = unsqueeze(base, -1);
  base.set_requires_grad(true);
  EXPECT_TRUE(v.requires_grad());
  EXPECT_EQ(v.grad_fn(), nullptr);
  expect_error([&] { autograd::backward({v}, {ones_like(v)}, false, false); }, message);
  expect_error([&] { autograd::grad({v}, {base}, {ones_like(v)}, false, false, false); }, message);
}

// PyTorch checks the given gradients' shapes (in Python, _make_grads) for
// every root before the engine asks whether each root requires grad; the
// message names the root's index and prints shapes as torch.Size.
TEST(Autograd, GradientShapesAreCheckedBeforeRootsRequireGrad) {
  Tensor x = make({1, 2}, {2}, DType::Float32, true);
  Tensor y = mul(x, 2.0);
  Tensor plain = make({1, 2, 3}, {3});
  expect_error([&] { autograd::backward({plain}, {make({1}, {1})}, false, false); },
               "Mismatch in shape: grad_output[0] has a shape of torch.Size([1]) and output[0] has a shape of "
               "torch.Size([3]).");
  expect_error([&] { autograd::backward({y, plain}, {ones_like(y), make({1}, {1})}, false, false); },
               "Mismatch in shape: grad_output[1] has a shape of torch.Size([1]) and output[1] has a shape of "
               "torch.Size([3]).");
  expect_error([&] { autograd::grad({y, plain}, {x}, {ones_like(y), ones_like(plain)}, false, false, false); },
               "element 1 of tensors does not require grad and does not have a grad_fn");
  EXPECT_FALSE(x.grad().defined());
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

// A hook may run a backward pass of its own (PyTorch's reentrant backward)
// over nodes the outer pass is working through; the engine keeps each pass's
// bookkeeping on the nodes, so the outer pass must find its own again after.
TEST(Autograd, BackwardInsideAHookOverTheSameNodes) {
  Tensor x = make({1, 2}, {2}, DType::Float64, true);
  Tensor a = mul(x, x);
  Tensor b = mul(a, 3.0);
  variable_list inner;
  // On b: the inner pass (rooted at a) runs a's node and x's accumulator, which
  // the outer pass has already counted and still has to run.
  b.register_hook([&](const Tensor&) {
    inner = autograd::grad({a}, {x}, {ones_like(a)}, true, false, false);
    return Tensor();
  });
  autograd::backward({sum(b)}, {}, false, false);
  expect_values(x.grad(), {6, 12});  // d(3x^2) = 6x
  ASSERT_EQ(inner.size(), 1u);
  expect_values(inner[0], {2, 4});   // d(x^2) = 2x, and autograd.grad leaves x.grad alone
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

// A node whose backward gives no gradient for an input (an undefined tensor, as a
// custom node may): nothing flows on from there, and the ops upstream, a view op
// among them, are not run on an undefined gradient (UnsqueezeBackward0 crashed).
TEST(Autograd, NoGradientFromANodeStopsThere) {
  for (const bool create_graph : {false, true}) {
    SCOPED_TRACE(create_graph ? "create_graph" : "plain");
    Tensor x = make({1, 2, 3}, {3}, DType::Float32, true);
    Tensor y = make({4, 5, 6}, {3}, DType::Float32, true);
    Tensor blocked = add(unsqueeze(x, 0), y).detach();
    record("NoGradForInputBackward", {blocked}, {add(unsqueeze(x, 0), y)}, {},
           [](const BackwardContext&) { return variable_list{Tensor()}; });
    autograd::backward({add(sum(blocked), sum(mul(y, 2.0)))}, {}, false, create_graph);
    EXPECT_FALSE(x.grad().defined());
    expect_values(y.grad(), {2, 2, 2});
    // autograd.grad: the input reached only through that node has no gradient.
    Tensor again = add(unsqueeze(x, 0), y).detach();
    record("NoGradForInputBackward", {again}, {transpose(unsqueeze(x, 1), 0, 1)}, {},
           [](const BackwardContext&) { return variable_list{Tensor()}; });
    const variable_list g = autograd::grad({sum(again)}, {x}, {}, false, create_graph, true);
    EXPECT_FALSE(g[0].defined());
  }
}

}  // namespace
}  // namespace gradlab
