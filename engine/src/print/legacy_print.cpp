// PyTorch 0.3's str(t) and Variable repr, the format of the seed tutorial.
// No 0.3 oracle runs here; the rules are those of 0.3's torch/_tensor_str.py:
//  - one format for the whole tensor from the absolute values (nan/inf
//    replaced by the first finite one): integral values print with no
//    decimals, others with `precision` decimals, right-aligned to a common
//    width `sz` and joined by one space;
//  - decimal exponents (floor(log10|x|)+1) spanning more than `precision`
//    switch to scientific notation (integral values: more than precision+1
//    digits); otherwise, when the largest magnitude is >= 10^(precision+1)
//    or < 0.1, values are divided by a power of ten shown on a scale line
//    ("1.00000e-02 *");
//  - 1-D prints as a column, 2-D as rows (split into "Columns i to j"
//    blocks past the line width), 3-D and up as "(0 ,.,.) = " matrices;
//  - at `threshold` elements rows and columns are cut to `edgeitems` with
//    "...", "⋮" and "⋱";
//  - the footer names the legacy type: [torch.FloatTensor of size 2x2].
// A 0-d value prints as a size-1 vector (0.3 had no 0-d tensors); an empty
// one as 0.3 printed its dimensionless empty tensors, with no leading newline.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "elements.h"
#include "float_format.h"
#include "gradlab/print.h"

namespace gradlab::print {
namespace detail {
namespace {

const char* kVDots = "\xE2\x8B\xAE";  // U+22EE VERTICAL ELLIPSIS
const char* kDDots = "\xE2\x8B\xB1";  // U+22F1 DOWN RIGHT DIAGONAL ELLIPSIS

// Python's '{:^w}' for a string of `chars` code points: extra space right.
std::string center(const std::string& s, int width, int chars) {
  int pad = width - chars;
  if (pad <= 0) return s;
  return std::string(pad / 2, ' ') + s + std::string(pad - pad / 2, ' ');
}
std::string center(const std::string& s, int width) {
  return center(s, width, static_cast<int>(s.size()));
}

struct NumberFormat {
  bool sci = false;
  int width = 0;  // field width of each number
  int decimals = 0;
  double scale = 1;
  int sz = 0;  // the column width the layout assumes

  std::string operator()(double value) const {
    double x = value / scale;
    return pad_to(sci ? py_sci(x, decimals) : py_fixed(x, decimals), width);
  }
};

int decimal_exponent(double a) { return a != 0 ? static_cast<int>(std::floor(std::log10(a))) + 1 : 1; }

NumberFormat number_format(const std::vector<double>& values, int min_sz, int prec) {
  min_sz = std::max(min_sz, 2);
  std::vector<double> a;
  double example = 0;
  bool any_invalid = false, found = false;
  for (double x : values) {
    if (std::isfinite(x)) {
      if (!found) example = std::fabs(x);
      found = true;
    } else {
      any_invalid = true;
    }
  }
  for (double x : values) a.push_back(std::isfinite(x) ? std::fabs(x) : example);
  if (any_invalid) min_sz = std::max(min_sz, 3);
  bool int_mode = true;
  double mn = INFINITY, mx = 0;
  for (double x : a) {
    if (x != std::ceil(x)) int_mode = false;
    mn = std::min(mn, x);
    mx = std::max(mx, x);
  }
  const int exp_min = decimal_exponent(mn), exp_max = decimal_exponent(mx);
  NumberFormat f;
  if (int_mode) {
    if (exp_max > prec + 1) {
      f = {true, 11, prec, 1, std::max(min_sz, 7 + prec)};
    } else {
      int sz = std::max(min_sz, exp_max + 1);
      f = {false, sz, 0, 1, sz};
    }
  } else if (exp_max - exp_min > prec) {
    int sz = 7 + prec;
    if (std::abs(exp_max) > 99 || std::abs(exp_min) > 99) ++sz;
    sz = std::max(min_sz, sz);
    f = {true, sz, prec, 1, sz};
  } else if (exp_max > prec + 1 || exp_max < 0) {
    int sz = std::max(min_sz, 7);
    f = {false, sz, prec, std::pow(10.0, exp_max - 1), sz};
  } else {
    int sz = std::max(min_sz, exp_max == 0 ? 7 : exp_max + 6);
    f = {false, sz, prec, 1, sz};
  }
  return f;
}

std::string scale_line(const NumberFormat& f) { return py_sci(f.scale, 5) + " *\n"; }

class LegacyPrinter {
 public:
  LegacyPrinter(const View& v, const std::vector<int64_t>& shape, const TorchOptions& o)
      : v_(v), shape_(shape), st_(strides_of(shape)), o_(o) {}

  std::vector<double> values(int64_t offset, int64_t count) const {
    std::vector<double> out;
    for (int64_t i = 0; i < count; ++i) out.push_back(as_double(v_, offset + i));
    return out;
  }

  std::string vector_str() const {
    const int64_t len = shape_[0];
    NumberFormat f = number_format(values(0, len), -1, o_.precision);
    std::string s, ident;
    if (f.scale != 1) {
      s += scale_line(f);
      ident = " ";
    }
    auto line = [&](int64_t i) { return ident + f(as_double(v_, i)) + "\n"; };
    if (len < o_.threshold) {
      for (int64_t i = 0; i < len; ++i) s += line(i);
      return s;
    }
    for (int64_t i = 0; i < o_.edgeitems; ++i) s += line(i);
    s += ident + center(kVDots, f.sz, 1) + "\n";
    for (int64_t i = len - o_.edgeitems; i < len; ++i) s += line(i);
    return s;
  }

  // One row of a matrix; `cut` keeps edgeitems at each end around "...".
  std::string row(int64_t offset, int64_t cols, const std::string& indent, const NumberFormat& f,
                  bool cut) const {
    auto join = [&](int64_t from, int64_t to) {
      std::string s;
      for (int64_t c = from; c < to; ++c) s += (c > from ? " " : "") + f(as_double(v_, offset + c));
      return s;
    };
    const int64_t n = o_.edgeitems;
    if (cut) return indent + join(0, n) + " " + center("...", 5) + " " + join(cols - n, cols) + "\n";
    return indent + join(0, cols) + "\n";
  }

  std::string matrix_str(int64_t offset, const std::string& indent, const NumberFormat* given,
                         bool force_truncate) const {
    const size_t nd = shape_.size();
    const int64_t rows = shape_[nd - 2], cols = shape_[nd - 1];
    const int64_t n = o_.edgeitems;
    const bool hdots = cols > 2 * n, vdots = rows > 2 * n;
    const bool full_mat = !hdots && !vdots;
    NumberFormat f = given ? *given : number_format(values(offset, rows * cols), full_mat ? 0 : 5, o_.precision);
    // 0.3 would loop forever on a column wider than the line; show one.
    int64_t per_line = static_cast<int64_t>(
        std::floor(double(o_.linewidth - static_cast<int>(indent.size())) / double(f.sz + 1)));
    if (per_line < 1) per_line = 1;
    std::string s;
    if (!force_truncate && (rows * cols < o_.threshold || full_mat)) {
      for (int64_t first = 0; first < cols;) {
        int64_t last = std::min(first + per_line - 1, cols - 1);
        if (per_line < cols) {
          // 0.3 compared with 1, not 0: every block, the first included,
          // starts with a blank line.
          if (first != 1) s += "\n";
          s += "Columns " + std::to_string(first) + " to " + std::to_string(last) + " \n" + indent;
        }
        if (f.scale != 1) s += scale_line(f);
        for (int64_t r = 0; r < rows; ++r) {
          s += indent + (f.scale != 1 ? " " : "");
          for (int64_t c = first; c <= last; ++c) {
            s += (c > first ? " " : "") + f(as_double(v_, offset + r * cols + c));
          }
          s += "\n";
        }
        first = last + 1;
      }
      return s;
    }
    if (f.scale != 1) s += scale_line(f);
    auto rows_range = [&](int64_t from, int64_t to, bool cut) {
      for (int64_t r = from; r < to; ++r) s += row(offset + r * cols, cols, indent, f, cut);
    };
    if (vdots && hdots) {
      const int w = static_cast<int>((f.sz + 1) * n - 1);
      rows_range(0, n, true);
      s += indent + center("...", w) + " " + center(kDDots, 5, 1) + " " + center("...", w) + "\n";
      rows_range(rows - n, rows, true);
    } else if (hdots) {
      rows_range(0, rows, true);
    } else if (vdots) {
      const int w = static_cast<int>(row(offset, cols, "", f, false).size());
      rows_range(0, n, false);
      s += center(kVDots, w, 1) + "\n";
      rows_range(rows - n, rows, false);
    } else {
      rows_range(0, rows, false);
    }
    return s;
  }

  std::string tensor_str() const {
    const size_t nd = shape_.size();
    const int64_t n = o_.edgeitems;
    const bool hdots = shape_[nd - 1] > 2 * n, vdots = shape_[nd - 2] > 2 * n;
    const int64_t total = numel(shape_);
    NumberFormat f = number_format(values(0, total), (!hdots && !vdots) ? 0 : 3, o_.precision);
    const bool dots = total >= o_.threshold;
    int dim_sz = 2;
    for (int64_t s : shape_) dim_sz = std::max(dim_sz, static_cast<int>(std::to_string(s).size()));
    const size_t cd = nd - 2;
    std::vector<int64_t> counter(cd, 0);
    counter[cd - 1] = -1;
    std::string s;
    for (;;) {
      std::vector<bool> restarted(cd, false), skipped(cd, false);
      bool finished = false;
      // An odometer over the leading dimensions, jumping over the middle
      // when summarizing.
      for (size_t k = cd; k-- > 0;) {
        ++counter[k];
        if (dots && counter[k] == n && shape_[k] > 2 * n) {
          counter[k] = shape_[k] - n;
          skipped[k] = true;
        }
        if (counter[k] == shape_[k]) {
          if (k == 0) finished = true;
          counter[k] = 0;
          restarted[k] = true;
        } else {
          break;
        }
      }
      if (finished) break;
      if (dots) {
        if (any(skipped)) {
          for (bool b : skipped) s += center(b ? "..." : "", dim_sz + 1);
          s += "\n";
        }
        if (any(restarted)) {
          s += " ";
          for (bool b : restarted) s += b ? center(kVDots, dim_sz + 1, 1) : std::string(dim_sz + 1, ' ');
          s += "\n";
        }
      }
      if (!s.empty()) s += "\n";
      s += "(";
      int64_t offset = 0;
      for (size_t k = 0; k < cd; ++k) {
        s += (k ? "," : "") + center(std::to_string(counter[k]), dim_sz);
        offset += counter[k] * st_[k];
      }
      s += ",.,.) = \n";
      s += matrix_str(offset, " ", &f, dots);
    }
    return s;
  }

 private:
  static bool any(const std::vector<bool>& v) {
    for (bool b : v)
      if (b) return true;
    return false;
  }

  const View& v_;
  std::vector<int64_t> shape_;
  std::vector<int64_t> st_;
  const TorchOptions& o_;
};

std::string legacy_type(DType d) {
  switch (d) {
    case DType::Float32: return "torch.FloatTensor";
    case DType::Float64: return "torch.DoubleTensor";
    case DType::Int64: return "torch.LongTensor";
    case DType::Bool: return "torch.ByteTensor";
  }
  return "";
}

}  // namespace
}  // namespace detail

// 0.3's str(t) began with a newline and ended with one after the footer,
// and a Variable's repr was "Variable containing:" + str(t.data). This
// returns those strings unchanged, which is what print() shows apart from
// its own final newline (so a printed tensor has a blank line above it).
std::string legacy_repr(const View& v, bool is_variable, const TorchOptions& o) {
  using namespace detail;
  const std::string head = is_variable ? "Variable containing:" : "";
  std::vector<int64_t> shape = v.shape.empty() ? std::vector<int64_t>{1} : v.shape;
  if (numel(shape) == 0) return head + "[" + legacy_type(v.dtype) + " with no dimension]\n";
  LegacyPrinter p(v, shape, o);
  std::string body;
  if (shape.size() == 1) {
    body = p.vector_str();
  } else if (shape.size() == 2) {
    body = p.matrix_str(0, "", nullptr, false);
  } else {
    body = p.tensor_str();
  }
  std::string size;
  for (size_t i = 0; i < shape.size(); ++i) size += (i ? "x" : "") + std::to_string(shape[i]);
  return head + "\n" + body + "[" + legacy_type(v.dtype) + " of size " + size + "]\n";
}

}  // namespace gradlab::print
