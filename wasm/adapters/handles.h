// How JavaScript refers to engine objects: a handle is the address of a
// heap-allocated gradlab::Tensor (or shared_ptr<Node>), passed as a plain
// number so an op costs one boundary crossing and no Embind class wrapper.
// Errors never cross the boundary as C++ exceptions (Embind would hand JS an
// opaque number): guard() catches them, stores the message and raises a flag
// in linear memory that the JS wrapper reads without another call.
#pragma once
#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>

#include <emscripten/val.h>

#include "gradlab/tensor.h"

namespace gradlab::wasm {

using Handle = uintptr_t;

// 0 stands for an undefined tensor (no grad, no bias).
inline Handle wrap(Tensor t) { return t.defined() ? reinterpret_cast<Handle>(new Tensor(std::move(t))) : 0; }
inline Tensor& tensor(Handle h) {
  static Tensor undefined;
  return h == 0 ? undefined : *reinterpret_cast<Tensor*>(h);
}
void free_tensor(Handle h);
Handle share_tensor(Handle h);  // a second handle to the same tensor

// Set to 1 by a failed call; JS reads it through error_flag_address().
extern int32_t g_error_flag;
uintptr_t error_flag_address();
void set_error(const std::string& message);
// The message of the last failure, clearing the flag.
std::string take_error();

// What a failed call returns; JS looks at the error flag, not at this value.
template <typename R>
R failed_result() {
  if constexpr (std::is_same_v<R, emscripten::val>)
    return emscripten::val::undefined();
  else
    return R{};
}

// Runs f, turning any exception into the error flag and a default result.
template <typename F>
auto guard(F&& f) -> decltype(f()) {
  using R = decltype(f());
  try {
    return f();
  } catch (const std::exception& e) {
    set_error(e.what());
  } catch (...) {
    set_error("unknown engine error");
  }
  if constexpr (!std::is_void_v<R>) return failed_result<R>();
}

}  // namespace gradlab::wasm
