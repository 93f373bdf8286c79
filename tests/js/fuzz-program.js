// Program fuzzer shared by tests/js/fuzz.test.js and scripts/fuzz.mjs: a
// fast-check arbitrary of random op sequences (random shapes including 0-sized
// dims, dtypes, special values, dims in and out of range) and an interpreter
// that runs one inside torch.tidy. Every call is checked against the float64
// model of PyTorch 1.13 in fuzz-reference*.js (values, shape, dtype,
// requires_grad; for an invalid call, a GradlabError with PyTorch's phrase) and,
// when differentiable, its gradient against finite differences (fuzz-gradient.js).
import fc from 'fast-check';
import { GradlabError, torch } from 'gradlab';
import { ANALYTIC, checkAnalyticGradient, checkOpGradient, gradcheckStep } from './fuzz-gradient.js';
import { OP_TABLE } from './fuzz-ops.js';
import { isFloat, numel } from './fuzz-reference.js';

const DTYPES = ['float32', 'float64', 'int64', 'bool'];

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
  'to', 'grad', 'add_', 'mul_', 'sub_', 'div_', 'zero_', 'fill_', 'clamp_', 'copy_', 'requires_grad_', 'detach', 'backward',
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

// ---- the interpreter -------------------------------------------------------------

function snapshot(t) {
  const shape = t.shape;
  const list = t.tolist();
  const data = (shape.length === 0 ? [list] : list.flat(Infinity)).map(Number);
  return { shape, dtype: t.dtype, data, requires_grad: t.requires_grad, is_leaf: t.is_leaf };
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

// In-place rules PyTorch applies on top of an op's own checks; the interpreter only
// knows "maybe" for views (reshape and contiguous may copy, select may drop an
// expanded dim), so these phrases are accepted, not required.
const VIEW_OF_LEAF = 'a view of a leaf Variable that requires grad is being used in an in-place operation.';
const OVERLAP = 'unsupported operation: more than one element of the written-to tensor refers to a single memory location.';
const MULTI_VIEW = 'is a view and is being modified inplace. This view is the output of a function that returns multiple views.';
const ALIASED = 'unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory location.';
const NOT_VIEWABLE = "view size is not compatible with input tensor's size and stride";
// Views that may leave a tensor non-contiguous (reshape and flatten keep their input's state).
const STRIDED = new Set(['transpose', 'permute', 'expand', 't', 'select', 'narrow', 'at', 'split', 'chunk']);

/** The reference of an in-place call on x.a, given what the interpreter knows of its aliases. */
function inplaceRef(spec, x, meta) {
  const { ra } = x;
  if (ra.is_leaf && ra.requires_grad) return { invalid: ['a leaf Variable that requires grad is being used in an in-place operation.'] };
  const m = meta.get(x.a);
  const maybe = [];
  if (m.viewOfLeaf) maybe.push(VIEW_OF_LEAF);
  if (m.overlap && !spec.expandOk) maybe.push(OVERLAP);
  if (m.multi && ra.requires_grad) maybe.push(MULTI_VIEW);
  const other = [x.b, x.c].find((t) => t !== x.a && spec.call.length > 1 && meta.get(t).root === m.root);
  let ref = spec.ref;
  if (other) {
    maybe.push(ALIASED);
    if (!ref.invalid) ref = { shape: ref.shape, dtype: ref.dtype };
  }
  if (maybe.length === 0) return ref;
  return ref.invalid ? { invalid: [...ref.invalid, ...maybe] } : { ...ref, either: maybe };
}

/** What the interpreter knows of a result's aliasing, from the op and its input's. */
function resultMeta(spec, x, meta, out, op) {
  const m = meta.get(x.a);
  if (spec.inplace || spec.sameTensor) return m;
  if (spec.view === 'detached') return { root: m.root, overlap: m.overlap, strided: m.strided };
  if (spec.view) {
    return {
      root: m.root, viewOfLeaf: m.viewOfLeaf || (x.ra.is_leaf && x.ra.requires_grad),
      overlap: m.overlap || op === 'expand', multi: m.multi || spec.multi,
      strided: op !== 'contiguous' && (m.strided || STRIDED.has(op)),
    };
  }
  return { root: out };
}

function close(got, want, rtol, atol, signedZero) {
  if (Number.isNaN(want)) return Number.isNaN(got);
  if (!Number.isFinite(want)) return got === want;
  if (signedZero && want === 0) return Object.is(got, want);
  return Math.abs(got - want) <= atol + rtol * Math.abs(want);
}

const show = (x) => (Object.is(x, -0) ? '-0' : String(x));

/** Why out disagrees with ref (shape, dtype, requires_grad, values), or null. */
function compare(out, ref, rg) {
  if (!(out instanceof torch.Tensor)) return 'did not return a Tensor';
  const shape = out.shape;
  if (ref.shape && JSON.stringify(shape) !== JSON.stringify(ref.shape)) return `shape ${JSON.stringify(shape)}, expected ${JSON.stringify(ref.shape)}`;
  if (ref.dtype && out.dtype !== ref.dtype) return `dtype ${out.dtype}, expected ${ref.dtype}`;
  if (rg !== undefined && out.requires_grad !== rg) return `requires_grad ${out.requires_grad}, expected ${rg}`;
  if (ref.data || ref.allowed) {
    const got = snapshot(out).data;
    if (ref.allowed) {
      const i = got.findIndex((g, k) => !ref.allowed[k].includes(g));
      return i >= 0 ? `index [${i}] = ${got[i]}, expected one of ${JSON.stringify(ref.allowed[i])}` : null;
    }
    const float = isFloat(out.dtype);
    const rtol = float ? ref.rtol ?? 0 : 0, atol = float ? ref.atol ?? (out.dtype === 'float32' ? 1e-37 : 1e-300) : 0;
    const i = got.findIndex((g, k) => !close(g, ref.data[k], rtol, atol, float && ref.signedZero));
    if (i >= 0) return `value [${i}] = ${show(got[i])}, expected ${show(ref.data[i])}`;
  }
  return null;
}

/** Checks of the backward step: PyTorch's two argument errors; otherwise any GradlabError may come. */
function backwardStep(a, s) {
  const ra = { requires_grad: a.requires_grad, numel: a.numel() };
  const options = { retain_graph: s.keepdim };
  const call = () => {
    if (s.mode === 0) a.backward(undefined, options);
    else if (s.mode === 1) a.backward(torch.ones_like(a), options);
    else a.sum().backward(undefined, options);
  };
  if (!ra.requires_grad) return { call, ref: { invalid: ['element 0 of tensors does not require grad and does not have a grad_fn'] } };
  if (s.mode === 0 && ra.numel !== 1) return { call, ref: { invalid: ['grad can be implicitly created only for scalar outputs'] } };
  return { call, ref: { either: [''] }, noResult: true };
}

/**
 * Runs one step and returns a list of failure reasons (empty when it matched the
 * reference); valid results join the pool. A GradlabError is counted in stats.errors.
 */
function runStep(pool, meta, s, stats) {
  const a = pick(pool, s.a), b = pick(pool, s.b), c = pick(pool, s.c);
  if (s.op === 'gradcheck') {
    try {
      gradcheckStep(a, s);
    } catch (e) {
      // Dims of the smooth function may be out of range for a.
      if (!(e instanceof GradlabError)) throw e;
    }
    return [];
  }
  let spec, x;
  if (s.op === 'backward') spec = backwardStep(a, s);
  else {
    if (!(s.op in OP_TABLE)) throw new Error(`fuzz interpreter: unknown op ${s.op}`);
    x = { a, b, c, ra: snapshot(a), rb: snapshot(b), rc: snapshot(c), s };
    spec = OP_TABLE[s.op](x);
  }
  let ref = spec.inplace ? inplaceRef(spec, x, meta) : spec.ref;
  if (s.op === 'view' && meta.get(a).strided && !ref.invalid) ref = { ...ref, either: [NOT_VIEWABLE] };
  let out;
  try {
    out = spec.call(a, b, c);
  } catch (e) {
    if (!(e instanceof GradlabError)) throw e;
    if (!e.message) return ['GradlabError with an empty message'];
    const kind = errorKind(e.message);
    stats.errors.set(kind, (stats.errors.get(kind) ?? 0) + 1);
    const phrases = ref.invalid ?? ref.either;
    if (!phrases) return [`threw GradlabError "${e.message}"; PyTorch 1.13 returns ${describeRef(ref)}`];
    if (!phrases.some((p) => e.message.includes(p))) return [`threw GradlabError "${e.message}"; PyTorch 1.13's message contains "${phrases.join('" or "')}"`];
    return [];
  }
  stats.ok += 1;
  if (spec.noResult) return [];
  if (ref.invalid) return [`returned a result; PyTorch 1.13 throws "${ref.invalid.join('" or "')}"`];
  const outs = Array.isArray(out) ? out : [out];
  const refs = Array.isArray(ref) ? ref : outs.map(() => ref);
  const why = [];
  if (outs.length !== refs.length) why.push(`${outs.length} results, expected ${refs.length}`);
  outs.forEach((t, k) => {
    const r = refs[k] ?? {};
    const rg = spec.rg ?? (t instanceof torch.Tensor && isFloat(t.dtype) && (spec.wrt ?? []).some((key) => x[`r${key}`].requires_grad));
    const w = compare(t, r, rg);
    if (w) why.push(outs.length > 1 ? `result ${k}: ${w}` : w);
    else {
      pool.push(t);
      meta.set(t, resultMeta(spec, x, meta, t, s.op));
    }
  });
  if (why.length === 0 && ANALYTIC.has(s.op)) {
    const g = checkAnalyticGradient(s.op, x);
    if (g) why.push(g);
  }
  if (why.length === 0) {
    const g = checkOpGradient(spec, x);
    if (g) why.push(g);
  }
  return why;
}

function describeRef(ref) {
  if (Array.isArray(ref)) return `${ref.length} results`;
  return ref.shape ? `a ${ref.dtype ?? ''} tensor of shape ${JSON.stringify(ref.shape)}` : 'a result';
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
  stats.programs += 1;
  torch.tidy(() => {
    const pool = [], meta = new Map();
    for (const leaf of program.leaves) {
      try {
        pool.push(leafTensor(leaf));
      } catch (e) {
        if (!(e instanceof GradlabError)) stats.failures.push(`leaf ${JSON.stringify(leaf)}: ${e && e.stack}`);
      }
    }
    if (pool.length === 0) pool.push(torch.zeros(2));
    for (const t of pool) meta.set(t, { root: t });
    program.steps.forEach((s, i) => {
      stats.calls += 1;
      const operands = [s.a, s.b, s.c].map((k) => { const t = pick(pool, k); return t.isDisposed ? 'disposed' : `${t.dtype}${JSON.stringify(t.shape)}`; });
      let why;
      try {
        why = runStep(pool, meta, s, stats);
      } catch (e) {
        why = [`threw ${e && e.constructor && e.constructor.name}: ${e && e.message}`];
      }
      for (const w of why) stats.failures.push(`${s.op}: ${w} (operands ${operands.join(', ')}; step ${i} ${JSON.stringify({ ...s, num: String(s.num) })})`);
      if (why.length > 0 && stats.failedPrograms.at(-1) !== program) stats.failedPrograms.push(program);
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
