// sum and mean against PyTorch 1.13 bit for bit: replays tests/fixtures/sums.json
// (tests/oracle/gen_sums.py), every layout and set of dims it holds.
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

const json_lite::Value& fixture() {
  static const json_lite::Value doc = json_lite::parse_file(std::string(GRADLAB_FIXTURES_DIR) + "/sums.json");
  return doc;
}

// Element i of the contiguous base tensor, as gen_sums.py's value(i): exactly rounded double steps.
double value(int64_t i) {
  static const double kScales[] = {1e-3, 1e-2, 1e-1, 1.0, 1e1, 1e2, 1e3};
  const uint64_t h = (static_cast<uint64_t>(i) * 2654435761ULL) % 1000003ULL;
  return (static_cast<double>(h) / 1000003.0 - 0.5) * kScales[i % 7];
}

Tensor input_of(const json_lite::Value& c) {
  const DType dtype = c["dtype"].str == "float32" ? DType::Float32 : DType::Float64;
  Shape shape;
  for (const auto& s : c["shape"].arr) shape.push_back(s.as_int());
  Tensor x = Tensor::empty(shape, DType::Float64);
  double* p = x.data_ptr<double>();
  for (int64_t i = 0; i < x.numel(); ++i) p[i] = value(i);
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

template <typename T>
bool same_bits(T a, T b) {
  return std::memcmp(&a, &b, sizeof(T)) == 0;
}

TEST(CascadeSum, EverySumAndMeanMatchesPyTorchBitForBit) {
  int64_t checked = 0;
  for (const auto& c : fixture()["cases"].arr) {
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
