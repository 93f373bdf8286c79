// Capture mode across the boundary (engine/include/gradlab/autograd/capture.h):
// on, off, names, and what was recorded as one JSON string per read (a
// bounded amount: previews, never tensors). The package wraps these as
// torch._capture (wasm/src/capture.js), which the playground's worker reads.
#pragma once
#include <string>

#include "handles.h"

namespace gradlab::wasm {

void capture_start();
void capture_stop();
bool capture_enabled();
void capture_name(Handle h, const std::string& label);
// {"count": passes since start, "passes": [...]}: the passes kept since the last read.
std::string capture_read();
// {"nodes": [...], "truncated": bool}: the graph behind a tensor as it stands.
std::string capture_graph(Handle h, int max_nodes);
// One tensor's preview (shape, dtype, first and last values, min/max/mean), capture on or off.
std::string capture_preview(Handle h);

}  // namespace gradlab::wasm
