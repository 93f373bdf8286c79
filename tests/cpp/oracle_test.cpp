// Replays tests/fixtures/ops.json (PyTorch 1.13's outputs and gradients,
// written by tests/oracle/gen_ops.py) through the engine's C++ API. The
// format and calling rules are in tests/oracle/README.md.
#include <cmath>
#include <functional>
#include <limits>
#include <map>

#include "json_lite.h"
#include "test_util.h"

#ifndef GRADLAB_FIXTURES_DIR
#define GRADLAB_FIXTURES_DIR "tests/fixtures"
#endif

namespace gradlab {
namespace {

using json_lite::Value;

double scalar_of(const Value& v) {
  if (v.kind == Value::Kind::Bool) return v.b ? 1 : 0;
  if (v.is_string()) {
    if (v.str == "nan") return std::numeric_limits<double>::quiet_NaN();
    return v.str == "-inf" ? -INFINITY : INFINITY;
  }
  return v.num;
}

Tensor tensor_of(const Value& spec) {
  std::vector<double> values;
  for (const Value& x : spec["data"].arr) values.push_back(scalar_of(x));
  Shape shape;
  for (const Value& d : spec["shape"].arr) shape.push_back(d.as_int());
  return from_values(values, shape, dtype_from_name(spec["dtype"].str));
}

// An op call: positional args (resolved against the built inputs) and kwargs.
struct Call {
  const Value& args;
  const Value& kwargs;
  const variable_list& inputs;

  bool has(size_t i, const char* kw = "") const { return i < args.size() || kwargs.has(kw); }
  const Value& arg(size_t i, const char* kw) const { return i < args.size() ? args[i] : kwargs[kw]; }
  Tensor tensor(size_t i, const char* kw = "") const {
    const Value& v = arg(i, kw);
    if (v.has("input")) return inputs[v["input"].as_int()];
    return scalar_tensor(v.num, DType::Float64, /*wrapped_number=*/true);
  }
  bool is_tensor(size_t i) const { return i < args.size() && args[i].has("input"); }
  double num(size_t i, const char* kw, double fallback) const { return has(i, kw) ? scalar_of(arg(i, kw)) : fallback; }
  int64_t integer(size_t i, const char* kw, int64_t fallback) const {
    return has(i, kw) ? arg(i, kw).as_int() : fallback;
  }
  bool flag(const char* kw) const { return kwargs.has(kw) && kwargs[kw].b; }
  double option(const char* kw, double fallback) const { return kwargs.has(kw) ? scalar_of(kwargs[kw]) : fallback; }
  std::vector<int64_t> ints(size_t i, const char* kw = "") const {
    if (!has(i, kw)) return {};
    const Value& v = arg(i, kw);
    if (v.is_number()) return {v.as_int()};
    std::vector<int64_t> out;
    for (const Value& x : v.arr) out.push_back(x.as_int());
    return out;
  }
  variable_list tensors(size_t i) const {
    variable_list out;
    for (const Value& v : args[i].arr) out.push_back(inputs[v["input"].as_int()]);
    return out;
  }
  Reduction reduction() const {
    return reduction_from_name(kwargs.has("reduction") ? kwargs["reduction"].str : "mean");
  }
};

using OpFn = std::function<variable_list(const Call&)>;

// One binary op with a tensor or plain-number right operand.
template <typename F, typename G>
OpFn binary(F tensor_fn, G number_fn) {
  return [=](const Call& c) {
    if (c.is_tensor(1)) return variable_list{tensor_fn(c.tensor(0), c.tensor(1))};
    return variable_list{number_fn(c.tensor(0), c.num(1, "", 0))};
  };
}
OpFn unary(Tensor (*fn)(const Tensor&)) {
  return [fn](const Call& c) { return variable_list{fn(c.tensor(0))}; };
}
OpFn compare(Tensor (*fn)(const Tensor&, const Tensor&)) {
  return [fn](const Call& c) { return variable_list{fn(c.tensor(0), c.tensor(1))}; };
}
// Reductions written torch.<op>(x, dim?, keepdim=).
OpFn reduction(Tensor (*fn)(const Tensor&, const Dims&, bool)) {
  return [fn](const Call& c) { return variable_list{fn(c.tensor(0), c.ints(1, "dim"), c.flag("keepdim"))}; };
}

const std::map<std::string, OpFn>& ops() {
  static const std::map<std::string, OpFn> table = {
      {"add", [](const Call& c) {
         const double alpha = c.option("alpha", 1.0);
         if (c.is_tensor(1)) return variable_list{add(c.tensor(0), c.tensor(1), alpha)};
         return variable_list{add(c.tensor(0), c.num(1, "", 0) * alpha)};
       }},
      {"sub", [](const Call& c) {
         const double alpha = c.option("alpha", 1.0);
         if (c.is_tensor(1)) return variable_list{sub(c.tensor(0), c.tensor(1), alpha)};
         return variable_list{sub(c.tensor(0), c.num(1, "", 0) * alpha)};
       }},
      {"mul", binary([](const Tensor& a, const Tensor& b) { return mul(a, b); }, [](const Tensor& a, double b) { return mul(a, b); })},
      {"div", binary([](const Tensor& a, const Tensor& b) { return div(a, b); }, [](const Tensor& a, double b) { return div(a, b); })},
      {"pow", [](const Call& c) {
         if (!c.is_tensor(0)) return variable_list{pow(c.num(0, "", 0), c.tensor(1))};
         if (c.is_tensor(1)) return variable_list{pow(c.tensor(0), c.tensor(1))};
         return variable_list{pow(c.tensor(0), c.num(1, "", 0))};
       }},
      {"maximum", compare(maximum)}, {"minimum", compare(minimum)},
      {"eq", compare(eq)}, {"ne", compare(ne)}, {"lt", compare(lt)},
      {"le", compare(le)}, {"gt", compare(gt)}, {"ge", compare(ge)},
      {"where", [](const Call& c) { return variable_list{where(c.tensor(0), c.tensor(1), c.tensor(2))}; }},
      {"allclose", [](const Call& c) {
         const bool close = allclose(c.tensor(0), c.tensor(1), c.num(2, "rtol", 1e-5), c.num(3, "atol", 1e-8));
         return variable_list{scalar_tensor(close ? 1 : 0, DType::Bool)};
       }},
      {"neg", unary(neg)}, {"abs", unary(abs)}, {"square", unary(square)}, {"sqrt", unary(sqrt)},
      {"rsqrt", unary(rsqrt)}, {"reciprocal", unary(reciprocal)}, {"exp", unary(exp)}, {"log", unary(log)},
      {"log1p", unary(log1p)}, {"expm1", unary(expm1)}, {"sin", unary(sin)}, {"cos", unary(cos)},
      {"tan", unary(tan)}, {"tanh", unary(tanh)}, {"sigmoid", unary(sigmoid)}, {"relu", unary(relu)},
      {"sign", unary(sign)}, {"F.relu", unary(relu)}, {"F.sigmoid", unary(sigmoid)}, {"F.tanh", unary(tanh)},
      {"F.gelu", unary(gelu)},
      {"floor", unary(floor)}, {"ceil", unary(ceil)}, {"trunc", unary(trunc)}, {"frac", unary(frac)},
      {"round", [](const Call& c) {
         if (c.has(1, "decimals")) return variable_list{round(c.tensor(0), c.integer(1, "decimals", 0))};
         return variable_list{round(c.tensor(0))};
       }},
      {"isnan", unary(isnan)}, {"isinf", unary(isinf)}, {"isfinite", unary(isfinite)},
      {"tril", [](const Call& c) { return variable_list{tril(c.tensor(0), c.integer(1, "diagonal", 0))}; }},
      {"triu", [](const Call& c) { return variable_list{triu(c.tensor(0), c.integer(1, "diagonal", 0))}; }},
      {"F.leaky_relu", [](const Call& c) { return variable_list{leaky_relu(c.tensor(0), c.num(1, "negative_slope", 0.01))}; }},
      {"F.elu", [](const Call& c) { return variable_list{elu(c.tensor(0), c.num(1, "alpha", 1.0))}; }},
      {"F.softplus", [](const Call& c) {
         return variable_list{softplus(c.tensor(0), c.num(1, "beta", 1.0), c.num(2, "threshold", 20.0))};
       }},
      {"clamp", [](const Call& c) {
         const double nan = std::numeric_limits<double>::quiet_NaN();
         return variable_list{clamp(c.tensor(0), c.num(1, "min", nan), c.num(2, "max", nan))};
       }},
      {"sum", reduction([](const Tensor& a, const Dims& d, bool k) { return sum(a, d, k); })},
      {"mean", reduction([](const Tensor& a, const Dims& d, bool k) { return mean(a, d, k); })},
      {"logsumexp", reduction(logsumexp)}, {"amax", reduction(amax)}, {"amin", reduction(amin)},
      {"var", reduction([](const Tensor& a, const Dims& d, bool k) { return var(a, d, true, k); })},
      {"std", reduction([](const Tensor& a, const Dims& d, bool k) { return gradlab::std(a, d, true, k); })},
      {"prod", [](const Call& c) {
         if (!c.has(1, "dim")) return variable_list{prod(c.tensor(0))};
         return variable_list{prod(c.tensor(0), c.integer(1, "dim", 0), c.flag("keepdim"))};
       }},
      {"norm", [](const Call& c) {
         return variable_list{norm(c.tensor(0), c.num(1, "p", 2.0), c.ints(2, "dim"), c.flag("keepdim"))};
       }},
      {"max", [](const Call& c) { return variable_list{max(c.tensor(0))}; }},
      {"min", [](const Call& c) { return variable_list{min(c.tensor(0))}; }},
      {"max_dim", [](const Call& c) {
         auto r = max(c.tensor(0), c.integer(1, "dim", 0), c.flag("keepdim"));
         return variable_list{r.values, r.indices};
       }},
      {"min_dim", [](const Call& c) {
         auto r = min(c.tensor(0), c.integer(1, "dim", 0), c.flag("keepdim"));
         return variable_list{r.values, r.indices};
       }},
      {"argmax", [](const Call& c) {
         if (!c.has(1, "dim")) return variable_list{argmax(c.tensor(0))};
         return variable_list{argmax(c.tensor(0), c.integer(1, "dim", 0), c.flag("keepdim"))};
       }},
      {"argmin", [](const Call& c) {
         if (!c.has(1, "dim")) return variable_list{argmin(c.tensor(0))};
         return variable_list{argmin(c.tensor(0), c.integer(1, "dim", 0), c.flag("keepdim"))};
       }},
      {"matmul", compare(matmul)}, {"mm", compare(mm)}, {"bmm", compare(bmm)}, {"mv", compare(mv)},
      {"dot", compare(dot)}, {"outer", compare(outer)}, {"t", unary(t)},
      {"reshape", [](const Call& c) { return variable_list{reshape(c.tensor(0), c.ints(1))}; }},
      {"view", [](const Call& c) { return variable_list{view(c.tensor(0), c.ints(1))}; }},
      {"flatten", [](const Call& c) {
         return variable_list{flatten(c.tensor(0), c.integer(1, "start_dim", 0), c.integer(2, "end_dim", -1))};
       }},
      {"transpose", [](const Call& c) { return variable_list{transpose(c.tensor(0), c.integer(1, "", 0), c.integer(2, "", 1))}; }},
      {"permute", [](const Call& c) { return variable_list{permute(c.tensor(0), c.ints(1))}; }},
      {"squeeze", [](const Call& c) {
         if (!c.has(1, "dim")) return variable_list{squeeze(c.tensor(0))};
         return variable_list{squeeze(c.tensor(0), c.integer(1, "dim", 0))};
       }},
      {"unsqueeze", [](const Call& c) { return variable_list{unsqueeze(c.tensor(0), c.integer(1, "dim", 0))}; }},
      {"expand", [](const Call& c) { return variable_list{expand(c.tensor(0), c.ints(1))}; }},
      {"repeat", [](const Call& c) { return variable_list{repeat(c.tensor(0), c.ints(1))}; }},
      {"contiguous", unary(contiguous)}, {"clone", unary(clone)},
      {"to", [](const Call& c) { return variable_list{to(c.tensor(0), dtype_from_name(c.args[1].str))}; }},
      {"float", [](const Call& c) { return variable_list{to(c.tensor(0), DType::Float32)}; }},
      {"double", [](const Call& c) { return variable_list{to(c.tensor(0), DType::Float64)}; }},
      {"long", [](const Call& c) { return variable_list{to(c.tensor(0), DType::Int64)}; }},
      {"bool", [](const Call& c) { return variable_list{to(c.tensor(0), DType::Bool)}; }},
      {"type_as", [](const Call& c) { return variable_list{to(c.tensor(0), c.tensor(1).dtype())}; }},
      {"cat", [](const Call& c) { return variable_list{cat(c.tensors(0), c.integer(1, "dim", 0))}; }},
      {"stack", [](const Call& c) { return variable_list{stack(c.tensors(0), c.integer(1, "dim", 0))}; }},
      {"split", [](const Call& c) {
         const int64_t dim = c.integer(2, "dim", 0);
         if (c.args[1].is_number()) return split(c.tensor(0), c.args[1].as_int(), dim);
         return split_sizes(c.tensor(0), c.ints(1), dim);
       }},
      {"chunk", [](const Call& c) { return chunk(c.tensor(0), c.integer(1, "", 1), c.integer(2, "dim", 0)); }},
      {"select", [](const Call& c) { return variable_list{select(c.tensor(0), c.integer(1, "", 0), c.integer(2, "", 0))}; }},
      {"narrow", [](const Call& c) {
         return variable_list{narrow(c.tensor(0), c.integer(1, "", 0), c.integer(2, "", 0), c.integer(3, "", 0))};
       }},
      {"index_select", [](const Call& c) { return variable_list{index_select(c.tensor(0), c.integer(1, "", 0), c.tensor(2))}; }},
      {"gather", [](const Call& c) { return variable_list{gather(c.tensor(0), c.integer(1, "", 0), c.tensor(2))}; }},
      {"masked_fill", [](const Call& c) { return variable_list{masked_fill(c.tensor(0), c.tensor(1), c.num(2, "", 0))}; }},
      {"getitem", [](const Call& c) {
         std::vector<IndexItem> items;
         for (const Value& v : c.args[1].arr) {
           // null is ':'; integers and slice strings share NumPy's text form.
           items.push_back(v.is_null() ? IndexItem{} : parse_index_item(v.str));
         }
         return variable_list{index(c.tensor(0), items)};
       }},
      {"F.softmax", [](const Call& c) { return variable_list{softmax(c.tensor(0), c.integer(1, "dim", -1))}; }},
      {"F.log_softmax", [](const Call& c) { return variable_list{log_softmax(c.tensor(0), c.integer(1, "dim", -1))}; }},
      {"F.linear", [](const Call& c) {
         return variable_list{linear(c.tensor(0), c.tensor(1), c.has(2, "bias") ? c.tensor(2, "bias") : Tensor())};
       }},
      {"F.mse_loss", [](const Call& c) { return variable_list{mse_loss(c.tensor(0), c.tensor(1), c.reduction())}; }},
      {"F.l1_loss", [](const Call& c) { return variable_list{l1_loss(c.tensor(0), c.tensor(1), c.reduction())}; }},
      {"F.nll_loss", [](const Call& c) {
         return variable_list{nll_loss(c.tensor(0), c.tensor(1), c.reduction(),
                                       c.has(2, "weight") ? c.tensor(2, "weight") : Tensor(),
                                       c.integer(4, "ignore_index", -100))};
       }},
      {"F.cross_entropy", [](const Call& c) {
         return variable_list{cross_entropy(c.tensor(0), c.tensor(1), c.reduction(),
                                            c.has(2, "weight") ? c.tensor(2, "weight") : Tensor(),
                                            c.integer(4, "ignore_index", -100), c.num(7, "label_smoothing", 0.0))};
       }},
      {"F.binary_cross_entropy", [](const Call& c) {
         return variable_list{binary_cross_entropy(c.tensor(0), c.tensor(1), c.reduction())};
       }},
      {"F.binary_cross_entropy_with_logits", [](const Call& c) {
         return variable_list{binary_cross_entropy_with_logits(c.tensor(0), c.tensor(1), c.reduction())};
       }},
  };
  return table;
}

// Compares a tensor with a fixture tensor: shape, dtype, and values within a
// tolerance that suits the dtype (NaN must match NaN).
void expect_matches(const Tensor& got, const Value& want, const std::string& what) {
  ASSERT_TRUE(got.defined()) << what << ": no tensor";
  const Tensor expected = tensor_of(want);
  EXPECT_EQ(shape_str(got.shape()), shape_str(expected.shape())) << what;
  EXPECT_EQ(dtype_name(got.dtype()), dtype_name(expected.dtype())) << what;
  if (got.shape() != expected.shape()) return;
  const auto g = test::values_of(got), e = test::values_of(expected);
  const double rtol = expected.dtype() == DType::Float32 ? 1e-4 : 1e-6;
  for (size_t i = 0; i < e.size(); ++i) {
    if (std::isnan(e[i])) {
      EXPECT_TRUE(std::isnan(g[i])) << what << " at " << i;
    } else if (std::isinf(e[i])) {
      EXPECT_EQ(g[i], e[i]) << what << " at " << i;
    } else {
      EXPECT_NEAR(g[i], e[i], rtol * std::max(1.0, std::fabs(e[i]))) << what << " at " << i;
    }
  }
}

TEST(Oracle, EveryPyTorchFixtureMatches) {
  const Value doc = json_lite::parse_file(GRADLAB_FIXTURES_DIR "/ops.json");
  ASSERT_GE(doc["cases"].size(), 150u);
  size_t replayed = 0, grads_compared = 0;
  for (const Value& cs : doc["cases"].arr) {
    const std::string name = cs["name"].str;
    SCOPED_TRACE(name);
    auto op = ops().find(cs["op"].str);
    ASSERT_NE(op, ops().end()) << "no replay rule for op " << cs["op"].str;

    // Build inputs; a noncontig input is the transpose of a contiguous leaf.
    variable_list leaves, inputs;
    for (const Value& spec : cs["inputs"].arr) {
      const bool noncontig = spec.has("noncontig") && spec["noncontig"].b;
      Tensor leaf = tensor_of(spec);
      if (noncontig) leaf = contiguous(t(leaf));
      leaf.set_requires_grad(spec["requires_grad"].b);
      leaves.push_back(leaf);
      inputs.push_back(noncontig ? t(leaf) : leaf);
    }
    const Call call{cs["args"], cs["kwargs"], inputs};
    const variable_list outputs = op->second(call);

    const Value& want = cs["output"];
    const bool listed = want.kind == Value::Kind::Array;
    ASSERT_EQ(outputs.size(), listed ? want.size() : 1u);
    for (size_t i = 0; i < outputs.size(); ++i)
      expect_matches(outputs[i], listed ? want[i] : want, name + " output " + std::to_string(i));

    // Backward of sum(out * grad_output) over the differentiable outputs.
    if (!cs.has("grad_output") || cs["grad_output"].is_null()) {
      ++replayed;
      continue;
    }
    const Value& go = cs["grad_output"];
    Tensor loss;
    for (size_t i = 0; i < outputs.size(); ++i) {
      const Value& g = go.kind == Value::Kind::Array ? go[i] : go;
      if (g.is_null() || !outputs[i].requires_grad()) continue;
      Tensor term = sum(mul(outputs[i], tensor_of(g)));
      loss = loss.defined() ? add(loss, term) : term;
    }
    if (loss.defined()) autograd::backward({loss}, {}, false, false);
    for (size_t i = 0; i < leaves.size(); ++i) {
      const Value& g = cs["grads"][i];
      if (g.is_null()) continue;
      Tensor grad = leaves[i].grad();
      if (grad.defined() && cs["inputs"][i].has("noncontig") && cs["inputs"][i]["noncontig"].b) grad = t(grad);
      expect_matches(grad, g, name + " grad " + std::to_string(i));
      ++grads_compared;
    }
    ++replayed;
  }
  EXPECT_EQ(replayed, doc["cases"].size());
  EXPECT_GE(grads_compared, 250u);  // most cases check gradients, not only values
}

}  // namespace
}  // namespace gradlab
