// Scalar float text as Python and NumPy scalars produce it. printf is exact
// (correctly rounded, ties by the binary value) in glibc and in emscripten's
// musl, which is what Python's '{:.4f}' does too; only the spelling of nan
// and inf needs care, since printf may write "-nan".
#include <cmath>
#include <cstdio>

#include "float_format.h"

namespace gradlab::print::detail {
namespace {

std::string non_finite(double v) {
  if (std::isnan(v)) return "nan";
  return v < 0 ? "-inf" : "inf";
}

std::string printf_double(const char* fmt, int prec, double v) {
  char buf[512];
  int n = std::snprintf(buf, sizeof buf, fmt, prec, v);
  if (n < static_cast<int>(sizeof buf)) return std::string(buf, n);
  std::string big(n + 1, '\0');
  std::snprintf(&big[0], big.size(), fmt, prec, v);
  big.resize(n);
  return big;
}

}  // namespace

std::string numpy_scalar_str(double v, bool f32) {
  if (!std::isfinite(v)) return non_finite(v);
  // numpy's float scalar str: positional between 1e-4 and 1e16, else
  // scientific; shortest round-trip digits of the scalar's own type.
  double a = std::fabs(v);
  DragonOptions o;
  if (a == 0 || (a >= 1e-4 && a < 1e16)) {
    o.trim = Trim::LeaveOneZero;
    return dragon4_positional(v, f32, o);
  }
  o.trim = Trim::DptZeros;
  return dragon4_scientific(v, f32, o);
}

// Python's repr(float) follows the same rule (exponent when the decimal
// point would sit beyond 16 digits or before 4 zeros) with shortest digits.
std::string py_repr(double v) { return numpy_scalar_str(v, false); }

std::string py_fixed(double v, int prec) {
  if (!std::isfinite(v)) return non_finite(v);
  return printf_double("%.*f", prec, v);
}

std::string py_sci(double v, int prec) {
  if (!std::isfinite(v)) return non_finite(v);
  return printf_double("%.*e", prec, v);
}

std::string pad_to(const std::string& s, size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

}  // namespace gradlab::print::detail
