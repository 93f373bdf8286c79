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
// An owner's record is the registry's held value {kind, handle} (handle 0
// once freed), also its unregister token and, while a runner counts runs,
// an entry of runRecords.
const finalizer = new FinalizationRegistry((record) => {
  live[record.kind] -= 1;
  FREE[record.kind](record.handle);
  record.handle = 0;
});

const scopes = [];

// The registry is a safety net for handles nobody disposes. An owner made
// inside torch.tidy is freed by its scope, so it is watched only once it
// leaves every scope (returned from the outermost tidy, or keep()); that keeps
// two registry calls off every op in a tidy loop.
function watch(owner) {
  if (owner._watched !== false || owner._h === 0) return;
  const record = { kind: owner._kind, handle: owner._h };
  owner._watched = record;
  finalizer.register(owner, record, record);
  if (runRecords !== null) {
    owner._run = runNumber;
    runRecords.push(record);
    if (runRecords.length >= pruneAt) pruneRun();
  }
}

// Runs (torch._capture.newRun): a runner frees at the start of a run every
// handle the previous run left behind (kept by a global, a closure or a
// timer, or waiting for the garbage collector), so memory counts start fresh
// and nothing waits on a collector. The previous run's handles are the
// records watch() pushed since; their owners are not reachable (holding
// them, even weakly, costs an object per op), so an owner knows it was swept
// by its run number: one made in run n is dead once run n + 1 has started.
// Owners that no run counted carry NOT_COUNTED and never expire.
export const NOT_COUNTED = 2 ** 30 - 1;
export let runNumber = 0;
let runRecords = null;
const PRUNE_AT = 50_000;
let pruneAt = PRUNE_AT;

/** Whether owner's handle is still its own: not disposed, not swept by a later run. */
export function isLive(owner) {
  return owner._h !== 0 && owner._run >= runNumber;
}

// A loop makes millions of short-lived handles: forget the ones already freed.
function pruneRun() {
  runRecords = runRecords.filter((record) => record.handle !== 0);
  pruneAt = Math.max(PRUNE_AT, runRecords.length * 2);
}

// Frees the counted handles; their owners (run number runNumber) expire.
function sweep() {
  if (runRecords === null) return 0;
  let freed = 0;
  for (const record of runRecords) {
    if (record.handle === 0) continue;
    finalizer.unregister(record);
    live[record.kind] -= 1;
    FREE[record.kind](record.handle);
    record.handle = 0;
    freed += 1;
  }
  runNumber += 1;
  return freed;
}

/** Frees the handles counted since the last call and starts counting a new run's; returns how many it freed. */
export function newRun() {
  const freed = sweep();
  runRecords = [];
  pruneAt = PRUNE_AT;
  return freed;
}

/** Frees what the current run counted, as newRun, and stops counting. */
export function endRuns() {
  const freed = sweep();
  runRecords = null;
  return freed;
}

/** Takes ownership of a fresh engine handle for `owner` (a Tensor or grad_fn node with _h set). */
export function track(owner) {
  owner._run = NOT_COUNTED;
  live[owner._kind] += 1;
  if (scopes.length > 0) scopes[scopes.length - 1].push(owner);
  else watch(owner);
}

/** Frees a handle now (unless a new run already did); the owner is no longer watched by the registry. */
export function release(owner, handle) {
  const record = owner._watched;
  owner._watched = false;
  if (owner._run < runNumber) return;
  if (record !== false) {
    finalizer.unregister(record);
    record.handle = 0;
  }
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
