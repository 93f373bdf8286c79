// The one error type of the engine. Messages follow PyTorch's text where PyTorch has one.
#pragma once
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace gradlab {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& msg) : std::runtime_error(msg) {}
};

namespace detail {
// One message part, tagged with how to format it. fail() below turns each
// argument into a Part and hands the list to one compiled function
// (fail_parts, in error.cpp): a message's text is built in one place instead
// of in a template instance per argument pack (74 of them, 12 KB of the wasm).
struct Part {
  enum Kind : unsigned char { kText, kChar, kSigned, kUnsigned, kFloat };
  Kind kind;
  union {
    const char* text;
    long long i;
    unsigned long long u;
    double d;
    char c;
  };
  size_t size;  // of text

  Part(const std::string& v) : kind(kText), text(v.data()), size(v.size()) {}  // NOLINT: implicit by design
  Part(const char* v);                                                           // NOLINT
  Part(char v) : kind(kChar), c(v), size(0) {}                                   // NOLINT
  // Numbers format as std::ostream's defaults would (%g with precision 6,
  // bools as 0/1) without <sstream>: iostreams pull libc++'s locale code into
  // the wasm, tens of kilobytes for the error path alone.
  template <typename T, typename = std::enable_if_t<!std::is_convertible_v<const T&, const char*>>>
  Part(const T& v) : size(0) {  // NOLINT
    static_assert(std::is_arithmetic_v<T>, "fail(): a message part must be a string or a number");
    if constexpr (std::is_same_v<T, bool>) {
      kind = kChar;
      c = v ? '1' : '0';
    } else if constexpr (std::is_floating_point_v<T>) {
      kind = kFloat;
      d = static_cast<double>(v);
    } else if constexpr (std::is_signed_v<T>) {
      kind = kSigned;
      i = static_cast<long long>(v);
    } else {
      kind = kUnsigned;
      u = static_cast<unsigned long long>(v);
    }
  }
};

[[noreturn]] void fail_parts(std::initializer_list<Part> parts);
}  // namespace detail

// GL_CHECK(cond, "message parts", ...) throws gradlab::Error when cond is false.
template <typename... Parts>
[[noreturn]] inline void fail(const Parts&... parts) {
  detail::fail_parts({detail::Part(parts)...});
}

}  // namespace gradlab

#define GL_CHECK(cond, ...)                 \
  do {                                      \
    if (!(cond)) ::gradlab::fail(__VA_ARGS__); \
  } while (0)
