// Argument normalisation shared by the torch namespace and Tensor methods:
// dtype names, varargs sizes with a trailing options object, dims, and
// nested arrays flattened into one TypedArray.
import { fail } from './errors-util.js';

export const DTYPES = ['float32', 'float64', 'int64', 'bool'];
const ALIASES = {
  float32: 0, float: 0, 'torch.float32': 0, 'torch.float': 0,
  float64: 1, double: 1, 'torch.float64': 1, 'torch.double': 1,
  int64: 2, long: 2, 'torch.int64': 2, 'torch.long': 2,
  bool: 3, 'torch.bool': 3,
};

/** dtype name (or alias) -> engine code; undefined -> fallback. */
export function dtypeCode(dtype, fallback = 0) {
  if (dtype === undefined || dtype === null) return fallback;
  const code = ALIASES[dtype];
  if (code === undefined) fail(`unknown dtype '${dtype}' (expected one of ${DTYPES.join(', ')})`);
  return code;
}

export function isOptions(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v) &&
    typeof v._isTensor !== 'boolean' && !('shape' in v && 'data' in v);
}

/**
 * An argument where an options object is expected: undefined or null -> {},
 * a plain object as is; anything else is an error at this call (in
 * JavaScript `f(x, requires_grad=true)` assigns a variable and passes `true`).
 */
export function optionsArg(value, where) {
  if (value === undefined || value === null) return {};
  const proto = typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null) return value;
  const got = typeof value === 'string' ? `'${value}'`
    : typeof value === 'object' || typeof value === 'function' ? `a ${value.constructor?.name ?? typeof value}` : String(value);
  return fail(`${where}: expected an options object such as { requires_grad: true }, but got ${got} ` +
    '(keyword arguments are written as an object in JavaScript: { name: value })');
}

/** Splits (…values, options?) into [values, options]. */
export function splitOptions(args) {
  if (args.length > 0 && isOptions(args[args.length - 1])) return [args.slice(0, -1), args[args.length - 1]];
  return [args, {}];
}

/** Sizes given as ints or as one array: zeros(2, 3) == zeros([2, 3]). */
export function sizesOf(values) {
  const sizes = values.length === 1 && (Array.isArray(values[0]) || ArrayBuffer.isView(values[0]))
    ? Array.from(values[0]) : values;
  for (const s of sizes) {
    if (!Number.isInteger(s)) fail(`sizes must be integers, but got ${typeof s === 'string' ? `'${s}'` : s}`);
  }
  return sizes;
}

/** A dim argument: int, array of ints, or undefined/null (all dims -> []). */
export function dimsOf(dim) {
  if (dim === undefined || dim === null) return [];
  return Array.isArray(dim) ? dim : [dim];
}

function typedArrayDtype(a) {
  if (a instanceof Float64Array) return 1;
  if (a instanceof BigInt64Array || a instanceof BigUint64Array) return 2;
  return 0;
}

/** Nested arrays / TypedArray / number / boolean -> {flat, shape, dtype}. */
export function flattenData(data) {
  if (ArrayBuffer.isView(data)) {
    const dtype = typedArrayDtype(data);
    const flat = dtype === 2 ? Float64Array.from(data, Number) : data;
    return { flat, shape: [data.length], dtype };
  }
  const shape = [];
  let probe = data;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    probe = probe[0];
  }
  const out = [];
  let allBool = true;
  const walk = (v, depth) => {
    if (depth === shape.length) {
      if (Array.isArray(v)) fail(`expected sequence of length ${shape[depth - 1]} at dim ${depth - 1} (got ${v.length})`);
      if (typeof v === 'boolean') out.push(v ? 1 : 0);
      else if (typeof v === 'number') { allBool = false; out.push(v); }
      else if (typeof v === 'bigint') { allBool = false; out.push(Number(v)); }
      else fail(`Could not infer dtype of ${v === null ? 'null' : typeof v}`);
      return;
    }
    if (!Array.isArray(v)) fail(`expected sequence of length ${shape[depth]} at dim ${depth} (got a scalar)`);
    if (v.length !== shape[depth]) fail(`expected sequence of length ${shape[depth]} at dim ${depth} (got ${v.length})`);
    for (const x of v) walk(x, depth + 1);
  };
  walk(data, 0);
  const isEmpty = out.length === 0;
  return { flat: out, shape, dtype: allBool && !isEmpty ? 3 : 0 };
}

/** A TypedArray the engine's from_data copies from for dtype code `code`. */
export function bufferFor(flat, code) {
  if (code === 0) return flat instanceof Float32Array ? flat : Float32Array.from(flat);
  if (code === 3) return flat instanceof Uint8Array ? flat : Uint8Array.from(flat, (x) => (x ? 1 : 0));
  return flat instanceof Float64Array ? flat : Float64Array.from(flat, Number);
}
