// Digit generation shared by the print module: NumPy's Dragon4 (shortest
// round-trip or exact digits, positional or scientific) and Python's own
// float formatting ('{:.4f}', '{:.4e}', repr).
#pragma once
#include <cstdint>
#include <string>

namespace gradlab::print::detail {

// NumPy's trim modes: 'k', '.', '0', '-'.
enum class Trim { Keep, Zeros, LeaveOneZero, DptZeros };

// The arguments of numpy's dragon4_positional / dragon4_scientific; -1 means
// "not given".
struct DragonOptions {
  int precision = -1;
  int min_digits = -1;
  bool unique = true;
  bool fractional = true;  // positional only: precision counts fraction digits
  Trim trim = Trim::Keep;
  bool sign = false;
  int pad_left = -1;
  int pad_right = -1;
  int exp_digits = -1;
};

// Finite values only. `f32` formats v (exactly a float) as a float32, whose
// shortest round-trip digits differ from the double's.
std::string dragon4_positional(double v, bool f32, const DragonOptions& o);
std::string dragon4_scientific(double v, bool f32, const DragonOptions& o);

// str() of a numpy float32/float64 scalar (what str of a 0-d array shows).
std::string numpy_scalar_str(double v, bool f32);
// Python's repr(float).
std::string py_repr(double v);
// Python's '{:.<prec>f}' and '{:.<prec>e}' (nan and inf without sign noise).
std::string py_fixed(double v, int prec);
std::string py_sci(double v, int prec);
// Right-aligns s in a field of `width` characters, as Python's '{:>w}'.
std::string pad_to(const std::string& s, size_t width);

}  // namespace gradlab::print::detail
