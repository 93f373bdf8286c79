// A minimal JSON reader for test fixtures: objects, arrays, strings (with
// escapes, \u included), numbers (kept as text too, so int64 stays exact),
// true/false/null. Throws std::runtime_error on malformed input.
#pragma once
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace json_lite {

struct Value {
  enum class Kind { Null, Bool, Number, String, Array, Object } kind = Kind::Null;
  bool b = false;
  double num = 0;
  std::string str;  // a string's text, or a number's source text
  std::vector<Value> arr;
  std::map<std::string, Value> obj;

  bool is_null() const { return kind == Kind::Null; }
  bool is_string() const { return kind == Kind::String; }
  bool is_number() const { return kind == Kind::Number; }
  bool has(const std::string& key) const { return kind == Kind::Object && obj.count(key) > 0; }
  const Value& operator[](const std::string& key) const {
    auto it = obj.find(key);
    if (kind != Kind::Object || it == obj.end()) throw std::runtime_error("json: no key '" + key + "'");
    return it->second;
  }
  const Value& operator[](size_t i) const { return arr.at(i); }
  size_t size() const { return kind == Kind::Array ? arr.size() : obj.size(); }
  int64_t as_int() const { return std::strtoll(str.c_str(), nullptr, 10); }
};

namespace detail {

class Parser {
 public:
  explicit Parser(const std::string& text) : s_(text) {}

  Value parse_document() {
    Value v = parse();
    skip_ws();
    if (i_ != s_.size()) fail("trailing characters");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error("json: " + what + " at offset " + std::to_string(i_));
  }
  void skip_ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  bool consume(const char* word) {
    size_t n = std::char_traits<char>::length(word);
    if (s_.compare(i_, n, word) != 0) return false;
    i_ += n;
    return true;
  }

  Value parse() {
    skip_ws();
    if (i_ >= s_.size()) fail("unexpected end");
    Value v;
    char c = s_[i_];
    if (c == '{') {
      v.kind = Value::Kind::Object;
      ++i_;
      skip_ws();
      if (s_[i_] == '}') {
        ++i_;
        return v;
      }
      for (;;) {
        skip_ws();
        if (s_[i_] != '"') fail("expected key");
        std::string key = parse_string();
        skip_ws();
        if (s_[i_++] != ':') fail("expected ':'");
        v.obj[key] = parse();
        skip_ws();
        if (s_[i_] == ',') {
          ++i_;
        } else if (s_[i_] == '}') {
          ++i_;
          return v;
        } else {
          fail("expected ',' or '}'");
        }
      }
    }
    if (c == '[') {
      v.kind = Value::Kind::Array;
      ++i_;
      skip_ws();
      if (s_[i_] == ']') {
        ++i_;
        return v;
      }
      for (;;) {
        v.arr.push_back(parse());
        skip_ws();
        if (s_[i_] == ',') {
          ++i_;
        } else if (s_[i_] == ']') {
          ++i_;
          return v;
        } else {
          fail("expected ',' or ']'");
        }
      }
    }
    if (c == '"') {
      v.kind = Value::Kind::String;
      v.str = parse_string();
      return v;
    }
    if (consume("true")) {
      v.kind = Value::Kind::Bool;
      v.b = true;
      return v;
    }
    if (consume("false")) {
      v.kind = Value::Kind::Bool;
      return v;
    }
    if (consume("null")) return v;
    size_t start = i_;
    while (i_ < s_.size() && std::string("+-0123456789.eE").find(s_[i_]) != std::string::npos) ++i_;
    if (start == i_) fail("unexpected character");
    v.kind = Value::Kind::Number;
    v.str = s_.substr(start, i_ - start);
    v.num = std::strtod(v.str.c_str(), nullptr);
    return v;
  }

  static void put_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  uint32_t hex4() {
    if (i_ + 4 > s_.size()) fail("short \\u escape");
    uint32_t v = static_cast<uint32_t>(std::strtoul(s_.substr(i_, 4).c_str(), nullptr, 16));
    i_ += 4;
    return v;
  }

  std::string parse_string() {
    ++i_;  // opening quote
    std::string out;
    while (i_ < s_.size() && s_[i_] != '"') {
      char c = s_[i_++];
      if (c != '\\') {
        out += c;
        continue;
      }
      char e = s_[i_++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          uint32_t cp = hex4();
          // A surrogate pair encodes one code point beyond the BMP.
          if (cp >= 0xD800 && cp < 0xDC00 && s_.compare(i_, 2, "\\u") == 0) {
            i_ += 2;
            uint32_t lo = hex4();
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          put_utf8(out, cp);
          break;
        }
        default: out += e;  // \" \\ \/
      }
    }
    if (i_ >= s_.size()) fail("unterminated string");
    ++i_;
    return out;
  }

  const std::string& s_;
  size_t i_ = 0;
};

}  // namespace detail

inline Value parse(const std::string& text) { return detail::Parser(text).parse_document(); }

inline Value parse_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("json: cannot open " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return parse(ss.str());
}

}  // namespace json_lite
