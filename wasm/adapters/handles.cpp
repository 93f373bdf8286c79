// Handle bookkeeping and the last-error slot shared with the JS wrapper.
#include "handles.h"

namespace gradlab::wasm {

int32_t g_error_flag = 0;
static std::string g_error_message;

void free_tensor(Handle h) { delete reinterpret_cast<Tensor*>(h); }
Handle share_tensor(Handle h) { return wrap(tensor(h)); }

uintptr_t error_flag_address() { return reinterpret_cast<uintptr_t>(&g_error_flag); }

void set_error(const std::string& message) {
  g_error_message = message;
  g_error_flag = 1;
}

std::string take_error() {
  g_error_flag = 0;
  return std::move(g_error_message);
}

}  // namespace gradlab::wasm
