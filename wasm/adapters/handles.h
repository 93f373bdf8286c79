// How JavaScript refers to engine objects: a handle is the address of a
// heap-allocated gradlab::Tensor (or shared_ptr<Node>), passed as a plain
// number so an op costs one boundary crossing and no Embind class wrapper.
// Errors never cross the boundary as C++ exceptions (JS would get an opaque
// WebAssembly exception): the two entry points (bindings.cpp, dispatch.cpp)
// catch them, store the message and raise a flag in linear memory that the
// JS wrapper reads without another call.
#pragma once
#include <cstdint>
#include <string>
#include <utility>

#include "gradlab/tensor.h"

namespace gradlab::wasm {

using Handle = uintptr_t;

// A handle's box: every op result gets one and JS frees it soon after, so
// freed boxes are kept for reuse instead of a malloc/free pair per op.
Tensor* new_box(Tensor&& t);
void free_box(Tensor* box);

// 0 stands for an undefined tensor (no grad, no bias).
inline Handle wrap(Tensor t) { return t.defined() ? reinterpret_cast<Handle>(new_box(std::move(t))) : 0; }
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
// Runs read(args, fn) (a row of the op or service table: a signature
// reader and the function it calls, signatures.h) on the scratch area,
// turning any exception into the error flag and a result of 0.
double run_guarded(double (*read)(const double*, void (*)()), void (*fn)(), const double* args);

}  // namespace gradlab::wasm
