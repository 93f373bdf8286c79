// F.pad in "reflect", "replicate" and "circular" modes. Every output element
// copies one input element, so the forward is a gather through a flat index
// map and the backward adds the gradient back through the same map (written
// with index_add, so it is differentiable again). The checks and their texts
// are those of PyTorch's reflection_pad*d, replication_pad*d and _pad_circular.
#include <algorithm>
#include <string>

#include "gradlab/autograd/grad_mode.h"
#include "gradlab/autograd/record.h"
#include "gradlab/error.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/indexing.h"
#include "gradlab/ops/movement.h"
#include "gradlab/ops/pad.h"

namespace gradlab {

namespace {

const char* type_name(DType d) {
  switch (d) {
    case DType::Float32: return "Float";
    case DType::Float64: return "Double";
    case DType::Int64: return "Long";
    default: return "Bool";
  }
}

const char* legacy_tensor(DType d) {
  switch (d) {
    case DType::Float32: return "torch.FloatTensor";
    case DType::Float64: return "torch.DoubleTensor";
    case DType::Int64: return "torch.LongTensor";
    default: return "torch.BoolTensor";
  }
}

// "[ torch.FloatTensor{2,0,4} ]", as PyTorch prints a tensor in reflection_pad1d's message.
std::string tensor_brief(const Tensor& t) {
  std::string s = std::string("[ ") + legacy_tensor(t.dtype()) + "{";
  for (int64_t i = 0; i < t.dim(); ++i) s += (i ? "," : "") + std::to_string(t.shape()[i]);
  return s + "} ]";
}

// Input element feeding output position o of a dim of size n padded by (before, after).
int64_t source(PadMode mode, int64_t o, int64_t before, int64_t after, int64_t n) {
  const int64_t j = o - before;
  switch (mode) {
    case PadMode::Reflect: return j < 0 ? -j : (j >= n ? 2 * (n - 1) - j : j);
    case PadMode::Replicate: return j < 0 ? 0 : (j >= n ? n - 1 : j);
    default: {
      // Circular wraps around what is left after cropping (negative pads), as PyTorch's slices do.
      const int64_t start = std::max<int64_t>(-before, 0);
      const int64_t len = n + std::min<int64_t>(before, 0) + std::min<int64_t>(after, 0);
      const int64_t k = o - std::max<int64_t>(before, 0);
      return start + ((k % len) + len) % len;
    }
  }
}

void check_reflect_replicate(const Tensor& x, const std::vector<int64_t>& pad, PadMode mode) {
  const int64_t k = static_cast<int64_t>(pad.size()) / 2, nd = x.dim();
  const bool reflect = mode == PadMode::Reflect;
  // Every dim but the batch must be non-empty.
  bool ok = true;
  for (int64_t d = nd == k + 2 ? 1 : 0; d < nd; ++d) ok = ok && x.shape()[d] != 0;
  if (reflect && k == 1) {
    GL_CHECK(ok, "2D or 3D (batch mode) tensor expected for input, but got: ", tensor_brief(x));
  } else if (reflect && k == 2) {
    GL_CHECK(ok, "3D or 4D (batch mode) tensor expected for input, but got: ", tensor_brief(x));
  } else {
    GL_CHECK(ok, "Expected ", k + 1, "D or ", k + 2, "D (batch mode) tensor with possibly 0 batch size and other "
             "non-zero dimensions for input, but got: ", shape_str(x.shape()));
  }
  if (reflect) {
    for (int64_t i = 0; i < k; ++i) {
      const int64_t d = nd - 1 - i, l = pad[2 * i], r = pad[2 * i + 1];
      // 2-d reflection names the input by its number of dims, the others by its sizes.
      const std::string of = k == 2 ? std::to_string(nd) : shape_str(x.shape());
      GL_CHECK(l < x.shape()[d] && r < x.shape()[d], "Argument #", 4 + 2 * i, ": Padding size should be less than "
               "the corresponding input dimension, but got: padding (", l, ", ", r, ") at dimension ", d,
               " of input ", of);
    }
  }
  if (k == 1) {
    const int64_t w = x.shape()[nd - 1], ow = w + pad[0] + pad[1];
    GL_CHECK(ow >= 1, reflect ? "2input (W: " : "input (W: ", w, reflect ? ")is too small." : ") is too small.",
             " Calculated output W: ", ow);
  }
  const char* kernel = reflect ? (k == 1 ? "reflection_pad1d" : k == 2 ? "reflection_pad2d" : "reflection_pad3d_cpu")
                               : (k == 1 ? "replication_pad1d_cpu" : k == 2 ? "replication_pad2d_cpu"
                                                                          : "replication_pad3d_cpu");
  GL_CHECK(is_floating(x.dtype()), "\"", kernel, "\" not implemented for '", type_name(x.dtype()), "'");
}

void check_circular(const Tensor& x, const std::vector<int64_t>& pad) {
  const int64_t nd = x.dim();
  GL_CHECK(static_cast<int64_t>(pad.size()) == 2 * (nd - 2), "Invalid padding size, expected ", 2 * (nd - 2),
           " but got ", pad.size());
  for (size_t i = 0; i < pad.size() / 2; ++i) {
    const int64_t n = x.shape()[nd - 1 - i], l = pad[2 * i], r = pad[2 * i + 1];
    GL_CHECK(l <= n && r <= n, "Padding value causes wrapping around more than once.");
    GL_CHECK(n + l + r > 0, "Negative padding value is resulting in an empty dimension");
  }
}

const char* node_name(PadMode mode, size_t pairs) {
  // Circular padding is slice assignments in PyTorch, whose node is CopySlices.
  if (mode == PadMode::Circular) return "CopySlices";
  static const char* const kReflect[] = {"ReflectionPad1DBackward0", "ReflectionPad2DBackward0",
                                         "ReflectionPad3DBackward0"};
  static const char* const kReplicate[] = {"ReplicationPad1DBackward0", "ReplicationPad2DBackward0",
                                           "ReplicationPad3DBackward0"};
  return (mode == PadMode::Reflect ? kReflect : kReplicate)[pairs - 1];
}

}  // namespace

PadMode pad_mode_from_name(const std::string& name) {
  if (name == "constant") return PadMode::Constant;
  if (name == "reflect") return PadMode::Reflect;
  if (name == "replicate") return PadMode::Replicate;
  if (name == "circular") return PadMode::Circular;
  throw Error("Unrecognised padding mode " + name);
}

Tensor pad(const Tensor& input, const std::vector<int64_t>& pad, PadMode mode) {
  if (mode == PadMode::Constant) return gradlab::pad(input, pad, 0.0);
  GL_CHECK(pad.size() % 2 == 0, "Padding length must be divisible by 2");
  const size_t pairs = pad.size() / 2;
  const int64_t nd = input.dim();
  GL_CHECK(pairs >= 1 && pairs <= 3 && (nd == static_cast<int64_t>(pairs) + 1 || nd == static_cast<int64_t>(pairs) + 2),
           "Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now");
  if (mode == PadMode::Circular) check_circular(input, pad);
  else check_reflect_replicate(input, pad, mode);

  // Output shape and, per padded dim, which input position each output position reads.
  Shape out_shape = input.shape();
  std::vector<std::vector<int64_t>> src(nd);
  for (int64_t d = 0; d < nd; ++d) {
    const int64_t from_end = nd - 1 - d;
    if (from_end < static_cast<int64_t>(pairs)) {
      const int64_t l = pad[2 * from_end], r = pad[2 * from_end + 1], n = input.shape()[d];
      out_shape[d] = n + l + r;
      for (int64_t o = 0; o < out_shape[d]; ++o) src[d].push_back(source(mode, o, l, r, n));
    } else {
      for (int64_t o = 0; o < out_shape[d]; ++o) src[d].push_back(o);
    }
  }
  int64_t total = 1;
  for (int64_t s : out_shape) total *= s;
  Tensor index = Tensor::empty({total}, DType::Int64);
  {
    // Flat input offset of every output element, in row-major output order.
    int64_t* idx = index.data_ptr<int64_t>();
    std::vector<int64_t> in_stride(nd, 1), pos(nd, 0);
    for (int64_t d = nd - 2; d >= 0; --d) in_stride[d] = in_stride[d + 1] * input.shape()[d + 1];
    for (int64_t i = 0; i < total; ++i) {
      int64_t off = 0;
      for (int64_t d = 0; d < nd; ++d) off += src[d][pos[d]] * in_stride[d];
      idx[i] = off;
      for (int64_t d = nd - 1; d >= 0; --d) {
        if (++pos[d] < out_shape[d]) break;
        pos[d] = 0;
      }
    }
  }
  const Shape in_shape = input.shape();
  Tensor out;
  {
    NoGradGuard no_grad;
    out = reshape(index_select(reshape(input, {input.numel()}), 0, index), out_shape);
  }
  // d pad(x) = the gradient summed back onto the elements it was copied from
  record(node_name(mode, pairs), {out}, {input}, {}, [index, in_shape](const BackwardContext& c) {
    const Tensor& g = c.grad();
    Tensor acc = zeros({numel_of(in_shape)}, g.dtype());
    return variable_list{reshape(index_add(acc, 0, index, reshape(g, {g.numel()})), in_shape)};
  });
  return out;
}

}  // namespace gradlab
