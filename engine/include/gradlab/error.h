// The one error type of the engine. Messages follow PyTorch's text where PyTorch has one.
#pragma once
#include <cstdio>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace gradlab {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& msg) : std::runtime_error(msg) {}
};

namespace detail {
// Formats message parts as std::ostream's defaults would (numbers as %g with
// precision 6, bools as 0/1) without <sstream>: iostreams pull libc++'s locale
// code into the wasm, tens of kilobytes for the error path alone.
inline void append(std::string& s, const std::string& v) { s += v; }
inline void append(std::string& s, const char* v) { s += v; }
inline void append(std::string& s, char v) { s += v; }
template <typename T>
void append(std::string& s, const T& v) {
  static_assert(std::is_arithmetic_v<T>, "fail(): a message part must be a string or a number");
  char buf[32];
  if constexpr (std::is_same_v<T, bool>)
    s += v ? '1' : '0';
  else if constexpr (std::is_floating_point_v<T>)
    s.append(buf, std::snprintf(buf, sizeof buf, "%g", static_cast<double>(v)));
  else if constexpr (std::is_signed_v<T>)
    s.append(buf, std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v)));
  else
    s.append(buf, std::snprintf(buf, sizeof buf, "%llu", static_cast<unsigned long long>(v)));
}
}  // namespace detail

// GL_CHECK(cond, "message parts", ...) throws gradlab::Error when cond is false.
template <typename... Parts>
[[noreturn]] void fail(const Parts&... parts) {
  std::string s;
  (detail::append(s, parts), ...);
  throw Error(s);
}

}  // namespace gradlab

#define GL_CHECK(cond, ...)                 \
  do {                                      \
    if (!(cond)) ::gradlab::fail(__VA_ARGS__); \
  } while (0)
