// Tensor methods for every op of API.md. Each op is one engine call taking
// handles and numbers; a plain-number operand of add/sub/mul/div/pow takes
// the engine's scalar overload, other numbers become a wrapped 0-d tensor;
// either way the engine's wrapped_number decides what the number is.
import { dimsOf, isOptions, sizesOf } from './args.js';
import { installMethods } from './install.js';
import { M, check, fail } from './runtime.js';
import { Tensor, adopt, fromHandle } from './tensor.js';

const P = Tensor.prototype;

/** torch.tensor, set by torch.js (which imports this file). */
export const factory = { tensor: null };

/** A temporary handle for a non-tensor operand (number, boolean or nested array). */
export function operandHandle(x) {
  if (x instanceof Tensor) return { h: x._handle(), temp: false };
  if (typeof x === 'number') return { h: scalarHandle(x), temp: true };
  if (typeof x === 'boolean') { const h = M._scalar(x ? 1 : 0, 3, true); check(); return { h, temp: true }; }
  if (Array.isArray(x) || ArrayBuffer.isView(x)) {
    const t = factory.tensor(x);
    const h = M._share(t._handle());
    t.dispose();
    return { h, temp: true };
  }
  fail(`expected a Tensor or a number, but got ${x === null ? 'null' : typeof x}`);
}

// The engine owns the rule (wrapped_number): integral numbers act as Python ints, others and -0 as floats.
function scalarHandle(x) {
  const h = M._wrapped_number(x);
  check();
  return h;
}

/** A JS number as a 0-d operand tensor, as PyTorch wraps a Python scalar (the caller disposes it). */
export function wrappedNumber(x) {
  return fromHandle(scalarHandle(x));
}

/** Calls f with engine handles for the operands, freeing temporaries, and wraps the result. */
export function withOperands(operands, f) {
  const hs = operands.map(operandHandle);
  let r;
  try {
    r = f(...hs.map((o) => o.h));
  } finally {
    for (const o of hs) if (o.temp) M._free_tensor(o.h);
  }
  return adopt(r);
}

function binary(raw, rawScalar) {
  return function (other) {
    if (other instanceof Tensor) return adopt(raw(this._handle(), other._handle()));
    if (rawScalar && typeof other === 'number') return adopt(rawScalar(this._handle(), other));
    const self = this._handle();
    return withOperands([other], (o) => raw(self, o));
  };
}

// Arithmetic.
// A number operand with an alpha goes to the engine as it is: alpha * other could turn 1.5 * 2 into an int.
P.add = function (other, options) {
  const alpha = options?.alpha ?? 1;
  if (other instanceof Tensor) return adopt(M._add(this._handle(), other._handle(), alpha));
  if (typeof other === 'number' && alpha === 1) return adopt(M._add_scalar(this._handle(), other));
  const self = this._handle();
  return withOperands([other], (o) => M._add(self, o, alpha));
};
P.sub = function (other, options) {
  const alpha = options?.alpha ?? 1;
  if (other instanceof Tensor) return adopt(M._sub(this._handle(), other._handle(), alpha));
  if (typeof other === 'number' && alpha === 1) return adopt(M._sub_scalar(this._handle(), other));
  const self = this._handle();
  return withOperands([other], (o) => M._sub(self, o, alpha));
};
P.rsub = function (other) {
  if (typeof other === 'number') return adopt(M._rsub_scalar(this._handle(), other));
  const self = this._handle();
  return withOperands([other], (o) => M._sub(o, self, 1));
};
P.mul = binary((a, b) => M._mul(a, b), (a, x) => M._mul_scalar(a, x));
P.div = binary((a, b) => M._div(a, b), (a, x) => M._div_scalar(a, x));
P.pow = binary((a, b) => M._pow(a, b), (a, x) => M._pow_scalar(a, x));
P.maximum = binary((a, b) => M._maximum(a, b), (a, x) => M._maximum_scalar(a, x));
P.minimum = binary((a, b) => M._minimum(a, b), (a, x) => M._minimum_scalar(a, x));

// Unary ops (neg, exp, tanh, ...) and aliases are installed from the op table at the end of this file.
P.leaky_relu = function (negativeSlope = 0.01) { return adopt(M._leaky_relu(this._handle(), negativeSlope)); };
P.elu = function (alpha = 1) { return adopt(M._elu(this._handle(), alpha)); };
P.softplus = function (beta = 1, threshold = 20) {
  if (isOptions(beta)) ({ beta = 1, threshold = 20 } = beta);
  return adopt(M._softplus(this._handle(), beta, threshold));
};

// A missing bound stays null (it takes no part in type promotion); a NaN bound is a
// bound. The engine refuses two missing bounds, after clamp_'s leaf check as PyTorch.
function clampBounds(min, max) {
  if (isOptions(min)) ({ min, max } = min);
  return [min ?? null, max ?? null];
}
P.clamp = function (min, max) { return adopt(M._clamp(this._handle(), ...clampBounds(min, max))); };
P.where = function (condition, other) {
  return withOperands([condition, this, other], (c, a, b) => M._where(c, a, b));
};

// Comparison.
for (const name of ['eq', 'ne', 'lt', 'le', 'gt', 'ge']) {
  const raw = `_${name}`;
  const rawScalar = `_${name}_scalar`;
  P[name] = binary((a, b) => M[raw](a, b), (a, x) => M[rawScalar](a, x));
}
P.equal = function (other) {
  if (this.shape.length !== other.shape.length || !this.shape.every((s, i) => s === other.shape[i])) return false;
  const same = this.eq(other);
  try {
    return same._allTrue();
  } finally {
    same.dispose();
  }
};
P._allTrue = function () {
  const r = this.bool();
  const ok = r._values().every((x) => x !== 0);
  r.dispose();
  return ok;
};
P.allclose = function (other, options = {}) {
  const { rtol = 1e-5, atol = 1e-8, equal_nan = false } = options;
  const self = this._handle();
  const ok = M._allclose(self, other._handle(), rtol, atol, equal_nan);
  check();
  return ok;
};

// Reductions: (dim?, keepdim?), ({dim, keepdim}) or (dim, {keepdim}).
function reduceArgs(dim, keepdim) {
  if (isOptions(dim)) return [dim.dim, Boolean(dim.keepdim)];
  if (isOptions(keepdim)) return [keepdim.dim ?? dim, Boolean(keepdim.keepdim)];
  return [dim, Boolean(keepdim)];
}
function dimsReduction(rawAll, raw) {
  return function (dim, keepdim) {
    [dim, keepdim] = reduceArgs(dim, keepdim);
    if ((dim === undefined || dim === null) && !keepdim && rawAll) return adopt(rawAll(this._handle()));
    return adopt(raw(this._handle(), dimsOf(dim), keepdim));
  };
}
P.sum = dimsReduction((a) => M._sum_all(a), (a, d, k) => M._sum(a, d, k));
P.mean = dimsReduction((a) => M._mean_all(a), (a, d, k) => M._mean(a, d, k));
P.logsumexp = dimsReduction(null, (a, d, k) => M._logsumexp(a, d, k));
P.amax = dimsReduction(null, (a, d, k) => M._amax(a, d, k));
P.amin = dimsReduction(null, (a, d, k) => M._amin(a, d, k));

// PyTorch's order: var(dim, unbiased=True, keepdim=False), or var(unbiased) alone;
// keywords (dim, unbiased, keepdim, correction) in a trailing options object.
function varianceArgs(args) {
  const last = args.length > 0 && isOptions(args[args.length - 1]) ? args[args.length - 1] : null;
  const positional = last === null ? args : args.slice(0, -1);
  let dim;
  let unbiased = true;
  let keepdim = false;
  if (typeof positional[0] === 'boolean') unbiased = positional[0];
  else [dim, unbiased = true, keepdim = false] = positional;
  if (last !== null) {
    if (last.dim !== undefined) dim = last.dim;
    if (last.keepdim !== undefined) keepdim = last.keepdim;
    if (last.unbiased !== undefined) unbiased = last.unbiased;
    if (last.correction !== undefined) unbiased = last.correction !== 0;
  }
  return [dimsOf(dim), Boolean(unbiased), Boolean(keepdim)];
}
P.var = function (...args) { return adopt(M._var(this._handle(), ...varianceArgs(args))); };
P.std = function (...args) { return adopt(M._std(this._handle(), ...varianceArgs(args))); };
/** norm(p = 2, dim?, keepdim?) as PyTorch orders it, or ({p, dim, keepdim}). */
P.norm = function (p, dim, keepdim) {
  if (isOptions(p)) ({ p, dim, keepdim } = p);
  if (p === undefined || p === null || p === 'fro') p = 2;
  if (p === 'inf') p = Infinity;
  return adopt(M._norm(this._handle(), p, dimsOf(dim), Boolean(keepdim)));
};
// keepAllDims: argmax/argmin(keepdim=True) without a dim keep every dim at size 1, as PyTorch.
function singleDimReduction(rawAll, raw, keepAllDims = false) {
  return function (dim, keepdim) {
    [dim, keepdim] = reduceArgs(dim, keepdim);
    if (dim !== undefined && dim !== null) return adopt(raw(this._handle(), dim, keepdim));
    const all = adopt(rawAll(this._handle()));
    if (!keepAllDims || !keepdim) return all;
    const kept = all.reshape(this.shape.map(() => 1));
    all.dispose();
    return kept;
  };
}
P.prod = singleDimReduction((a) => M._prod_all(a), (a, d, k) => M._prod(a, d, k));
P.argmax = singleDimReduction((a) => M._argmax_all(a), (a, d, k) => M._argmax(a, d, k), true);
P.argmin = singleDimReduction((a) => M._argmin_all(a), (a, d, k) => M._argmin(a, d, k), true);

function valuesIndices(pair) {
  check();
  const values = fromHandle(pair[0]);
  const indices = fromHandle(pair[1]);
  return Object.assign([values, indices], { values, indices });
}
function extremum(rawAll, rawDim, elementwise) {
  return function (dim, keepdim) {
    if (dim instanceof Tensor) return this[elementwise](dim);
    [dim, keepdim] = reduceArgs(dim, keepdim);
    if (dim === undefined || dim === null) return adopt(rawAll(this._handle()));
    return valuesIndices(rawDim(this._handle(), dim, keepdim));
  };
}
P.max = extremum((a) => M._max_all(a), (a, d, k) => M._max(a, d, k), 'maximum');
P.min = extremum((a) => M._min_all(a), (a, d, k) => M._min(a, d, k), 'minimum');

// Linear algebra.
for (const name of ['matmul', 'mm', 'bmm', 'mv', 'dot', 'outer']) {
  const raw = `_${name}`;
  P[name] = function (other) {
    if (!(other instanceof Tensor)) fail(`${name}(): argument 'other' must be Tensor, not ${typeof other}`);
    return adopt(M[raw](this._handle(), other._handle()));
  };
}
Object.defineProperty(P, 'T', {
  get() {
    const n = this.ndim;
    return n < 2 ? this.permute(...Array.from({ length: n }, (_, i) => i)) : this.permute(...Array.from({ length: n }, (_, i) => n - 1 - i));
  },
});
Object.defineProperty(P, 'mT', { get() { return this.transpose(-2, -1); } });

// Shape.
for (const name of ['view', 'reshape', 'expand', 'repeat', 'permute']) {
  const raw = `_${name}`;
  P[name] = function (...sizes) { return adopt(M[raw](this._handle(), sizesOf(sizes))); };
}
// flip(0, 1), flip([0, 1]) or flip({ dims: [0, 1] }), PyTorch's dims (a list when named).
P.flip = function (...args) {
  let dims = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
  if (args.length === 1 && isOptions(args[0])) {
    const { dims: named, ...other } = args[0];
    const extra = Object.keys(other)[0];
    if (extra !== undefined) fail(`flip() got an unexpected keyword argument '${extra}'`);
    if (named !== undefined && !Array.isArray(named)) fail(`flip(): argument 'dims' must be tuple of ints, not ${typeof named === 'number' ? (Number.isInteger(named) ? 'int' : 'float') : typeof named}`);
    dims = named;
  }
  if (dims === undefined || args.length === 0) fail('flip() missing 1 required positional arguments: "dims"');
  for (const d of dims) {
    if (!Number.isInteger(d)) fail(`flip(): argument 'dims' (position 1) must be tuple of ints, not ${typeof d === 'number' ? 'float' : d === null ? 'None' : typeof d}`);
  }
  return adopt(M._flip(this._handle(), dims));
};
P.view_as = function (other) { return this.view(other.shape); };
P.reshape_as = function (other) { return this.reshape(other.shape); };
P.expand_as = function (other) { return this.expand(other.shape); };
P.flatten = function (start = 0, end = -1) { return adopt(M._flatten(this._handle(), start, end)); };
P.transpose = function (d0, d1) { return adopt(M._transpose(this._handle(), d0, d1)); };
P.squeeze = function (dim) {
  if (dim === undefined || dim === null) return adopt(M._squeeze_all(this._handle()));
  return adopt(M._squeeze(this._handle(), dim));
};
P.unsqueeze = function (dim) { return adopt(M._unsqueeze(this._handle(), dim)); };
P.split = function (size, dim = 0) {
  const parts = Array.isArray(size) ? M._split_sizes(this._handle(), size, dim) : M._split(this._handle(), size, dim);
  check();
  return parts.map((h) => fromHandle(h));
};
P.chunk = function (chunks, dim = 0) {
  const parts = M._chunk(this._handle(), chunks, dim);
  check();
  return parts.map((h) => fromHandle(h));
};
P.unbind = function (dim = 0) {
  const n = this.size(dim);
  return Array.from({ length: n }, (_, i) => this.select(dim, i));
};

// dtype.
const CODE = { float32: 0, float64: 1, int64: 2, bool: 3 };
P.to = function (target) {
  let dtype = target;
  if (target instanceof Tensor) dtype = target.dtype;
  else if (isOptions(target)) dtype = target.dtype;
  if (dtype === 'cpu' || dtype === undefined) return adopt(M._share(this._handle()));
  const code = CODE[String(dtype).replace(/^torch\./, '').replace(/^float$/, 'float32').replace(/^double$/, 'float64').replace(/^long$/, 'int64')];
  if (code === undefined) fail(`unknown dtype '${dtype}'`);
  return adopt(M._to(this._handle(), code));
};
P.float = function () { return this.to('float32'); };
P.double = function () { return this.to('float64'); };
P.long = function () { return this.to('int64'); };
P.bool = function () { return this.to('bool'); };
P.type_as = function (other) { return this.to(other.dtype); };

// Indexing.
P.select = function (dim, index) { return adopt(M._select(this._handle(), dim, index)); };
P.narrow = function (dim, start, length) { return adopt(M._narrow(this._handle(), dim, start, length)); };
P.index_select = function (dim, index) { return adopt(M._index_select(this._handle(), dim, index._handle())); };
P.gather = function (dim, index) { return adopt(M._gather(this._handle(), dim, index._handle())); };
P.masked_fill = function (mask, value) {
  if (value instanceof Tensor) value = value.item();
  return adopt(M._masked_fill(this._handle(), mask._handle(), value));
};
P.index_add = function (dim, index, source) {
  return adopt(M._index_add(this._handle(), dim, index._handle(), source._handle()));
};
P.scatter_add = function (dim, index, source) {
  return adopt(M._scatter_add(this._handle(), dim, index._handle(), source._handle()));
};

// In place: the engine updates this tensor; the extra handle it returns is dropped.
export function inPlace(handle) {
  check();
  M._free_tensor(handle);
}
P.add_ = function (other, options) {
  const alpha = options?.alpha ?? 1;
  if (typeof other === 'number' && alpha === 1) inPlace(M._add_scalar_(this._handle(), other));
  else { const self = this._handle(); withInPlace([other], (o) => M._add_(self, o, alpha)); }
  return this;
};
P.sub_ = function (other, options) {
  const alpha = options?.alpha ?? 1;
  if (typeof other === 'number' && alpha === 1) inPlace(M._sub_scalar_(this._handle(), other));
  else { const self = this._handle(); withInPlace([other], (o) => M._sub_(self, o, alpha)); }
  return this;
};
P.mul_ = function (other) {
  if (typeof other === 'number') inPlace(M._mul_scalar_(this._handle(), other));
  else { const self = this._handle(); withInPlace([other], (o) => M._mul_(self, o)); }
  return this;
};
P.div_ = function (other) {
  if (typeof other === 'number') inPlace(M._div_scalar_(this._handle(), other));
  else { const self = this._handle(); withInPlace([other], (o) => M._div_(self, o)); }
  return this;
};
function withInPlace(operands, f) {
  const hs = operands.map(operandHandle);
  let r;
  try {
    r = f(...hs.map((o) => o.h));
  } finally {
    for (const o of hs) if (o.temp) M._free_tensor(o.h);
  }
  inPlace(r);
}
P.clamp_ = function (min, max) { inPlace(M._clamp_(this._handle(), ...clampBounds(min, max))); return this; };
P.zero_ = function () { inPlace(M._zero_(this._handle())); return this; };
P.fill_ = function (value) {
  if (value instanceof Tensor) value = value.item();
  if (typeof value === 'boolean') value = value ? 1 : 0;
  inPlace(M._fill_(this._handle(), value));
  return this;
};
P.copy_ = function (src) { const self = this._handle(); withInPlace([src], (s) => M._copy_(self, s)); return this; };
P.uniform_ = function (from = 0, to = 1) { inPlace(M._uniform_(this._handle(), from, to)); return this; };
P.normal_ = function (mean = 0, std = 1) { inPlace(M._normal_(this._handle(), mean, std)); return this; };
// PyTorch words the three integer-dtype refusals apart: requires_grad_() here,
// the setter in the engine, factories in torch.js.
P.requires_grad_ = function (requiresGrad = true) {
  if (requiresGrad && !this.is_floating_point()) fail('only Tensors of floating point dtype can require gradients');
  if (!(requiresGrad && !this.is_leaf)) this.requires_grad = requiresGrad;
  return this;
};

// nn activations and losses as methods, as PyTorch has them.
P.softmax = function (dim) { return adopt(M._softmax(this._handle(), dim)); };
P.log_softmax = function (dim) { return adopt(M._log_softmax(this._handle(), dim)); };

installMethods(P, adopt);
