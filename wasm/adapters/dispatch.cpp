// The JS -> engine boundary for every op of engine/ops.def: JS writes the
// arguments (handles, numbers, dims, lists) into one persistent scratch area
// of doubles and calls gl_call(op id). One try/catch here turns an engine
// error into the error flag that JS reads from linear memory (handles.h), so
// no op needs its own boundary function, invoker or exception guard.
#include <emscripten/emscripten.h>

#include <string>
#include <vector>

#include "signatures.h"

namespace gradlab::wasm {
namespace {

struct Entry {
  Reader read;
  AnyFn fn;
};

// Op ids are row numbers of engine/ops.def; scripts/op-table.mjs numbers them the same way.
#define OP(name, signature, fn, surfaces) \
  {sig::signature, reinterpret_cast<AnyFn>(static_cast<sig::signature##_fn>(fn))},
#define ALIAS(name, target, surfaces)
#define JS(name, surfaces)
const Entry kOps[] = {
#include "../../engine/ops.def"
};
#undef OP
#undef ALIAS
#undef JS

constexpr int kOpCount = static_cast<int>(sizeof(kOps) / sizeof(kOps[0]));

// Grows when a list argument or result needs it; JS asks for its address again then.
std::vector<double> g_scratch(256);

}  // namespace

double* gl_scratch_data(size_t n) {
  if (g_scratch.size() < n) g_scratch.resize(n);
  return g_scratch.data();
}

double put_handles(const std::vector<Tensor>& ts) {
  if (g_scratch.size() < ts.size()) g_scratch.resize(ts.size());
  for (size_t i = 0; i < ts.size(); ++i) g_scratch[i] = static_cast<double>(wrap(ts[i]));
  return static_cast<double>(ts.size());
}

}  // namespace gradlab::wasm

using namespace gradlab::wasm;

extern "C" {

// The scratch area, at least n doubles long (its address moves when it grows).
EMSCRIPTEN_KEEPALIVE double* gl_scratch(int n) {
  if (n > 0 && g_scratch.size() < static_cast<size_t>(n)) g_scratch.resize(n);
  return g_scratch.data();
}
EMSCRIPTEN_KEEPALIVE int gl_scratch_size() { return static_cast<int>(g_scratch.size()); }

// Runs op `op` on the arguments in the scratch area. Returns a handle, a
// count of handles written back to the scratch area, or a number, as the
// op's row says; on failure 0 with the error flag raised. gl_call(-1) is the
// number of ops, which JS checks against its copy of the table.
EMSCRIPTEN_KEEPALIVE double gl_call(int op) {
  if (op == -1) return kOpCount;
  if (op < 0 || op >= kOpCount) {
    set_error("unknown op id " + std::to_string(op));
    return 0;
  }
  return run_guarded(kOps[op].read, kOps[op].fn, g_scratch.data());
}

EMSCRIPTEN_KEEPALIVE void gl_free(double h) { free_tensor(static_cast<Handle>(h)); }

}  // extern "C"
