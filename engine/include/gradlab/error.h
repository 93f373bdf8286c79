// The one error type of the engine. Messages follow PyTorch's text where PyTorch has one.
#pragma once
#include <sstream>
#include <stdexcept>
#include <string>

namespace gradlab {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& msg) : std::runtime_error(msg) {}
};

namespace detail {
inline void append(std::ostringstream&) {}
template <typename T, typename... Rest>
void append(std::ostringstream& os, const T& v, const Rest&... rest) {
  os << v;
  append(os, rest...);
}
}  // namespace detail

// GL_CHECK(cond, "message parts", ...) throws gradlab::Error when cond is false.
template <typename... Parts>
[[noreturn]] void fail(const Parts&... parts) {
  std::ostringstream os;
  detail::append(os, parts...);
  throw Error(os.str());
}

}  // namespace gradlab

#define GL_CHECK(cond, ...)                 \
  do {                                      \
    if (!(cond)) ::gradlab::fail(__VA_ARGS__); \
  } while (0)
