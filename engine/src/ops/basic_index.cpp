// NumPy basic indexing, x.at(0, null, '1:3', '::2'): each item becomes a select,
// slice or unsqueeze view applied left to right, so the result shares storage and
// its gradient comes from those views' backwards. Messages and nodes follow PyTorch's x[...].
#include <cctype>
#include <cstdlib>
#include <limits>

#include "gradlab/autograd/record.h"
#include "gradlab/error.h"
#include "gradlab/ops/indexing.h"
#include "gradlab/ops/movement.h"

namespace gradlab {

namespace {

std::string trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

// One integer of an index expression; `text` is the whole item, for the message.
int64_t parse_int(const std::string& part, const std::string& text) {
  const std::string p = trim(part);
  char* end = nullptr;
  const long long v = p.empty() ? 0 : std::strtoll(p.c_str(), &end, 10);
  GL_CHECK(!p.empty() && end == p.c_str() + p.size(), "invalid index '", text,
           "': expected an integer, a slice like '1:3' or '::2', or None");
  return static_cast<int64_t>(v);
}

// A view of `a` sharing its storage and autograd history unchanged (x[()]).
Tensor alias(const Tensor& a) {
  Tensor out = make_view(a, a.shape(), a.strides(), a.offset());
  record("AliasBackward0", {out}, {a}, {}, [](const BackwardContext& c) { return variable_list{c.grad()}; });
  return out;
}

}  // namespace

IndexItem parse_index_item(const std::string& text) {
  const std::string s = trim(text);
  IndexItem item;
  if (s == "None") {
    item.kind = IndexItem::NewAxis;
    return item;
  }
  const size_t c1 = s.find(':');
  if (c1 == std::string::npos) {
    item.kind = IndexItem::Int;
    item.index = parse_int(s, text);
    return item;
  }
  const size_t c2 = s.find(':', c1 + 1);
  GL_CHECK(c2 == std::string::npos || s.find(':', c2 + 1) == std::string::npos, "invalid index '", text,
           "': a slice has at most two ':'");
  item.kind = IndexItem::Slice;
  const std::string start = trim(s.substr(0, c1));
  const std::string stop = trim(s.substr(c1 + 1, c2 == std::string::npos ? std::string::npos : c2 - c1 - 1));
  const std::string step = c2 == std::string::npos ? "" : trim(s.substr(c2 + 1));
  item.has_start = !start.empty();
  item.has_stop = !stop.empty();
  if (item.has_start) item.start = parse_int(start, text);
  if (item.has_stop) item.stop = parse_int(stop, text);
  if (!step.empty()) item.step = parse_int(step, text);
  return item;
}

Tensor index(const Tensor& a, const std::vector<IndexItem>& items) {
  // PyTorch takes x[i] (one item) and x[i, j] (a tuple, also x[..., i]) down
  // different paths, with their own messages on a 0-d tensor and their own view nodes.
  int64_t ellipses = 0;
  for (const auto& item : items) ellipses += item.kind == IndexItem::Ellipsis;
  GL_CHECK(ellipses <= 1, "an index can only have a single ellipsis ('...')");
  const bool single = items.size() == 1 && ellipses == 0;
  if (single && a.dim() == 0) {
    const IndexItem& item = items[0];
    if (item.kind == IndexItem::Int) {
      GL_CHECK(item.index != 0,
               "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to "
               "convert a 0-dim tensor to a number");
      fail("index ", item.index, " is out of bounds for dimension 0 with size 0");
    }
    GL_CHECK(item.kind == IndexItem::NewAxis, "slice() cannot be applied to a 0-dim tensor.");
  }
  int64_t consumed = 0;
  for (const auto& item : items) consumed += item.kind != IndexItem::NewAxis && item.kind != IndexItem::Ellipsis;
  GL_CHECK(consumed <= a.dim(), "too many indices for tensor of dimension ", a.dim());
  if (items.empty()) return alias(a);
  Tensor out = a;
  int64_t d = 0;  // the dim of `out` the next item applies to
  for (const auto& item : items) {
    switch (item.kind) {
      case IndexItem::Int: {
        const int64_t size = out.shape()[d];
        GL_CHECK(item.index >= -size && item.index < size, "index ", item.index, " is out of bounds for dimension ",
                 d, " with size ", size);
        out = select(out, d, item.index);
        break;
      }
      case IndexItem::Slice: {
        GL_CHECK(item.step != 0, "slice step cannot be zero");
        GL_CHECK(item.step > 0, "step must be greater than zero");
        const int64_t start = item.has_start ? item.start : 0;
        const int64_t stop = item.has_stop ? item.stop : std::numeric_limits<int64_t>::max();
        // In a tuple, a slice written as the whole dim (0:n, :n) is skipped: x[0:2, 0:2] on a 2x2 x is x.
        if (!single && start == 0 && stop == out.shape()[d] && item.step == 1) {
          ++d;
          break;
        }
        out = slice(out, d, start, stop, item.step);
        ++d;
        break;
      }
      case IndexItem::All:
        out = slice(out, d, 0, out.shape()[d], 1);
        ++d;
        break;
      case IndexItem::NewAxis:
        out = unsqueeze(out, d);
        ++d;
        break;
      case IndexItem::Ellipsis:
        d += a.dim() - consumed;  // the dims it stands for stay as they are
        break;
    }
  }
  // Every item skipped: a new alias, never the tensor itself.
  return out.is_same(a) ? alias(a) : out;
}

}  // namespace gradlab
