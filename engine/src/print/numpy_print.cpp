// NumPy 1.24's str(a) and repr(a), and their 1.13 legacy forms: the layout
// of numpy/core/arrayprint.py (_formatArray's hanging indents, wrapping and
// '...' rows, array_repr's dtype placement) over NumpyElementFormat.
#include <algorithm>
#include <string>
#include <vector>

#include "elements.h"
#include "float_format.h"
#include "gradlab/print.h"
#include "numpy_format.h"

namespace gradlab::print {

NumpyOptions& numpy_options() {
  static NumpyOptions opts;
  return opts;
}

namespace detail {
namespace {

std::string rstrip(const std::string& s) {
  size_t end = s.find_last_not_of(" \t\n");
  return end == std::string::npos ? "" : s.substr(0, end + 1);
}

class ArrayLayout {
 public:
  ArrayLayout(const View& v, const NumpyElementFormat& fmt, const NumpyOptions& o,
              std::string separator, bool summarize)
      : v_(v), fmt_(fmt), o_(o), sep_(std::move(separator)), summarize_(summarize),
        strides_(strides_of(v.shape)) {}

  std::string render(const std::string& next_line_prefix, int line_width) {
    return recurse(0, 0, next_line_prefix, line_width);
  }

 private:
  // Appends word to line, first moving line to s when it would pass width.
  void extend(std::string& s, std::string& line, const std::string& word, int width,
              const std::string& next_prefix) const {
    bool wrap = static_cast<int>(line.size() + word.size()) > width;
    // Since 1.14, a line holding nothing but its indent is never wrapped.
    if (!o_.legacy_113 && line.size() <= next_prefix.size()) wrap = false;
    if (wrap) {
      s += rstrip(line) + "\n";
      line = next_prefix;
    }
    line += word;
  }

  std::string recurse(size_t axis, int64_t offset, const std::string& hanging, int width) {
    const size_t ndim = v_.shape.size();
    if (axis == ndim) return fmt_(offset);
    const bool legacy = o_.legacy_113;
    const std::string next_hanging = hanging + " ";
    const int next_width = legacy ? width : width - 1;  // room for the ']'
    const int64_t len = v_.shape[axis];
    const int64_t edge = o_.edgeitems;
    const bool show_summary = summarize_ && 2 * edge < len;
    const int64_t leading = show_summary ? edge : 0;
    const int64_t trailing = show_summary ? edge : len;
    auto child = [&](int64_t i) {
      return recurse(axis + 1, offset + i * strides_[axis], next_hanging, next_width);
    };
    const std::string sep_trim = rstrip(sep_);
    std::string s;
    if (ndim - axis == 1) {
      int elem_width = legacy ? width - static_cast<int>(sep_trim.size())
                              : width - std::max(static_cast<int>(sep_trim.size()), 1);
      std::string line = hanging;
      for (int64_t i = 0; i < leading; ++i) {
        extend(s, line, child(i), elem_width, hanging);
        line += sep_;
      }
      if (show_summary) {
        extend(s, line, "...", elem_width, hanging);
        line += legacy ? ", " : sep_;
      }
      for (int64_t i = len - trailing; i < len - 1; ++i) {
        extend(s, line, child(i), elem_width, hanging);
        line += sep_;
      }
      // 1.13 did not reserve room for the separator after the last element.
      if (legacy) elem_width = width;
      extend(s, line, child(len - 1), elem_width, hanging);
      s += line;
    } else {
      const std::string line_sep = sep_trim + std::string(ndim - axis - 1, '\n');
      for (int64_t i = 0; i < leading; ++i) s += hanging + child(i) + line_sep;
      if (show_summary) s += hanging + "..." + (legacy ? std::string(", \n") : line_sep);
      for (int64_t i = len - trailing; i < len - 1; ++i) s += hanging + child(i) + line_sep;
      s += hanging + child(len - 1);
    }
    return "[" + s.substr(hanging.size()) + "]";
  }

  const View& v_;
  const NumpyElementFormat& fmt_;
  const NumpyOptions& o_;
  std::string sep_;
  bool summarize_;
  std::vector<int64_t> strides_;
};

// array2string for a non-empty array (0-d included).
std::string array2string(const View& v, const NumpyOptions& o, const std::string& separator,
                         const std::string& prefix, const std::string& suffix) {
  int line_width = o.linewidth;
  if (!o.legacy_113) line_width -= static_cast<int>(suffix.size());
  bool summarize = numel(v.shape) > o.threshold;
  NumpyElementFormat fmt(v, kept_indices(v.shape, summarize, o.edgeitems), o);
  ArrayLayout layout(v, fmt, o, separator, summarize);
  return layout.render(" " + std::string(prefix.size(), ' '), line_width);
}

// What Python's str()/repr() of a.item() gives, for 1.13's 0-d arrays.
std::string python_item(const View& v) {
  switch (v.dtype) {
    case DType::Bool: return as_int(v, 0) ? "True" : "False";
    case DType::Int64: return std::to_string(as_int(v, 0));
    default: return py_repr(as_double(v, 0));
  }
}

std::string shape_tuple(const std::vector<int64_t>& shape) {
  std::string s = "(";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i) s += ", ";
    s += std::to_string(shape[i]);
  }
  return s + (shape.size() == 1 ? ",)" : ")");
}

}  // namespace
}  // namespace detail

std::string numpy_str(const View& v, const NumpyOptions& o) {
  using namespace detail;
  if (v.shape.empty()) {
    if (o.legacy_113) return python_item(v);
    // A 0-d array prints as its scalar: full shortest digits, no padding.
    if (is_floating(v.dtype)) return numpy_scalar_str(as_double(v, 0), v.dtype == DType::Float32);
    return python_item(v);
  }
  if (numel(v.shape) == 0) return "[]";
  return array2string(v, o, " ", "", "");
}

std::string numpy_repr(const View& v, const NumpyOptions& o) {
  using namespace detail;
  const int64_t size = numel(v.shape);
  // float64, int64 and (since 1.14) bool are implied by how values look.
  bool implied = v.dtype == DType::Float64 || v.dtype == DType::Int64 ||
                 (v.dtype == DType::Bool && !o.legacy_113);
  bool skip_dtype = implied && size > 0;
  const std::string prefix = "array(";
  const std::string suffix = skip_dtype ? ")" : ",";
  std::string body;
  if (o.legacy_113 && v.shape.empty()) {
    body = python_item(v);
  } else if (size > 0) {
    body = array2string(v, o, ", ", prefix, suffix);
  } else if (v.shape.size() == 1) {
    body = "[]";
  } else {
    body = "[], shape=" + shape_tuple(v.shape);
  }
  std::string out = prefix + body + suffix;
  if (skip_dtype) return out;
  std::string dtype = "dtype=" + dtype_name(v.dtype) + ")";
  size_t nl = out.rfind('\n');
  size_t last_line = out.size() - (nl == std::string::npos ? 0 : nl + 1);
  std::string spacer = " ";
  if (!o.legacy_113 && static_cast<int>(last_line + dtype.size() + 1) > o.linewidth) {
    spacer = "\n" + std::string(prefix.size(), ' ');
  }
  return out + spacer + dtype;
}

}  // namespace gradlab::print
