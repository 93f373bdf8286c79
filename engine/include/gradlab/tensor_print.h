// What print(x) shows for a tensor or its NumPy array: picks PyTorch 1.13's
// repr or, for the tutorial's legacy objects, PyTorch 0.3's format.
#pragma once
#include <string>

#include "gradlab/print.h"
#include "gradlab/tensor.h"

namespace gradlab {

// repr(x) in PyTorch 1.13, or 0.3's str for tensors made by Variable/FloatTensor.
std::string tensor_repr(const Tensor& t);
// NumPy's str/repr of x.numpy(); arrays taken from legacy tensors print as NumPy 1.13 did.
std::string numpy_str(const Tensor& t);
std::string numpy_repr(const Tensor& t);

}  // namespace gradlab
