// Replays tests/fixtures/nn_ops.json (written by tests/oracle/gen_nn_ops.py):
// each case's outputs, grad_fn name and input gradients, and each bad call's
// PyTorch error text. A test file supplies how to call its ops.
#pragma once
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <string>

#include "json_lite.h"
#include "test_util.h"

namespace gradlab::test {

using json_lite::Value;

// A call's keyword arguments, read with PyTorch's defaults.
struct Kwargs {
  const Value& v;
  bool has(const char* k) const { return v.has(k) && !v[k].is_null(); }
  IntList ints(const char* k, IntList fallback) const {
    if (!has(k)) return fallback;
    IntList out;
    for (const Value& x : v[k].arr) out.push_back(x.as_int());
    return out;
  }
  bool flag(const char* k, bool fallback) const { return has(k) ? v[k].b : fallback; }
  int64_t integer(const char* k, int64_t fallback) const { return has(k) ? v[k].as_int() : fallback; }
  std::optional<int64_t> optional_int(const char* k) const {
    return has(k) ? std::optional<int64_t>(v[k].as_int()) : std::nullopt;
  }
  bool is_string(const char* k) const { return has(k) && v[k].is_string(); }
  const std::string& str(const char* k) const { return v[k].str; }
};

using NnCall = std::function<variable_list(const std::string& op, const variable_list& inputs, const Kwargs& kw)>;

inline const Value& nn_fixtures() {
  static const Value doc = json_lite::parse_file(GRADLAB_FIXTURES_DIR "/nn_ops.json");
  return doc;
}

inline double fixture_scalar(const Value& v) {
  if (v.kind == Value::Kind::Bool) return v.b ? 1 : 0;
  if (!v.is_string()) return v.num;
  if (v.str == "nan") return std::numeric_limits<double>::quiet_NaN();
  return v.str == "-inf" ? -INFINITY : INFINITY;
}

inline Tensor fixture_tensor(const Value& spec) {
  std::vector<double> values;
  for (const Value& x : spec["data"].arr) values.push_back(fixture_scalar(x));
  Shape shape;
  for (const Value& d : spec["shape"].arr) shape.push_back(d.as_int());
  Tensor t = from_values(values, shape, dtype_from_name(spec["dtype"].str));
  if (spec.has("requires_grad") && spec["requires_grad"].b) t.set_requires_grad(true);
  return t;
}

inline void expect_fixture(const Tensor& got, const Value& want, const std::string& what) {
  ASSERT_TRUE(got.defined()) << what;
  const Tensor e = fixture_tensor(want);
  ASSERT_EQ(shape_str(got.shape()), shape_str(e.shape())) << what;
  EXPECT_EQ(dtype_name(got.dtype()), dtype_name(e.dtype())) << what;
  const auto g = values_of(got), w = values_of(e);
  const double rtol = e.dtype() == DType::Float32 ? 1e-5 : 1e-10;
  for (size_t i = 0; i < w.size(); ++i) {
    if (std::isnan(w[i]) || std::isinf(w[i])) {
      EXPECT_TRUE(std::isnan(w[i]) ? std::isnan(g[i]) : g[i] == w[i]) << what << " at " << i;
    } else {
      EXPECT_NEAR(g[i], w[i], rtol * std::max(1.0, std::fabs(w[i]))) << what << " at " << i;
    }
  }
}

// Replays every case and error whose op `call` knows (it returns {} for others);
// returns how many were replayed.
inline size_t replay_nn_fixtures(const NnCall& call) {
  size_t replayed = 0;
  for (const Value& cs : nn_fixtures()["cases"].arr) {
    SCOPED_TRACE(cs["name"].str);
    variable_list inputs;
    for (const Value& spec : cs["inputs"].arr) inputs.push_back(fixture_tensor(spec));
    const variable_list outs = call(cs["op"].str, inputs, Kwargs{cs["kwargs"]});
    if (outs.empty()) continue;
    ++replayed;
    EXPECT_EQ(outs.size(), cs["output"].size());
    for (size_t i = 0; i < outs.size() && i < cs["output"].size(); ++i)
      expect_fixture(outs[i], cs["output"][i], "output " + std::to_string(i));
    if (cs["grad_fn"].is_null()) {
      EXPECT_FALSE(outs[0].requires_grad());
      continue;
    }
    if (!outs[0].grad_fn()) {
      ADD_FAILURE() << "no grad_fn";
      continue;
    }
    EXPECT_EQ(outs[0].grad_fn()->name(), cs["grad_fn"].str);
    autograd::backward({sum(mul(outs[0], fixture_tensor(cs["grad_output"])))}, {}, false, false);
    for (size_t i = 0; i < inputs.size(); ++i) {
      if (cs["grads"][i].is_null()) continue;
      expect_fixture(inputs[i].grad(), cs["grads"][i], "grad " + std::to_string(i));
    }
  }
  for (const Value& er : nn_fixtures()["errors"].arr) {
    SCOPED_TRACE(er["name"].str);
    variable_list inputs;
    for (const Value& spec : er["inputs"].arr) inputs.push_back(fixture_tensor(spec));
    try {
      if (call(er["op"].str, inputs, Kwargs{er["kwargs"]}).empty()) continue;
      ADD_FAILURE() << "accepted; PyTorch says: " << er["message"].str;
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()), er["message"].str);
    }
    ++replayed;
  }
  return replayed;
}

}  // namespace gradlab::test
