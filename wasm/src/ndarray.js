// NDArray: what tensor.numpy() returns, a plain JS copy of the values with
// NumPy's str/repr (formatted by the engine's print module).
import { M, check, fail } from './runtime.js';

const CODES = { float32: 0, float64: 1, int64: 2, bool: 3 };
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

// NumPy's print options as set through NDArray.set_printoptions.
const numpyOptions = { precision: 8, threshold: 1000, edgeitems: 3, linewidth: 75, suppress: false, legacy: false };

export class NDArray {
  /**
   * @param data a TypedArray (Float32Array, Float64Array, BigInt64Array, Uint8Array for bool)
   * @param shape sizes; legacy: print as NumPy 1.13 did (arrays taken from the tutorial's legacy tensors)
   */
  constructor(data, shape, dtype, legacy = false) {
    if (!ArrayBuffer.isView(data)) fail('NDArray expects a TypedArray');
    this._data = data;
    this.shape = shape === undefined ? [data.length] : Array.from(shape);
    this.dtype = dtype ?? (data instanceof Float64Array ? 'float64' : data instanceof BigInt64Array ? 'int64' : 'float32');
    this._legacy = legacy;
    if (this.size !== data.length) fail(`cannot reshape array of size ${data.length} into shape (${this.shape.join(', ')})`);
  }
  /** The array's own buffer, as NumPy's a.data: writes to it change the array. */
  get data() { return this._data; }
  get ndim() { return this.shape.length; }
  get size() { return this.shape.reduce((a, b) => a * b, 1); }

  _print(asRepr) {
    const values = this._data instanceof BigInt64Array ? Float64Array.from(this._data, Number) : this._data;
    const s = M._array_str(values, this.shape, CODES[this.dtype], this._legacy, asRepr);
    check();
    return s;
  }
  /** NumPy's str(a). */
  toString() { return this._print(false); }
  /** NumPy's repr(a), e.g. array([1., 2.], dtype=float32). */
  repr() { return this._print(true); }
  [inspectSymbol]() { return this.repr(); }

  tolist() {
    const flat = this.dtype === 'bool' ? Array.from(this._data, (x) => x !== 0) : Array.from(this._data, Number);
    if (this.shape.length === 0) return flat[0];
    let pos = 0;
    const build = (d) => Array.from({ length: this.shape[d] }, () => (d === this.shape.length - 1 ? flat[pos++] : build(d + 1)));
    return build(0);
  }

  item() {
    if (this.size !== 1) fail('can only convert an array of size 1 to a Python scalar');
    const v = this._data[0];
    return this.dtype === 'bool' ? v !== 0 : Number(v);
  }

  /** NumPy's np.set_printoptions for every NDArray (legacy: false | '1.13'). */
  static set_printoptions(options = {}) {
    for (const key of Object.keys(options)) {
      if (!(key in numpyOptions)) fail(`set_printoptions() got an unexpected keyword argument '${key}'`);
    }
    Object.assign(numpyOptions, options);
    const o = numpyOptions;
    const legacy = o.legacy === '1.13';
    if (o.legacy !== false && !legacy) fail(`legacy printing option can currently only be '1.13' or \`False\``);
    M._set_numpy_printoptions(o.precision, Math.min(o.threshold, 1e15), o.edgeitems, o.linewidth, Boolean(o.suppress), legacy);
  }
}
