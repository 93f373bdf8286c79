// NumPy's Dragon4 digit generator (Steele & White / Burger & Dybvig with
// exact big-integer arithmetic), reimplemented so that every digit, rounding
// tie and padding space matches numpy 1.24's dragon4_positional and
// dragon4_scientific. Exactness needs big integers: float formatting
// shortcuts (Ryu, printf) differ from Dragon4 in rare boundary cases.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "float_format.h"

namespace gradlab::print::detail {
namespace {

// Unsigned big integer, little-endian 32-bit limbs, no leading zero limbs.
struct Big {
  std::vector<uint32_t> d;

  static Big of(uint64_t v) {
    Big b;
    while (v) {
      b.d.push_back(static_cast<uint32_t>(v));
      v >>= 32;
    }
    return b;
  }
  bool zero() const { return d.empty(); }
  void trim() {
    while (!d.empty() && d.back() == 0) d.pop_back();
  }
  void shl(int n) {
    if (zero() || n == 0) return;
    int limbs = n / 32, bits = n % 32;
    std::vector<uint32_t> r(d.size() + limbs + 1, 0);
    for (size_t i = 0; i < d.size(); ++i) {
      uint64_t v = static_cast<uint64_t>(d[i]) << bits;
      r[i + limbs] |= static_cast<uint32_t>(v);
      r[i + limbs + 1] |= static_cast<uint32_t>(v >> 32);
    }
    d.swap(r);
    trim();
  }
  void mul_small(uint32_t m) {
    uint64_t carry = 0;
    for (auto& limb : d) {
      uint64_t v = static_cast<uint64_t>(limb) * m + carry;
      limb = static_cast<uint32_t>(v);
      carry = v >> 32;
    }
    if (carry) d.push_back(static_cast<uint32_t>(carry));
  }
  void mul_pow10(int n) {
    for (; n >= 9; n -= 9) mul_small(1000000000u);
    for (; n > 0; --n) mul_small(10);
  }
  static Big pow2(int n) {
    Big b = of(1);
    b.shl(n);
    return b;
  }
};

int cmp(const Big& a, const Big& b) {
  if (a.d.size() != b.d.size()) return a.d.size() < b.d.size() ? -1 : 1;
  for (size_t i = a.d.size(); i-- > 0;) {
    if (a.d[i] != b.d[i]) return a.d[i] < b.d[i] ? -1 : 1;
  }
  return 0;
}

Big add(const Big& a, const Big& b) {
  Big r;
  size_t n = std::max(a.d.size(), b.d.size());
  r.d.resize(n + 1, 0);
  uint64_t carry = 0;
  for (size_t i = 0; i < n; ++i) {
    uint64_t v = carry;
    if (i < a.d.size()) v += a.d[i];
    if (i < b.d.size()) v += b.d[i];
    r.d[i] = static_cast<uint32_t>(v);
    carry = v >> 32;
  }
  r.d[n] = static_cast<uint32_t>(carry);
  r.trim();
  return r;
}

void sub_in_place(Big& a, const Big& b) {  // requires a >= b
  int64_t borrow = 0;
  for (size_t i = 0; i < a.d.size(); ++i) {
    int64_t v = static_cast<int64_t>(a.d[i]) - borrow - (i < b.d.size() ? b.d[i] : 0);
    borrow = v < 0;
    a.d[i] = static_cast<uint32_t>(v + (borrow << 32));
  }
  a.trim();
}

// The value's quotient by scale is below 10 throughout Dragon4's loop.
uint32_t divmod_digit(Big& value, const Big& scale) {
  uint32_t q = 0;
  while (cmp(value, scale) >= 0) {
    sub_in_place(value, scale);
    ++q;
  }
  return q;
}

// value = mantissa * 2^exponent, with the facts Dragon4 needs about its
// neighbours.
struct Decomposed {
  uint64_t mantissa;
  int exponent;
  int mantissa_bit;  // index of the highest set bit
  bool unequal_margins;
  bool negative;
};

int highest_bit(uint64_t v) {
  int n = -1;
  while (v) {
    v >>= 1;
    ++n;
  }
  return n;
}

Decomposed decompose(double v, bool f32) {
  Decomposed r{};
  if (f32) {
    float f = static_cast<float>(v);
    uint32_t bits;
    std::memcpy(&bits, &f, 4);
    r.negative = bits >> 31;
    uint32_t e = (bits >> 23) & 0xff, m = bits & 0x7fffff;
    if (e != 0) {
      r.mantissa = m | (1u << 23);
      r.exponent = static_cast<int>(e) - 127 - 23;
      r.mantissa_bit = 23;
      r.unequal_margins = e != 1 && m == 0;
    } else {
      r.mantissa = m;
      r.exponent = 1 - 127 - 23;
      r.mantissa_bit = highest_bit(m);
    }
  } else {
    uint64_t bits;
    std::memcpy(&bits, &v, 8);
    r.negative = bits >> 63;
    uint64_t e = (bits >> 52) & 0x7ff, m = bits & ((uint64_t(1) << 52) - 1);
    if (e != 0) {
      r.mantissa = m | (uint64_t(1) << 52);
      r.exponent = static_cast<int>(e) - 1023 - 52;
      r.mantissa_bit = 52;
      r.unequal_margins = e != 1 && m == 0;
    } else {
      r.mantissa = m;
      r.exponent = 1 - 1023 - 52;
      r.mantissa_bit = highest_bit(m);
    }
  }
  return r;
}

struct Digits {
  std::string digits;
  int exponent;  // decimal exponent of the first digit
};

// cutoff_max / cutoff_min: digit counts (total or past the point), -1 = none.
Digits dragon4(const Decomposed& x, bool unique, bool fraction_cutoff, int cutoff_max,
               int cutoff_min) {
  if (x.mantissa == 0) return {"0", 0};
  const bool even = (x.mantissa & 1) == 0;
  Big value = Big::of(x.mantissa), scale, margin_low, margin_high;
  // Everything is doubled (quadrupled with unequal margins) so the margins,
  // half the gap to each neighbour, stay integers.
  if (x.unequal_margins) {
    if (x.exponent > 0) {
      value.shl(x.exponent + 2);
      scale = Big::of(4);
      margin_low = Big::pow2(x.exponent);
    } else {
      value.shl(2);
      scale = Big::pow2(-x.exponent + 2);
      margin_low = Big::of(1);
    }
  } else {
    if (x.exponent > 0) {
      value.shl(x.exponent + 1);
      scale = Big::of(2);
      margin_low = Big::pow2(x.exponent);
    } else {
      value.shl(1);
      scale = Big::pow2(-x.exponent + 1);
      margin_low = Big::of(1);
    }
  }
  auto high_margin = [&]() {
    margin_high = margin_low;
    if (x.unequal_margins) margin_high.shl(1);
  };
  high_margin();

  // Estimate of floor(log10(v)) + 1, possibly one too low (numpy's formula).
  const double log10_2 = 0.30102999566398119521373889472449;
  int digit_exp = static_cast<int>(std::ceil(double(x.mantissa_bit + x.exponent) * log10_2 - 0.69));
  if (cutoff_max >= 0 && fraction_cutoff && digit_exp <= -cutoff_max) digit_exp = -cutoff_max + 1;
  if (digit_exp > 0) {
    scale.mul_pow10(digit_exp);
  } else if (digit_exp < 0) {
    value.mul_pow10(-digit_exp);
    margin_low.mul_pow10(-digit_exp);
    high_margin();
  }
  if (cmp(value, scale) >= 0) {
    ++digit_exp;
  } else {
    value.mul_small(10);
    margin_low.mul_small(10);
    high_margin();
  }

  const int buffer = 16384;
  int cutoff_max_exp = digit_exp - buffer;
  if (cutoff_max >= 0) {
    int want = fraction_cutoff ? -cutoff_max : digit_exp - cutoff_max;
    if (want > cutoff_max_exp) cutoff_max_exp = want;
  }
  int cutoff_min_exp = digit_exp;
  if (cutoff_min >= 0) {
    int want = fraction_cutoff ? -cutoff_min : digit_exp - cutoff_min;
    if (want < cutoff_min_exp) cutoff_min_exp = want;
  }

  Digits out{"", digit_exp - 1};
  bool low = false, high = false;
  uint32_t digit;
  for (;;) {
    --digit_exp;
    digit = divmod_digit(value, scale);
    if (unique) {
      Big value_high = add(value, margin_high);
      int c = cmp(value, margin_low);
      low = even ? c <= 0 : c < 0;
      c = cmp(value_high, scale);
      high = even ? c >= 0 : c > 0;
      if (((low || high) && digit_exp <= cutoff_min_exp) || digit_exp == cutoff_max_exp) break;
    } else if (value.zero() || digit_exp == cutoff_max_exp) {
      break;
    }
    out.digits.push_back(static_cast<char>('0' + digit));
    value.mul_small(10);
    if (unique) {
      margin_low.mul_small(10);
      high_margin();
    }
  }

  bool round_down = low;
  if (low == high) {  // both neighbours allowed (or neither): nearest, ties to even
    value.shl(1);
    int c = cmp(value, scale);
    round_down = c < 0 || (c == 0 && (digit & 1) == 0);
  }
  if (round_down) {
    out.digits.push_back(static_cast<char>('0' + digit));
  } else if (digit < 9) {
    out.digits.push_back(static_cast<char>('0' + digit + 1));
  } else {
    while (!out.digits.empty() && out.digits.back() == '9') out.digits.pop_back();
    if (out.digits.empty()) {
      out.digits = "1";
      ++out.exponent;
    } else {
      ++out.digits.back();
    }
  }
  return out;
}

char sign_char(const Decomposed& x, bool sign) { return x.negative ? '-' : (sign ? '+' : 0); }

}  // namespace

std::string dragon4_positional(double v, bool f32, const DragonOptions& o) {
  Decomposed x = decompose(v, f32);
  char sign = sign_char(x, o.sign);
  int has_sign = sign ? 1 : 0;
  Digits dg = dragon4(x, o.unique, o.fractional, o.precision, o.min_digits);
  std::string s;
  if (sign) s.push_back(sign);
  int whole = 0, frac = 0;
  if (dg.exponent >= 0) {
    whole = dg.exponent + 1;
    int n = static_cast<int>(dg.digits.size());
    if (n <= whole) {
      s += dg.digits + std::string(whole - n, '0');
    } else {
      s += dg.digits.substr(0, whole) + "." + dg.digits.substr(whole);
      frac = n - whole;
    }
  } else {
    int zeros = -(dg.exponent + 1);
    s += "0." + std::string(zeros, '0') + dg.digits;
    whole = 1;
    frac = zeros + static_cast<int>(dg.digits.size());
  }
  if (o.trim != Trim::DptZeros && frac == 0) s.push_back('.');

  int add = o.unique ? o.min_digits : o.precision;
  int desired = add < 0 ? 0 : add;
  if (!o.fractional) desired = add - whole;
  if (o.trim == Trim::LeaveOneZero) {
    if (frac == 0) {
      s.push_back('0');
      ++frac;
    }
  } else if (o.trim == Trim::Keep && desired > frac) {
    s += std::string(desired - frac, '0');
    frac = desired;
  }
  if (o.trim != Trim::Keep && frac > 0) {
    while (s.back() == '0') {
      s.pop_back();
      --frac;
    }
    if (s.back() == '.') {
      if (o.trim == Trim::LeaveOneZero) {
        s.push_back('0');
        ++frac;
      } else if (o.trim == Trim::DptZeros) {
        s.pop_back();
      }
    }
  }
  if (o.pad_right >= frac) {
    if (o.trim == Trim::DptZeros && frac == 0) s.push_back(' ');
    s += std::string(o.pad_right - frac, ' ');
  }
  if (o.pad_left > whole + has_sign) s.insert(0, o.pad_left - (whole + has_sign), ' ');
  return s;
}

std::string dragon4_scientific(double v, bool f32, const DragonOptions& o) {
  Decomposed x = decompose(v, f32);
  char sign = sign_char(x, o.sign);
  std::string s;
  int left = 1 + (sign ? 1 : 0);
  if (o.pad_left > left) s.append(o.pad_left - left, ' ');
  if (sign) s.push_back(sign);
  Digits dg = dragon4(x, o.unique, false, o.precision < 0 ? -1 : o.precision + 1,
                      o.min_digits < 0 ? -1 : o.min_digits + 1);
  s.push_back(dg.digits[0]);
  int frac = static_cast<int>(dg.digits.size()) - 1;
  if (frac > 0) s += "." + dg.digits.substr(1);
  if (o.trim != Trim::DptZeros && frac == 0) s.push_back('.');
  int add = o.unique ? o.min_digits : o.precision;
  if (add < 0) add = 0;
  if (o.trim == Trim::LeaveOneZero) {
    if (frac == 0) {
      s.push_back('0');
      ++frac;
    }
  } else if (o.trim == Trim::Keep && add > frac) {
    s += std::string(add - frac, '0');
    frac = add;
  }
  if (o.trim != Trim::Keep && frac > 0) {
    while (s.back() == '0') {
      s.pop_back();
      --frac;
    }
    if (o.trim == Trim::LeaveOneZero && s.back() == '.') {
      s.push_back('0');
      ++frac;
    }
  }
  int e = dg.exponent;
  int exp_digits = o.exp_digits < 0 ? 2 : std::min(o.exp_digits, 5);
  std::string ed = std::to_string(e < 0 ? -e : e);
  if (static_cast<int>(ed.size()) < exp_digits) ed.insert(0, exp_digits - ed.size(), '0');
  s += std::string("e") + (e < 0 ? "-" : "+") + ed;
  return s;
}

}  // namespace gradlab::print::detail
