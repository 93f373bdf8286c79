// The fuzzer's plain-JS float64 model of PyTorch 1.13: shapes, broadcasting,
// type promotion and the value of each op, over snapshots {shape, dtype, data,
// requires_grad} of tensors. A reference is {shape, dtype, data, rtol, atol}
// (any field may be missing when it cannot be predicted), or bad(phrase...)
// when PyTorch rejects the call; phrases are PyTorch's, checked with the oracle.

export const isFloat = (dtype) => dtype === 'float32' || dtype === 'float64';
export const numel = (shape) => shape.reduce((p, s) => p * s, 1);
/** PyTorch rejects the call with a message containing one of `phrases`. */
export const bad = (...phrases) => ({ invalid: phrases });
export const sameShape = (x, y) => JSON.stringify(x) === JSON.stringify(y);
/** Beyond 2^53 a JS number no longer holds an int64 exactly. */
export const exactInt = (x) => Math.abs(x) <= 2 ** 53;
const isIntegral = (x) => Number.isSafeInteger(x) && !Object.is(x, -0);
/** An integral number from 2^53 on may be read as an int or a float: its result's dtype is left open. */
const ambiguous = (operands) => operands.some((o) => typeof o === 'number' && Number.isInteger(o) && !Number.isSafeInteger(o));

export function dimError(d, n) {
  const m = Math.max(n, 1);
  return bad(`Dimension out of range (expected to be in range of [${-m}, ${m - 1}], but got ${d})`);
}
export function wrapDim(d, n) {
  const m = Math.max(n, 1);
  return d < -m || d >= m ? null : (d < 0 ? d + m : d);
}
export function unravel(i, shape) {
  const idx = new Array(shape.length);
  for (let k = shape.length - 1; k >= 0; k--) { idx[k] = i % shape[k]; i = Math.floor(i / shape[k]); }
  return idx;
}
export function ravel(idx, shape) {
  let i = 0;
  for (let k = 0; k < shape.length; k++) i = i * shape[k] + idx[k];
  return i;
}
/** Output {shape, dtype, data} whose element at multi-index o is input[inIndex(o)]. */
export function mapRef(input, shape, inIndex) {
  const data = new Array(numel(shape));
  for (let i = 0; i < data.length; i++) data[i] = input.data[ravel(inIndex(unravel(i, shape)), input.shape)];
  return { shape, dtype: input.dtype, data, signedZero: true };
}
/** Broadcast shape of a and b, or PyTorch's error naming the first mismatch from the right. */
export function broadcast(a, b) {
  const n = Math.max(a.length, b.length);
  const out = new Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const x = a[a.length - n + k] ?? 1, y = b[b.length - n + k] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return bad(`The size of tensor a (${x}) must match the size of tensor b (${y}) at non-singleton dimension ${k}`);
    out[k] = x === 1 ? y : x;
  }
  return out;
}
export const broadcastIndex = (o, shape) => shape.map((s, k) => (s === 1 ? 0 : o[o.length - shape.length + k]));
const at = (t, o) => (typeof t === 'number' ? t : t.data[ravel(broadcastIndex(o, t.shape), t.shape)]);

// PyTorch's result_type: dimensioned tensors, then 0-d tensors, then plain numbers
// (JS has one number type: like the package, an integral number other than -0 is a
// Python int, any other a Python float; see `ambiguous` beyond 2^53).
const RANK = { bool: 0, int64: 1, float32: 2, float64: 3 };
const category = (t) => (t === 'bool' ? 0 : t === 'int64' ? 1 : 2);
const promote = (x, y) => (x === undefined ? y : y === undefined ? x : RANK[x] >= RANK[y] ? x : y);
export function resultType(operands) {
  let dim, zero, wrapped;
  for (const o of operands) {
    if (typeof o === 'number') wrapped = promote(wrapped, isIntegral(o) ? 'int64' : 'float32');
    else if (o.shape.length === 0) zero = promote(zero, o.dtype);
    else dim = promote(dim, o.dtype);
  }
  const combine = (hi, lo) => {
    if (hi === undefined) return lo;
    if (lo === undefined || category(hi) === 2) return hi;
    return category(lo) > category(hi) ? promote(hi, lo) : hi;
  };
  return combine(dim, combine(zero, wrapped));
}
/** PyTorch's canCast: no float into an integral type, nothing non-bool into bool. */
const canCast = (from, to) => category(from) <= category(to);
const NAME = { float32: 'Float', float64: 'Double', int64: 'Long', bool: 'Bool' };
const castError = (from) => bad(`result type ${NAME[from]} can't be cast to the desired output type`);

/** The JS number a value becomes in dtype (float32 rounding, int64 truncation, bool). */
export function castValue(x, dtype) {
  if (dtype === 'float32') return Math.fround(x);
  if (dtype === 'bool') return x !== 0 ? 1 : 0;
  if (dtype === 'int64') return x === true ? 1 : Math.trunc(x);
  return x;
}
/** {shape, dtype, data} with data cast, data dropped when an int64 value leaves the exact range. */
export function tidyInts(ref) {
  if (ref.data && ref.dtype === 'int64' && !ref.data.every((x) => Number.isFinite(x) && exactInt(x))) return { ...ref, data: undefined };
  return ref;
}

// C's pow differs from Math.pow at 1^y and (-1)^±inf.
export function cpow(x, y) {
  if (x === 1 || y === 0) return 1;
  if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
  return x ** y;
}
// PyTorch's pow by a number exponent takes sqrt for 0.5 and 1/sqrt for -0.5: (-inf)^0.5 is NaN and
// (-0)^-0.5 is -inf, where pow gives inf for both.
export const numberPow = (x, y) => (y === 0.5 ? Math.sqrt(x) : y === -0.5 ? 1 / Math.sqrt(x) : cpow(x, y));
const TRIG_SAFE = 1e4;
const sigmoid = (x) => 1 / (1 + Math.exp(-x));
// erf by its Taylor series near 0 and its continued fraction further out (both below 1e-15).
function erf(x) {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax > 6) return Math.sign(x);
  if (ax < 2.5) {
    let term = x, sum = x;
    for (let n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
      term *= -x * x / n;
      sum += term / (2 * n + 1);
    }
    return 2 / Math.sqrt(Math.PI) * sum;
  }
  let f = 0;
  for (let n = 60; n >= 1; n--) f = n / 2 / (ax + f);
  return Math.sign(x) * (1 - Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + f));
}
const gelu = (x) => 0.5 * x * (1 + erf(x / Math.SQRT2));
const softplus = (x) => (x > 20 ? x : Math.log1p(Math.exp(x)));

/** Elementwise unary ops: float result, whether exact in float32, and the int64/bool rules. */
export const UNARY = {
  neg: { f: (x) => -x, exact: true, int: 'same', bool: bad('Negation, the `-` operator, on a bool tensor is not supported.') },
  abs: { f: Math.abs, exact: true, int: 'same', bool: bad('"abs_cpu" not implemented for \'Bool\'') },
  square: { f: (x) => x * x, exact: true, int: 'same', bool: 'int64' },
  relu: { f: (x) => (x > 0 || Number.isNaN(x) ? x : x === 0 ? x : 0), exact: true, int: 'same', bool: bad('Boolean inputs not supported for relu') },
  // sign(nan) is 0 in PyTorch.
  sign: { f: (x) => (Number.isNaN(x) ? 0 : x > 0 ? 1 : x < 0 ? -1 : 0), exact: true, int: 'same', bool: 'same' },
  reciprocal: { f: (x) => 1 / x, exact: true },
  sqrt: { f: Math.sqrt, exact: true }, exp: { f: Math.exp }, log: { f: Math.log }, tanh: { f: Math.tanh }, sigmoid: { f: sigmoid },
  sin: { f: Math.sin },
  gelu: { f: gelu, int: bad('"GeluKernelImpl" not implemented for'), bool: bad('"GeluKernelImpl" not implemented for') },
  softplus: { f: softplus, int: bad('"softplus_cpu" not implemented for'), bool: bad('"softplus_cpu" not implemented for') },
};

export function unaryRef(op, a) {
  const rule = UNARY[op];
  const kind = a.dtype === 'bool' ? rule.bool : a.dtype === 'int64' ? rule.int : 'same';
  if (kind && kind.invalid) return kind;
  const dtype = kind === 'same' ? a.dtype : kind ?? 'float32';
  if (dtype === 'bool') return { shape: a.shape, dtype, data: a.data.map((x) => (x ? 1 : 0)) };
  if (dtype === 'int64') return tidyInts({ shape: a.shape, dtype, data: a.data.map((x) => rule.f(x) + 0) });
  const round = dtype === 'float32' ? Math.fround : (x) => x;
  const shape = { shape: a.shape, dtype };
  // Eigen's vectorised sin loses accuracy far from 0; compare shape only there.
  if (op === 'sin' && a.data.some((x) => Math.abs(x) > TRIG_SAFE)) return shape;
  const data = a.data.map((x) => round(rule.f(round(x))));
  if (rule.exact) return { ...shape, data, signedZero: true };
  return { ...shape, data, rtol: dtype === 'float32' ? 4e-6 : 1e-12, atol: op === 'gelu' || op === 'softplus' ? 1e-7 : 0 };
}

const BINARY = {
  add: (x, y) => x + y, sub: (x, y) => x - y, mul: (x, y) => x * y, div: (x, y) => x / y, pow: cpow,
  maximum: (x, y) => (Number.isNaN(x) || Number.isNaN(y) ? NaN : Math.max(x, y)),
  minimum: (x, y) => (Number.isNaN(x) || Number.isNaN(y) ? NaN : Math.min(x, y)),
  eq: (x, y) => Number(x === y), lt: (x, y) => Number(x < y), ge: (x, y) => Number(x >= y),
};
export const BINARY_OPS = Object.keys(BINARY);
const COMPARISON = new Set(['eq', 'lt', 'ge']);

/** Result dtype of a binary op, or bad(...) for the dtype combinations PyTorch refuses. */
function binaryDtype(op, a, b) {
  const bools = [a, b].map((t) => typeof t !== 'number' && t.dtype === 'bool');
  if (op === 'sub' && bools[0] && bools[1]) return bad('Subtraction, the `-` operator, with two bool tensors is not supported.');
  if (op === 'sub' && (bools[0] || bools[1])) return bad('Subtraction, the `-` operator, with a bool tensor is not supported.');
  const rt = resultType([a, b]);
  if (op === 'pow' && rt === 'bool') return bad('"pow" not implemented for \'Bool\'');
  if (op === 'pow' && !isFloat(rt) && typeof b === 'number' && b < 0) return bad('Integers to negative integer powers are not allowed.');
  if (COMPARISON.has(op)) return { rt, dtype: 'bool' };
  if (op === 'div' && !isFloat(rt)) return { rt: 'float32', dtype: 'float32' };
  return { rt, dtype: rt };
}

/** An elementwise binary op (or an in-place one into `into`, a's own dtype). */
export function binaryRef(op, a, b, into) {
  const shape = broadcast(a.shape, typeof b === 'number' ? [] : b.shape);
  const types = binaryDtype(op, a, b);
  if (types.invalid) return shape.invalid ? bad(...types.invalid, ...shape.invalid) : types;
  if (shape.invalid) return shape;
  const { rt } = types;
  let { dtype } = types;
  // Read as a float, a number from 2^53 on cannot be written into an integer tensor in place.
  if (ambiguous([b])) return into && !isFloat(into) ? { shape, either: ["can't be cast to the desired output type"] } : { shape };
  if (into) {
    const errors = [];
    if (!canCast(dtype, into)) errors.push(...castError(dtype).invalid);
    if (!sameShape(shape, a.shape)) errors.push(`output with shape [${a.shape.join(', ')}] doesn't match the broadcast shape [${shape.join(', ')}]`);
    if (errors.length > 0) return bad(...errors);
    dtype = into;
  }
  // Integers are divided as floats of the default dtype.
  const compute = op === 'div' && !isFloat(rt) ? 'float32' : rt;
  const data = new Array(numel(shape));
  for (let i = 0; i < data.length; i++) {
    const o = unravel(i, shape);
    const x = castValue(at(a, o), compute), y = castValue(at(b, o), compute);
    let z = op === 'pow' && typeof b === 'number' && isFloat(compute) ? numberPow(x, y) : BINARY[op](x, y);
    if (compute === 'bool') z = z ? 1 : 0;
    // An integer to a negative power truncates 1/x^|y| towards zero.
    else if (compute === 'int64' && op === 'pow' && y < 0) z = x === 1 ? 1 : x === -1 ? (y % 2 ? -1 : 1) : 0;
    data[i] = castValue(z, dtype);
  }
  const inexact = op === 'pow' && isFloat(rt);
  // maximum/minimum of 0 and -0 may return either.
  const signedZero = !inexact && op !== 'maximum' && op !== 'minimum';
  // A wrapped number beyond 2^53 is no exact Python int any more; int64 values from it are not modelled.
  if (!isFloat(rt) && typeof b === 'number' && !exactInt(b)) return { shape, dtype };
  return tidyInts({ shape, dtype, data, rtol: inexact ? (rt === 'float32' ? 4e-6 : 1e-14) : 0, signedZero });
}

/** torch.where(cond, b, c): b and c may be numbers. */
export function whereRef(cond, b, c) {
  const s1 = broadcast(cond.shape, typeof b === 'number' ? [] : b.shape);
  if (s1.invalid) return s1;
  const shape = broadcast(s1, typeof c === 'number' ? [] : c.shape);
  if (shape.invalid) return shape;
  const dtype = resultType([b, c]);
  if (ambiguous([b, c])) return { shape };
  const data = new Array(numel(shape));
  for (let i = 0; i < data.length; i++) {
    const o = unravel(i, shape);
    data[i] = castValue(at(cond, o) ? at(b, o) : at(c, o), dtype);
  }
  return tidyInts({ shape, dtype, data, signedZero: true });
}

/**
 * clamp(min, max) with either bound null; PyTorch takes min first, then max. A single
 * NaN bound leaves values as they are, a NaN among two bounds makes them NaN (1.13).
 */
export function clampRef(a, lo, hi, into) {
  // A bound beyond 2^53 may be a Python int or float: in place on an integer tensor, either fits.
  if (ambiguous([lo, hi])) return into && !isFloat(into) ? { shape: a.shape, either: ["can't be cast to the desired output type"] } : { shape: a.shape };
  let dtype = resultType([a, ...[lo, hi].filter((x) => x !== null)]);
  if (into) {
    if (!canCast(dtype, into)) return castError(dtype);
    dtype = into;
  }
  if (!isFloat(dtype) && [lo, hi].some((x) => x !== null && !exactInt(x))) return { shape: a.shape, dtype };
  const r = (x) => castValue(x, resultType([a, ...[lo, hi].filter((v) => v !== null)]));
  const single = lo === null || hi === null;
  const data = a.data.map((x) => {
    let y = r(x);
    if (single && Number.isNaN(lo ?? hi)) return castValue(y, dtype);
    if (lo !== null) y = Number.isNaN(y) || Number.isNaN(r(lo)) ? NaN : Math.max(y, r(lo));
    if (hi !== null) y = Number.isNaN(y) || Number.isNaN(r(hi)) ? NaN : Math.min(y, r(hi));
    return castValue(y, dtype);
  });
  return tidyInts({ shape: a.shape, dtype, data });
}
