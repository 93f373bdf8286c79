// NumPy 1.24's per-element formatters (FloatingFormat, IntegerFormat,
// BoolFormat in numpy/core/arrayprint.py): one pass over the (summarized)
// data fixes the notation and the padding every element then shares.
#include "numpy_format.h"

#include <algorithm>
#include <cmath>

#include "elements.h"
#include "float_format.h"

namespace gradlab::print::detail {

NumpyElementFormat::NumpyElementFormat(const View& v, const std::vector<int64_t>& data,
                                       const NumpyOptions& o)
    : view_(v), legacy_(o.legacy_113) {
  const bool zero_d = v.shape.empty();
  if (v.dtype == DType::Bool) {
    // " True" lines up with "False", except for a lone 0-d value.
    true_str_ = zero_d ? "True" : " True";
    return;
  }
  if (v.dtype == DType::Int64) {
    for (int64_t i : data) {
      int_width_ = std::max(int_width_, static_cast<int>(std::to_string(as_int(v, i)).size()));
    }
    return;
  }
  f32_ = v.dtype == DType::Float32;
  precision_ = o.precision;
  std::vector<double> finite;
  bool has_non_finite = false, has_neg_inf = false;
  for (int64_t i : data) {
    double x = as_double(v, i);
    if (std::isfinite(x)) {
      finite.push_back(x);
    } else {
      has_non_finite = true;
      if (std::isinf(x) && x < 0) has_neg_inf = true;
    }
  }
  double max_val = 0, min_val = INFINITY;
  bool any_nonzero = false;
  for (double x : finite) {
    if (x == 0) continue;
    any_nonzero = true;
    max_val = std::max(max_val, std::fabs(x));
    min_val = std::min(min_val, std::fabs(x));
  }
  if (any_nonzero) {
    // The ratio is computed in the array's own type, as numpy divides two
    // scalars of that type (it can overflow to inf in float32).
    double ratio = f32_ ? static_cast<double>(static_cast<float>(max_val) / static_cast<float>(min_val))
                        : max_val / min_val;
    exp_format_ = max_val >= 1e8 || (!o.suppress && (min_val < 0.0001 || ratio > 1000.));
  }

  if (finite.empty()) {
    pad_left_ = pad_right_ = 0;
    trim_ = Trim::Zeros;
    exp_size_ = -1;
    unique_ = true;
    min_digits_ = -1;
  } else if (exp_format_) {
    trim_ = Trim::Zeros;
    unique_ = !legacy_;
    if (legacy_) trim_ = Trim::Keep;
    DragonOptions d;
    d.precision = precision_;
    d.unique = unique_;
    d.trim = trim_;
    size_t int_len = 0, frac_len = 0, exp_len = 0;
    for (double x : finite) {
      std::string s = dragon4_scientific(x, f32_, d);
      size_t e = s.find('e'), dot = s.find('.');
      exp_len = std::max(exp_len, s.size() - e - 1);
      int_len = std::max(int_len, dot);
      frac_len = std::max(frac_len, e - dot - 1);
    }
    exp_size_ = static_cast<int>(exp_len) - 1;
    trim_ = Trim::Keep;
    precision_ = min_digits_ = static_cast<int>(frac_len);
    // 1.13 reserved two spaces and the sign in front of every number.
    pad_left_ = legacy_ ? 3 : static_cast<int>(int_len);
    pad_right_ = exp_size_ + 2 + precision_;
  } else {
    trim_ = Trim::Zeros;
    unique_ = true;
    DragonOptions d;
    d.precision = precision_;
    d.trim = trim_;
    size_t int_len = 0, frac_len = 0;
    for (double x : finite) {
      std::string s = dragon4_positional(x, f32_, d);
      size_t dot = s.find('.');
      size_t whole = dot;
      // 1.13 counted digits without the sign, then added one sign column.
      if (legacy_ && (s[0] == '-' || s[0] == '+')) --whole;
      int_len = std::max(int_len, whole);
      frac_len = std::max(frac_len, s.size() - dot - 1);
    }
    pad_left_ = static_cast<int>(int_len) + (legacy_ ? 1 : 0);
    pad_right_ = static_cast<int>(frac_len);
    exp_size_ = -1;
    min_digits_ = 0;
  }
  if (has_non_finite) {
    // Legacy arrays use sign=' ', which always reserves room for "-inf".
    bool neg_inf = (legacy_ && !zero_d) || has_neg_inf;
    int offset = pad_right_ + 1;
    pad_left_ = std::max({pad_left_, 3 - offset, 3 + (neg_inf ? 1 : 0) - offset});
  }
}

std::string NumpyElementFormat::operator()(int64_t i) const {
  if (view_.dtype == DType::Bool) return as_int(view_, i) ? true_str_ : "False";
  if (view_.dtype == DType::Int64) return pad_to(std::to_string(as_int(view_, i)), int_width_);
  double x = as_double(view_, i);
  if (!std::isfinite(x)) {
    std::string r = std::isnan(x) ? "nan" : (x < 0 ? "-inf" : "inf");
    return pad_to(r, pad_left_ + pad_right_ + 1);
  }
  DragonOptions d;
  d.precision = precision_;
  d.min_digits = min_digits_;
  d.unique = unique_;
  d.trim = trim_;
  d.pad_left = pad_left_;
  if (exp_format_) {
    d.exp_digits = exp_size_;
    return dragon4_scientific(x, f32_, d);
  }
  d.pad_right = pad_right_;
  return dragon4_positional(x, f32_, d);
}

}  // namespace gradlab::print::detail
