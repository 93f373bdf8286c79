// torch.linspace and torch.arange against PyTorch 1.13 bit for bit: replays
// tests/fixtures/ranges.json (tests/oracle/gen_ranges.py), float32 and float64.
#include <gtest/gtest.h>

#include <string>

#include "bit_fixture.h"
#include "gradlab/gradlab.h"

namespace gradlab {
namespace {

using test::same_bits;

TEST(Ranges, EveryLinspaceAndArangeMatchesPyTorchBitForBit) {
  const json_lite::Value doc = test::bit_fixture("ranges");
  int64_t checked = 0;
  for (const auto& c : doc["cases"].arr) {
    const bool f32 = c["dtype"].str == "float32";
    const DType dtype = f32 ? DType::Float32 : DType::Float64;
    const Tensor t = c["op"].str == "linspace" ? linspace(c["start"].num, c["end"].num, c["steps"].as_int(), dtype)
                                               : arange(c["start"].num, c["end"].num, c["step"].num, dtype);
    const auto& want = c["out"].arr;
    ASSERT_EQ(t.numel(), static_cast<int64_t>(want.size()));
    for (size_t i = 0; i < want.size(); ++i) {
      const bool same = f32 ? same_bits(t.data_ptr<float>()[i], static_cast<float>(want[i].num))
                            : same_bits(t.data_ptr<double>()[i], want[i].num);
      ASSERT_TRUE(same) << c["dtype"].str << " " << c["op"].str << "(" << c["start"].num << ", " << c["end"].num
                        << ")[" << i << "]: expected " << want[i].num;
    }
    ++checked;
  }
  EXPECT_GE(checked, 300);
}

}  // namespace
}  // namespace gradlab
