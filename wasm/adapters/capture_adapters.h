// Capture mode across the boundary (engine/include/gradlab/autograd/capture.h):
// on, off, names, and what was recorded as one JSON string per read (a
// bounded amount: previews, never tensors). The package wraps these as
// torch._capture (wasm/src/capture.js), which the playground's worker reads.
#pragma once
#include "handles.h"

namespace gradlab::wasm {

// Services of bindings.cpp's table (arguments in the scratch area, text
// results through put_text).
double capture_start_svc(const double* a);
double capture_stop_svc(const double* a);
double capture_enabled_svc(const double* a);  // -> 0 or 1
// h, byte length of the label; the label's UTF-8 bytes staged
double capture_name_svc(const double* a);
// -> {"count": passes since start, "passes": [...]}: the passes kept since the last read.
double capture_read_svc(const double* a);
// h, max_nodes -> {"nodes": [...], "truncated": bool}: the graph behind a tensor as it stands.
double capture_graph_svc(const double* a);
// h -> one tensor's preview (shape, dtype, first and last values, min/max/mean), capture on or off.
double capture_preview_svc(const double* a);

}  // namespace gradlab::wasm
