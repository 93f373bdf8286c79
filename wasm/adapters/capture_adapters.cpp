// Capture mode's records as JSON (see capture_adapters.h). A preview is
// {shape, dtype, numel, values, skipped[, min, max, mean]} or null; numbers
// that JSON cannot hold (NaN, ±Infinity) are the strings JS's Number() reads.
#include "capture_adapters.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "gradlab/autograd/capture.h"
#include "gradlab/gradlab.h"
#include "signatures.h"
#include "tensor_adapters.h"

namespace gradlab::wasm {

namespace {

class Json {
 public:
  std::string out;
  void raw(const char* s) { out += s; }
  void number(double x) {
    if (std::isnan(x)) return raw("\"NaN\"");
    if (std::isinf(x)) return raw(x > 0 ? "\"Infinity\"" : "\"-Infinity\"");
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.9g", x);
    out += buf;
  }
  void integer(int64_t x) { out += std::to_string(x); }
  void boolean(bool b) { raw(b ? "true" : "false"); }
  void string(const std::string& s) {
    out += '"';
    for (char c : s) {
      if (c == '"' || c == '\\') {
        out += '\\';
        out += c;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      } else {
        out += c;
      }
    }
    out += '"';
  }
  // A key opens an object's member; every member but the first follows a comma.
  void key(const char* k) {
    if (out.back() != '{') out += ',';
    out += '"';
    out += k;
    out += "\":";
  }
  template <typename List, typename F>
  void list(const List& items, F&& each) {
    out += '[';
    bool first = true;
    for (const auto& item : items) {
      if (!first) out += ',';
      first = false;
      each(item);
    }
    out += ']';
  }
};

void write(Json& j, const capture::Preview& p) {
  if (!p.defined) return j.raw("null");
  j.raw("{");
  j.key("shape");
  j.list(p.shape, [&](int64_t d) { j.integer(d); });
  j.key("dtype");
  j.string(dtype_name(p.dtype));
  j.key("numel");
  j.integer(p.numel);
  j.key("values");
  // Nine significant digits: float32's own precision, and more than any pane shows of a float64.
  j.list(p.values, [&](double v) { j.number(v); });
  j.key("skipped");
  j.integer(p.skipped);
  if (p.has_stats) {
    j.key("min");
    j.number(p.min);
    j.key("max");
    j.number(p.max);
    j.key("mean");
    j.number(p.mean);
  }
  j.raw("}");
}

void write_previews(Json& j, const std::vector<capture::Preview>& ps) {
  j.list(ps, [&](const capture::Preview& p) { write(j, p); });
}

void write(Json& j, const capture::NodeInfo& n) {
  j.raw("{");
  j.key("id");
  j.integer(static_cast<int64_t>(n.id));
  j.key("name");
  j.string(n.name);
  j.key("leaf");
  j.boolean(n.leaf);
  j.key("label");
  j.string(n.label);
  j.key("edges");
  j.list(n.edges, [&](const capture::NodeEdge& e) {
    j.raw("[");
    j.integer(e.to);
    j.raw(",");
    j.integer(e.input_nr);
    j.raw("]");
  });
  j.key("outputs");
  write_previews(j, n.outputs);
  j.key("accumulated");
  write(j, n.accumulated);
  j.raw("}");
}

void write_nodes(Json& j, const std::vector<capture::NodeInfo>& nodes) {
  j.list(nodes, [&](const capture::NodeInfo& n) { write(j, n); });
}

}  // namespace

double capture_start_svc(const double*) {
  capture::start();
  return 0;
}
double capture_stop_svc(const double*) {
  capture::stop();
  return 0;
}
double capture_enabled_svc(const double*) { return capture::enabled() ? 1 : 0; }

double capture_name_svc(const double* a) {
  const size_t n = static_cast<size_t>(a[1]);
  const std::string label = n == 0 ? std::string() : std::string(static_cast<const char*>(stage(0)), n);
  capture::name(T(a[0]), label);
  return 0;
}

double capture_read_svc(const double*) {
  const std::vector<capture::Pass> passes = capture::take_passes();
  Json j;
  j.raw("{");
  j.key("count");
  j.integer(capture::pass_count());
  j.key("passes");
  j.list(passes, [&](const capture::Pass& p) {
    j.raw("{");
    j.key("number");
    j.integer(p.number);
    j.key("complete");
    j.boolean(p.complete);
    j.key("grad_only");
    j.boolean(p.grad_only);
    j.key("truncated");
    j.boolean(p.truncated);
    j.key("roots");
    j.list(p.roots, [&](uint64_t id) { j.integer(static_cast<int64_t>(id)); });
    j.key("nodes");
    write_nodes(j, p.nodes);
    j.key("steps");
    j.list(p.steps, [&](const capture::Step& s) {
      j.raw("{");
      j.key("id");
      j.integer(static_cast<int64_t>(s.id));
      j.key("received");
      write_previews(j, s.received);
      j.key("sent");
      write_previews(j, s.sent);
      j.raw("}");
    });
    j.raw("}");
  });
  j.raw("}");
  return put_text(std::move(j.out));
}

double capture_preview_svc(const double* a) {
  Json j;
  write(j, capture::preview(T(a[0])));
  return put_text(std::move(j.out));
}

double capture_graph_svc(const double* a) {
  const int max_nodes = static_cast<int>(a[1]);
  const capture::Snapshot s = capture::snapshot(T(a[0]), static_cast<size_t>(std::max(max_nodes, 1)));
  Json j;
  j.raw("{");
  j.key("nodes");
  write_nodes(j, s.nodes);
  j.key("truncated");
  j.boolean(s.truncated);
  j.raw("}");
  return put_text(std::move(j.out));
}

}  // namespace gradlab::wasm
