// The loaded engine and the bookkeeping around its handles: the error flag
// every call is checked against, live-handle counts, tidy scopes and the
// FinalizationRegistry safety net.
import { GradlabError } from './errors.js';

/** The Emscripten module; set once by the entry before anything runs. */
export let M = null;
let errorFlagIndex = 0;

export function setEngine(module) {
  M = module;
  errorFlagIndex = M._error_flag_address() >> 2;
}

// A JS exception thrown inside a hook or a gradcheck function, rethrown as is
// once the engine has unwound.
let pendingCallbackError = null;
export function rememberCallbackError(error) {
  if (pendingCallbackError === null) pendingCallbackError = error;
}

/** Throws the engine's error if the last call failed; reading linear memory costs no call. */
export function check() {
  if (M.HEAP32[errorFlagIndex] !== 0) {
    const message = M._take_error();
    const callbackError = pendingCallbackError;
    pendingCallbackError = null;
    throw callbackError !== null ? callbackError : new GradlabError(message);
  }
}

export { fail } from './errors-util.js';
import { fail } from './errors-util.js';

// Engine handles owned by JS objects, counted by kind: `tensors` (Tensor) and
// `nodes` (grad_fn nodes). An owner has `_h` (0 once freed) and `_kind`.
// `hooks` counts hook functions the engine still holds by id (autograd.js).
export const live = { tensors: 0, nodes: 0, hooks: 0 };
const FREE = {
  tensors: (handle) => M._free_tensor(handle),
  nodes: (handle) => M._node_free(handle),
};
const finalizer = new FinalizationRegistry(({ kind, handle }) => {
  live[kind] -= 1;
  FREE[kind](handle);
});

const scopes = [];

// The registry is a safety net for handles nobody disposes. An owner made
// inside torch.tidy is freed by its scope, so it is watched only once it
// leaves every scope (returned from the outermost tidy, or keep()); that keeps
// two registry calls off every op in a tidy loop.
function watch(owner) {
  if (owner._watched || owner._h === 0) return;
  owner._watched = true;
  finalizer.register(owner, { kind: owner._kind, handle: owner._h }, owner);
  if (ownerObserver !== null) ownerObserver(owner);
}

// Sees every owner that watch() hands to the registry, or null
// (torch._capture.observeHandles).
let ownerObserver = null;
export function setOwnerObserver(fn) { ownerObserver = fn; }

/** Takes ownership of a fresh engine handle for `owner` (a Tensor or grad_fn node with _h set). */
export function track(owner) {
  live[owner._kind] += 1;
  if (scopes.length > 0) scopes[scopes.length - 1].push(owner);
  else watch(owner);
}

/** Frees a handle now; the owner is no longer watched by the registry. */
export function release(owner, handle) {
  if (owner._watched) finalizer.unregister(owner);
  owner._watched = false;
  live[owner._kind] -= 1;
  FREE[owner._kind](handle);
}

/** Takes t (a tensor or grad_fn node) out of every open tidy scope, so it outlives them. */
export function keep(t) {
  for (const scope of scopes) {
    const i = scope.indexOf(t);
    if (i >= 0) scope.splice(i, 1);
  }
  watch(t);
  return t;
}

function collect(value, into, seen = new Set()) {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (typeof value._kind === 'string') {
    into.add(value);
    return;
  }
  if (Array.isArray(value)) for (const v of value) collect(v, into, seen);
  else if (Object.getPrototypeOf(value) === Object.prototype) for (const v of Object.values(value)) collect(v, into, seen);
}

/** torch.tidy: frees every tensor and grad_fn node handed out inside fn except those it returns. */
export function tidy(fn) {
  if (typeof fn !== 'function') fail('torch.tidy(fn) expects a function');
  const scope = [];
  scopes.push(scope);
  let result;
  try {
    result = fn();
  } catch (error) {
    scopes.pop();
    for (const t of scope) t.dispose();
    throw error;
  }
  scopes.pop();
  const keep = new Set();
  collect(result, keep);
  const parent = scopes.length > 0 ? scopes[scopes.length - 1] : null;
  for (const t of scope) {
    if (!keep.has(t)) t.dispose();
    else if (parent !== null) parent.push(t);
    else watch(t);
  }
  return result;
}
