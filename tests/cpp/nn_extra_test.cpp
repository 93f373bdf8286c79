// Dropout (PyTorch's mask for the seed) and cosine_similarity: PyTorch 1.13
// fixtures, gradcheck and double gradcheck.
#include "gradlab/random.h"
#include "nn_fixture.h"

namespace gradlab {
namespace {

variable_list call_extra(const std::string& op, const variable_list& in, const test::Kwargs& kw) {
  auto number = [&](const char* k, double fallback) { return kw.has(k) ? kw.v[k].num : fallback; };
  if (op == "dropout" || op == "dropout2d") {
    return {(op == "dropout" ? dropout : dropout2d)(in[0], number("p", 0.5), kw.flag("training", true))};
  }
  if (op == "cosine_similarity") return {cosine_similarity(in[0], in[1], kw.integer("dim", 1), number("eps", 1e-8))};
  return {};
}

// Dropout cases carry the seed PyTorch drew their mask with.
TEST(NnExtra, PyTorchFixtures) {
  size_t n = 0;
  for (const auto& cs : test::nn_fixtures()["cases"].arr) {
    const std::string& op = cs["op"].str;
    if (op != "dropout" && op != "dropout2d" && op != "cosine_similarity") continue;
    SCOPED_TRACE(cs["name"].str);
    variable_list inputs;
    for (const auto& spec : cs["inputs"].arr) inputs.push_back(test::fixture_tensor(spec));
    if (cs.has("seed")) random::manual_seed(static_cast<uint64_t>(cs["seed"].as_int()));
    const variable_list outs = call_extra(op, inputs, test::Kwargs{cs["kwargs"]});
    test::expect_fixture(outs[0], cs["output"][0], "output");
    if (cs["grad_fn"].is_null()) continue;
    ASSERT_TRUE(outs[0].grad_fn());
    EXPECT_EQ(outs[0].grad_fn()->name(), cs["grad_fn"].str);
    autograd::backward({sum(mul(outs[0], test::fixture_tensor(cs["grad_output"])))}, {}, false, false);
    for (size_t i = 0; i < inputs.size(); ++i) {
      if (!cs["grads"][i].is_null()) test::expect_fixture(inputs[i].grad(), cs["grads"][i], "grad");
    }
    ++n;
  }
  EXPECT_GE(n, 9u);
}

TEST(NnExtra, CosineSimilarityGradcheckAndDoubleGradcheck) {
  const Tensor a = test::sample({3, 4}, 1), b = test::sample({3, 4}, 2);
  for (double eps : {1e-8, 0.5}) {
    auto f = [eps](const variable_list& in) { return variable_list{cosine_similarity(in[0], in[1], 1, eps)}; };
    EXPECT_NO_THROW(autograd::gradcheck(f, {a, b}));
    const Tensor go = test::sample({3}, 3);
    EXPECT_NO_THROW(autograd::gradcheck(
        [&](const variable_list& in) {
          return autograd::grad({sum(mul(f({in[0], in[1]})[0], in[2]))}, {in[0], in[1]}, {}, true, true, false);
        },
        {a, b, go}));
  }
}

TEST(NnExtra, DropoutGradcheck) {
  const Tensor x = test::sample({4, 3, 2}, 5);
  for (auto fn : {dropout, dropout2d}) {
    // The same seed on every evaluation: the mask is fixed, so the function is linear in x.
    auto f = [fn](const variable_list& in) {
      random::manual_seed(3);
      return variable_list{fn(in[0], 0.4, true)};
    };
    EXPECT_NO_THROW(autograd::gradcheck(f, {x}));
  }
}

}  // namespace
}  // namespace gradlab
