// randperm, multinomial and random_ against PyTorch 1.13 bit for bit
// (tests/fixtures/data.json, from tests/oracle/gen_data.py), and the
// optimizers' fused addcmul_/addcdiv_ rounding as PyTorch's CPU build does.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "gradlab/gradlab.h"
#include "gradlab/random.h"
#include "json_lite.h"
#include "test_util.h"

#ifndef GRADLAB_FIXTURES_DIR
#define GRADLAB_FIXTURES_DIR "tests/fixtures"
#endif

namespace {

using namespace gradlab;
using gradlab::test::expect_error;
using gradlab::test::make;
using gradlab::test::values_of;

const json_lite::Value& fixture() {
  static const json_lite::Value doc = json_lite::parse_file(std::string(GRADLAB_FIXTURES_DIR) + "/data.json");
  return doc;
}

std::vector<double> numbers(const json_lite::Value& v) {
  std::vector<double> out;
  for (const auto& x : v.arr) out.push_back(x.num);
  return out;
}

// Every case also checks the next two rand() draws: the same number of draws was consumed.
void expect_then(const json_lite::Value& c) {
  const auto after = values_of(rand({2}));
  const auto expected = numbers(c["then"]);
  EXPECT_EQ(after, expected);
}

TEST(Sampling, RandpermMatchesPyTorch) {
  for (const auto& c : fixture()["randperm"].arr) {
    random::manual_seed(static_cast<uint64_t>(c["seed"].as_int()));
    const Tensor p = randperm(c["n"].as_int());
    EXPECT_EQ(p.dtype(), DType::Int64);
    EXPECT_EQ(values_of(p), numbers(c["perm"])) << "seed " << c["seed"].str << " n " << c["n"].str;
    expect_then(c);
  }
  expect_error([] { randperm(-1); }, "Trying to create tensor with negative dimension -1: [-1]");
}

TEST(Sampling, RandpermWithASeedTensorUsesAFreshGenerator) {
  random::manual_seed(5);
  const Tensor before = rand({1});
  random::manual_seed(5);
  const Tensor seed = make({0}, {}, DType::Int64);
  const Tensor a = randperm(8, DType::Int64, seed);
  const Tensor b = randperm(8, DType::Int64, seed);
  EXPECT_EQ(values_of(a), values_of(b));
  EXPECT_EQ(values_of(rand({1})), values_of(before)) << "the default generator is untouched";
  random::manual_seed(0);
  EXPECT_EQ(values_of(randperm(8)), values_of(a)) << "seed 0 in a fresh generator = manual_seed(0)";
}

TEST(Sampling, MultinomialMatchesPyTorch) {
  for (const auto& c : fixture()["multinomial"].arr) {
    random::manual_seed(static_cast<uint64_t>(c["seed"].as_int()));
    const auto& probs = c["probs"];
    std::vector<double> flat;
    Shape shape;
    if (probs[0].arr.empty()) {
      flat = numbers(probs);
      shape = {static_cast<int64_t>(flat.size())};
    } else {
      for (const auto& row : probs.arr) for (const auto& x : row.arr) flat.push_back(x.num);
      shape = {static_cast<int64_t>(probs.arr.size()), static_cast<int64_t>(probs[0].arr.size())};
    }
    const DType dt = c["dtype"].str == "float64" ? DType::Float64 : DType::Float32;
    const Tensor s = multinomial(make(flat, shape, dt), c["n"].as_int(), c["replacement"].b);
    std::vector<double> expected;
    for (const auto& x : c["samples"].arr) {
      if (x.arr.empty() && x.is_number()) expected.push_back(x.num);
      else for (const auto& y : x.arr) expected.push_back(y.num);
    }
    EXPECT_EQ(values_of(s), expected);
    expect_then(c);
  }
  expect_error([] { multinomial(make({0.5, 0.5}, {2}), 3); },
               "cannot sample n_sample > prob_dist.size(-1) samples without replacement");
  expect_error([] { multinomial(make({1, 2}, {2}, DType::Int64), 1); },
               "multinomial only supports floating-point dtypes for input, got: Long");
}

TEST(Sampling, RandomInPlaceMatchesPyTorch) {
  for (const auto& c : fixture()["random_"].arr) {
    random::manual_seed(static_cast<uint64_t>(c["seed"].as_int()));
    const std::string dt = c["dtype"].str;
    const DType dtype = dt == "int64" ? DType::Int64 : dt == "float64" ? DType::Float64 : DType::Float32;
    Tensor t = Tensor::empty({6}, dtype);
    const auto& args = c["args"].arr;
    if (args.empty()) random_(t, 0);
    else if (args.size() == 1) random_(t, 1, 0, args[0].as_int());
    else random_(t, 2, args[0].as_int(), args[1].as_int());
    if (dtype == DType::Int64 && args.empty()) {
      const Tensor ct = contiguous(t);
      for (size_t i = 0; i < 6; ++i) EXPECT_EQ(std::to_string(ct.data_ptr<int64_t>()[i]), c["values"][i].str);
    } else {
      EXPECT_EQ(values_of(t), numbers(c["values"]));
    }
    expect_then(c);
  }
}

TEST(Sampling, FusedUpdatesRoundAsPyTorch) {
  // PyTorch 1.13: torch.tensor([0.1]).addcmul_(t, t) with t = 0.3 gives 0.1900000125169754 (one FMA;
  // 0.1 + 0.3 * 0.3 rounded twice would be 0.1899999976158142), in the vector lanes and the tail alike.
  Tensor s = make(std::vector<double>(9, 0.1), {9});
  const Tensor g = make(std::vector<double>(9, 0.3), {9});
  addcmul_(s, g, g, 1.0);
  EXPECT_EQ(values_of(s), std::vector<double>(9, 0.1900000125169754));
  Tensor p = make({1, 2}, {2});
  addcdiv_(p, make({3, 3}, {2}), make({2, 4}, {2}), -2.0);
  EXPECT_EQ(values_of(p), (std::vector<double>{-2, 0.5}));
  Tensor leaf = make({1}, {1}, DType::Float32, true);
  expect_error([&] { addcmul_(leaf, g, g, 1.0); }, "only without a graph");
}

}  // namespace
