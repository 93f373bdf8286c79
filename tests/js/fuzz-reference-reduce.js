// The fuzzer's float64 model of reductions, softmax, matrix products and losses
// (see fuzz-reference.js for the reference format).
import {
  bad, broadcast, broadcastIndex, dimError, exactInt, isFloat, numel, ravel, resultType, sameShape, tidyInts, unravel, wrapDim,
} from './fuzz-reference.js';

const F32_SUM = 1e-5;
/** Summation order changes results once values overflow or cancel hugely: no values then. */
const tame = (data) => data.every((x) => Math.abs(x) < 1e15);
const round = (dtype) => (dtype === 'float32' ? Math.fround : (x) => x);

/** PyTorch's ops that wrap the whole dim list before looking for repeats (var and std go dim by dim). */
const WRAP_FIRST = new Set(['sum', 'mean', 'prod', 'amax', 'amin', 'norm', 'logsumexp', 'argmax', 'max', 'maxIndices']);

/** Reduced dims for `dims` (undefined, a number or an array) on rank n, or bad(...). */
function reducedDims(op, dims, n) {
  // PyTorch reads an empty dim list as "all dims", like no dim at all.
  if (dims === undefined || (Array.isArray(dims) && dims.length === 0)) return [...Array(n).keys()];
  const list = Array.isArray(dims) ? dims : [dims];
  const outOfRange = WRAP_FIRST.has(op) ? list.find((d) => wrapDim(d, n) === null) : undefined;
  if (outOfRange !== undefined) return dimError(outOfRange, n);
  const wrapped = [];
  for (const d of list) {
    const w = wrapDim(d, n);
    if (w === null) return dimError(d, n);
    if (wrapped.includes(w)) return bad(`dim ${w} appears multiple times in the list of dims`);
    wrapped.push(w);
  }
  return n === 0 ? [] : wrapped;
}

/** Groups of input values per output element, with the output shape. */
function groupsOf(a, rd, keepdim) {
  const shape = keepdim ? a.shape.map((s, k) => (rd.includes(k) ? 1 : s)) : a.shape.filter((_, k) => !rd.includes(k));
  const groups = Array.from({ length: numel(shape) }, () => []);
  for (let i = 0; i < a.data.length; i++) {
    const idx = unravel(i, a.shape);
    const out = keepdim ? idx.map((v, k) => (rd.includes(k) ? 0 : v)) : idx.filter((_, k) => !rd.includes(k));
    groups[ravel(out, shape)].push({ x: a.data[i], i: rd.length === 0 ? 0 : ravel(rd.map((k) => idx[k]), rd.map((k) => a.shape[k])) });
  }
  return { shape, groups: groups.map((g) => ({ xs: g.map((e) => e.x), at: g.map((e) => e.i) })) };
}
const nanMax = (xs) => (xs.some(Number.isNaN) ? NaN : Math.max(...xs));
const nanMin = (xs) => (xs.some(Number.isNaN) ? NaN : Math.min(...xs));
const sum = (xs) => xs.reduce((s, x) => s + x, 0);
function variance(xs) {
  if (xs.length === 0) return NaN;
  const m = sum(xs) / xs.length;
  return sum(xs.map((x) => (x - m) ** 2)) / (xs.length - 1);
}

const INT_ERRORS = {
  mean: (t) => bad(`mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ${t}`),
  var: () => bad('std and var only support floating point and complex dtypes'),
  std: () => bad('std and var only support floating point and complex dtypes'),
  norm: (t) => bad(`norm(): input dtype should be either floating point or complex. Got ${t} instead.`),
  argmax: (t) => (t === 'Bool' ? bad('"argmax_cpu" not implemented for \'Bool\'') : null),
};
const ARG_REDUCTIONS = new Set(['amax', 'amin', 'argmax', 'max']);

/**
 * A reduction over `dims` (undefined = all). Ops: sum mean prod amax amin var std norm
 * logsumexp argmax max (max gives values; maxIndices its indices as allowed sets).
 */
export function reduceRef(op, a, dims, keepdim) {
  // amax/amin of an empty input check each dim's range, then its size, in the order given,
  // before repeats: amin([0, 0]) of an empty dim 0 names the empty dim.
  if ((op === 'amax' || op === 'amin') && Array.isArray(dims) && numel(a.shape) === 0) {
    for (const d of dims) {
      const w = wrapDim(d, a.shape.length);
      if (w === null) return dimError(d, a.shape.length);
      if (a.shape[w] === 0) return bad(`${op}(): Expected reduction dim ${d} to have non-zero size.`);
    }
  }
  const rd = reducedDims(op, dims, a.shape.length);
  const dtypeError = !isFloat(a.dtype) && INT_ERRORS[op] && INT_ERRORS[op](a.dtype === 'bool' ? 'Bool' : 'Long');
  // argmax checks its dims and sizes before its dtype.
  if (dtypeError && op !== 'argmax') return rd.invalid ? bad(...dtypeError.invalid, ...rd.invalid) : dtypeError;
  if (rd.invalid) return rd;
  if (ARG_REDUCTIONS.has(op)) {
    const name = op === 'max' ? 'max' : op;
    if ((dims === undefined || (Array.isArray(dims) && dims.length === 0)) && numel(a.shape) === 0) {
      return bad(`${name}(): Expected reduction dim to be specified for input.numel() == 0.`);
    }
    const empty = rd.findIndex((k) => a.shape[k] === 0);
    // amax/amin name the dim as it was given (-1 stays -1); max and argmax take one dim, wrapped.
    const named = (op === 'amax' || op === 'amin') && Array.isArray(dims) ? dims[empty] : op === 'amax' || op === 'amin' ? dims : rd[empty];
    if (empty >= 0) return bad(`${name}(): Expected reduction dim ${named} to have non-zero size.`);
  }
  // An empty argmax never reaches the kernel PyTorch lacks for bool.
  if (dtypeError && !(op === 'argmax' && numel(a.shape) === 0)) return dtypeError;
  // argmax without a dim reduces the flattened tensor.
  const flat = op === 'argmax' && dims === undefined;
  const src = flat ? { ...a, shape: [numel(a.shape)] } : a;
  const { shape: s0, groups } = groupsOf(src, flat ? [0] : rd, keepdim && !flat);
  const shape = flat && keepdim ? a.shape.map(() => 1) : s0;
  const dtype = op === 'argmax' ? 'int64' : (op === 'sum' || op === 'prod') && !isFloat(a.dtype) ? 'int64'
    : op === 'logsumexp' && !isFloat(a.dtype) ? 'float32' : a.dtype;
  if (op === 'argmax' || op === 'maxIndices') {
    // Ties may resolve to any of the tied positions.
    const allowed = groups.map(({ xs, at }) => {
      const m = nanMax(xs);
      return at.filter((_, k) => (Number.isNaN(m) ? Number.isNaN(xs[k]) : xs[k] === m));
    });
    return { shape, dtype: 'int64', allowed };
  }
  const f = {
    sum, prod: (xs) => xs.reduce((p, x) => p * x, 1), mean: (xs) => sum(xs) / xs.length,
    amax: nanMax, max: nanMax, amin: nanMin,
    var: variance, std: (xs) => Math.sqrt(variance(xs)), norm: (xs) => Math.sqrt(sum(xs.map((x) => x * x))),
    logsumexp: (xs) => {
      const m = nanMax(xs);
      if (xs.length === 0) return -Infinity;
      if (!Number.isFinite(m)) return Number.isNaN(m) ? NaN : m === Infinity ? Infinity : -Infinity;
      return m + Math.log(sum(xs.map((x) => Math.exp(x - m))));
    },
  }[op];
  if (!isFloat(dtype)) {
    if (op === 'amax' || op === 'amin' || op === 'max') return { shape, dtype, data: groups.map(({ xs }) => f(xs)), signedZero: true };
    const data = groups.map(({ xs }) => f(xs));
    return tidyInts({ shape, dtype, data: a.data.every(exactInt) ? data : undefined });
  }
  const exact = op === 'amax' || op === 'amin' || op === 'max';
  if (!exact && !tame(a.data)) return { shape, dtype };
  const data = groups.map(({ xs }) => round(dtype)(f(xs)));
  return { shape, dtype, data, rtol: exact ? 0 : dtype === 'float32' ? F32_SUM : 1e-11, atol: exact ? 0 : dtype === 'float32' ? 1e-5 : 1e-11 };
}

/** softmax / log_softmax along d (float only). */
export function softmaxRef(op, a, d) {
  if (!isFloat(a.dtype)) return bad(`"${op}_lastdim_kernel_impl" not implemented for`, `"${op}_kernel_impl" not implemented for`);
  const n = a.shape.length, k = wrapDim(d, n);
  if (k === null) return dimError(d, n);
  const shape = a.shape;
  if (!a.data.every(Number.isFinite) || !tame(a.data)) return { shape, dtype: a.dtype };
  const data = new Array(a.data.length);
  const len = n === 0 ? 1 : shape[k];
  for (let i = 0; i < data.length; i++) {
    const o = unravel(i, shape);
    const row = Array.from({ length: len }, (_, j) => a.data[n === 0 ? 0 : ravel(o.map((v, q) => (q === k ? j : v)), shape)]);
    const m = Math.max(...row), lse = m + Math.log(sum(row.map((x) => Math.exp(x - m))));
    data[i] = round(a.dtype)(op === 'softmax' ? Math.exp(a.data[i] - lse) : a.data[i] - lse);
  }
  return { shape, dtype: a.dtype, data, rtol: 1e-5, atol: a.dtype === 'float32' ? 1e-6 : 1e-12 };
}

// Phrases of the matrix-product family's shape and dtype checks (their order differs by path).
const MATMUL_ERRORS = ['size mismatch', 'shapes cannot be multiplied', 'inconsistent tensor size', 'Expected size for first two dimensions',
  'both arguments to matmul need to be at least 1D', 'The size of tensor a', 'expected scalar type', 'expected both vectors to have same dtype',
  'not implemented for', 'expected mat1 and mat2 to have the same dtype', 'must be a matrix', 'must be a 3D tensor', 'vector + matrix @ vector expected',
  '1D tensors expected', 'outer: Expected 1-D argument', 'batch1 and batch2 must have same number of batches', 'Expected size for first'];

/** The rank each product takes, or null for matmul's any-rank rule. */
const RANKS = { mm: [2, 2], bmm: [3, 3], mv: [2, 1], dot: [1, 1], outer: [1, 1], matmul: null };

/** matmul / mm / bmm / mv / dot / outer. */
export function matmulRef(op, a, b) {
  const ranks = RANKS[op];
  const [na, nb] = [a.shape.length, b.shape.length];
  const invalid = bad(...MATMUL_ERRORS);
  if (ranks && (na !== ranks[0] || nb !== ranks[1])) return invalid;
  if (op === 'outer') {
    const dtype = resultType([a, b]);
    const shape = [a.shape[0], b.shape[0]];
    const data = [];
    for (const x of a.data) for (const y of b.data) data.push(round(dtype)(x * y));
    if (!isFloat(dtype)) return tidyInts({ shape, dtype, data: dtype === 'bool' ? data.map((v) => (v ? 1 : 0)) : data });
    return { shape, dtype, data: data.map(round(dtype)), signedZero: true };
  }
  if (a.dtype !== b.dtype || a.dtype === 'bool' || na === 0 || nb === 0) return invalid;
  const as = na === 1 ? [1, a.shape[0]] : a.shape;
  const bs = nb === 1 ? [b.shape[0], 1] : b.shape;
  const [n, k] = as.slice(-2), [k2, m] = bs.slice(-2);
  if (k !== k2) return invalid;
  if (op === 'bmm' && as[0] !== bs[0]) return invalid;
  const batch = broadcast(as.slice(0, -2), bs.slice(0, -2));
  if (batch.invalid) return invalid;
  const full = [...batch, n, m];
  const data = new Array(numel(full)).fill(0);
  let scale = 0;
  for (let i = 0; i < data.length; i++) {
    const o = unravel(i, full);
    const bi = o.slice(0, -2);
    for (let j = 0; j < k; j++) {
      const x = a.data[ravel([...broadcastIndex(bi, as.slice(0, -2)), o[o.length - 2], j], as)];
      const y = b.data[ravel([...broadcastIndex(bi, bs.slice(0, -2)), j, o[o.length - 1]], bs)];
      data[i] += x * y;
      scale = Math.max(scale, Math.abs(x * y));
    }
  }
  const shape = [...batch, ...(na === 1 ? [] : [n]), ...(nb === 1 ? [] : [m])];
  if (a.dtype === 'int64') return tidyInts({ shape, dtype: 'int64', data: scale < 2 ** 50 ? data : undefined });
  if (!Number.isFinite(scale) || scale > 1e15 || data.some((x) => !Number.isFinite(x))) return { shape, dtype: a.dtype };
  return { shape, dtype: a.dtype, data: data.map(round(a.dtype)), rtol: 1e-5, atol: 1e-5 * k * (scale + 1) };
}

const reduce = (xs, reduction, shape, dtype) => {
  if (reduction === 'none') return { shape, dtype, data: xs.map(round(dtype)) };
  return { shape: [], dtype, data: [round(dtype)(reduction === 'sum' ? sum(xs) : sum(xs) / xs.length)] };
};
const LOSS_TOL = { rtol: 1e-5, atol: 1e-6 };

export function mseRef(a, b, reduction) {
  const shape = broadcast(a.shape, b.shape);
  if (shape.invalid) return shape;
  const dtype = resultType([a, b]);
  if (!isFloat(dtype)) return bad('"mse_cpu" not implemented for');
  const xs = Array.from({ length: numel(shape) }, (_, i) => {
    const o = unravel(i, shape);
    const d = round(dtype)(a.data[ravel(broadcastIndex(o, a.shape), a.shape)]) - round(dtype)(b.data[ravel(broadcastIndex(o, b.shape), b.shape)]);
    return round(dtype)(d * d);
  });
  if (!tame(xs)) return { shape: reduction === 'none' ? shape : [], dtype };
  return { ...reduce(xs, reduction, shape, dtype), ...LOSS_TOL };
}

export function bceLogitsRef(a, b) {
  if (!sameShape(a.shape, b.shape)) return bad(`Target size (torch.Size([${b.shape.join(', ')}])) must be the same as input size (torch.Size([${a.shape.join(', ')}]))`);
  if (!isFloat(a.dtype) || !isFloat(b.dtype)) {
    return bad("can't be cast to the desired output type", 'Negation, the `-` operator, on a bool tensor', 'Subtraction, the `-` operator, with two bool tensors');
  }
  // PyTorch 1.13 computes (1 - y).mul_(x).add_(m).add_(log(exp(-m) + exp(-x - m))), m = max(-x, 0),
  // in place in (1 - target): the loss has the target's dtype, and with large logits its rounding
  // is that of these steps, not of the exact value.
  const dtype = b.dtype, ry = round(dtype), rx = round(a.dtype);
  const xs = a.data.map((x, i) => {
    const m = Math.max(-x, 0);
    const linear = ry(ry(ry(1 - b.data[i]) * x) + m);
    return ry(linear + rx(Math.log(rx(rx(Math.exp(-m)) + rx(Math.exp(rx(-x - m)))))));
  });
  if (!a.data.concat(b.data).every(Number.isFinite) || !tame(a.data.concat(b.data))) return { shape: [], dtype };
  return { ...reduce(xs, 'mean', [], dtype), ...LOSS_TOL };
}

// Phrases of nll_loss's input and target checks beyond the [N, C] / [N] case modelled below.
const NLL_ERRORS = ['Expected input batch_size', 'is not supported; expected', 'Expected 1 or more dimensions', 'Expected 2 or more dimensions',
  'multi-target not supported', 'expected scalar type Long', 'not implemented for', 'Target', 'expected a floating point',
  '0D or 1D target tensor expected', 'Dimension out of range', 'size mismatch', 'Expected target size',
  'only batches of spatial targets supported', 'Expected floating point type for target'];

/** nll_loss / cross_entropy of input [N, C] and int64 target [N]; other shapes only by their phrases. */
export function nllRef(op, a, t, reduction) {
  if (a.shape.length !== 2 || t.shape.length !== 1 || !isFloat(a.dtype) || t.dtype !== 'int64') return { either: NLL_ERRORS };
  const [N, C] = a.shape;
  if (t.shape[0] !== N) return bad(`Expected input batch_size (${N}) to match target batch_size (${t.shape[0]}).`);
  const bound = t.data.find((c) => c !== -100 && (c < 0 || c >= C));
  if (bound !== undefined) return bad(`Target ${bound} is out of bounds.`);
  const dtype = a.dtype;
  if (!tame(a.data) || !a.data.every(Number.isFinite)) return { shape: reduction === 'none' ? [N] : [], dtype };
  const xs = [], kept = [];
  for (let i = 0; i < N; i++) {
    const row = a.data.slice(i * C, i * C + C);
    const m = Math.max(...row), lse = m + Math.log(sum(row.map((x) => Math.exp(x - m))));
    const c = t.data[i];
    kept.push(c !== -100);
    xs.push(c === -100 ? 0 : -(op === 'cross_entropy' ? row[c] - lse : row[c]));
  }
  if (reduction === 'mean') {
    const w = kept.filter(Boolean).length;
    return { shape: [], dtype, data: [round(dtype)(sum(xs) / w)], ...LOSS_TOL };
  }
  return { ...reduce(xs, reduction, [N], dtype), ...LOSS_TOL };
}
