// Tensor: a JS handle to one engine tensor. Properties, values out of the
// heap (always copies), printing and lifetime live here; ops are installed
// on the prototype by tensor-ops.js and autograd methods by autograd.js.
import { DTYPES } from './args.js';
import { NDArray } from './ndarray.js';
import { M, check, fail, isLive, release, track } from './runtime.js';

const disposeSymbol = Symbol.dispose ?? Symbol.for('Symbol.dispose');
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** Printing style forced by torch.set_printoptions({style}): -1 auto, 0 modern, 1 legacy. */
export const printStyle = { value: -1 };

// Set only while fromHandle runs, so user code cannot hand the constructor an arbitrary address.
let adopting = false;

/** Wraps a fresh engine handle that this tensor (of class `cls`, a Tensor subclass) will own. */
export function fromHandle(handle, cls = Tensor) {
  adopting = true;
  try {
    return new cls(handle);
  } finally {
    adopting = false;
  }
}

export class Tensor {
  /** Internal (see fromHandle); make tensors with torch.tensor and friends. */
  constructor(handle) {
    if (!adopting || typeof handle !== 'number' || handle === 0) fail('use torch.tensor(data) or torch.zeros(...sizes) to create a tensor');
    this._h = handle;
    this._shape = null;
    this._dtype = -1;
    this._watched = false;  // by the FinalizationRegistry (see runtime.js)
    // The .grad object handed out last and the engine identity of its tensor:
    // reads return it while the engine's grad is still that tensor.
    this._grad = null;
    this._gradAddress = 0;
    track(this);
  }

  get _isTensor() { return true; }
  get _kind() { return 'tensors'; }

  /** The live handle, or a GradlabError once disposed (or swept by a new run: runtime.js). */
  _handle() {
    if (!isLive(this)) fail('Tensor has been disposed: it cannot be used after dispose() or outside the torch.tidy() that made it');
    return this._h;
  }

  _meta() {
    const m = M._meta(this._handle());
    this._dtype = m[0];
    this._shape = m.slice(1);
  }
  // Shape and dtype are cached after the first read; a disposed tensor still refuses to answer.
  _cachedMeta() {
    if (this._shape === null || !isLive(this)) this._meta();
  }

  get shape() {
    this._cachedMeta();
    return this._shape.slice();
  }
  get dtype() {
    this._cachedMeta();
    return DTYPES[this._dtype];
  }
  get ndim() {
    this._cachedMeta();
    return this._shape.length;
  }
  get device() { return 'cpu'; }
  dim() { return this.ndim; }
  numel() {
    this._cachedMeta();
    return this._shape.reduce((a, b) => a * b, 1);
  }
  size(dim) {
    const shape = this.shape;
    if (dim === undefined) return shape;
    return shape[wrapDim(dim, shape.length)];
  }
  nelement() { return this.numel(); }
  element_size() { this._cachedMeta(); return [4, 8, 8, 1][this._dtype]; }

  // Reading flags can fail where PyTorch's read fails (a no_grad view whose base changed in place
  // rebuilds its history to answer is_leaf): checked, so the error is this read's, not the next call's.
  _flags() {
    const flags = M._flags(this._handle());
    check();
    return flags;
  }
  get requires_grad() { return (this._flags() & 1) !== 0; }
  set requires_grad(value) {
    // requires_grad_(true) on a non-leaf is a no-op in PyTorch; assigning the flag is refused.
    if (value && !this.is_leaf) fail('you can only change requires_grad flags of leaf variables.');
    M._set_requires_grad(this._handle(), Boolean(value));
    check();
    if (value) rememberLeaf(this);
  }
  get is_leaf() { return (this._flags() & 2) !== 0; }
  get volatile() { return (this._flags() & 4) !== 0; }
  set volatile(value) { M._set_volatile(this._handle(), Boolean(value)); }
  get retains_grad() { return (this._flags() & 8) !== 0; }
  get _legacy() { return this._flags() >> 4; }
  get _version() { return M._version(this._handle()); }
  is_floating_point() { this._cachedMeta(); return this._dtype < 2; }

  /** One object while the engine keeps the same grad tensor (`x.grad === x.grad`, as `is` in PyTorch). */
  get grad() {
    const address = M._grad_address(this._handle());
    if (address === 0) {
      this._grad = null;
      return null;
    }
    // A live cached handle keeps its tensor alive, so its address cannot have been reused.
    if (this._grad === null || !isLive(this._grad) || this._gradAddress !== address) {
      this._grad = fromHandle(M._grad(this._h));
      this._gradAddress = address;
    }
    return this._grad;
  }
  set grad(value) {
    if (value !== null && value !== undefined && !(value instanceof Tensor)) fail('assigned grad expected to be a Tensor or None');
    M._set_grad(this._handle(), value ? value._handle() : 0);
    check();
    this._grad = value ?? null;
    this._gradAddress = value ? M._impl_address(value._h) : 0;
  }
  /** Shares storage, never requires grad; changes through it are hidden from autograd. */
  get data() { return fromHandle(M._data(this._handle())); }

  item() {
    const v = M._item(this._handle());
    check();
    return this.dtype === 'bool' ? v !== 0 : v;
  }

  /** Values in row-major order as a TypedArray copy (int64 as Float64Array). */
  _values() {
    const v = M._copy_out(this._handle());
    check();
    return v;
  }

  tolist() { return nest(toNumbers(this._values(), this.dtype), this.shape); }

  numpy() {
    if (this.requires_grad) fail("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
    const values = this._values();
    const data = this.dtype === 'int64' ? BigInt64Array.from(values, BigInt) : values;
    return new NDArray(data, this.shape, this.dtype, this._legacy !== 0);
  }

  toString() {
    const s = M._repr(this._handle(), printStyle.value);
    check();
    return s;
  }
  [inspectSymbol]() { return !isLive(this) ? 'Tensor(disposed)' : this.toString(); }
  // JavaScript has no operator overloading: `x * y`, `x + 1`, `x < y` and `+x`
  // would turn tensors into NaN or '[object]' strings and compute silently
  // wrong numbers. Only the 'string' hint (String(x), `${x}`) converts.
  [Symbol.toPrimitive](hint) {
    if (hint === 'string') return this.toString();
    return fail('a Tensor is not a JavaScript number, and JavaScript operators (+ - * / ** < > == ...) do not work on ' +
      'tensors: use the methods instead, x.add(y), x.sub(y), x.mul(y), x.div(y), x.pow(y), x.neg(), x.lt(y), x.gt(y), ' +
      'x.eq(y) ...; x.item() gives the number of a one-element tensor, and String(x) or `${x}` prints it');
  }
  toJSON() { return this.tolist(); }

  /** Frees the engine handle now; idempotent. */
  dispose() {
    if (this._h !== 0) {
      release(this, this._h);
      this._h = 0;
      this._grad = null;
    }
  }
  [disposeSymbol]() { this.dispose(); }
  get isDisposed() { return !isLive(this); }
}

// Leaves that require grad, by engine identity, so an AccumulateGrad node's
// `variable` is the very tensor the user holds (as `is` holds in PyTorch).
const leaves = new Map();
const leafFinalizer = new FinalizationRegistry(({ address, ref }) => {
  if (leaves.get(address) === ref) leaves.delete(address);
});
function rememberLeaf(t) {
  const address = M._impl_address(t._h);
  if (leaves.get(address)?.deref() === t) return;
  const ref = new WeakRef(t);
  leaves.set(address, ref);
  leafFinalizer.register(t, { address, ref });
}
/** The live JS tensor for the engine tensor behind `handle`, if one is remembered. */
export function knownLeaf(handle) {
  const t = leaves.get(M._impl_address(handle))?.deref();
  return t !== undefined && isLive(t) ? t : undefined;
}

export function wrapDim(dim, ndim) {
  const n = Math.max(ndim, 1);
  if (!Number.isInteger(dim) || dim < -n || dim >= n) {
    fail(`Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${dim})`);
  }
  return dim < 0 ? dim + n : dim;
}

/** Wraps a handle returned by the last engine call, after checking it succeeded. */
export function adopt(handle) {
  check();
  return fromHandle(handle);
}

export function toNumbers(values, dtype) {
  if (dtype === 'bool') return Array.from(values, (x) => x !== 0);
  if (dtype === 'int64') return Array.from(values, Number);
  return Array.from(values);
}

export function nest(flat, shape) {
  if (shape.length === 0) return flat[0];
  let pos = 0;
  const build = (d) => {
    const out = new Array(shape[d]);
    for (let i = 0; i < shape[d]; i++) out[i] = d === shape.length - 1 ? flat[pos++] : build(d + 1);
    return out;
  };
  return build(0);
}
