// torch.nn.functional: softmax/log_softmax (stable), linear, dropout and the losses
// with each reduction. Values from PyTorch 1.13; gradients and double backward
// against finite differences; node names and PyTorch's messages.
#include "test_util.h"

namespace gradlab {
namespace {

using test::expect_error;
using test::expect_values;
using test::make;
using test::sample;

const Reduction kReductions[] = {Reduction::None, Reduction::Mean, Reduction::Sum};

Tensor logits() { return make({1, 2, 3, -1, 0.5, -0.5, 2, 0}, {2, 4}, DType::Float64); }
Tensor probs() { return make({0.2, 0.9, 0.5, 0.01, 0.7, 1.0}, {2, 3}, DType::Float64); }
Tensor soft_targets() { return make({0, 1, 0.3, 1, 0, 1}, {2, 3}, DType::Float64); }
Tensor longs(const std::vector<double>& v, const Shape& shape) { return make(v, shape, DType::Int64); }

// f(x) weighted by fixed values, and its gradient, both checked against finite differences
// (the second only when the gradient depends on x at all).
void check_twice(const std::function<Tensor(const variable_list&)>& f, const variable_list& xs, bool twice = true) {
  auto scalar = [&](const variable_list& in) {
    const Tensor y = f(in);
    return sum(mul(y, sample(y.shape(), 9, false)));
  };
  EXPECT_NO_THROW(autograd::gradcheck([&](const variable_list& in) { return variable_list{scalar(in)}; }, xs));
  if (!twice) return;
  EXPECT_NO_THROW(autograd::gradcheck(
      [&](const variable_list& in) { return autograd::grad({scalar(in)}, in, {}, true, true, false); }, xs));
}

TEST(NnActivation, SoftmaxValues) {
  expect_values(softmax(logits(), 1), {0.08894682, 0.24178252, 0.65723302, 0.01203764, 0.15489229, 0.05698169,
                                       0.69417909, 0.09394692});
  expect_values(softmax(logits(), 0), {0.62245933, 0.92414182, 0.73105858, 0.26894142, 0.37754067, 0.07585818,
                                       0.26894142, 0.73105858});
  expect_values(log_softmax(logits(), -1), {-2.41971665, -1.41971665, -0.41971665, -4.41971665, -1.86502529,
                                            -2.86502529, -0.36502529, -2.36502529});
  // Shifted by the max: no overflow for large logits.
  expect_values(softmax(make({1000, 1001, 1002}, {3}), 0), {0.09003057, 0.24472848, 0.66524094});
  expect_values(log_softmax(make({1000, 1001, -1000}, {3}), 0), {-1.31326163, -0.31326166, -2001.31323242});
  // Non-contiguous input, contiguous result.
  Tensor s = softmax(transpose(logits(), 0, 1), 0);
  EXPECT_TRUE(s.is_contiguous());
  expect_values(s, {0.08894682, 0.15489229, 0.24178252, 0.05698169, 0.65723302, 0.69417909, 0.01203764, 0.09394692});
  expect_values(softmax(scalar_tensor(3, DType::Float32), 0), {1});
}

TEST(NnActivation, SoftmaxGradients) {
  for (int64_t dim : {0, 1, -1}) {
    SCOPED_TRACE(dim);
    check_twice([dim](const variable_list& in) { return softmax(in[0], dim); }, {sample({3, 4, 2})});
    check_twice([dim](const variable_list& in) { return log_softmax(transpose(in[0], 0, 2), dim); }, {sample({3, 4, 2})});
  }
  EXPECT_EQ(softmax(sample({2, 3}), 1).grad_fn()->name(), "SoftmaxBackward0");
  EXPECT_EQ(log_softmax(sample({2, 3}), 1).grad_fn()->name(), "LogSoftmaxBackward0");
}

TEST(NnActivation, Linear) {
  const Tensor x = make({1, 2, 3, -1, 0.5, 2}, {2, 3});
  const Tensor w = make({0.1, 0.2, 0.3, -0.5, 1, 2}, {2, 3});
  const Tensor b = make({0.5, -1}, {2});
  expect_values(linear(x, w, b), {1.9, 6.5, 1.1, 4.0});
  expect_values(linear(x, w, Tensor()), {1.4, 7.5, 0.6, 5.0});
  expect_values(linear(select(x, 0, 0), w, b), {1.9, 6.5});
  check_twice([](const variable_list& in) { return tanh(linear(in[0], in[1], in[2])); },
              {sample({4, 3}), sample({2, 3}, 1), sample({2}, 2)});
  check_twice([](const variable_list& in) { return tanh(linear(in[0], in[1], Tensor())); },
              {sample({2, 4, 3}), sample({2, 3}, 1)});
}

TEST(NnActivation, Dropout) {
  Tensor x = sample({200}, 0, true);
  EXPECT_TRUE(dropout(x, 0.0).is_same(x));
  EXPECT_TRUE(dropout(x, 0.7, false).is_same(x));
  Tensor none = dropout(x, 1.0);
  expect_values(none, std::vector<double>(200, 0.0));
  EXPECT_EQ(none.grad_fn()->name(), "MulBackward0");
  Tensor y = dropout(x, 0.25);
  EXPECT_EQ(y.grad_fn()->name(), "MulBackward0");
  const auto xv = test::values_of(x), yv = test::values_of(y);
  int kept = 0;
  for (size_t i = 0; i < xv.size(); ++i) {
    if (yv[i] == 0) continue;
    ++kept;
    EXPECT_NEAR(yv[i], xv[i] / 0.75, 1e-12);
  }
  EXPECT_GT(kept, 100);
  EXPECT_LT(kept, 200);
  // The gradient is the same mask and scale.
  autograd::backward({sum(y)}, {}, false, false);
  const auto gv = test::values_of(x.grad());
  for (size_t i = 0; i < xv.size(); ++i) EXPECT_NEAR(gv[i], yv[i] == 0 ? 0 : 1 / 0.75, 1e-12);
}

TEST(NnLoss, Values) {
  const Tensor p = probs(), t = soft_targets(), z = logits(), cls = longs({2, 0}, {2});
  const Tensor wide = mul(narrow(z, 1, 0, 3), 10.0);
  struct Case {
    const char* name;
    std::function<Tensor(Reduction)> fn;
    std::vector<double> none, mean, sum;
  };
  const std::vector<Case> cases = {
      {"mse", [&](Reduction r) { return mse_loss(p, t, r); }, {0.04, 0.01, 0.04, 0.9801, 0.49, 0.0}, {0.26001667}, {1.5601}},
      {"l1", [&](Reduction r) { return l1_loss(p, t, r); }, {0.2, 0.1, 0.2, 0.99, 0.7, 0.0}, {0.365}, {2.19}},
      {"bce", [&](Reduction r) { return binary_cross_entropy(p, t, r); },
       {0.22314355, 0.10536052, 0.69314718, 4.60517019, 1.2039728, 0.0}, {1.13846571}, {6.83079424}},
      {"bce_logits", [&](Reduction r) { return binary_cross_entropy_with_logits(wide, t, r); },
       {10.0000454, 0.0, 21.0, 0.00671535, 0.00671535, 0.0}, {5.16891268}, {31.0134761}},
      {"nll", [&](Reduction r) { return nll_loss(z, cls, r); }, {-3.0, -0.5}, {-1.75}, {-3.5}},
      {"cross_entropy", [&](Reduction r) { return cross_entropy(z, cls, r); }, {0.41971665, 1.86502529},
       {1.14237097}, {2.28474194}},
      // ignore_index = -100: the row adds nothing and the mean counts only the other.
      {"nll_ignored", [&](Reduction r) { return nll_loss(z, longs({-100, 3}, {2}), r); }, {0.0, 0.0}, {0.0}, {0.0}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    expect_values(c.fn(Reduction::None), c.none);
    expect_values(c.fn(Reduction::Mean), c.mean);
    expect_values(c.fn(Reduction::Sum), c.sum);
    EXPECT_EQ(c.fn(Reduction::Mean).dim(), 0);
  }
  // log is clamped at -100, so certain wrong predictions cost 100, not inf.
  expect_values(binary_cross_entropy(make({0, 1}, {2}), make({1, 0}, {2})), {100});
  expect_values(nll_loss(select(z, 0, 0), longs({1}, {})), {-2});
  expect_values(nll_loss(transpose(contiguous(transpose(z, 0, 1)), 0, 1), cls, Reduction::None), {-3, -0.5});
  expect_values(cross_entropy(z, make({0.25, 0.25, 0.5, 0, 1, 0, 0, 0}, {2, 4}, DType::Float64)), {1.51737097});
  EXPECT_EQ(reduction_from_name("sum"), Reduction::Sum);
  EXPECT_EQ(reduction_from_name("none"), Reduction::None);
}

TEST(NnLoss, Gradients) {
  const Tensor cls = longs({2, 0, 3}, {3});
  for (Reduction r : kReductions) {
    SCOPED_TRACE("reduction " + std::to_string(static_cast<int>(r)));
    check_twice([r](const variable_list& in) { return mse_loss(in[0], in[1], r); }, {sample({3, 2}), sample({3, 2}, 1)});
    // Broadcast target, as PyTorch allows (with a warning) for mse_loss.
    check_twice([r](const variable_list& in) { return mse_loss(transpose(in[0], 0, 1), in[1], r); },
                {sample({3, 2}), sample({3}, 1)});
    check_twice([r](const variable_list& in) { return l1_loss(in[0], in[1], r); }, {sample({3, 2}), sample({3, 2}, 1)});
    // nll is linear in its input: its gradient is a constant.
    check_twice([&, r](const variable_list& in) { return nll_loss(in[0], cls, r); }, {sample({3, 4})}, false);
    check_twice([&, r](const variable_list& in) { return cross_entropy(transpose(in[0], 0, 1), cls, r); },
                {sample({4, 3})});
    check_twice([r](const variable_list& in) { return cross_entropy(in[0], longs({1}, {}), r); }, {sample({4})});
    // Probabilities kept inside (0, 1) by a sigmoid.
    check_twice([r](const variable_list& in) { return binary_cross_entropy(sigmoid(in[0]), sigmoid(in[1]), r); },
                {sample({2, 3}), sample({2, 3}, 1)});
    check_twice([r](const variable_list& in) { return binary_cross_entropy_with_logits(mul(in[0], 4.0), in[1], r); },
                {sample({2, 3}), sample({2, 3}, 1)});
  }
}

TEST(NnLoss, NodeNames) {
  const Tensor x = sample({2, 3}), y = sample({2, 3}, 1, false);
  EXPECT_EQ(mse_loss(x, y).grad_fn()->name(), "MseLossBackward0");
  EXPECT_EQ(l1_loss(x, y).grad_fn()->name(), "MeanBackward0");
  EXPECT_EQ(nll_loss(x, longs({0, 1}, {2})).grad_fn()->name(), "NllLossBackward0");
  EXPECT_EQ(cross_entropy(x, longs({0, 1}, {2}), Reduction::None).grad_fn()->name(), "NllLossBackward0");
  EXPECT_EQ(binary_cross_entropy(sigmoid(x), sigmoid(y)).grad_fn()->name(), "BinaryCrossEntropyBackward0");
  EXPECT_EQ(binary_cross_entropy_with_logits(x, y).grad_fn()->name(), "BinaryCrossEntropyWithLogitsBackward0");
}

// PyTorch's binary_cross_entropy_with_logits_backward divides by numel at the end
// (`grad_input / input.numel()`, a DivBackward1), so the mean's gradients under
// create_graph are DivBackward1 and the sum's MulBackward0 (live run s95000-474).
TEST(NnLoss, BceWithLogitsGradientNodesAsPyTorch) {
  const Tensor x = make({-2.23, 0.62}, {1, 2}, DType::Float64, true);
  const Tensor y = make({-0.52, -1.79}, {1, 2}, DType::Float64, true);
  const auto g = autograd::grad({binary_cross_entropy_with_logits(x, y)}, {x, y}, {}, true, true, false);
  EXPECT_EQ(g[0].grad_fn()->name(), "DivBackward1");
  EXPECT_EQ(g[1].grad_fn()->name(), "DivBackward1");
  expect_values(g[0], {0.30854432, 1.22010927});
  expect_values(g[1], {1.115, -0.31});
  const auto s = autograd::grad({binary_cross_entropy_with_logits(x, y, Reduction::Sum)}, {x, y}, {}, true, true, false);
  EXPECT_EQ(s[0].grad_fn()->name(), "MulBackward0");
  EXPECT_EQ(s[1].grad_fn()->name(), "MulBackward0");
}

TEST(NnLoss, Errors) {
  const Tensor x = zeros({3, 4});
  expect_error([&] { nll_loss(x, longs({0, 5, 1}, {3})); }, "Target 5 is out of bounds.");
  expect_error([&] { nll_loss(x, longs({0, -1, 1}, {3})); }, "Target -1 is out of bounds.");
  expect_error([&] { cross_entropy(x, longs({0, 5, 1}, {3})); }, "Target 5 is out of bounds.");
  expect_error([&] { nll_loss(select(x, 0, 0), longs({7}, {})); }, "Target 7 is out of bounds.");
  expect_error([&] { nll_loss(x, longs({0, 1}, {2})); }, "Expected input batch_size (3) to match target batch_size (2).");
  expect_error([&] { nll_loss(x, make({0, 1, 1}, {3})); }, "expected scalar type Long but found Float");
  expect_error([&] { nll_loss(sum(x), longs({0}, {})); }, "Expected 1 or more dimensions (got 0)");
  expect_error([&] { nll_loss(select(x, 0, 0), longs({1}, {1})); }, "size mismatch (got input: [4], target: [1])");
  expect_error([&] { reduction_from_name("foo"); }, "foo is not a valid value for reduction");
  expect_error([&] { mse_loss(x, zeros({2, 4})); },
               "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0");
  expect_error([&] { binary_cross_entropy(x, zeros({3})); },
               "Using a target size (torch.Size([3])) that is different to the input size (torch.Size([3, 4])) is "
               "deprecated. Please ensure they have the same size.");
  expect_error([&] { binary_cross_entropy(make({1.5}, {1}), make({1}, {1})); },
               "all elements of input should be between 0 and 1");
  expect_error([&] { binary_cross_entropy(make({0.5}, {1}), longs({1}, {1})); }, "Found dtype Long but expected Float");
  expect_error([&] { binary_cross_entropy_with_logits(x, zeros({3})); },
               "Target size (torch.Size([3])) must be the same as input size (torch.Size([3, 4]))");
  expect_error([&] { softmax(longs({1, 2}, {2}), 0); }, "\"softmax_lastdim_kernel_impl\" not implemented for 'Long'");
  expect_error([&] { softmax(x, 2); }, "Dimension out of range (expected to be in range of [-2, 1], but got 2)");
  expect_error([&] { dropout(x, 1.5); }, "dropout probability has to be between 0 and 1, but got 1.5");
  expect_error([&] { dropout(x, -0.1); }, "dropout probability has to be between 0 and 1, but got -0.1");
}

// Dtype mismatches raise PyTorch 1.13's texts (collected with the oracle).
TEST(NN, DtypeMismatchErrorsAsPyTorch) {
  const Tensor f = ones({2, 3}), d = ones({2, 3}, DType::Float64);
  expect_error([&] { linear(ones({2, 3}), ones({4, 3}), ones({4}, DType::Float64)); },
               "self and mat2 must have the same dtype");
  expect_error([&] { linear(ones({2, 2, 3}, DType::Float64), ones({4, 3}, DType::Float64), ones({4})); },
               "self and mat2 must have the same dtype");
  expect_error([&] { linear(f, ones({4, 3}, DType::Float64), Tensor()); }, "expected scalar type Float but found Double");
  expect_error([&] { mse_loss(ones({3}, DType::Int64), ones({3}, DType::Int64)); }, "\"mse_cpu\" not implemented for 'Long'");
  expect_error([&] { mse_loss(ones({3}, DType::Bool), ones({3}, DType::Bool)); }, "\"mse_cpu\" not implemented for 'Bool'");
  EXPECT_EQ(mse_loss(f, ones({2, 3}, DType::Int64)).dtype(), DType::Float32);
  EXPECT_EQ(mse_loss(f, d).dtype(), DType::Float64);
  // A target not of the input's shape holds class indices, which must be int64.
  expect_error([&] { cross_entropy(f, ones({2})); }, "expected scalar type Long but found Float");
  expect_error([&] { cross_entropy(ones({3}), ones({})); }, "expected scalar type Long but found Float");
  expect_error([&] { cross_entropy(f, ones({2}, DType::Bool)); }, "expected scalar type Long but found Bool");
  expect_error([&] { cross_entropy(f, ones({2, 3}, DType::Int64)); },
               "Expected floating point type for target with class probabilities, got Long");
  EXPECT_EQ(cross_entropy(d, f).dtype(), DType::Float64);
}

// (N, C, d1, ...) inputs, class weights, ignore_index and label smoothing: gradients against finite
// differences, twice (values and gradients against PyTorch are in ops.json, replayed by oracle_test).
TEST(NnLoss, ClassLossOptionsGradcheck) {
  const Tensor w3 = make({0.5, 2.0, 1.25}, {3}, DType::Float64);
  const Tensor t3d = longs({0, 2, -100, 1, 2, 2, 0, 1}, {2, 4});
  const Tensor t4d = longs({0, 2, -100, 1, 2, 2, 0, 1}, {2, 2, 2});
  const Tensor t5d = longs({1, 0, 2, 2, 0, 1, 1, -100}, {2, 2, 1, 2});
  const Tensor t1 = longs({2, 1, 1, 0}, {4});
  for (Reduction r : {Reduction::None, Reduction::Mean, Reduction::Sum}) {
    SCOPED_TRACE("reduction " + std::to_string(static_cast<int>(r)));
    // nll_loss is linear in its input: its gradient is a constant, so only once (as above).
    check_twice([&, r](const variable_list& in) { return nll_loss(in[0], t3d, r, w3); }, {sample({2, 3, 4})}, false);
    check_twice([&, r](const variable_list& in) { return nll_loss(in[0], t4d, r, w3); }, {sample({2, 3, 2, 2})}, false);
    check_twice([&, r](const variable_list& in) { return nll_loss(in[0], t5d, r); }, {sample({2, 3, 2, 1, 2})}, false);
    check_twice([&, r](const variable_list& in) { return cross_entropy(in[0], t1, r, w3, 1); }, {sample({4, 3})});
    check_twice([&, r](const variable_list& in) { return cross_entropy(in[0], t4d, r, w3, -100, 0.2); },
                {sample({2, 3, 2, 2})});
    check_twice([&, r](const variable_list& in) { return cross_entropy(in[0], t1, r, Tensor(), 2, 0.3); },
                {sample({4, 3})});
    // Class probabilities (themselves differentiable), with weights and smoothing.
    check_twice([&, r](const variable_list& in) { return cross_entropy(in[0], softmax(in[1], 1), r, w3, -100, 0.25); },
                {sample({2, 3, 2}), sample({2, 3, 2}, 1)});
  }
}

TEST(NnLoss, ClassLossOptionsValues) {
  // PyTorch 1.13: F.nll_loss(x, t, weight=w) with x = -[[1, 2, 3], [4, 5, 6]], t = [2, 0], w = [0.5, 2, 1.25].
  const Tensor x = neg(make({1, 2, 3, 4, 5, 6}, {2, 3}, DType::Float64));
  const Tensor w = make({0.5, 2.0, 1.25}, {3}, DType::Float64);
  expect_values(nll_loss(x, longs({2, 0}, {2}), Reduction::Mean, w), {(3 * 1.25 + 4 * 0.5) / 1.75});
  expect_values(nll_loss(x, longs({2, 0}, {2}), Reduction::None, w), {3.75, 2.0});
  expect_values(nll_loss(x, longs({2, 0}, {2}), Reduction::Mean, w, 0), {3.0});
  EXPECT_TRUE(std::isnan(test::values_of(nll_loss(x, longs({-100, -100}, {2})))[0]));
  expect_values(nll_loss(x, longs({-100, -100}, {2}), Reduction::Sum), {0});
  // Everything ignored: the mean is nan but its gradient is zero, as PyTorch.
  Tensor xg = make({1, 2, 3, 4, 5, 6}, {2, 3}, DType::Float64, true);
  expect_values(autograd::grad({nll_loss(xg, longs({-100, -100}, {2}))}, {xg}, {}, false, false, false)[0],
                {0, 0, 0, 0, 0, 0});
  // Node names as PyTorch: 2-D inputs NllLossBackward0, spatial ones NllLoss2DBackward0 (viewed for 3-D).
  const Tensor x3 = sample({2, 3, 4}), x4 = sample({2, 3, 2, 2});
  const Tensor t3 = longs({0, 2, 1, 1, 2, 0, 0, 1}, {2, 4}), t4 = longs({0, 2, 1, 1, 2, 0, 0, 1}, {2, 2, 2});
  EXPECT_EQ(nll_loss(x3, t3).grad_fn()->name(), "NllLoss2DBackward0");
  EXPECT_EQ(nll_loss(x3, t3, Reduction::None).grad_fn()->name(), "ViewBackward0");
  EXPECT_EQ(nll_loss(x3, t3, Reduction::None).shape(), (Shape{2, 4}));
  EXPECT_EQ(nll_loss(x4, t4, Reduction::None).grad_fn()->name(), "NllLoss2DBackward0");
  EXPECT_EQ(cross_entropy(x4, t4).grad_fn()->name(), "NllLoss2DBackward0");
  EXPECT_EQ(cross_entropy(sample({2, 3}), longs({0, 1}, {2}), Reduction::Mean, Tensor(), -100, 0.1).grad_fn()->name(),
            "AddBackward0");
  // A negative smoothing is no smoothing, as PyTorch.
  expect_values(cross_entropy(x, longs({2, 0}, {2}), Reduction::Mean, Tensor(), -100, -0.5),
                test::values_of(cross_entropy(x, longs({2, 0}, {2}))));
}

TEST(NnLoss, ClassLossOptionErrors) {
  const Tensor x2 = sample({2, 3}, 1, false), x3 = sample({2, 3, 4}, 1, false), x4 = sample({2, 3, 4, 5}, 1, false);
  expect_error([&] { nll_loss(x3, longs({0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, {2, 5})); }, "Expected target size [2, 4], got [2, 5]");
  expect_error([&] { nll_loss(x3, longs({0, 0}, {2})); }, "Expected target size [2, 4], got [2]");
  expect_error([&] { nll_loss(x4, zeros({2, 4}, DType::Int64)); },
               "only batches of spatial targets supported (3D tensors) but got targets of dimension: 2");
  expect_error([&] { nll_loss(x4, zeros({2, 4, 6}, DType::Int64)); },
               "size mismatch (got input: [2, 3, 4, 5] , target: [2, 4, 6]");
  expect_error([&] { nll_loss(x2, zeros({2, 4}, DType::Int64)); },
               "0D or 1D target tensor expected, multi-target not supported");
  expect_error([&] { nll_loss(x2, zeros({2}, DType::Int64), Reduction::Mean, ones({2}, DType::Float64)); },
               "weight tensor should be defined either for all 3 classes or no classes but got weight tensor of shape: [2]");
  expect_error([&] { nll_loss(x4, zeros({2, 4, 5}, DType::Int64), Reduction::Mean, ones({2}, DType::Float64)); },
               "weight tensor should be defined either for all or no classes");
  expect_error([&] { nll_loss(x2, zeros({2}, DType::Int64), Reduction::Mean, ones({3})); },
               "expected scalar type Double but found Float");
  expect_error([&] { nll_loss(x4, full({2, 4, 5}, 3, DType::Int64)); }, "Target 3 is out of bounds.");
  expect_error([&] { cross_entropy(x2, zeros({2}, DType::Int64), Reduction::Mean, Tensor(), -100, 1.5); },
               "label_smoothing must be between 0.0 and 1.0. Got: 1.5");
  expect_error([&] { cross_entropy(x2, sample({2, 3}, 2, false), Reduction::Mean, Tensor(), -100, 1.5); },
               "label_smoothing must be between 0.0 and 1.0. Got: 1.5");
  expect_error([&] { cross_entropy(x2, sample({2, 3}, 2, false), Reduction::Mean, Tensor(), 1); },
               "ignore_index is not supported for floating point target");
  expect_error([&] { cross_entropy(x2, sample({2, 3}, 2, false), Reduction::Mean, ones({2}, DType::Float64)); },
               "cross_entropy: weight tensor should be defined either for all 3 classes or no classes but got weight "
               "tensor of shape: [2]");
  expect_error([&] { cross_entropy(make({1}, {}), longs({0}, {})); },
               "Expected floating point type for target with class probabilities, got Long");
  // The engine keeps working after each refusal.
  EXPECT_EQ(nll_loss(x3, zeros({2, 4}, DType::Int64)).dim(), 0);
}

// PyTorch 1.13's formula, (1 - y) x + m + log(exp(-m) + exp(-x - m)) with m = max(-x, 0), in the
// target's dtype: its values at infinite logits and its errors for bool and integer operands.
TEST(NnLoss, BinaryCrossEntropyWithLogitsAsPyTorch) {
  const Tensor inf_x = make({INFINITY, INFINITY, -INFINITY}, {3});
  const auto v = test::values_of(binary_cross_entropy_with_logits(inf_x, make({1.5, 0, 1.5}, {3}), Reduction::None));
  EXPECT_EQ(v[0], -INFINITY);
  EXPECT_EQ(v[1], INFINITY);
  EXPECT_TRUE(std::isnan(v[2]));
  const Tensor mixed = binary_cross_entropy_with_logits(make({0.7, -1.2}, {2}, DType::Float64), make({0.3, 0.9}, {2}),
                                                        Reduction::None);
  EXPECT_EQ(mixed.dtype(), DType::Float32);
  expect_values(mixed, {0.8931860327720642, 1.3432823419570923});
  const Tensor f = zeros({2});
  expect_error([&] { binary_cross_entropy_with_logits(f, make({1, 0}, {2}, DType::Bool)); },
               "Subtraction, the `-` operator, with two bool tensors is not supported.");
  expect_error([&] { binary_cross_entropy_with_logits(make({1, 0}, {2}, DType::Bool), f); },
               "Negation, the `-` operator, on a bool tensor is not supported.");
  expect_error([&] { binary_cross_entropy_with_logits(f, make({1, 0}, {2}, DType::Int64)); },
               "result type Float can't be cast to the desired output type Long");
  expect_error([&] { binary_cross_entropy_with_logits(zeros({2}, DType::Float64), make({1, 0}, {2}, DType::Int64)); },
               "result type Double can't be cast to the desired output type Long");
  expect_error([&] { binary_cross_entropy_with_logits(make({1, 0}, {2}, DType::Int64), f); },
               "result type Float can't be cast to the desired output type Long");
}

// mse_loss subtracts in the promoted dtype: a bool operand is a number, not sub's bool error.
TEST(NnLoss, MseLossTakesABoolOperandOfAFloatLoss) {
  const Tensor b = make({1, 0}, {2}, DType::Bool);
  const Tensor l = mse_loss(zeros({2}), b, Reduction::Mean);
  EXPECT_EQ(l.dtype(), DType::Float32);
  expect_values(l, {0.5});
  const Tensor l64 = mse_loss(b, zeros({2}, DType::Float64), Reduction::Mean);
  EXPECT_EQ(l64.dtype(), DType::Float64);
  expect_values(l64, {0.5});
  expect_error([&] { mse_loss(make({1, 2}, {2}, DType::Int64), b, Reduction::Mean); },
               "\"mse_cpu\" not implemented for 'Long'");
  // Shapes are broadcast before the kernel looks at the dtype.
  expect_error([] { mse_loss(zeros({0}, DType::Int64), zeros({2}, DType::Int64), Reduction::Mean); },
               "The size of tensor a (0) must match the size of tensor b (2) at non-singleton dimension 0");
}
// nll_loss's gradient is written at the targets into zeros, as PyTorch's kernel: an infinite
// incoming gradient leaves the other classes 0, not NaN (s99006-784; values from PyTorch 1.13).
TEST(NnLoss, NllGradientOnlyAtTheTargets) {
  const Tensor x = make({-1.67, 1.74, 1.8, -2.29, -0.2, 2.84, -1.27, INFINITY}, {4, 2}, DType::Float32, true);
  const Tensor t = make({0, 0, 1, 1}, {4}, DType::Int64);
  const Tensor go = make({0.41, -INFINITY, -2.51, -1.47}, {4});
  const Tensor g = autograd::grad({nll_loss(x, t, Reduction::None)}, {x}, {go}, true, false, false)[0];
  EXPECT_EQ(test::values_of(g), (std::vector<double>{-0.41f, 0, INFINITY, 0, 0, 2.51f, 0, 1.47f}));
  const auto through = test::values_of(
      autograd::grad({nll_loss(log_softmax(x, 1), t, Reduction::None)}, {x}, {go}, false, false, false)[0]);
  EXPECT_TRUE(std::isnan(through[2]));
  EXPECT_EQ(through[3], -INFINITY);
  EXPECT_NEAR(through[0], -0.39688638, 1e-6);
}

}  // namespace
}  // namespace gradlab
