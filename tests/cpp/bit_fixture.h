// What the bit-for-bit fixture tests share (cascade_sum_test, products_test,
// ranges_test): the fixture document, the input values the generators do not
// store (tests/oracle/bitexact.py's value(i), computed the same way), and a
// comparison of bits, so -0.0 against 0.0 or a last-ulp difference fails.
#pragma once
#include <cstdint>
#include <cstring>
#include <string>

#include "json_lite.h"

#ifndef GRADLAB_FIXTURES_DIR
#define GRADLAB_FIXTURES_DIR "tests/fixtures"
#endif

namespace gradlab::test {

// tests/fixtures/<name>.json, parsed.
inline json_lite::Value bit_fixture(const std::string& name) {
  return json_lite::parse_file(std::string(GRADLAB_FIXTURES_DIR) + "/" + name + ".json");
}

// Input element i: exactly rounded double steps from an integer hash (bitexact.py's value).
inline double fixture_value(int64_t i) {
  static const double kScales[] = {1e-3, 1e-2, 1e-1, 1.0, 1e1, 1e2, 1e3};
  const uint64_t h = (static_cast<uint64_t>(i) * 2654435761ULL) % 1000003ULL;
  return (static_cast<double>(h) / 1000003.0 - 0.5) * kScales[i % 7];
}

template <typename T>
bool same_bits(T a, T b) {
  return std::memcmp(&a, &b, sizeof(T)) == 0;
}

}  // namespace gradlab::test
