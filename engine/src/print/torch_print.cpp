// PyTorch 1.13's repr(t), following torch/_tensor_str.py: one _Formatter
// over the shown values (int mode "1.", fixed "0.5000" or scientific), a
// fixed number of elements per line, and suffixes (dtype=, grad_fn=,
// requires_grad=) that move to their own line past the line width.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "elements.h"
#include "float_format.h"
#include "gradlab/print.h"

namespace gradlab::print {

TorchOptions& torch_options() {
  static TorchOptions opts;
  return opts;
}

namespace detail {
namespace {

class TorchFormatter {
 public:
  TorchFormatter(const View& v, const std::vector<int64_t>& shown, const TorchOptions& o)
      : v_(v), floating_(is_floating(v.dtype)), precision_(o.precision) {
    if (!floating_) {
      for (int64_t i : shown) width_ = std::max(width_, plain(i).size());
      return;
    }
    std::vector<double> vals;  // nonzero finite values
    for (int64_t i : shown) {
      double x = as_double(v, i);
      if (std::isfinite(x) && x != 0) vals.push_back(x);
    }
    // Without a nonzero finite value PyTorch returns early, before even
    // applying sci_mode.
    if (vals.empty()) return;
    double mx = 0, mn = INFINITY;
    for (double x : vals) {
      mx = std::max(mx, std::fabs(x));
      mn = std::min(mn, std::fabs(x));
      if (x != std::ceil(x)) int_mode_ = false;
    }
    const bool wide = mx / mn > 1000.0 || mx > 1.0e8;
    if (int_mode_) {
      sci_ = wide;
      for (double x : vals) {
        // Integral values get a trailing '.', hence the +1.
        size_t w = sci_ ? py_sci(x, precision_).size() : py_fixed(x, 0).size() + 1;
        width_ = std::max(width_, w);
      }
    } else {
      sci_ = wide || mn < 1.0e-4;
      for (double x : vals) {
        size_t w = sci_ ? py_sci(x, precision_).size() : py_fixed(x, precision_).size();
        width_ = std::max(width_, w);
      }
    }
    if (o.sci_mode >= 0) sci_ = o.sci_mode == 1;
  }

  size_t width() const { return width_; }

  std::string operator()(int64_t i) const {
    if (!floating_) return pad_to(plain(i), width_);
    double x = as_double(v_, i);
    std::string r;
    if (sci_) {
      r = py_sci(x, precision_);
    } else if (int_mode_) {
      r = py_fixed(x, 0);
      if (std::isfinite(x)) r += ".";
    } else {
      r = py_fixed(x, precision_);
    }
    return pad_to(r, width_);
  }

 private:
  std::string plain(int64_t i) const {
    if (v_.dtype == DType::Bool) return as_int(v_, i) ? "True" : "False";
    return std::to_string(as_int(v_, i));
  }

  const View& v_;
  bool floating_;
  int precision_;
  bool int_mode_ = true;
  bool sci_ = false;
  size_t width_ = 1;
};

class TensorLayout {
 public:
  TensorLayout(const View& v, const TorchFormatter& f, const TorchOptions& o, bool summarize)
      : v_(v), f_(f), o_(o), summarize_(summarize), strides_(strides_of(v.shape)) {}

  std::string render(size_t axis, int64_t offset, int indent) const {
    const size_t dim = v_.shape.size() - axis;
    if (dim == 0) return f_(offset);
    const int64_t len = v_.shape[axis];
    const int64_t edge = o_.edgeitems;
    const bool cut = summarize_ && len > 2 * edge;
    std::vector<std::string> parts;
    auto child = [&](int64_t i) {
      return dim == 1 ? f_(offset + i * strides_[axis])
                      : render(axis + 1, offset + i * strides_[axis], indent + 1);
    };
    for (int64_t i = 0; i < (cut ? edge : len); ++i) parts.push_back(child(i));
    if (cut) {
      parts.push_back(dim == 1 ? " ..." : "...");
      for (int64_t i = len - edge; i < len; ++i) parts.push_back(child(i));
    }
    if (dim > 1) {
      return "[" + join(parts, "," + std::string(dim - 1, '\n') + std::string(indent + 1, ' ')) + "]";
    }
    // A vector wraps after a fixed count of elements, each counted as its
    // width plus ", ".
    const double per = std::floor(double(o_.linewidth - indent) / double(f_.width() + 2));
    const size_t per_line = per < 1 ? 1 : static_cast<size_t>(per);
    std::vector<std::string> lines;
    for (size_t i = 0; i < parts.size(); i += per_line) {
      std::vector<std::string> chunk(parts.begin() + i,
                                     parts.begin() + std::min(parts.size(), i + per_line));
      lines.push_back(join(chunk, ", "));
    }
    return "[" + join(lines, ",\n" + std::string(indent + 1, ' ')) + "]";
  }

 private:
  static std::string join(const std::vector<std::string>& parts, const std::string& sep) {
    std::string s;
    for (size_t i = 0; i < parts.size(); ++i) s += (i ? sep : "") + parts[i];
    return s;
  }

  const View& v_;
  const TorchFormatter& f_;
  const TorchOptions& o_;
  bool summarize_;
  std::vector<int64_t> strides_;
};

std::string size_tuple(const std::vector<int64_t>& shape) {
  std::string s = "(";
  for (size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + (shape.size() == 1 ? ",)" : ")");
}

}  // namespace
}  // namespace detail

std::string torch_repr(const View& v, const TorchSuffix& sfx, const TorchOptions& o) {
  using namespace detail;
  const std::string prefix = "tensor(";
  const int indent = static_cast<int>(prefix.size());
  std::vector<std::string> suffixes;
  std::string body;
  const int64_t n = numel(v.shape);
  const std::string dtype = "dtype=torch." + dtype_name(v.dtype);
  if (n == 0) {
    // NumPy-style: the shape is shown unless it is (0,); the dtype is shown
    // unless it is the default float32, since no value can imply it.
    if (v.shape.size() != 1) suffixes.push_back("size=" + size_tuple(v.shape));
    if (v.dtype != DType::Float32) suffixes.push_back(dtype);
    body = "[]";
  } else {
    if (v.dtype == DType::Float64) suffixes.push_back(dtype);
    const bool summarize = n > o.threshold;
    TorchFormatter f(v, kept_indices(v.shape, summarize, o.edgeitems), o);
    body = TensorLayout(v, f, o, summarize).render(0, 0, indent);
  }
  if (!sfx.grad_fn.empty()) {
    suffixes.push_back("grad_fn=<" + sfx.grad_fn + ">");
  } else if (sfx.requires_grad) {
    suffixes.push_back("requires_grad=True");
  }

  std::string out = prefix + body;
  // PyTorch's own arithmetic: the length after the last newline, plus one
  // (plus two when there is no newline, as rfind returns -1).
  const size_t nl = out.rfind('\n');
  long last_line = static_cast<long>(out.size()) - (nl == std::string::npos ? -1L : long(nl)) + 1;
  for (const std::string& s : suffixes) {
    if (last_line + static_cast<long>(s.size()) + 2 > o.linewidth) {
      out += ",\n" + std::string(indent, ' ') + s;
      last_line = indent + static_cast<long>(s.size());
    } else {
      out += ", " + s;
      last_line += static_cast<long>(s.size()) + 2;
    }
  }
  return out + ")";
}

}  // namespace gradlab::print
