// Builds the text of an engine error from fail()'s parts (gradlab/error.h).
#include "gradlab/error.h"

#include <cstdio>
#include <cstring>

namespace gradlab::detail {

Part::Part(const char* v) : kind(kText), text(v), size(std::strlen(v)) {}

void fail_parts(std::initializer_list<Part> parts) {
  std::string s;
  char buf[32];
  for (const Part& p : parts) {
    switch (p.kind) {
      case Part::kText: s.append(p.text, p.size); break;
      case Part::kChar: s += p.c; break;
      case Part::kSigned: s.append(buf, std::snprintf(buf, sizeof buf, "%lld", p.i)); break;
      case Part::kUnsigned: s.append(buf, std::snprintf(buf, sizeof buf, "%llu", p.u)); break;
      case Part::kFloat: s.append(buf, std::snprintf(buf, sizeof buf, "%g", p.d)); break;
    }
  }
  throw Error(s);
}

}  // namespace gradlab::detail
