// Capture mode (gradlab/autograd/capture.h): nothing is recorded while off;
// when on, node creation with previews of the outputs, and for each backward
// pass the order the engine ran its nodes with the gradient received and the
// gradient sent along every edge. Captures hold no tensor memory.
#include "gradlab/autograd/capture.h"

#include "test_util.h"

namespace gradlab {
namespace {

using test::make;
using test::sample;

class Capture : public ::testing::Test {
 protected:
  void SetUp() override { capture::start(); }
  void TearDown() override {
    capture::stop();
    capture::clear();
  }
};

const capture::Step& step_named(const capture::Pass& p, const std::string& name) {
  for (size_t i = 0; i < p.nodes.size(); ++i)
    if (p.nodes[i].name == name) return p.steps[i];
  throw std::runtime_error("no step " + name);
}

std::vector<std::string> order_of(const capture::Pass& p) {
  std::vector<std::string> names;
  for (const auto& n : p.nodes) names.push_back(n.name);
  return names;
}

TEST(CaptureOff, RecordsNothing) {
  capture::stop();
  capture::clear();
  Tensor x = make({1, 2}, {2}, DType::Float32, true);
  Tensor y = sum(mul(x, x));
  capture::name(y, "y");
  autograd::backward({y}, {}, false, false);
  EXPECT_TRUE(capture::take_passes().empty());
  EXPECT_EQ(capture::pass_count(), 0);
  // The graph is still readable, but nothing was recorded at creation.
  capture::Snapshot s = capture::snapshot(y, 100);
  ASSERT_EQ(s.nodes.size(), 3u);
  EXPECT_TRUE(s.nodes[0].outputs.empty());
  EXPECT_EQ(s.nodes[0].label, "");
}

TEST_F(Capture, OrderIsTheEnginesAndEdgesCarryTheirOwnGradient) {
  Tensor x = make({1, 2}, {2}, DType::Float32, true);
  capture::name(x, "x");
  Tensor a = mul(x, 2.0);   // made first
  Tensor b = exp(x);        // made later: runs first once both are ready
  Tensor s = sum(add(a, b));
  capture::name(s, "loss");
  autograd::backward({s}, {}, false, false);

  auto passes = capture::take_passes();
  ASSERT_EQ(passes.size(), 1u);
  const capture::Pass& p = passes[0];
  EXPECT_TRUE(p.complete);
  EXPECT_EQ(p.number, 1);
  EXPECT_EQ(order_of(p), (std::vector<std::string>{"SumBackward0", "AddBackward0", "ExpBackward0",
                                                   "MulBackward0", "AccumulateGrad"}));
  ASSERT_EQ(p.roots.size(), 1u);
  EXPECT_EQ(p.roots[0], p.nodes[0].id);
  EXPECT_EQ(p.nodes[0].label, "loss");
  EXPECT_EQ(p.nodes[4].label, "x");
  EXPECT_TRUE(p.nodes[4].leaf);

  // The seed: a scalar 1.
  const auto& seed = p.steps[0].received.at(0);
  EXPECT_TRUE(seed.shape.empty());
  EXPECT_EQ(seed.values, std::vector<double>{1});
  // Each edge carries its own share; the leaf receives their sum.
  const auto& mul_step = step_named(p, "MulBackward0");
  ASSERT_EQ(mul_step.sent.size(), 2u);  // self, and the wrapped number (no gradient)
  EXPECT_EQ(mul_step.sent[0].values, (std::vector<double>{2, 2}));
  EXPECT_FALSE(mul_step.sent[1].defined);
  const auto& exp_sent = step_named(p, "ExpBackward0").sent.at(0).values;
  EXPECT_NEAR(exp_sent[1], std::exp(2.0), 1e-5);
  const auto& leaf = step_named(p, "AccumulateGrad").received.at(0);
  EXPECT_NEAR(leaf.values[0], 2 + std::exp(1.0), 1e-5);
  EXPECT_TRUE(step_named(p, "AccumulateGrad").sent.empty());
  EXPECT_NEAR(p.nodes[4].accumulated.values[1], 2 + std::exp(2.0), 1e-5);
  // Edges point at the next nodes by id; forward values were taken at creation.
  const auto& add_node = p.nodes[1];
  ASSERT_EQ(add_node.edges.size(), 2u);
  EXPECT_EQ(add_node.edges[0].to, static_cast<int64_t>(p.nodes[3].id));  // a = MulBackward0
  EXPECT_EQ(add_node.edges[1].to, static_cast<int64_t>(p.nodes[2].id));  // b = ExpBackward0
  EXPECT_EQ(p.nodes[3].outputs.at(0).values, (std::vector<double>{2, 4}));
  EXPECT_EQ(p.nodes[4].outputs.at(0).values, (std::vector<double>{1, 2}));
}

TEST_F(Capture, PreviewsAreBoundedWithStats) {
  std::vector<double> v(100);
  for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<double>(i);
  const capture::Preview p = capture::preview(make(v, {10, 10}));
  EXPECT_EQ(p.numel, 100);
  EXPECT_EQ(p.values, (std::vector<double>{0, 1, 2, 3, 4, 5, 94, 95, 96, 97, 98, 99}));
  EXPECT_EQ(p.skipped, 88);
  ASSERT_TRUE(p.has_stats);
  EXPECT_EQ(p.min, 0);
  EXPECT_EQ(p.max, 99);
  EXPECT_DOUBLE_EQ(p.mean, 49.5);
  // A strided view reads in its own row-major order; a broadcast one too.
  const capture::Preview tp = capture::preview(t(make({1, 2, 3, 4, 5, 6}, {2, 3})));
  EXPECT_EQ(tp.values, (std::vector<double>{1, 4, 2, 5, 3, 6}));
  const capture::Preview ep = capture::preview(expand(make({7}, {}), {200, 300}));
  EXPECT_EQ(ep.values.size(), 12u);
  EXPECT_EQ(ep.mean, 7);
  const capture::Preview np = capture::preview(make({1, NAN, 3}, {3}, DType::Float64));
  EXPECT_TRUE(std::isnan(np.mean) && std::isnan(np.min) && std::isnan(np.max));
  const capture::Preview ip = capture::preview(make({3, -1}, {2}, DType::Int64));
  EXPECT_EQ(ip.dtype, DType::Int64);
  EXPECT_EQ(ip.min, -1);
  EXPECT_FALSE(capture::preview(Tensor()).defined);
}

TEST_F(Capture, ATrainingLoopKeepsTheFirstTheLatestAndAnEvenSample) {
  Tensor w = make({0.5}, {1}, DType::Float32, true);
  for (int i = 0; i < 300; ++i) autograd::backward({sum(mul(w, w))}, {}, false, false);
  EXPECT_EQ(capture::pass_count(), 300);
  auto passes = capture::take_passes();
  ASSERT_LE(passes.size(), capture::kMaxPasses);
  ASSERT_GE(passes.size(), capture::kMaxPasses / 2);
  EXPECT_EQ(passes.front().number, 1);
  EXPECT_EQ(passes.back().number, 300);
  for (size_t i = 1; i < passes.size(); ++i) EXPECT_LT(passes[i - 1].number, passes[i].number);
  EXPECT_TRUE(capture::take_passes().empty());
  // Records of the loop's freed nodes do not pile up.
  for (int i = 0; i < 5000; ++i) (void)mul(w, 2.0);
  EXPECT_EQ(capture::snapshot(mul(w, 3.0), 10).nodes.size(), 2u);
}

TEST_F(Capture, RetainGraphGivesTwoPassesOfTheSameNodes) {
  Tensor x = make({1, 2}, {2}, DType::Float32, true);
  Tensor y = sum(mul(x, 3.0));
  autograd::backward({y}, {}, true, false);
  autograd::backward({y}, {}, false, false);
  auto passes = capture::take_passes();
  ASSERT_EQ(passes.size(), 2u);
  EXPECT_EQ(passes[0].nodes[0].id, passes[1].nodes[0].id);
  EXPECT_EQ(passes[1].nodes[2].accumulated.values, (std::vector<double>{6, 6}));
}

TEST_F(Capture, NamesGivenAfterAPassApplyWhenItIsRead) {
  Tensor w = make({1, 2}, {2}, DType::Float32, true);
  Tensor loss = sum(mul(w, w));
  autograd::backward({loss}, {}, false, false);
  // A Python program names its globals when it ends.
  capture::name(loss, "loss");
  capture::name(w, "fc1.weight");
  auto passes = capture::take_passes();
  ASSERT_EQ(passes.size(), 1u);
  EXPECT_EQ(passes[0].nodes.front().label, "loss");
  EXPECT_EQ(passes[0].nodes.back().label, "fc1.weight");
}

TEST_F(Capture, AFailedPassIsKeptIncomplete) {
  Tensor x = make({1, 2}, {2}, DType::Float32, true);
  Tensor y = mul(x, 2.0);
  y.register_hook([](const Tensor&) -> Tensor { throw Error("hook failed"); });
  test::expect_error([&] { autograd::backward({sum(y)}, {}, false, false); }, "hook failed");
  auto passes = capture::take_passes();
  ASSERT_EQ(passes.size(), 1u);
  EXPECT_FALSE(passes[0].complete);
  // A later pass records normally.
  autograd::backward({sum(mul(x, 1.0))}, {}, false, false);
  passes = capture::take_passes();
  ASSERT_EQ(passes.size(), 1u);
  EXPECT_TRUE(passes[0].complete);
  EXPECT_EQ(passes[0].number, 2);
}

TEST_F(Capture, AutogradGradIsAPassThatLeavesGradAlone) {
  Tensor x = make({3}, {1}, DType::Float32, true);
  auto g = autograd::grad({sum(mul(x, x))}, {x}, {}, false, false, false);
  auto passes = capture::take_passes();
  ASSERT_EQ(passes.size(), 1u);
  EXPECT_TRUE(passes[0].grad_only);
  EXPECT_EQ(order_of(passes[0]).back(), "AccumulateGrad");
  EXPECT_EQ(step_named(passes[0], "AccumulateGrad").received.at(0).values, std::vector<double>{6});
  EXPECT_FALSE(passes[0].nodes.back().accumulated.defined);
}

TEST_F(Capture, ALongChainIsTruncated) {
  Tensor x = make({1}, {1}, DType::Float32, true);
  Tensor y = x;
  for (int i = 0; i < 700; ++i) y = mul(y, 1.0);
  autograd::backward({sum(y)}, {}, false, false);
  auto passes = capture::take_passes();
  ASSERT_EQ(passes.size(), 1u);
  EXPECT_TRUE(passes[0].truncated);
  EXPECT_EQ(passes[0].nodes.size(), capture::kMaxPassNodes);
  EXPECT_EQ(passes[0].steps.size(), capture::kMaxPassNodes);
  EXPECT_EQ(x.grad().item(), 1);
}

TEST_F(Capture, SnapshotWalksBreadthFirstWithCreationValues) {
  Tensor w = make({1, 2}, {2}, DType::Float32, true);
  capture::name(w, "fc1.weight");
  Tensor h = tanh(mul(w, 0.5));
  capture::Snapshot s = capture::snapshot(h, 100);
  ASSERT_EQ(s.nodes.size(), 3u);
  EXPECT_EQ(s.nodes[0].name, "TanhBackward0");
  EXPECT_EQ(s.nodes[1].name, "MulBackward0");
  EXPECT_EQ(s.nodes[2].label, "fc1.weight");
  EXPECT_NEAR(s.nodes[0].outputs.at(0).values[1], std::tanh(1.0), 1e-6);
  EXPECT_FALSE(s.truncated);
  EXPECT_EQ(capture::snapshot(h, 2).nodes.size(), 2u);
  EXPECT_TRUE(capture::snapshot(h, 2).truncated);
}

TEST_F(Capture, HoldsNoTensorMemory) {
  const auto before = memory_stats();
  {
    Tensor x = sample({256, 256});
    capture::name(x, "x");
    Tensor y = sum(tanh(matmul(x, x)));
    autograd::backward({y}, {}, false, false);
  }
  EXPECT_EQ(memory_stats().storages, before.storages);
  EXPECT_EQ(memory_stats().bytes, before.bytes);
  auto passes = capture::take_passes();
  ASSERT_EQ(passes.size(), 1u);
  EXPECT_EQ(passes[0].steps.size(), 4u);
}

}  // namespace
}  // namespace gradlab
