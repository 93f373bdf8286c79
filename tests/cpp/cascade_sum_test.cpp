// sum and mean against PyTorch 1.13 bit for bit: replays tests/fixtures/sums.json
// (tests/oracle/gen_sums.py), every layout and set of dims it holds.
#include <gtest/gtest.h>

#include <string>

#include "bit_fixture.h"
#include "gradlab/gradlab.h"

namespace gradlab {
namespace {

using test::fixture_value;
using test::same_bits;

Tensor input_of(const json_lite::Value& c) {
  const DType dtype = c["dtype"].str == "float32" ? DType::Float32 : DType::Float64;
  Shape shape;
  for (const auto& s : c["shape"].arr) shape.push_back(s.as_int());
  Tensor x = Tensor::empty(shape, DType::Float64);
  double* p = x.data_ptr<double>();
  for (int64_t i = 0; i < x.numel(); ++i) p[i] = fixture_value(i);
  x = to(x, dtype);
  if (!c["perm"].is_null()) {
    Dims perm;
    for (const auto& d : c["perm"].arr) perm.push_back(d.as_int());
    x = permute(x, perm);
  }
  const int64_t step = c["step"].as_int();
  if (step > 1) x = slice(x, 0, 0, x.shape()[0], step);
  return x;
}

TEST(CascadeSum, EverySumAndMeanMatchesPyTorchBitForBit) {
  const json_lite::Value doc = test::bit_fixture("sums");
  int64_t checked = 0;
  for (const auto& c : doc["cases"].arr) {
    const Tensor x = input_of(c);
    Dims dims;
    if (!c["dims"].is_null())
      for (const auto& d : c["dims"].arr) dims.push_back(d.as_int());
    const bool keepdim = c["keepdim"].b;
    const Tensor out = c["op"].str == "sum" ? sum(x, dims, keepdim) : mean(x, dims, keepdim);
    Shape shape;
    for (const auto& s : c["out_shape"].arr) shape.push_back(s.as_int());
    const std::string what = c["op"].str + " " + c["dtype"].str + " case " + std::to_string(checked);
    ASSERT_EQ(out.shape(), shape) << what;
    const auto& expected = c["out"].arr;
    const Tensor flat = contiguous(out);
    for (size_t i = 0; i < expected.size(); ++i) {
      const bool same = out.dtype() == DType::Float32
                            ? same_bits(flat.data_ptr<float>()[i], static_cast<float>(expected[i].num))
                            : same_bits(flat.data_ptr<double>()[i], expected[i].num);
      ASSERT_TRUE(same) << what << " element " << i << ": expected " << expected[i].num;
    }
    ++checked;
  }
  EXPECT_GE(checked, 1000);
}

}  // namespace
}  // namespace gradlab
