// The fuzzer's op table: for each op name, how a step's generic arguments
// become a call and which reference (fuzz-reference*.js) it must match. An
// entry maps {a, b, c, ra, rb, rc, s} (pool tensors, their snapshots, the step)
// to a spec:
//   call(A, B, C)  the call, on the operands or on stand-ins for them;
//   ref            what PyTorch returns or bad(...) (an array for list results);
//   wrt            operands the result is differentiable in (its gradient is checked);
//   pure(A, B, C)  for in-place ops, the same on a clone (for the gradient check);
//   inplace, view  how the result aliases `a` (for in-place rules on later steps);
//   rg             the expected requires_grad when it is not "any float wrt operand's".
import { torch } from 'gradlab';
import {
  BINARY_OPS, UNARY, bad, binaryRef, castValue, clampRef, isFloat, numel, tidyInts, unaryRef, whereRef,
} from './fuzz-reference.js';
import { bceLogitsRef, matmulRef, mseRef, nllRef, reduceRef, softmaxRef } from './fuzz-reference-reduce.js';
import {
  FLT_MAX, catRef, chunkRef, expandRef, flattenRef, gatherRef, indexRef, indexSelectRef, maskedFillRef, narrowRef, permuteRef, reshapeRef,
  selectRef, splitRef, squeezeRef, stackRef, tRef, toRef, transposeRef, unsqueezeRef,
} from './fuzz-reference-shape.js';

const F = torch.nn.functional;
const REDUCTIONS = ['mean', 'sum', 'none'];

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
function sizesFor(shape, s) {
  switch (s.mode) {
    case 0: return [-1];
    case 1: return [...shape].reverse();
    case 2: return shape.length > 0 ? [...shape.slice(0, -1), -1] : [1, -1];
    default: return s.ints;
  }
}
/** The dim argument of a reduction: none, one int, or a list (possibly empty or repeated). */
export function dimsFor(s) {
  if (s.mode === 0) return undefined;
  if (s.mode === 1) return s.d;
  return s.ints.slice(0, s.mode - 1).map((x) => x - 2);
}
const binary = (op) => ({ ra, rb, s }) => {
  const other = s.mode === 0 ? s.num : 'b';
  return {
    call: (A, B) => A[op](other === 'b' ? B : other),
    ref: binaryRef(op, ra, other === 'b' ? rb : other),
    wrt: other === 'b' ? ['a', 'b'] : ['a'],
    positive: op === 'pow',
    // An infinite or NaN number makes the derivative NaN or infinite where finite differences see 0;
    // a bool exponent has no backward in PyTorch either (exponent - 1 is a bool subtraction).
    noGradcheck: (other !== 'b' && !Number.isFinite(other)) || (op === 'pow' && other === 'b' && rb.dtype === 'bool'),
  };
};
const unary = (op) => ({ ra }) => ({
  call: (A) => A[op](), ref: unaryRef(op, ra), wrt: ['a'], positive: ['sqrt', 'log'].includes(op),
});
const reduction = (op) => ({ ra, s }) => {
  const dims = op === 'prod' || op === 'argmax' || op === 'logsumexp' ? (s.mode === 0 ? undefined : s.d) : dimsFor(s);
  // sum/mean/prod without a dim take no keepdim in PyTorch's overloads the package mirrors.
  const keepdim = dims === undefined && (op === 'sum' || op === 'mean' || op === 'prod') ? false : s.keepdim;
  const ref = reduceRef(op, ra, dims, keepdim);
  // var/std take PyTorch's (dim, unbiased, keepdim); the reference is the unbiased estimate.
  const call = op === 'norm' ? (A) => A.norm(2, dims, keepdim)
    : op === 'var' || op === 'std' ? (A) => A[op](dims, true, keepdim) : (A) => A[op](dims, keepdim);
  // logsumexp needs a dim in PyTorch (and 1.13 fails on an empty list); the package may reduce all dims instead.
  const allDims = dims === undefined || (Array.isArray(dims) && dims.length === 0);
  if (op === 'logsumexp' && allDims && !ref.invalid) return { call, ref: { ...ref, either: ['logsumexp', "doesn't match the broadcast shape"] }, wrt: ['a'] };
  return { call, ref, wrt: op === 'argmax' ? [] : ['a'] };
};
const product = (op) => ({ ra, rb }) => ({ call: (A, B) => A[op](B), ref: matmulRef(op, ra, rb), wrt: ['a', 'b'] });
const viewOp = (call, ref, view = 'definite') => ({ call, ref, wrt: ['a'], view });

/** In-place ops on `a`: the PyTorch ref, a pure version for the gradient, and wrt. */
const inplace = (spec) => ({ ...spec, inplace: true });

export const OP_TABLE = {
  ...Object.fromEntries(BINARY_OPS.map((op) => [op, binary(op)])),
  ...Object.fromEntries(Object.keys(UNARY).map((op) => [op, unary(op)])),
  ...Object.fromEntries(['sum', 'mean', 'amax', 'amin', 'prod', 'var', 'std', 'norm', 'logsumexp', 'argmax'].map((op) => [op, reduction(op)])),
  ...Object.fromEntries(['matmul', 'mm', 'bmm', 'mv', 'dot', 'outer'].map((op) => [op, product(op)])),
  where: ({ a, ra, rb, rc, s }) => {
    const cond = { shape: ra.shape, dtype: 'bool', data: ra.data.map((x) => (x > 0 ? 1 : 0)) };
    // Mode 1 passes two numbers (their result type is PyTorch's default dtype or int64).
    if (s.mode === 1) return { call: () => torch.where(a.gt(0), s.num, s.d), ref: whereRef(cond, s.num, s.d), wrt: [] };
    const other = s.mode === 0 ? s.num : 'c';
    return {
      call: (A, B, C) => torch.where(a.gt(0), B, other === 'c' ? C : other),
      ref: whereRef(cond, rb, other === 'c' ? rc : other),
      wrt: other === 'c' ? ['b', 'c'] : ['b'],
    };
  },
  // A leaf's .grad joins the pool: like any tensor it must take in-place ops and views.
  grad: ({ a, ra }) => ({
    call: () => a.grad ?? a.detach(),
    ref: a.grad ? { shape: ra.shape, dtype: ra.dtype } : { ...ra, signedZero: true },
    rg: false, view: a.grad ? undefined : 'detached',
  }),
  clamp: ({ ra, s }) => {
    const lo = s.mode === 0 ? null : s.num, hi = s.mode === 1 ? null : s.d;
    return { call: (A) => A.clamp(lo, hi), ref: clampRef(ra, lo, hi), wrt: ['a'] };
  },
  max: ({ ra, s }) => {
    if (s.mode === 0) return { call: (A) => A.max(), ref: reduceRef('max', ra, undefined, false), wrt: ['a'] };
    const values = reduceRef('max', ra, s.d, s.keepdim);
    const ref = values.invalid ? values : [values, reduceRef('maxIndices', ra, s.d, s.keepdim)];
    return { call: (A) => { const r = A.max(s.d, s.keepdim); return [r.values, r.indices]; }, ref, wrt: ['a'] };
  },
  view: ({ ra, s }) => viewOp((A) => A.view(sizesFor(ra.shape, s)), reshapeRef(ra, sizesFor(ra.shape, s))),
  reshape: ({ ra, s }) => viewOp((A) => A.reshape(sizesFor(ra.shape, s)), reshapeRef(ra, sizesFor(ra.shape, s)), 'maybe'),
  transpose: ({ ra, s }) => viewOp((A) => A.transpose(s.d, s.d2), transposeRef(ra, s.d, s.d2)),
  permute: ({ ra, s }) => {
    const perm = s.mode < 3 ? permutation(ra.shape.length, s.ints) : s.ints;
    return viewOp((A) => A.permute(perm), permuteRef(ra, perm));
  },
  expand: ({ ra, s }) => {
    const sizes = s.mode < 3 ? [...s.ints.slice(0, s.mode), ...ra.shape.map((x, k) => (x === 1 ? (s.ints[k] ?? 3) : -1))] : s.ints;
    return viewOp((A) => A.expand(sizes), expandRef(ra, sizes));
  },
  squeeze: ({ ra, s }) => viewOp(s.mode === 0 ? (A) => A.squeeze() : (A) => A.squeeze(s.d), squeezeRef(ra, s.mode === 0 ? undefined : s.d)),
  unsqueeze: ({ ra, s }) => viewOp((A) => A.unsqueeze(s.d), unsqueezeRef(ra, s.d)),
  flatten: ({ ra, s }) => viewOp((A) => A.flatten(s.d, s.d2), flattenRef(ra, s.d, s.d2), 'maybe'),
  contiguous: ({ ra }) => viewOp((A) => A.contiguous(), { ...ra, signedZero: true }, 'maybe'),
  t: ({ ra }) => viewOp((A) => A.t(), tRef(ra)),
  cat: ({ ra, rb, rc, s }) => ({
    call: (A, B, C) => torch.cat(s.mode === 0 ? [] : [A, B, C].slice(0, s.mode), s.d),
    ref: catRef([ra, rb, rc].slice(0, s.mode), s.d), wrt: ['a', 'b', 'c'].slice(0, s.mode),
  }),
  stack: ({ ra, rb, rc, s }) => ({
    call: (A, B, C) => torch.stack([A, B, C].slice(0, s.mode), s.d),
    ref: stackRef([ra, rb, rc].slice(0, s.mode), s.d), wrt: ['a', 'b', 'c'].slice(0, s.mode),
  }),
  split: ({ ra, s }) => {
    const size = s.mode < 3 ? s.ints[0] ?? 1 : s.ints;
    return { ...viewOp((A) => A.split(size, s.d), splitRef(ra, size, s.d)), multi: true };
  },
  chunk: ({ ra, s }) => ({ ...viewOp((A) => A.chunk(s.ints[0] ?? 2, s.d), chunkRef(ra, s.ints[0] ?? 2, s.d)), multi: true }),
  select: ({ ra, s }) => viewOp((A) => A.select(s.d, s.d2), selectRef(ra, s.d, s.d2)),
  narrow: ({ ra, s }) => viewOp((A) => A.narrow(s.d, s.d2, s.mode), narrowRef(ra, s.d, s.d2, s.mode)),
  index_select: ({ ra, s }) => {
    const index = s.ints.slice(0, s.mode);
    return { call: (A) => A.index_select(s.d, torch.tensor(index, { dtype: 'int64' })), ref: indexSelectRef(ra, s.d, index), wrt: ['a'] };
  },
  gather: ({ ra, s }) => {
    const shape = ra.shape.map((x) => Math.min(x, 2));
    const data = Array.from({ length: numel(shape) }, (_, i) => s.ints[i % Math.max(s.ints.length, 1)] ?? 0);
    return {
      call: (A) => A.gather(s.d, torch.tensor(data, { dtype: 'int64' }).reshape(shape)),
      ref: gatherRef(ra, s.d, { shape, data }), wrt: ['a'],
    };
  },
  at: ({ ra, s }) => {
    const items = s.ints.slice(0, s.mode).map((x, i) => [x, null, `${x}:`, `::${Math.max(x, 1)}`, '...', 'None'][(i + s.d + 5) % 6]);
    return viewOp((A) => A.at(...items), indexRef(ra, items));
  },
  softmax: ({ ra, s }) => ({ call: (A) => F.softmax(A, s.d), ref: softmaxRef('softmax', ra, s.d), wrt: ['a'] }),
  log_softmax: ({ ra, s }) => ({ call: (A) => F.log_softmax(A, s.d), ref: softmaxRef('log_softmax', ra, s.d), wrt: ['a'] }),
  mse_loss: ({ ra, rb, s }) => {
    const reduction = REDUCTIONS[s.mode % 3];
    return { call: (A, B) => F.mse_loss(A, B, { reduction }), ref: mseRef(ra, rb, reduction), wrt: ['a', 'b'] };
  },
  bce_logits: ({ ra, rb }) => ({ call: (A, B) => F.binary_cross_entropy_with_logits(A, B), ref: bceLogitsRef(ra, rb), wrt: ['a', 'b'] }),
  to: ({ ra, s }) => ({
    call: (A) => A.to(s.dtype), ref: toRef(ra, s.dtype), wrt: isFloat(s.dtype) ? ['a'] : [], view: s.dtype === ra.dtype ? 'definite' : undefined,
    noGradcheck: s.dtype !== 'float64',
  }),
  detach: ({ ra }) => ({ call: (A) => A.detach(), ref: { ...ra, signedZero: true }, rg: false, view: 'detached' }),
};

for (const op of ['cross_entropy', 'nll_loss']) {
  OP_TABLE[op] = ({ ra, rb, s }) => {
    const reduction = REDUCTIONS[s.mode % 3];
    const ints = s.ints.slice(0, ra.shape[0] ?? 0);
    const target = s.mode < 3 ? { shape: [ints.length], dtype: 'int64', data: ints } : rb;
    return {
      call: (A, B) => F[op](A, s.mode < 3 ? torch.tensor(ints, { dtype: 'int64' }) : B, { reduction }),
      ref: nllRef(op, ra, target, reduction), wrt: s.mode < 3 ? ['a'] : ['a', 'b'],
    };
  };
}

OP_TABLE.masked_fill = ({ b, ra, rb, s }) => {
  const mask = s.mode < 3 ? { shape: rb.shape, dtype: 'bool', data: rb.data.map((x) => (x > 0 ? 1 : 0)) } : rb;
  return { call: (A) => A.masked_fill(s.mode < 3 ? b.gt(0) : b, s.num), ref: maskedFillRef(ra, mask, s.num), wrt: ['a'] };
};

// In-place ops: `a` changes; the result is `a`.
for (const op of ['add_', 'sub_', 'mul_', 'div_']) {
  OP_TABLE[op] = ({ ra, rb, s }) => {
    const other = s.mode === 0 ? s.num : 'b';
    const fn = (A, B) => (other === 'b' ? B : other);
    return inplace({
      call: (A, B) => A[op](fn(A, B)), pure: (A, B) => A.clone()[op](fn(A, B)),
      ref: binaryRef(op.slice(0, -1), ra, other === 'b' ? rb : other, ra.dtype), wrt: other === 'b' ? ['a', 'b'] : ['a'],
    });
  };
}
Object.assign(OP_TABLE, {
  zero_: ({ ra }) => inplace({
    call: (A) => A.zero_(), pure: (A) => A.clone().zero_(), ref: { shape: ra.shape, dtype: ra.dtype, data: ra.data.map(() => 0) }, wrt: ['a'], expandOk: true,
  }),
  fill_: ({ ra, s }) => inplace({
    call: (A) => A.fill_(s.num), pure: (A) => A.clone().fill_(s.num), wrt: ['a'], expandOk: true,
    ref: ra.dtype === 'int64' && !(Math.abs(s.num) <= 2 ** 63) ? bad('value cannot be converted to type int64_t without overflow')
      : ra.dtype === 'float32' && Math.abs(s.num) > FLT_MAX && Number.isFinite(s.num) ? bad('value cannot be converted to type float without overflow')
      : ra.dtype === 'int64' && Math.abs(s.num) >= 2 ** 53 ? { shape: ra.shape, dtype: ra.dtype }
        : { shape: ra.shape, dtype: ra.dtype, data: ra.data.map(() => castValue(s.num, ra.dtype)), signedZero: true },
  }),
  clamp_: ({ ra, s }) => inplace({
    call: (A) => A.clamp_(s.num, undefined), pure: (A) => A.clone().clamp_(s.num, undefined), ref: clampRef(ra, s.num, null, ra.dtype), wrt: ['a'],
  }),
  copy_: ({ ra, rb }) => inplace({
    call: (A, B) => A.copy_(B), pure: (A, B) => A.clone().copy_(B), ref: copyRef(ra, rb), wrt: ['a', 'b'],
  }),
  requires_grad_: ({ ra, s }) => ({
    call: (A) => A.requires_grad_(s.keepdim),
    ref: s.keepdim && !isFloat(ra.dtype) ? bad('only Tensors of floating point')
      : !ra.is_leaf && !s.keepdim ? bad('you can only change requires_grad flags of leaf variables.')
        : { ...ra, signedZero: true },
    rg: s.keepdim, sameTensor: true,
  }),
});

/** copy_: b broadcast to a's shape and cast to a's dtype. */
function copyRef(a, b) {
  const ref = binaryRef('add', a, b);
  if (ref.invalid) return ref;
  if (JSON.stringify(ref.shape) !== JSON.stringify(a.shape)) return bad(`output with shape [${a.shape.join(', ')}] doesn't match the broadcast shape [${ref.shape.join(', ')}]`);
  const zeros = { ...a, data: a.data.map(() => 0) };
  const moved = binaryRef('add', { ...zeros, dtype: b.dtype }, b);
  if (!moved.data || (a.dtype === 'int64' && !moved.data.every((x) => Number.isFinite(x) && Math.abs(x) < 2 ** 63))) return { shape: a.shape, dtype: a.dtype };
  return tidyInts({ shape: a.shape, dtype: a.dtype, data: moved.data.map((x) => castValue(x, a.dtype)) });
}
