// Matrix products against PyTorch 1.13 bit for bit: replays tests/fixtures/products.json
// (tests/oracle/gen_products.py): mm and addmm in every transposition (PyTorch's BLAS adds
// addmm's bias first or last by the layout), F.linear with and without bias,
// mv, vector-matrix, dot, bmm and batched matmul, forward and both gradients.
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
  static const json_lite::Value doc = json_lite::parse_file(std::string(GRADLAB_FIXTURES_DIR) + "/products.json");
  return doc;
}

// gen_products.py's value(i): exactly rounded double steps.
double value(int64_t i) {
  static const double kScales[] = {1e-3, 1e-2, 1e-1, 1.0, 1e1, 1e2, 1e3};
  const uint64_t h = (static_cast<uint64_t>(i) * 2654435761ULL) % 1000003ULL;
  return (static_cast<double>(h) / 1000003.0 - 0.5) * kScales[i % 7];
}

// Operand j of `shape`, stored contiguous or as the transpose of a contiguous tensor.
Tensor operand(int64_t j, Shape shape, bool transposed) {
  if (transposed) std::swap(shape[shape.size() - 1], shape[shape.size() - 2]);
  Tensor t = Tensor::empty(shape, DType::Float64);
  double* p = t.data_ptr<double>();
  for (int64_t i = 0; i < t.numel(); ++i) p[i] = value(i + 7919 * j);
  t = to(t, DType::Float32);
  if (transposed) t = transpose(t, -1, -2);
  return t.detach().set_requires_grad(true);
}

bool same_bits(float a, float b) { return std::memcmp(&a, &b, sizeof(float)) == 0; }

void expect_bits(const Tensor& t, const json_lite::Value& expected, const std::string& what) {
  const Tensor flat = contiguous(t);
  ASSERT_EQ(flat.numel(), static_cast<int64_t>(expected.arr.size())) << what;
  for (size_t i = 0; i < expected.arr.size(); ++i)
    ASSERT_TRUE(same_bits(flat.data_ptr<float>()[i], static_cast<float>(expected.arr[i].num)))
        << what << " element " << i << ": " << flat.data_ptr<float>()[i] << " != " << expected.arr[i].num;
}

TEST(Products, EveryProductAndItsGradientsMatchPyTorchBitForBit) {
  int64_t checked = 0;
  for (const auto& c : fixture()["cases"].arr) {
    variable_list ins;
    for (size_t j = 0; j < c["shapes"].arr.size(); ++j) {
      Shape shape;
      for (const auto& s : c["shapes"].arr[j].arr) shape.push_back(s.as_int());
      ins.push_back(operand(static_cast<int64_t>(j), shape, c["transposed"].arr[j].b));
    }
    const std::string op = c["op"].str, what = op + " case " + std::to_string(checked);
    Tensor out;
    if (op == "mm") out = mm(ins[0], ins[1]);
    else if (op == "linear") out = linear(ins[0], ins[1], ins.size() > 2 ? ins[2] : Tensor());
    else if (op == "addmm") out = addmm(ins[0], ins[1], ins[2]);
    else if (op == "mv") out = mv(ins[0], ins[1]);
    else if (op == "dot") out = dot(ins[0], ins[1]);
    else if (op == "bmm") out = bmm(ins[0], ins[1]);
    else out = matmul(ins[0], ins[1]);
    expect_bits(out, c["out"], what);
    const Tensor grad_out = operand(static_cast<int64_t>(ins.size()), out.shape(), false).detach();
    const variable_list grads = autograd::grad({out}, ins, {grad_out}, false, false, false);
    for (size_t j = 0; j < grads.size(); ++j) expect_bits(grads[j], c["grads"].arr[j], what + " grad " + std::to_string(j));
    ++checked;
  }
  EXPECT_GE(checked, 70);
}

}  // namespace
}  // namespace gradlab
