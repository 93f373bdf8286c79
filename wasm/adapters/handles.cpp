// Handle bookkeeping and the last-error slot shared with the JS wrapper.
#include "handles.h"

#include <exception>
#include <new>
#include <vector>

namespace gradlab::wasm {

int32_t g_error_flag = 0;
static std::string g_error_message;

namespace {
std::vector<void*> g_free_boxes;  // at most as many as handles were ever live at once
}  // namespace

Tensor* new_box(Tensor&& t) {
  void* place;
  if (g_free_boxes.empty()) {
    place = ::operator new(sizeof(Tensor));
  } else {
    place = g_free_boxes.back();
    g_free_boxes.pop_back();
  }
  return new (place) Tensor(std::move(t));
}

void free_box(Tensor* box) {
  box->~Tensor();
  g_free_boxes.push_back(box);
}

void free_tensor(Handle h) {
  if (h != 0) free_box(reinterpret_cast<Tensor*>(h));
}
Handle share_tensor(Handle h) { return wrap(tensor(h)); }

uintptr_t error_flag_address() { return reinterpret_cast<uintptr_t>(&g_error_flag); }

void set_error(const std::string& message) {
  g_error_message = message;
  g_error_flag = 1;
}

double run_guarded(double (*read)(const double*, void (*)()), void (*fn)(), const double* args) {
  try {
    return read(args, fn);
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
