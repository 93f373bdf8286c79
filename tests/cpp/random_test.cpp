// The generator against PyTorch: replays tests/fixtures/random.json (made by
// tests/oracle/gen_random.py) and requires every value to match bit for bit.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "gradlab/gradlab.h"
#include "gradlab/random.h"
#include "json_lite.h"

#ifndef GRADLAB_FIXTURES_DIR
#define GRADLAB_FIXTURES_DIR "tests/fixtures"
#endif

namespace {

namespace rnd = gradlab::random;

const json_lite::Value& fixture() {
  static const json_lite::Value doc = json_lite::parse_file(std::string(GRADLAB_FIXTURES_DIR) + "/random.json");
  return doc;
}

// Same bits, so -0.0 vs 0.0 or a last-ulp difference both count as a mismatch.
template <typename T>
bool same_bits(T a, T b) {
  return std::memcmp(&a, &b, sizeof(T)) == 0;
}

template <typename T>
std::vector<T> draw(const json_lite::Value& call, int64_t n) {
  std::vector<T> out(static_cast<size_t>(n));
  const std::string fn = call["fn"].str;
  if (fn == "rand") {
    rnd::fill_uniform(out.data(), n, 0.0, 1.0);
  } else if (fn == "uniform_" || fn == "uniform_transposed") {
    rnd::fill_uniform(out.data(), n, call["from"].num, call["to"].num);
  } else if (fn == "randn") {
    rnd::fill_normal(out.data(), n, 0.0, 1.0);
  } else if (fn == "normal_transposed") {
    rnd::fill_normal_serial(out.data(), n, call["mean"].num, call["std"].num);
  } else {
    rnd::fill_normal(out.data(), n, call["mean"].num, call["std"].num);
  }
  return out;
}

template <typename T>
std::string text(T v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", static_cast<double>(v));
  return buf;
}

// Replays one case; returns a description of the first mismatch, or "".
std::string replay(const json_lite::Value& c) {
  rnd::manual_seed(static_cast<uint64_t>(c["seed"].as_int()));
  const auto& calls = c["calls"];
  for (size_t k = 0; k < calls.size(); ++k) {
    const auto& call = calls[k];
    const auto& want = call["data"];
    const int64_t n = call["n"].as_int();
    const std::string where = c["name"].str + " call " + std::to_string(k) + " (" + call["fn"].str + ")";
    if (static_cast<int64_t>(want.size()) != n) return where + ": fixture size";
    if (call["fn"].str == "randint") {
      std::vector<int64_t> got(static_cast<size_t>(n));
      rnd::fill_randint(got.data(), n, call["low"].as_int(), call["high"].as_int());
      for (int64_t i = 0; i < n; ++i)
        if (got[i] != want[i].as_int())
          return where + " [" + std::to_string(i) + "]: got " + text(got[i]) + ", want " + want[i].str;
    } else if (call["dtype"].str == "float32") {
      const auto got = draw<float>(call, n);
      for (int64_t i = 0; i < n; ++i)
        if (!same_bits(got[i], static_cast<float>(want[i].num)))
          return where + " [" + std::to_string(i) + "]: got " + text(got[i]) + ", want " + want[i].str;
    } else {
      const auto got = draw<double>(call, n);
      for (int64_t i = 0; i < n; ++i)
        if (!same_bits(got[i], want[i].num))
          return where + " [" + std::to_string(i) + "]: got " + text(got[i]) + ", want " + want[i].str;
    }
  }
  return "";
}

// Replays every case whose name starts with prefix; there must be some.
void replay_all(const std::string& prefix) {
  int matched = 0;
  for (const auto& c : fixture()["cases"].arr) {
    if (c["name"].str.rfind(prefix, 0) != 0) continue;
    ++matched;
    EXPECT_EQ(replay(c), "");
  }
  EXPECT_GT(matched, 0) << "no fixture case starts with " << prefix;
}

TEST(Random, RandFloat32) { replay_all("rand_float32"); }
TEST(Random, RandFloat64) { replay_all("rand_float64"); }
TEST(Random, RandnFloat32) { replay_all("randn_float32"); }
TEST(Random, RandnFloat64) { replay_all("randn_float64"); }
TEST(Random, UniformFloat32) { replay_all("uniform_float32"); }
TEST(Random, UniformFloat64) { replay_all("uniform_float64"); }
TEST(Random, NormalFloat32) { replay_all("normal_float32"); }
TEST(Random, NormalFloat64) { replay_all("normal_float64"); }
TEST(Random, Randint) { replay_all("randint_"); }
TEST(Random, SequencesKeepStateAcrossCalls) { replay_all("sequence_"); }
TEST(Random, DefaultSeed) { replay_all("default_seed"); }
TEST(Random, LargeBlocks) { replay_all("large_"); }
TEST(Random, NonContiguousTargetsDrawSerially) { replay_all("noncontig_"); }

TEST(Random, InitialSeedReportsManualSeed) {
  rnd::manual_seed(2024);
  EXPECT_EQ(rnd::initial_seed(), 2024u);
  rnd::manual_seed(rnd::kDefaultSeed);
  EXPECT_EQ(rnd::initial_seed(), 67280421310721ULL);
}

TEST(Random, ReseedDropsCachedNormal) {
  // randn(1) leaves the pair's second sample cached; reseeding must forget it.
  double first[1], again[1];
  rnd::manual_seed(5);
  rnd::fill_normal(first, 1, 0.0, 1.0);
  rnd::manual_seed(5);
  rnd::fill_normal(again, 1, 0.0, 1.0);
  EXPECT_TRUE(same_bits(first[0], again[0]));
}

// int64 and bool tensors have no uniform or normal kernel in PyTorch: its kernel's name in the error.
TEST(Random, IntegerAndBoolDtypesAreRefused) {
  auto message = [](auto fn) {
    try {
      fn();
    } catch (const gradlab::Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  using gradlab::DType;
  EXPECT_EQ(message([] { gradlab::rand({2}, DType::Int64); }), "\"check_uniform_bounds\" not implemented for 'Long'");
  EXPECT_EQ(message([] { gradlab::randn({2}, DType::Bool); }), "\"normal_kernel_cpu\" not implemented for 'Bool'");
  const gradlab::Tensor i = gradlab::zeros({2}, DType::Int64);
  EXPECT_EQ(message([&] { gradlab::uniform_(i, 0, 1); }), "\"check_uniform_bounds\" not implemented for 'Long'");
  EXPECT_EQ(message([&] { gradlab::normal_(i, 0, 1); }), "\"normal_kernel_cpu\" not implemented for 'Long'");
}

}  // namespace
