// Handle bookkeeping and the last-error slot shared with the JS wrapper.
#include "handles.h"

#include <exception>

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

double run_guarded(double (*f)(const double*), const double* args) {
  try {
    return f(args);
  } catch (const std::exception& e) {
    set_error(e.what());
  } catch (...) {
    set_error("unknown engine error");
  }
  return 0;
}

std::string take_error() {
  g_error_flag = 0;
  return std::move(g_error_message);
}

}  // namespace gradlab::wasm
