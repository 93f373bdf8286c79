// Adapters for a tensor's data and metadata: copying values in and out of the
// heap as TypedArrays, shape/dtype/flags, and the printed forms.
#pragma once
#include <emscripten/val.h>

#include <string>

#include "handles.h"

namespace gradlab::wasm {

using emscripten::val;

// data: a TypedArray (Float32Array for float32, Float64Array otherwise).
Handle from_data(val data, val shape, int dtype, int legacy);
// A copy of the values in row-major order (Float64Array for int64, Uint8Array for bool).
val copy_out(Handle h);
// [dtype, ...shape]
val meta(Handle h);
// bit 0 requires_grad, 1 is_leaf, 2 volatile, 3 retains_grad, 4..5 legacy kind
int flags(Handle h);
double version(Handle h);
double item(Handle h);
void set_requires_grad(Handle h, bool value);
void set_volatile(Handle h, bool value);
void set_legacy(Handle h, int kind);
Handle grad(Handle h);
void set_grad(Handle h, Handle g);
void retain_grad(Handle h);
Handle detach(Handle h);
void detach_(Handle h);
Handle data(Handle h);
bool same_storage(Handle a, Handle b);
// Identity of the tensor behind a handle (two handles to one tensor agree).
double impl_address(Handle h);
// impl_address of the grad (0 if none), so JS can reuse its .grad object without a new handle.
double grad_address(Handle h);

// style: -1 as the tensor's legacy kind says, 0 modern, 1 PyTorch 0.3.
std::string repr(Handle h, int style);
// NumPy str/repr of a buffer taken out earlier (an NDArray).
std::string array_str(val data, val shape, int dtype, bool legacy, bool as_repr);
void set_torch_printoptions(int precision, double threshold, int edgeitems, int linewidth, int sci_mode);
void set_numpy_printoptions(int precision, double threshold, int edgeitems, int linewidth, bool suppress,
                            bool legacy_113);
double memory_bytes();

}  // namespace gradlab::wasm
