#include "gradlab/autograd/grad_mode.h"

namespace gradlab {

namespace {
// WebAssembly builds are single-threaded; natively the flag is per thread, as in PyTorch.
thread_local bool grad_enabled = true;
}  // namespace

bool GradMode::is_enabled() { return grad_enabled; }
void GradMode::set_enabled(bool enabled) { grad_enabled = enabled; }

}  // namespace gradlab
