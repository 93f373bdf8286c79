#include "js_lists.h"

#include "signatures.h"

namespace gradlab::wasm {

Shape shape_of(const val& array) {
  const auto numbers = emscripten::convertJSArrayToNumberVector<double>(array);
  Shape out;
  out.reserve(numbers.size());
  for (double x : numbers) out.push_back(integer_arg(x));
  return out;
}

std::vector<Tensor> tensors_of(const val& handles) {
  const auto hs = emscripten::convertJSArrayToNumberVector<double>(handles);
  std::vector<Tensor> out;
  out.reserve(hs.size());
  for (double h : hs) out.push_back(tensor(static_cast<Handle>(h)));
  return out;
}

val handles_of(const std::vector<Tensor>& tensors) {
  std::vector<double> hs;
  hs.reserve(tensors.size());
  for (const Tensor& t : tensors) hs.push_back(static_cast<double>(wrap(t)));
  return val::global("Array").call<val>("from", val(emscripten::typed_memory_view(hs.size(), hs.data())));
}

}  // namespace gradlab::wasm
