// Program fuzzer shared by tests/js/fuzz.test.js and scripts/fuzz.mjs: a
// fast-check arbitrary of random op sequences (random shapes including 0-sized
// dims, dtypes, special values, dims in and out of range) and an interpreter
// that runs one inside torch.tidy, checking every call against a plain-JS
// float64 reference where one exists and otherwise against the contract that a
// call returns tensors or throws a GradlabError with a message.
import fc from 'fast-check';
import { GradlabError, torch } from 'gradlab';

const F = torch.nn.functional;
const DTYPES = ['float32', 'float64', 'int64', 'bool'];
const isFloat = (dtype) => dtype === 'float32' || dtype === 'float64';

// ---- generation --------------------------------------------------------------

const SPECIAL = [NaN, Infinity, -Infinity, -0, 0, 1, -1, 0.5, 2, 3, -7, 1e38, -3.5e38, 1e300, 1e-45, 5e-324, 2 ** 53 + 1];
const valueArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -4, max: 4 }) },
  { weight: 3, arbitrary: fc.double({ min: -10, max: 10, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL) },
);
const sizeArb = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 1, arbitrary: fc.constant(0) });
const leafArb = fc.record({
  shape: fc.array(sizeArb, { maxLength: 4 }),
  dtype: fc.oneof({ weight: 4, arbitrary: fc.constant('float32') }, { weight: 2, arbitrary: fc.constant('float64') },
    { weight: 1, arbitrary: fc.constant('int64') }, { weight: 1, arbitrary: fc.constant('bool') }),
  values: fc.array(valueArb, { minLength: 1, maxLength: 8 }),
  requires_grad: fc.boolean(),
});

/** Op names the interpreter knows; a step picks one and interprets its generic arguments. */
export const OPS = ['add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum', 'eq', 'lt', 'ge', 'where',
  'neg', 'abs', 'square', 'sqrt', 'exp', 'log', 'tanh', 'sigmoid', 'relu', 'sign', 'reciprocal', 'sin', 'gelu', 'softplus', 'clamp',
  'sum', 'mean', 'amax', 'amin', 'prod', 'var', 'std', 'norm', 'logsumexp', 'argmax', 'max',
  'matmul', 'mm', 'bmm', 'mv', 'dot', 'outer',
  'view', 'reshape', 'transpose', 'permute', 'expand', 'squeeze', 'unsqueeze', 'flatten', 'contiguous', 't',
  'cat', 'stack', 'split', 'chunk',
  'select', 'narrow', 'index_select', 'gather', 'masked_fill', 'at',
  'softmax', 'log_softmax', 'mse_loss', 'cross_entropy', 'nll_loss', 'bce_logits',
  'to', 'add_', 'mul_', 'sub_', 'div_', 'zero_', 'fill_', 'clamp_', 'copy_', 'requires_grad_', 'detach', 'backward',
  'gradcheck'];

// Dims and indices beyond int32 catch arguments truncated on their way into the engine.
const HUGE = [2 ** 31, -(2 ** 31) - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 40, -(2 ** 40)];
const dimArb = (huge) => (huge
  ? fc.oneof({ weight: 12, arbitrary: fc.integer({ min: -5, max: 5 }) }, { weight: 1, arbitrary: fc.constantFrom(...HUGE) })
  : fc.integer({ min: -5, max: 5 }));
const stepArb = (ops, huge) => fc.record({
  op: fc.constantFrom(...ops),
  a: fc.nat(), b: fc.nat(), c: fc.nat(),
  d: dimArb(huge),
  d2: dimArb(huge),
  ints: fc.array(fc.integer({ min: -3, max: 6 }), { maxLength: 5 }),
  num: valueArb,
  mode: fc.nat({ max: 5 }),
  keepdim: fc.boolean(),
  dtype: fc.constantFrom(...DTYPES),
});

/**
 * A program: a few leaf tensors, then steps (drawn from `ops`) whose operands index the
 * growing pool; `huge` mixes dims and indices beyond int32 into the steps.
 */
export const programArb = (ops = OPS, huge = false) => fc.record({
  leaves: fc.array(leafArb, { minLength: 1, maxLength: 4 }),
  steps: fc.array(stepArb(ops, huge), { minLength: 1, maxLength: 12 }),
});

// ---- plain-JS reference --------------------------------------------------------

const numel = (shape) => shape.reduce((p, s) => p * s, 1);
const INVALID = { invalid: true };

function wrapDim(d, n) {
  const m = Math.max(n, 1);
  return d < -m || d >= m ? null : (d < 0 ? d + m : d);
}
function unravel(i, shape) {
  const idx = new Array(shape.length);
  for (let k = shape.length - 1; k >= 0; k--) { idx[k] = i % shape[k]; i = Math.floor(i / shape[k]); }
  return idx;
}
function ravel(idx, shape) {
  let i = 0;
  for (let k = 0; k < shape.length; k++) i = i * shape[k] + idx[k];
  return i;
}
/** Output {shape, data} whose element at multi-index o is input[inIndex(o)]. */
function mapRef(input, shape, inIndex) {
  const data = new Array(numel(shape));
  for (let i = 0; i < data.length; i++) data[i] = input.data[ravel(inIndex(unravel(i, shape)), input.shape)];
  return { shape, data };
}
function broadcast(a, b) {
  const n = Math.max(a.length, b.length);
  const out = [];
  for (let k = 0; k < n; k++) {
    const x = a[a.length - n + k] ?? 1, y = b[b.length - n + k] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return null;
    out.push(x === 1 ? y : x);
  }
  return out;
}
const broadcastIndex = (o, shape) => shape.map((s, k) => (s === 1 ? 0 : o[o.length - shape.length + k]));

// PyTorch's result_type: dimensioned tensors, then 0-d tensors, then plain numbers.
const RANK = { bool: 0, int64: 1, float32: 2, float64: 3 };
const category = (t) => (t === 'bool' ? 0 : t === 'int64' ? 1 : 2);
const promote = (x, y) => (x === undefined ? y : y === undefined ? x : RANK[x] >= RANK[y] ? x : y);
function resultType(operands) {
  let dim, zero, wrapped;
  for (const o of operands) {
    if (typeof o === 'number') wrapped = promote(wrapped, Number.isInteger(o) ? 'int64' : 'float32');
    else if (o.shape.length === 0) zero = promote(zero, o.dtype);
    else dim = promote(dim, o.dtype);
  }
  const combine = (hi, lo) => {
    if (hi === undefined) return lo;
    if (lo === undefined || category(hi) === 2) return hi;
    return hi === 'bool' || category(lo) > category(hi) ? promote(hi, lo) : hi;
  };
  return combine(dim, combine(zero, wrapped));
}

const sigmoid = (x) => 1 / (1 + Math.exp(-x));
const UNARY = {
  neg: (x) => -x, abs: Math.abs, square: (x) => x * x, sqrt: Math.sqrt, exp: Math.exp, log: Math.log,
  tanh: Math.tanh, sigmoid, relu: (x) => (Number.isNaN(x) ? x : Math.max(x, 0)),
  // PyTorch 1.13: (0 < x) - (x < 0), so sign(nan) and sign(-0) are 0.
  sign: (x) => (x > 0) - (x < 0),
  reciprocal: (x) => 1 / x, sin: Math.sin,
};
const BINARY = {
  add: (x, y) => x + y, sub: (x, y) => x - y, mul: (x, y) => x * y, div: (x, y) => x / y,
  maximum: (x, y) => (Number.isNaN(x) || Number.isNaN(y) ? NaN : Math.max(x, y)),
  minimum: (x, y) => (Number.isNaN(x) || Number.isNaN(y) ? NaN : Math.min(x, y)),
  eq: (x, y) => Number(x === y), lt: (x, y) => Number(x < y), ge: (x, y) => Number(x >= y),
};
const COMPARISON = new Set(['eq', 'lt', 'ge']);

function binaryRef(op, a, b) {
  const bShape = typeof b === 'number' ? [] : b.shape;
  const shape = broadcast(a.shape, bShape);
  if (shape === null) return INVALID;
  const floats = isFloat(a.dtype) && (typeof b === 'number' || isFloat(b.dtype));
  if (!floats) return { shape };
  const rt = resultType([a, b]);
  const dtype = COMPARISON.has(op) ? 'bool' : rt;
  const round = rt === 'float32' ? Math.fround : (x) => x;
  // Operands are cast to the result type first (a float64 0-d tensor or a number can overflow float32).
  const data = new Array(numel(shape));
  for (let i = 0; i < data.length; i++) {
    const o = unravel(i, shape);
    const x = round(a.data[ravel(broadcastIndex(o, a.shape), a.shape)]);
    const y = round(typeof b === 'number' ? b : b.data[ravel(broadcastIndex(o, b.shape), b.shape)]);
    data[i] = COMPARISON.has(op) ? BINARY[op](x, y) : round(BINARY[op](x, y));
  }
  return { shape, dtype, data, rtol: rt === 'float32' ? 1e-6 : 1e-15 };
}

function unaryRef(op, a) {
  if (!isFloat(a.dtype)) return {};
  const round = a.dtype === 'float32' ? Math.fround : (x) => x;
  // Eigen's vectorised sin loses accuracy far from 0; only the shape is compared there.
  if (op === 'sin' && a.data.some((x) => Math.abs(x) > 1e4)) return { shape: a.shape, dtype: a.dtype };
  const exact = ['neg', 'abs', 'square', 'relu', 'sign', 'reciprocal'].includes(op);
  return {
    shape: a.shape, dtype: a.dtype, data: a.data.map((x) => round(UNARY[op](x))),
    rtol: exact ? 1e-6 : a.dtype === 'float32' ? 1e-5 : 1e-12,
  };
}

/** Reduced dims for (dim, keepdim) on a tensor of rank n, or null when a dim is out of range or repeated. */
function reducedDims(dims, n) {
  // PyTorch reads an empty dim list as "all dims", like no dim at all.
  if (dims === undefined || dims.length === 0) return [...Array(n).keys()];
  const wrapped = dims.map((d) => wrapDim(d, n));
  if (wrapped.some((d) => d === null) || new Set(wrapped).size !== wrapped.length) return null;
  return n === 0 ? [] : wrapped;
}
function reduceRef(op, a, dims, keepdim) {
  const rd = reducedDims(dims, a.shape.length);
  if (rd === null) return INVALID;
  const shape = keepdim ? a.shape.map((s, k) => (rd.includes(k) ? 1 : s)) : a.shape.filter((_, k) => !rd.includes(k));
  if (!isFloat(a.dtype)) return { shape };
  if ((op === 'amax' || op === 'amin') && rd.some((k) => a.shape[k] === 0)) return INVALID;
  const groups = Array.from({ length: numel(shape) }, () => []);
  for (let i = 0; i < a.data.length; i++) {
    const idx = unravel(i, a.shape);
    const out = keepdim ? idx.map((v, k) => (rd.includes(k) ? 0 : v)) : idx.filter((_, k) => !rd.includes(k));
    groups[ravel(out, shape)].push(a.data[i]);
  }
  const round = a.dtype === 'float32' ? Math.fround : (x) => x;
  // Summation order changes results once values overflow or cancel hugely; compare those by shape only.
  const tame = a.data.every((x) => Math.abs(x) < 1e15);
  if ((op === 'sum' || op === 'mean') && !tame) return { shape, dtype: a.dtype };
  const f = {
    sum: (g) => g.reduce((s, x) => s + x, 0),
    mean: (g) => g.reduce((s, x) => s + x, 0) / g.length,
    amax: (g) => (g.some(Number.isNaN) ? NaN : Math.max(...g)),
    amin: (g) => (g.some(Number.isNaN) ? NaN : Math.min(...g)),
  }[op];
  return { shape, dtype: a.dtype, data: groups.map((g) => round(f(g))), rtol: a.dtype === 'float32' ? 1e-5 : 1e-12, atol: 1e-5 };
}

function matmulRef(a, b) {
  if (!isFloat(a.dtype) || a.dtype !== b.dtype) return {};
  const [na, nb] = [a.shape.length, b.shape.length];
  if (na === 0 || nb === 0) return INVALID;
  const as = na === 1 ? [1, a.shape[0]] : a.shape;
  const bs = nb === 1 ? [b.shape[0], 1] : b.shape;
  const [n, k] = as.slice(-2), [k2, m] = bs.slice(-2);
  if (k !== k2) return INVALID;
  const batch = broadcast(as.slice(0, -2), bs.slice(0, -2));
  if (batch === null) return INVALID;
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
  if (!Number.isFinite(scale) || scale > 1e15 || data.some((x) => !Number.isFinite(x))) return { shape, dtype: a.dtype };
  const round = a.dtype === 'float32' ? Math.fround : (x) => x;
  return { shape, dtype: a.dtype, data: data.map(round), rtol: 1e-5, atol: 1e-5 * k * (scale + 1) };
}

function stackRef(parts, dim) {
  if (parts.length === 0) return INVALID;
  const shape = parts[0].shape, n = shape.length;
  if (parts.some((p) => JSON.stringify(p.shape) !== JSON.stringify(shape))) return INVALID;
  const d = dim < -(n + 1) || dim > n ? null : dim < 0 ? dim + n + 1 : dim;
  if (d === null) return INVALID;
  const outShape = [...shape.slice(0, d), parts.length, ...shape.slice(d)];
  if (parts.some((p) => p.dtype !== parts[0].dtype)) return { shape: outShape };
  const data = new Array(numel(outShape));
  for (let i = 0; i < data.length; i++) {
    const o = unravel(i, outShape);
    data[i] = parts[o[d]].data[ravel([...o.slice(0, d), ...o.slice(d + 1)], shape)];
  }
  return { shape: outShape, dtype: parts[0].dtype, data };
}

function reshapeTarget(shape, target) {
  const infer = target.filter((s) => s === -1).length;
  if (infer > 1 || target.some((s) => s < -1)) return null;
  const known = numel(target.filter((s) => s !== -1));
  const n = numel(shape);
  if (infer === 0) return known === n ? target : null;
  if (known === 0 || n % known !== 0) return null;
  return target.map((s) => (s === -1 ? n / known : s));
}

function expandTarget(shape, sizes) {
  if (sizes.length < shape.length) return null;
  const lead = sizes.length - shape.length;
  const out = [];
  for (let k = 0; k < sizes.length; k++) {
    const s = sizes[k], own = k < lead ? null : shape[k - lead];
    if (own === null) { if (s < 0) return null; out.push(s); continue; }
    if (s === -1 || s === own) out.push(own);
    else if (own === 1 && s >= 0) out.push(s);
    else return null;
  }
  return out;
}

// ---- the interpreter -------------------------------------------------------------

function snapshot(t) {
  const shape = t.shape;
  const list = t.tolist();
  const data = (shape.length === 0 ? [list] : list.flat(Infinity)).map(Number);
  return { shape, dtype: t.dtype, data };
}

function leafTensor(leaf) {
  const n = numel(leaf.shape);
  const flat = Array.from({ length: n }, (_, i) => leaf.values[i % leaf.values.length]);
  const data = leaf.dtype === 'bool' ? flat.map((x) => x !== 0 && !Number.isNaN(x)) : leaf.dtype === 'int64' ? flat.map((x) => (Number.isFinite(x) ? Math.trunc(x) : 0)) : flat;
  const t = torch.tensor(data, { dtype: leaf.dtype }).reshape(leaf.shape);
  if (leaf.requires_grad && isFloat(leaf.dtype)) t.requires_grad_(true);
  return t;
}

const pick = (pool, i) => pool[i % pool.length];
/** A valid permutation of n dims, shuffled by the step's ints (position i swaps with |x + i| mod n). */
function permutation(n, ints) {
  const order = [...Array(n).keys()];
  if (n === 0) return order;
  ints.forEach((x, i) => {
    const [p, q] = [i % n, Math.abs(x + i) % n];
    [order[p], order[q]] = [order[q], order[p]];
  });
  return order;
}
function sizesFor(t, s) {
  const shape = t.shape;
  switch (s.mode) {
    case 0: return [-1];
    case 1: return [...shape].reverse();
    case 2: return shape.length > 0 ? [...shape.slice(0, -1), -1] : [1, -1];
    default: return s.ints;
  }
}
function dimsFor(s) {
  if (s.mode === 0) return undefined;
  if (s.mode === 1) return s.d;
  return s.ints.slice(0, s.mode - 1).map((x) => x - 2);
}
function indexTensor(s, n) {
  return torch.tensor(s.ints.slice(0, n), { dtype: 'int64' });
}

/**
 * Runs one step. Returns {out, ref}: out is what the call returned (a tensor, an array of
 * tensors or undefined), ref the expected {shape, dtype, data, rtol, atol}, INVALID, or {}.
 */
function runStep(pool, s) {
  const a = pick(pool, s.a), b = pick(pool, s.b), c = pick(pool, s.c);
  const scalarOperand = s.mode === 0 ? s.num : b;
  const op = s.op;
  if (op in BINARY || op === 'pow') {
    const ra = snapshot(a), rb = typeof scalarOperand === 'number' ? scalarOperand : snapshot(scalarOperand);
    const out = a[op](scalarOperand);
    return { out, ref: op === 'pow' ? {} : binaryRef(op, ra, rb) };
  }
  if (op in UNARY) { const ra = snapshot(a); return { out: a[op](), ref: unaryRef(op, ra) }; }
  if (['sum', 'mean', 'amax', 'amin'].includes(op)) {
    const ra = snapshot(a), dims = dimsFor(s);
    const keepdim = dims === undefined && op !== 'amax' && op !== 'amin' ? false : s.keepdim;
    return { out: a[op](dims, keepdim), ref: reduceRef(op, ra, typeof dims === 'number' ? [dims] : dims, keepdim) };
  }
  if (['matmul', 'mm', 'bmm', 'mv', 'dot', 'outer'].includes(op)) {
    const ra = snapshot(a), rb = snapshot(b);
    return { out: a[op](b), ref: op === 'matmul' ? matmulRef(ra, rb) : {} };
  }
  if (op === 'view' || op === 'reshape') {
    const sizes = sizesFor(a, s), ra = snapshot(a), target = reshapeTarget(ra.shape, sizes);
    const out = a[op](sizes);
    if (target === null) return { out, ref: INVALID };
    return { out, ref: { shape: target, dtype: ra.dtype, data: ra.data } };
  }
  if (op === 'transpose') {
    const ra = snapshot(a), n = ra.shape.length, d0 = wrapDim(s.d, n), d1 = wrapDim(s.d2, n);
    const out = a.transpose(s.d, s.d2);
    if (d0 === null || d1 === null) return { out, ref: INVALID };
    if (n === 0) return { out, ref: { shape: [], data: ra.data } };
    const swap = (x) => { const y = [...x]; [y[d0], y[d1]] = [y[d1], y[d0]]; return y; };
    return { out, ref: mapRef(ra, swap(ra.shape), swap) };
  }
  if (op === 'permute') {
    const ra = snapshot(a), n = ra.shape.length;
    const perm = s.mode < 3 ? permutation(n, s.ints) : s.ints;
    const out = a.permute(perm);
    const wrapped = perm.map((d) => wrapDim(d, n));
    if (perm.length !== n || wrapped.some((d) => d === null) || new Set(wrapped).size !== n) return { out, ref: INVALID };
    const inv = (o) => { const x = new Array(n); wrapped.forEach((p, k) => { x[p] = o[k]; }); return x; };
    return { out, ref: mapRef(ra, wrapped.map((p) => ra.shape[p]), inv) };
  }
  if (op === 'expand') {
    const ra = snapshot(a);
    const sizes = s.mode < 3 ? [...s.ints.slice(0, s.mode), ...ra.shape.map((x, k) => (x === 1 ? (s.ints[k] ?? 3) : -1))] : s.ints;
    const out = a.expand(sizes), target = expandTarget(ra.shape, sizes);
    if (target === null) return { out, ref: INVALID };
    return { out, ref: mapRef(ra, target, (o) => broadcastIndex(o, ra.shape)) };
  }
  if (op === 'squeeze') {
    const ra = snapshot(a), n = ra.shape.length;
    if (s.mode === 0) return { out: a.squeeze(), ref: { shape: ra.shape.filter((x) => x !== 1), data: ra.data } };
    const d = wrapDim(s.d, n), out = a.squeeze(s.d);
    if (d === null) return { out, ref: INVALID };
    return { out, ref: { shape: ra.shape.filter((x, k) => k !== d || x !== 1), data: ra.data } };
  }
  if (op === 'unsqueeze') {
    const ra = snapshot(a), n = ra.shape.length, out = a.unsqueeze(s.d);
    const d = s.d < -(n + 1) || s.d > n ? null : s.d < 0 ? s.d + n + 1 : s.d;
    if (d === null) return { out, ref: INVALID };
    return { out, ref: { shape: [...ra.shape.slice(0, d), 1, ...ra.shape.slice(d)], data: ra.data } };
  }
  if (op === 'flatten') return { out: a.flatten(s.d, s.d2), ref: {} };
  if (op === 'contiguous') { const ra = snapshot(a); return { out: a.contiguous(), ref: ra }; }
  if (op === 't') return { out: a.t(), ref: {} };
  if (op === 'cat') return { out: torch.cat(s.mode === 0 ? [] : [a, b, c].slice(0, s.mode), s.d), ref: {} };
  if (op === 'stack') {
    const parts = [a, b, c].slice(0, s.mode).map(snapshot), out = torch.stack([a, b, c].slice(0, s.mode), s.d);
    return { out, ref: stackRef(parts, s.d) };
  }
  if (op === 'split') return { out: a.split(s.mode < 3 ? s.ints[0] ?? 1 : s.ints, s.d), ref: {} };
  if (op === 'chunk') return { out: a.chunk(s.ints[0] ?? 2, s.d), ref: {} };
  if (op === 'select') {
    const ra = snapshot(a), n = ra.shape.length, d = wrapDim(s.d, n), out = a.select(s.d, s.d2);
    if (n === 0 || d === null || s.d2 < -ra.shape[d] || s.d2 >= ra.shape[d]) return { out, ref: INVALID };
    const i = s.d2 < 0 ? s.d2 + ra.shape[d] : s.d2;
    const shape = ra.shape.filter((_, k) => k !== d);
    return { out, ref: mapRef(ra, shape, (o) => [...o.slice(0, d), i, ...o.slice(d)]) };
  }
  if (op === 'narrow') {
    const ra = snapshot(a), n = ra.shape.length, d = wrapDim(s.d, n), len = s.mode, out = a.narrow(s.d, s.d2, len);
    if (n === 0 || d === null) return { out, ref: INVALID };
    // PyTorch wraps a negative start on an empty dim as if its size were 1; left unchecked.
    if (ra.shape[d] === 0) return { out, ref: {} };
    const start = s.d2 < 0 ? s.d2 + ra.shape[d] : s.d2;
    if (start < 0 || start + len > ra.shape[d] || s.d2 > ra.shape[d]) return { out, ref: INVALID };
    const shape = ra.shape.map((x, k) => (k === d ? len : x));
    return { out, ref: mapRef(ra, shape, (o) => o.map((v, k) => (k === d ? v + start : v))) };
  }
  if (op === 'index_select') return { out: a.index_select(s.d, indexTensor(s, s.mode)), ref: {} };
  if (op === 'gather') {
    const shape = a.shape.map((x) => Math.min(x, 2));
    const idx = torch.tensor(Array.from({ length: numel(shape) }, (_, i) => s.ints[i % Math.max(s.ints.length, 1)] ?? 0), { dtype: 'int64' }).reshape(shape);
    return { out: a.gather(s.d, idx), ref: {} };
  }
  if (op === 'masked_fill') return { out: a.masked_fill(s.mode < 3 ? b.gt(0) : b, s.num), ref: {} };
  if (op === 'at') {
    const items = s.ints.slice(0, s.mode).map((x, i) => [x, null, `${x}:`, `::${Math.max(x, 1)}`, '...', 'None'][(i + s.d + 5) % 6]);
    return { out: a.at(...items), ref: {} };
  }
  if (op === 'where') return { out: torch.where(a.gt(0), b, s.mode === 0 ? s.num : c), ref: {} };
  if (op === 'prod' || op === 'argmax' || op === 'logsumexp') return { out: a[op](s.mode === 0 ? undefined : s.d, s.keepdim), ref: {} };
  if (op === 'var' || op === 'std' || op === 'norm') return { out: a[op](dimsFor(s), s.keepdim), ref: {} };
  if (op === 'max') {
    const r = s.mode === 0 ? a.max() : a.max(s.d, s.keepdim);
    return { out: Array.isArray(r) ? [r.values, r.indices] : r, ref: {} };
  }
  if (op === 'gelu' || op === 'softplus') return { out: a[op](), ref: {} };
  if (op === 'clamp') return { out: a.clamp(s.mode === 0 ? null : s.num, s.mode === 1 ? null : s.d), ref: {} };
  if (op === 'softmax' || op === 'log_softmax') return { out: F[op](a, s.d), ref: {} };
  if (op === 'mse_loss') return { out: F.mse_loss(a, b, { reduction: ['mean', 'sum', 'none'][s.mode % 3] }), ref: {} };
  if (op === 'bce_logits') return { out: F.binary_cross_entropy_with_logits(a, b), ref: {} };
  if (op === 'cross_entropy' || op === 'nll_loss') {
    const target = s.mode < 3 ? torch.tensor(s.ints.slice(0, a.shape[0] ?? 0), { dtype: 'int64' }) : b;
    return { out: F[op](a, target, { reduction: ['mean', 'sum', 'none'][s.mode % 3] }), ref: {} };
  }
  if (op === 'to') return { out: a.to(s.dtype), ref: {} };
  if (op === 'add_' || op === 'mul_' || op === 'sub_' || op === 'div_') return { out: a[op](scalarOperand), ref: {} };
  if (op === 'zero_') return { out: a.zero_(), ref: {} };
  if (op === 'fill_') return { out: a.fill_(s.num), ref: {} };
  if (op === 'clamp_') return { out: a.clamp_(s.num, undefined), ref: {} };
  if (op === 'copy_') return { out: a.copy_(b), ref: {} };
  if (op === 'requires_grad_') return { out: a.requires_grad_(s.keepdim), ref: {} };
  if (op === 'detach') return { out: a.detach(), ref: {} };
  if (op === 'backward') {
    const options = { retain_graph: s.keepdim };
    if (s.mode === 0) a.backward(undefined, options);
    else if (s.mode === 1) a.backward(torch.ones_like(a), options);
    else a.sum().backward(undefined, options);
    return { out: undefined, ref: {} };
  }
  if (op === 'gradcheck') return gradcheckStep(a, s);
  throw new Error(`fuzz interpreter: unknown op ${op}`);
}

// Smooth functions for gradcheck (no kinks such as relu or abs at 0, so finite differences hold).
const SMOOTH = [
  (x, s) => x.mul(x).sum(s.d, s.keepdim),
  (x) => x.exp().mul(x.sin()),
  (x) => x.tanh().sigmoid().square(),
  (x, s) => F.softmax(x, s.d),
  (x, s) => x.log_softmax(s.d).mul(x),
  (x, s) => x.logsumexp(s.d, s.keepdim),
  (x, s) => x.pow(3).mean(dimsFor(s), s.keepdim),
  (x) => x.div(x.square().add(1)),
  (x, s) => x.transpose(s.d, s.d2).reshape(-1).mul(x.reshape(-1)),
  (x) => (x.ndim >= 2 ? x.matmul(x.transpose(-1, -2)) : x.ndim === 1 ? x.dot(x) : x.mul(x)),
  (x) => x.unsqueeze(0).expand(3, ...x.shape).sum(0).mul(x),
  (x, s) => x.var({ dim: dimsFor(s), keepdim: s.keepdim, unbiased: false }),
  (x, s) => torch.cat([x, x.mul(2).exp()], s.d),
  (x, s) => torch.stack([x, x.gelu()], s.d),
  (x) => x.softplus().add(x.elu()).add(x.square().add(1).sqrt()),
  (x, s) => x.narrow(s.d, 0, 1).mul(x.select(s.d, -1).unsqueeze(s.d)),
  (x, s) => x.index_select(s.d, torch.tensor([0, 0], { dtype: 'int64' })).prod(),
  (x) => F.mse_loss(x.sigmoid(), torch.full_like(x, 0.25)),
  (x, s) => x.clone().mul_(2).add_(x).at(...s.ints.slice(0, 1).map((v) => (v >= 0 ? null : `${v}:`))),
  (x, s) => x.where(torch.tensor(Array.from({ length: x.numel() }, (_, i) => i % 3 === 0)).reshape(x.shape), x.mul(3)).sum(dimsFor(s)),
];

/** gradcheck of a smooth function of a float64 copy of a (tamed to finite values in [-2, 2]). */
function gradcheckStep(a, s) {
  if (a.numel() > 24) return { out: undefined, ref: {} };
  const base = a.detach().double();
  const x = base.masked_fill(base.ne(base), 0.5).clamp(-2, 2).detach().requires_grad_(true);
  const fn = SMOOTH[(s.ints.length * 7 + s.mode) % SMOOTH.length];
  try {
    torch.autograd.gradcheck((t) => fn(t, s), [x], { eps: 1e-6, atol: 1e-5, rtol: 1e-3 });
  } catch (e) {
    if (e instanceof GradlabError && /Jacobian mismatch/.test(e.message)) throw new Error(`gradcheck of SMOOTH[${SMOOTH.indexOf(fn)}] on ${JSON.stringify(x.tolist())}: ${e.message}`);
    throw e;
  }
  return { out: undefined, ref: {} };
}

function close(got, want, rtol, atol) {
  if (Number.isNaN(want)) return Number.isNaN(got);
  if (!Number.isFinite(want)) return got === want;
  return Math.abs(got - want) <= atol + rtol * Math.abs(want);
}

function compare(out, ref) {
  if (!(out instanceof torch.Tensor)) return 'did not return a Tensor';
  const shape = out.shape;
  if (ref.shape && JSON.stringify(shape) !== JSON.stringify(ref.shape)) return `shape ${JSON.stringify(shape)}, expected ${JSON.stringify(ref.shape)}`;
  if (ref.dtype && out.dtype !== ref.dtype) return `dtype ${out.dtype}, expected ${ref.dtype}`;
  if (ref.data) {
    const got = snapshot(out).data;
    const rtol = ref.rtol ?? 0, atol = ref.atol ?? (out.dtype === 'float32' ? 1e-37 : 1e-300);
    const i = got.findIndex((g, k) => !close(g, ref.data[k], rtol, atol));
    if (i >= 0) return `value [${i}] = ${got[i]}, expected ${ref.data[i]}`;
  }
  return null;
}

/** Normalised error kind for counting: the message's first words with numbers and names generalised. */
export function errorKind(message) {
  return message.replace(/\(.*$/s, '').replace(/'[^']*'/g, "'_'").replace(/-?\d+(\.\d+)?(e[-+]?\d+)?/g, 'N').replace(/\[[^\]]*\]/g, '[_]').slice(0, 60).trim();
}

/** Fresh counters for runProgram. */
export function newStats() {
  return { programs: 0, calls: 0, ok: 0, errors: new Map(), failures: [], failedPrograms: [] };
}

/**
 * Runs a program inside torch.tidy and records each call's outcome in stats. A failure is a
 * thrown non-GradlabError, an empty message, a result that disagrees with the reference, an
 * invalid call that succeeded, or live tensors left behind.
 */
export function runProgram(program, stats, { checkBytes = true } = {}) {
  const baseline = torch.memory();
  let pool = [];
  const describe = (i, s, why) => {
    const operands = [s.a, s.b, s.c].map((k) => { const t = pick(pool, k); return t.isDisposed ? 'disposed' : `${t.dtype}${JSON.stringify(t.shape)}`; });
    if (stats.failedPrograms.at(-1) !== program) stats.failedPrograms.push(program);
    return `${s.op}: ${why} (operands ${operands.join(', ')}; step ${i} ${JSON.stringify({ ...s, num: String(s.num) })})`;
  };
  stats.programs += 1;
  torch.tidy(() => {
    pool = [];
    for (const leaf of program.leaves) {
      try {
        pool.push(leafTensor(leaf));
      } catch (e) {
        if (!(e instanceof GradlabError)) stats.failures.push(`leaf ${JSON.stringify(leaf)}: ${e && e.stack}`);
      }
    }
    if (pool.length === 0) pool.push(torch.zeros(2));
    program.steps.forEach((s, i) => {
      stats.calls += 1;
      let result;
      try {
        result = runStep(pool, s);
      } catch (e) {
        if (!(e instanceof GradlabError)) stats.failures.push(describe(i, s, `threw ${e && e.constructor && e.constructor.name}: ${e && e.message}`));
        else if (!e.message) stats.failures.push(describe(i, s, 'GradlabError with an empty message'));
        else {
          const kind = errorKind(e.message);
          stats.errors.set(kind, (stats.errors.get(kind) ?? 0) + 1);
        }
        return;
      }
      stats.ok += 1;
      const { out, ref } = result;
      if (ref.invalid) stats.failures.push(describe(i, s, 'invalid call returned a result'));
      const outs = out === undefined ? [] : Array.isArray(out) ? out : [out];
      for (const t of outs) {
        const why = compare(t, ref.invalid ? {} : ref);
        if (why) stats.failures.push(describe(i, s, why));
        else pool.push(t);
      }
    });
  });
  const after = torch.memory();
  if (after.tensors !== baseline.tensors || (checkBytes && after.bytes !== baseline.bytes)) {
    stats.failures.push(`memory: ${JSON.stringify(after)} after a program, ${JSON.stringify(baseline)} before it`);
    stats.failedPrograms.push(program);
  }
  if (!torch.is_grad_enabled()) stats.failures.push('grad mode left disabled');
}

/** The tutorial example; returns its gradient, which must be exactly [[0.5, 1], [1.5, 2]]. */
export function tutorialGradient() {
  return torch.tidy(() => {
    const x = torch.tensor([[1, 2], [3, 4]], { requires_grad: true });
    x.mul(x).mean().backward();
    return x.grad.tolist();
  });
}

/**
 * Runs `runs` random programs from `seed` and returns the stats. A WebAssembly trap leaves the
 * engine unusable, so the run stops at the first one (stats.crashed holds the program).
 */
export function fuzz({ runs, seed, ops, huge, checkBytes }) {
  const stats = newStats();
  stats.crashed = null;
  for (const program of fc.sample(programArb(ops, huge), { numRuns: runs, seed })) {
    runProgram(program, stats, { checkBytes });
    if (stats.failures.some((f) => /threw RuntimeError/.test(f))) {
      stats.crashed = program;
      break;
    }
  }
  return stats;
}
