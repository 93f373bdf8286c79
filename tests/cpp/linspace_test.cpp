// torch.linspace against PyTorch 1.13 bit for bit: replays tests/fixtures/linspace.json
// (tests/oracle/gen_linspace.py), float32 and float64 over many ranges and lengths.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "gradlab/gradlab.h"
#include "json_lite.h"

#ifndef GRADLAB_FIXTURES_DIR
#define GRADLAB_FIXTURES_DIR "tests/fixtures"
#endif

namespace gradlab {
namespace {

template <typename T>
bool same_bits(T a, T b) {
  return std::memcmp(&a, &b, sizeof(T)) == 0;
}

TEST(Linspace, EveryRangeMatchesPyTorchBitForBit) {
  const json_lite::Value doc = json_lite::parse_file(std::string(GRADLAB_FIXTURES_DIR) + "/linspace.json");
  int64_t checked = 0;
  for (const auto& c : doc["cases"].arr) {
    const bool f32 = c["dtype"].str == "float32";
    const Tensor t = linspace(c["start"].num, c["end"].num, c["steps"].as_int(), f32 ? DType::Float32 : DType::Float64);
    const auto& want = c["out"].arr;
    ASSERT_EQ(t.numel(), static_cast<int64_t>(want.size()));
    for (size_t i = 0; i < want.size(); ++i) {
      const bool same = f32 ? same_bits(t.data_ptr<float>()[i], static_cast<float>(want[i].num))
                            : same_bits(t.data_ptr<double>()[i], want[i].num);
      ASSERT_TRUE(same) << c["dtype"].str << " linspace(" << c["start"].num << ", " << c["end"].num << ", "
                        << c["steps"].as_int() << ")[" << i << "]: expected " << want[i].num;
    }
    ++checked;
  }
  EXPECT_GE(checked, 300);
}

}  // namespace
}  // namespace gradlab
