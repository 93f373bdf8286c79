// JS arrays as engine lists, for the Embind functions that still take them
// (data in, autograd): one conversion per array, not one call per element.
#pragma once
#include <emscripten/val.h>

#include <vector>

#include "handles.h"

namespace gradlab::wasm {

using emscripten::val;

Shape shape_of(const val& array);
std::vector<Tensor> tensors_of(const val& handles);
val handles_of(const std::vector<Tensor>& tensors);

}  // namespace gradlab::wasm
