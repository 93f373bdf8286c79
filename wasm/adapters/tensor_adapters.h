// Adapters for a tensor's data and metadata: copying values in and out of the
// heap, shape/dtype/flags, and the printed forms. Each reads its arguments
// from the scratch area as the ops do (see bindings.cpp for the layout of
// each and wasm/src/raw.js for the JS side).
#pragma once
#include <string>

#include "handles.h"

namespace gradlab::wasm {

// A buffer of at least n bytes (8-aligned) that JS fills before from_data and
// array_str and reads after copy_out; its address moves when it grows.
void* stage(size_t nbytes);
// Text results (repr, error messages, node names): the engine keeps the last
// one; a service returns its length and puts its address in scratch[0].
double put_text(std::string text);

double share_svc(const double* a);          // h -> a second handle to the same tensor
double memory_bytes_svc(const double* a);   // -> live storage bytes
double from_data_svc(const double* a);      // dtype, legacy, data length, [shape]; values staged
double copy_out_svc(const double* a);       // h -> count; scratch[0] address, scratch[1] dtype
double meta_svc(const double* a);           // h -> count; [dtype, ...shape] in the scratch area
// bit 0 requires_grad, 1 is_leaf, 2 volatile, 3 retains_grad, 4..5 legacy kind
double flags_svc(const double* a);
double version_svc(const double* a);
double item_svc(const double* a);
double set_requires_grad_svc(const double* a);
double set_volatile_svc(const double* a);
double set_legacy_svc(const double* a);
double grad_svc(const double* a);
double set_grad_svc(const double* a);
double retain_grad_svc(const double* a);
double detach_svc(const double* a);
double detach__svc(const double* a);
double data_svc(const double* a);
double same_storage_svc(const double* a);
// Identity of the tensor behind a handle (two handles to one tensor agree).
double impl_address_svc(const double* a);
// impl_address of the grad (0 if none), so JS can reuse its .grad object without a new handle.
double grad_address_svc(const double* a);
// h, style (-1 as the tensor's legacy kind says, 0 modern, 1 PyTorch 0.3) -> text
double repr_svc(const double* a);
// dtype, legacy, as_repr, data length, [shape]; values staged -> NumPy str/repr text
double array_str_svc(const double* a);
double set_torch_printoptions_svc(const double* a);
double set_numpy_printoptions_svc(const double* a);

}  // namespace gradlab::wasm
