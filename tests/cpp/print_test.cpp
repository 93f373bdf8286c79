// The print module against real NumPy 1.24 / PyTorch 1.13 output
// (tests/fixtures/print.json, from tests/oracle/gen_print.py), character for
// character, plus hand-derived PyTorch 0.3 cases (no 0.3 oracle runs here).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

#include "gradlab/print.h"
#include "json_lite.h"

#ifndef GRADLAB_FIXTURES_DIR
#define GRADLAB_FIXTURES_DIR "tests/fixtures"
#endif

using namespace gradlab;
using namespace gradlab::print;

namespace {

// Owns a case's buffer and exposes it as a View.
struct Buffer {
  DType dtype = DType::Float32;
  std::vector<int64_t> shape;
  std::vector<float> f32;
  std::vector<double> f64;
  std::vector<int64_t> i64;
  std::vector<uint8_t> b8;

  View view() const {
    const void* p = nullptr;
    switch (dtype) {
      case DType::Float32: p = f32.data(); break;
      case DType::Float64: p = f64.data(); break;
      case DType::Int64: p = i64.data(); break;
      case DType::Bool: p = b8.data(); break;
    }
    return View{dtype, shape, p};
  }
};

double decode_float(const json_lite::Value& v) {
  if (v.is_string()) {
    if (v.str == "nan") return std::numeric_limits<double>::quiet_NaN();
    if (v.str == "inf") return INFINITY;
    if (v.str == "-inf") return -INFINITY;
    if (v.str == "-0") return -0.0;
  }
  return v.num;
}

Buffer buffer_of(const json_lite::Value& c) {
  Buffer b;
  b.dtype = dtype_from_name(c["dtype"].str);
  for (const auto& s : c["shape"].arr) b.shape.push_back(s.as_int());
  for (const auto& x : c["data"].arr) {
    switch (b.dtype) {
      case DType::Float32: b.f32.push_back(static_cast<float>(decode_float(x))); break;
      case DType::Float64: b.f64.push_back(decode_float(x)); break;
      case DType::Int64: b.i64.push_back(x.as_int()); break;
      case DType::Bool: b.b8.push_back(x.as_int() ? 1 : 0); break;
    }
  }
  return b;
}

NumpyOptions numpy_opts(const json_lite::Value& o) {
  NumpyOptions n;
  if (o.has("precision")) n.precision = static_cast<int>(o["precision"].as_int());
  if (o.has("threshold")) n.threshold = o["threshold"].as_int();
  if (o.has("edgeitems")) n.edgeitems = static_cast<int>(o["edgeitems"].as_int());
  if (o.has("linewidth")) n.linewidth = static_cast<int>(o["linewidth"].as_int());
  if (o.has("suppress")) n.suppress = o["suppress"].b;
  if (o.has("legacy")) n.legacy_113 = o["legacy"].str == "1.13";
  return n;
}

TorchOptions torch_opts(const json_lite::Value& o) {
  TorchOptions t;
  if (o.has("precision")) t.precision = static_cast<int>(o["precision"].as_int());
  if (o.has("threshold")) t.threshold = o["threshold"].as_int();
  if (o.has("edgeitems")) t.edgeitems = static_cast<int>(o["edgeitems"].as_int());
  if (o.has("linewidth")) t.linewidth = static_cast<int>(o["linewidth"].as_int());
  if (o.has("sci_mode")) t.sci_mode = o["sci_mode"].b ? 1 : 0;
  return t;
}

const json_lite::Value& fixtures() {
  static json_lite::Value doc = json_lite::parse_file(std::string(GRADLAB_FIXTURES_DIR) + "/print.json");
  return doc;
}

// Runs one format over every fixture; prints each mismatch with both texts.
void check_family(const char* family, const char* key,
                  const std::function<std::string(const json_lite::Value&, const View&)>& run) {
  const auto& cases = fixtures()["cases"];
  size_t pass = 0;
  for (const auto& c : cases.arr) {
    Buffer b = buffer_of(c);
    std::string got = run(c, b.view());
    const std::string& want = c[key].str;
    if (got == want) {
      ++pass;
    } else {
      ADD_FAILURE() << family << " mismatch in case '" << c["name"].str << "'\n--- expected:\n"
                    << want << "\n--- got:\n" << got << "\n---";
    }
  }
  std::cout << "[ " << family << " ] " << pass << "/" << cases.size() << " fixtures match\n";
  EXPECT_EQ(pass, cases.size());
}

}  // namespace

TEST(PrintNumpy, StrMatchesNumpy) {
  check_family("numpy str", "numpy_str", [](const json_lite::Value& c, const View& v) {
    return numpy_str(v, numpy_opts(c["numpy_options"]));
  });
}

TEST(PrintNumpy, ReprMatchesNumpy) {
  check_family("numpy repr", "numpy_repr", [](const json_lite::Value& c, const View& v) {
    return numpy_repr(v, numpy_opts(c["numpy_options"]));
  });
}

TEST(PrintTorch, ReprMatchesTorch) {
  check_family("torch repr", "torch_repr", [](const json_lite::Value& c, const View& v) {
    TorchSuffix s;
    s.requires_grad = c["requires_grad"].b;
    s.grad_fn = c["grad_fn"].str;
    return torch_repr(v, s, torch_opts(c["torch_options"]));
  });
}

TEST(PrintTorch, ProcessWideOptionsAreTheDefaults) {
  std::vector<float> data{1.123456f};
  View v{DType::Float32, {1}, data.data()};
  EXPECT_EQ(torch_repr(v, {}), "tensor([1.1235])");
  torch_options().precision = 2;
  EXPECT_EQ(torch_repr(v, {}), "tensor([1.12])");
  torch_options() = TorchOptions{};
  numpy_options().precision = 3;
  EXPECT_EQ(numpy_str(v), "[1.123]");
  numpy_options() = NumpyOptions{};
}

// ---- PyTorch 0.3 (legacy_repr), expectations derived by hand from 0.3's
// torch/_tensor_str.py and the seed tutorial.

namespace {

std::string legacy_f32(std::vector<int64_t> shape, std::vector<float> data, bool variable) {
  return legacy_repr(View{DType::Float32, std::move(shape), data.data()}, variable);
}

}  // namespace

TEST(PrintLegacy, TutorialOutputs) {
  EXPECT_EQ(legacy_f32({2, 2}, {1, 2, 3, 4}, false), "\n 1  2\n 3  4\n[torch.FloatTensor of size 2x2]\n");
  EXPECT_EQ(legacy_f32({2, 2}, {1, 2, 3, 4}, true),
            "Variable containing:\n 1  2\n 3  4\n[torch.FloatTensor of size 2x2]\n");
  EXPECT_EQ(legacy_f32({1}, {7.5f}, true), "Variable containing:\n 7.5000\n[torch.FloatTensor of size 1]\n");
  EXPECT_EQ(legacy_f32({}, {7.5f}, true), "Variable containing:\n 7.5000\n[torch.FloatTensor of size 1]\n");
  EXPECT_EQ(legacy_f32({2, 2}, {0.5f, 1, 1.5f, 2}, true),
            "Variable containing:\n 0.5000  1.0000\n 1.5000  2.0000\n[torch.FloatTensor of size 2x2]\n");
}

TEST(PrintLegacy, ScaleAndScientific) {
  EXPECT_EQ(legacy_f32({2}, {0.01f, 0.025f}, false),
            "\n1.00000e-02 *\n  1.0000\n  2.5000\n[torch.FloatTensor of size 2]\n");
  EXPECT_EQ(legacy_f32({3}, {1e-5f, 1, 100}, false),
            "\n 1.0000e-05\n 1.0000e+00\n 1.0000e+02\n[torch.FloatTensor of size 3]\n");
  std::vector<double> big{1e10, 1};
  EXPECT_EQ(legacy_repr(View{DType::Float64, {2}, big.data()}, false),
            "\n 1.0000e+10\n 1.0000e+00\n[torch.DoubleTensor of size 2]\n");
  EXPECT_EQ(legacy_f32({2}, {NAN, 1.5f}, false), "\n    nan\n 1.5000\n[torch.FloatTensor of size 2]\n");
}

TEST(PrintLegacy, TypesAndShapes) {
  std::vector<int64_t> ints{1, -20, 300, 4};
  EXPECT_EQ(legacy_repr(View{DType::Int64, {2, 2}, ints.data()}, false),
            "\n   1  -20\n 300    4\n[torch.LongTensor of size 2x2]\n");
  std::vector<uint8_t> bytes{1, 0, 1};
  EXPECT_EQ(legacy_repr(View{DType::Bool, {3}, bytes.data()}, false), "\n 1\n 0\n 1\n[torch.ByteTensor of size 3]\n");
  std::vector<double> d{1.5, -2.25};
  EXPECT_EQ(legacy_repr(View{DType::Float64, {1, 2}, d.data()}, false),
            "\n 1.5000 -2.2500\n[torch.DoubleTensor of size 1x2]\n");
  EXPECT_EQ(legacy_f32({2, 1, 2}, {1, 2, 3, 4}, false),
            "\n(0 ,.,.) = \n  1  2\n\n(1 ,.,.) = \n  3  4\n[torch.FloatTensor of size 2x1x2]\n");
  EXPECT_EQ(legacy_f32({0, 3}, {}, true), "Variable containing:[torch.FloatTensor with no dimension]\n");
}

TEST(PrintLegacy, WideMatrixSplitsIntoColumnBlocks) {
  // sz = 7, so floor(80 / 8) = 10 columns per block; 0.3 starts every block
  // with a blank line.
  std::string want = "\n";
  for (int first = 0; first < 30; first += 10) {
    want += "\nColumns " + std::to_string(first) + " to " + std::to_string(first + 9) + " \n";
    for (int r = 0; r < 2; ++r) {
      for (int c = 0; c < 10; ++c) want += c ? "  1.5000" : " 1.5000";
      want += "\n";
    }
  }
  want += "[torch.FloatTensor of size 2x30]\n";
  EXPECT_EQ(legacy_f32({2, 30}, std::vector<float>(60, 1.5f), false), want);
}

TEST(PrintLegacy, SummarizedVector) {
  std::vector<float> data(1000);
  for (int i = 0; i < 1000; ++i) data[i] = static_cast<float>(i);
  // Integral, exp_max = 3, so every number is 4 wide; the vertical
  // ellipsis is centred in that width.
  EXPECT_EQ(legacy_f32({1000}, data, false),
            "\n   0\n   1\n   2\n \xE2\x8B\xAE  \n 997\n 998\n 999\n[torch.FloatTensor of size 1000]\n");
}

TEST(PrintLegacy, SummarizedMatrix) {
  std::vector<float> data(40 * 40);
  for (size_t i = 0; i < data.size(); ++i) data[i] = static_cast<float>(i);
  // Cut matrices take min_sz 5; the diagonal ellipsis is centred between
  // two '...' fields each as wide as edgeitems columns.
  EXPECT_EQ(legacy_f32({40, 40}, data, false),
            "\n"
            "    0     1     2  ...     37    38    39\n"
            "   40    41    42  ...     77    78    79\n"
            "   80    81    82  ...    117   118   119\n"
            "       ...          \xE2\x8B\xB1" "          ...       \n"
            " 1480  1481  1482  ...   1517  1518  1519\n"
            " 1520  1521  1522  ...   1557  1558  1559\n"
            " 1560  1561  1562  ...   1597  1598  1599\n"
            "[torch.FloatTensor of size 40x40]\n");
  std::vector<float> wide(3 * 400);
  for (size_t i = 0; i < wide.size(); ++i) wide[i] = static_cast<float>(i % 7) * 0.5f;
  EXPECT_EQ(legacy_f32({3, 400}, wide, false),
            "\n"
            " 0.0000  0.5000  1.0000  ...   2.5000  3.0000  0.0000\n"
            " 0.5000  1.0000  1.5000  ...   3.0000  0.0000  0.5000\n"
            " 1.0000  1.5000  2.0000  ...   0.0000  0.5000  1.0000\n"
            "[torch.FloatTensor of size 3x400]\n");
}

TEST(PrintLegacy, MatrixScaleFourDimsAndPrecision) {
  EXPECT_EQ(legacy_f32({2, 2}, {0.001f, 0.002f, 0.0035f, 0.004f}, false),
            "\n1.00000e-03 *\n  1.0000  2.0000\n  3.5000  4.0000\n[torch.FloatTensor of size 2x2]\n");
  EXPECT_EQ(legacy_f32({2, 1, 2, 2}, {0, 0.25f, 0.5f, 0.75f, 1, 1.25f, 1.5f, 1.75f}, false),
            "\n(0 ,0 ,.,.) = \n  0.0000  0.2500\n  0.5000  0.7500\n"
            "\n(1 ,0 ,.,.) = \n  1.0000  1.2500\n  1.5000  1.7500\n"
            "[torch.FloatTensor of size 2x1x2x2]\n");
  // Integral values wider than precision+1 digits switch to scientific.
  EXPECT_EQ(legacy_f32({2}, {1e7f, 3}, false), "\n 1.0000e+07\n 3.0000e+00\n[torch.FloatTensor of size 2]\n");
  // 0.3 kept the 7-wide field whatever the precision.
  TorchOptions two;
  two.precision = 2;
  std::vector<float> thirds{1.0f / 3, 2.0f / 3};
  EXPECT_EQ(legacy_repr(View{DType::Float32, {2}, thirds.data()}, false, two),
            "\n   0.33\n   0.67\n[torch.FloatTensor of size 2]\n");
}
