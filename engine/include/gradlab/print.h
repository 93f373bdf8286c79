// Text forms of arrays and tensors, character for character as NumPy 1.24
// (and its 1.13 legacy mode), PyTorch 1.13 and PyTorch 0.3 print them.
// Works on a contiguous row-major buffer, independent of the tensor class.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "gradlab/dtype.h"

namespace gradlab::print {

// A contiguous row-major buffer: float for Float32, double for Float64,
// int64_t for Int64, uint8_t (0/1) for Bool.
struct View {
  DType dtype;
  std::vector<int64_t> shape;
  const void* data;
};

struct NumpyOptions {
  int precision = 8;
  int64_t threshold = 1000;
  int edgeitems = 3;
  int linewidth = 75;
  bool suppress = false;
  bool legacy_113 = false;
};

struct TorchOptions {
  int precision = 4;
  int64_t threshold = 1000;
  int edgeitems = 3;
  int linewidth = 80;
  int sci_mode = -1;  // -1 auto, 0 never, 1 always
};

NumpyOptions& numpy_options();  // process-wide defaults, changed by NDArray.set_printoptions
TorchOptions& torch_options();  // process-wide defaults, changed by torch.set_printoptions

std::string numpy_str(const View&, const NumpyOptions& = numpy_options());   // NumPy's str(a)
std::string numpy_repr(const View&, const NumpyOptions& = numpy_options());  // NumPy's repr(a)

struct TorchSuffix {
  bool requires_grad = false;
  std::string grad_fn;  // e.g. "MeanBackward0"; empty = none
};
// PyTorch 1.13's repr(t).
std::string torch_repr(const View&, const TorchSuffix&, const TorchOptions& = torch_options());

// PyTorch 0.3's str(t) of a tensor (is_variable=false) or a Variable
// ("Variable containing:" first), exactly as print() shows it minus print's
// own final newline.
std::string legacy_repr(const View&, bool is_variable, const TorchOptions& = torch_options());

}  // namespace gradlab::print
