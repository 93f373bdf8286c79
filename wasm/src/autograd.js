// Autograd in JS: backward, hooks (by id), grad_fn nodes (owned handles,
// cached so `a.grad_fn === a.grad_fn` holds as `is` does in PyTorch), grad mode scopes,
// torch.autograd.grad and gradcheck.
import { isOptions, optionsArg } from './args.js';
import { M, check, fail, isLive, live, release, rememberCallbackError, tidy, track } from './runtime.js';
import { Tensor, adopt, fromHandle, knownLeaf } from './tensor.js';

const P = Tensor.prototype;

P.backward = function (gradient, options) {
  if (isOptions(gradient)) [gradient, options] = [undefined, gradient];
  options = optionsArg(options, 'backward()');
  const createGraph = Boolean(options.create_graph);
  const retainGraph = options.retain_graph ?? createGraph;
  const grads = [];
  let temp = null;
  if (gradient instanceof Tensor) grads.push(gradient._handle());
  else if (gradient === undefined || gradient === null) grads.push(0);
  else {
    temp = this._tensorLike(gradient);
    grads.push(temp._handle());
  }
  try {
    M._backward([this._handle()], grads, Boolean(retainGraph), createGraph);
    check();
  } finally {
    if (temp) temp.dispose();
  }
};
P._tensorLike = function (values) {
  const { torch } = hooks;
  return torch.tensor(values, { dtype: this.dtype });
};

P.retain_grad = function () { M._retain_grad(this._handle()); check(); };
P.detach = function () { return adopt(M._detach(this._handle())); };
P.detach_ = function () { M._detach_(this._handle()); check(); return this; };

/** A second handle to t for the engine, which frees it after reading. */
const handOver = (t) => M._share(t._handle());

// Hook functions by id. The engine holds only the id and calls callHook with
// it; when the engine lets go of the hook (remove(), or the tensor or node
// holding it is freed) it calls dropHook, so no JS closure is pinned from C++.
// Both are exported for Python mode, which puts its own ids in front of them.
const hookTable = new Map();
let nextHookId = 1;

export function callHook(id, gradHandle) {
  const fn = hookTable.get(id);
  const grad = gradHandle === 0 ? null : fromHandle(gradHandle);
  try {
    const r = fn(grad);
    if (r === undefined || r === null) return 0;
    if (!(r instanceof Tensor)) fail(`hook returned a ${typeof r}; expected a Tensor or nothing`);
    return r._handle();
  } catch (error) {
    rememberCallbackError(error);
    return -1;
  }
}
export function dropHook(id) {
  if (hookTable.delete(id)) live.hooks -= 1;
}

/** Called once the engine is loaded. */
export function installHooks() { M._set_hook_functions(callHook, dropHook); }

// What register_hook returns. It refers to the tensor weakly: holding a handle
// must not keep a tensor alive.
class RemovableHandle {
  constructor(tensor, engineId) {
    this._tensor = new WeakRef(tensor);
    this._id = engineId;
  }
  remove() {
    const t = this._tensor.deref();
    if (t !== undefined && isLive(t)) M._remove_hook(t._h, this._id);
  }
}

P.register_hook = function (fn) {
  if (typeof fn !== 'function') fail('register_hook expects a function');
  const handle = this._handle();
  const id = nextHookId++;
  hookTable.set(id, fn);
  live.hooks += 1;
  // On failure the engine has already dropped the id (and with it the entry).
  const engineId = M._register_hook(handle, id);
  check();
  return new RemovableHandle(this, engineId);
};

const disposedNode = () => fail('grad_fn node has been disposed: it cannot be used after dispose() or outside the torch.tidy() that read it');

// grad_fn nodes, one JS object per engine node while that object is live.
// Like tensors they own an engine handle (which keeps the node and its saved
// tensors alive), freed by their tidy scope, dispose() or the registry.
const nodeCache = new Map();
const nodeCacheFinalizer = new FinalizationRegistry(({ address, ref }) => {
  if (nodeCache.get(address) === ref) nodeCache.delete(address);
});

/** A grad_fn: `name`, `next_functions` ([[node | null, input_nr], ...]) and, for AccumulateGrad, `variable`. */
export class GradNode {
  constructor(handle, address) {
    this._h = handle;
    this._watched = false;  // by the FinalizationRegistry (see runtime.js)
    this._address = address;
    this.name = M._node_name(handle);
    this._ref = new WeakRef(this);
    nodeCache.set(address, this._ref);
    nodeCacheFinalizer.register(this, { address, ref: this._ref }, this);
    track(this);
  }
  get _kind() { return 'nodes'; }
  _handle() { return isLive(this) ? this._h : disposedNode(); }
  /** A new array each read (as PyTorch's tuple); the nodes in it are the cached objects. */
  get next_functions() {
    const flat = M._node_next(this._handle());
    const next = [];
    for (let i = 0; i < flat.length; i += 2) next.push(Object.freeze([nodeFor(flat[i]), flat[i + 1]]));
    return Object.freeze(next);
  }
  /** The leaf an AccumulateGrad node accumulates into (the very tensor the user holds, when live). */
  get variable() {
    const h = M._node_variable(this._handle());
    if (h === 0) return undefined;
    const known = knownLeaf(h);
    if (known === undefined) return fromHandle(h);
    M._free_tensor(h);
    return known;
  }
  /** Frees the engine handle now (and with it the graph it alone kept alive); idempotent. */
  dispose() {
    if (this._h === 0) return;
    if (nodeCache.get(this._address) === this._ref) nodeCache.delete(this._address);
    nodeCacheFinalizer.unregister(this);
    release(this, this._h);
    this._h = 0;
  }
  get isDisposed() { return !isLive(this); }
  toString() { return `<${this.name} object>`; }
  [Symbol.for('nodejs.util.inspect.custom')]() { return this.toString(); }
}

function nodeFor(handle) {
  if (handle === 0) return null;
  const address = M._node_address(handle);
  const cached = nodeCache.get(address)?.deref();
  if (cached !== undefined && isLive(cached)) {
    M._node_free(handle);
    return cached;
  }
  return new GradNode(handle, address);
}

Object.defineProperty(P, 'grad_fn', {
  get() {
    const h = M._grad_fn(this._handle());
    check();  // reading it can raise, as PyTorch's (a view's history rebuilt after its base changed)
    return nodeFor(h);
  },
});

// Grad mode.
export function is_grad_enabled() { return M._is_grad_enabled(); }
export function set_grad_enabled(enabled) {
  const previous = M._is_grad_enabled();
  M._set_grad_enabled(Boolean(enabled));
  return { [Symbol.dispose ?? Symbol.for('Symbol.dispose')]() { M._set_grad_enabled(previous); }, exit() { M._set_grad_enabled(previous); } };
}
function withGradMode(enabled, fn) {
  const scope = set_grad_enabled(enabled);
  if (fn === undefined) return scope;
  if (typeof fn !== 'function') fail('expected a function to run');
  try {
    return fn();
  } finally {
    scope.exit();
  }
}
export function no_grad(fn) { return withGradMode(false, fn); }
export function enable_grad(fn) { return withGradMode(true, fn); }

const asList = (x) => (x === undefined || x === null ? [] : Array.isArray(x) ? x : [x]);

/** torch.autograd.grad(outputs, inputs, {grad_outputs, retain_graph, create_graph, allow_unused}). */
export function grad(outputs, inputs, options) {
  options = optionsArg(options, 'grad()');
  const outs = asList(outputs);
  const ins = asList(inputs);
  const gradOutputs = asList(options.grad_outputs);
  const createGraph = Boolean(options.create_graph);
  const retainGraph = options.retain_graph ?? createGraph;
  const temps = [];
  const goHandles = outs.map((o, i) => {
    const g = gradOutputs[i];
    if (g === undefined || g === null) return 0;
    if (g instanceof Tensor) return g._handle();
    const t = o._tensorLike(g);
    temps.push(t);
    return t._handle();
  });
  try {
    const hs = M._autograd_grad(outs.map((t) => t._handle()), ins.map((t) => t._handle()), goHandles,
      Boolean(retainGraph), createGraph, Boolean(options.allow_unused));
    check();
    return hs.map((h) => (h === 0 ? null : fromHandle(h)));
  } finally {
    for (const t of temps) t.dispose();
  }
}

/** torch.autograd.gradcheck(fn, inputs, {eps, atol, rtol}): true, or throws with the first mismatch. */
export function gradcheck(fn, inputs, options) {
  const { eps = 1e-6, atol = 1e-5, rtol = 1e-3 } = optionsArg(options, 'gradcheck()');
  const ins = asList(inputs);
  const trampoline = (handles) => {
    try {
      return tidy(() => {
        const xs = Array.from(handles, (h) => fromHandle(h));
        const out = asList(fn(...xs));
        return out.map(handOver);
      });
    } catch (error) {
      rememberCallbackError(error);
      return -1;
    }
  };
  const ok = M._gradcheck(trampoline, ins.map((t) => t._handle()), eps, atol, rtol);
  check();
  return ok;
}

/** Late-bound references (torch.tensor) to avoid an import cycle. */
export const hooks = { torch: null };
