// Replays one difftest program (tests/difftest/generate.py) against the
// package and compares every step with what PyTorch 1.13 recorded: for each
// tensor, shape, dtype, values, requires_grad, is_leaf and grad_fn name; after
// backward, the leaves' .grad; for a step PyTorch rejects, that the package
// throws too and with the same message (normalised, see normaliseError).
// Shared by tests/js/difftest.test.js (committed fixtures) and
// scripts/fuzz-torch.mjs (live runs).

const RTOL = 1e-4;
const ATOL = 1e-5;

/** The JavaScript of a program as a user would write it (for reports and reproducers). */
export function programSource(program) {
  return program.steps.map((s) => s.js).join('\n');
}

// One closure per step over shared `let` variables, and a reader of them.
function compile(program) {
  const names = new Set();
  for (const s of program.steps) for (const m of s.js.matchAll(/\bv\d+\b/g)) names.add(m[0]);
  const vars = [...names];
  const body = `${vars.length ? `let ${vars.join(', ')};` : ''}
return { steps: [${program.steps.map((s) => `() => { ${s.js} }`).join(',\n')}],
  read: (name) => ({ ${vars.join(', ')} })[name] };`;
  return new Function('torch', 'F', body);
}

const number = (v) => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === '-0' ? -0 : v);

function flatten(x, out = []) {
  if (Array.isArray(x)) for (const e of x) flatten(e, out);
  else out.push(x);
  return out;
}

/** The package's side of record.guarded. */
function recordGuarded(get) {
  try {
    return recordValue(get());
  } catch (e) {
    return { error: e.message };
  }
}

/** The package's side of record.py. */
export function recordValue(v) {
  if (v === null || v === undefined) return { none: true };
  if (Array.isArray(v)) return { list: v.map(recordValue) };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (typeof v.tolist === 'function' && Array.isArray(v.shape)) {
    return {
      s: [...v.shape],
      d: v.dtype,
      v: flatten(v.tolist()),
      rg: v.requires_grad,
      leaf: v.is_leaf,
      fn: v.grad_fn ? v.grad_fn.name : null,
    };
  }
  return { unknown: typeof v };
}

function sameNumber(e, a, dtype) {
  const x = number(e);
  if (dtype === 'int64' || dtype === 'bool' || typeof x === 'boolean') return x === a || (x === 1 && a === true) || (x === 0 && a === false);
  if (typeof a !== 'number') return false;
  if (Number.isNaN(x) || Number.isNaN(a)) return Number.isNaN(x) && Number.isNaN(a);
  if (!Number.isFinite(x) || !Number.isFinite(a)) return x === a;
  // PyTorch prints a -0 as -0., so where it makes one the package must too. The
  // converse is not checked: an accumulation order may legitimately give -0.
  if (Object.is(x, -0)) return Object.is(a, -0);
  return Math.abs(a - x) <= ATOL + RTOL * Math.abs(x);
}

const show = (v) => JSON.stringify(v, (k, x) => {
  if (typeof x !== 'number' || (Number.isFinite(x) && !Object.is(x, -0))) return x;
  return Object.is(x, -0) ? '-0' : Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
});

/** The first difference between an expected and an actual record, as {what, expected, actual}, or null. */
export function diffRecord(exp, act, path = '') {
  const at = (what) => (path ? `${path}: ${what}` : what);
  if ('error' in exp || 'error' in act) {
    if (!('error' in act)) return { what: at('no error on reading'), expected: `${exp.type}: ${exp.error}`, actual: show(act) };
    if (!('error' in exp)) return { what: at('error on reading'), expected: show(exp), actual: act.error };
    return normaliseError(exp.error) === normaliseError(act.error) ? null
      : { what: at('error message on reading'), expected: `${exp.type}: ${exp.error}`, actual: act.error };
  }
  if ('list' in exp) {
    if (!('list' in act)) return { what: at('kind'), expected: 'list', actual: show(act) };
    if (exp.list.length !== act.list.length) return { what: at('list length'), expected: exp.list.length, actual: act.list.length };
    for (let i = 0; i < exp.list.length; i++) {
      const d = diffRecord(exp.list[i], act.list[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if ('none' in exp || 'none' in act) {
    return 'none' in exp && 'none' in act ? null : { what: at('None'), expected: show(exp), actual: show(act) };
  }
  if ('value' in exp) {
    return 'value' in act && sameNumber(exp.value, act.value, typeof act.value === 'boolean' ? 'bool' : 'float64') ? null
      : { what: at('value'), expected: show(exp.value), actual: show(act.value ?? act) };
  }
  if (!('s' in act)) return { what: at('kind'), expected: 'tensor', actual: show(act) };
  if (show(exp.s) !== show(act.s)) return { what: at('shape'), expected: show(exp.s), actual: show(act.s) };
  if (exp.d !== act.d) return { what: at('dtype'), expected: exp.d, actual: act.d };
  for (let i = 0; i < exp.v.length; i++) {
    if (!sameNumber(exp.v[i], act.v[i], exp.d)) {
      return { what: at(`values[${i}]`), expected: show(exp.v.map(number)), actual: show(act.v) };
    }
  }
  if (exp.rg !== act.rg) return { what: at('requires_grad'), expected: exp.rg, actual: act.rg };
  if (exp.leaf !== act.leaf) return { what: at('is_leaf'), expected: exp.leaf, actual: act.leaf };
  if (exp.fn !== act.fn && !(act.fn && DOUBLE_BACKWARD.test(exp.fn))) return { what: at('grad_fn'), expected: exp.fn, actual: act.fn };
  return null;
}

// Nodes PyTorch's own derivative formulas make when create_graph records a
// backward pass (TanhBackwardBackward0, CopyBackwards for an accumulated
// .grad). Gradlab writes its backward formulas with its ordinary ops
// (DESIGN.md), so there such a node is MulBackward0 and the like by design:
// only its presence is compared.
// (`_log_softmax_backward_data`'s node is LogSoftmaxBackwardDataBackward0.)
const DOUBLE_BACKWARD = /Backward(Data)?Backward\d*$|^CopyBackwards$/;

/**
 * An error message reduced to what both languages should share: its first
 * line; Python's `True/False/None` as `true/false/null`; the argument parser's
 * `(position N)` dropped; reading a member of `None` (Python's "'NoneType'
 * object has no attribute 'x'", JavaScript's "Cannot read properties of null
 * (reading 'x')") as one phrase; Python's `torch.Size([2, 3])` as `[2, 3]`;
 * trailing period and spacing ignored.
 */
export function normaliseError(message) {
  let m = String(message).split('\n')[0].trim();
  m = m.replace(/^'NoneType' object has no attribute '(\w+)'$/, 'null has no attribute $1');
  m = m.replace(/^Cannot read properties of (?:null|undefined) \(reading '(\w+)'\)$/, 'null has no attribute $1');
  m = m.replace(/\bTrue\b/g, 'true').replace(/\bFalse\b/g, 'false').replace(/\bNone\b/g, 'null');
  m = m.replace(/ \(position \d+\)/g, '').replace(/torch\.Size\((\[[\d, ]*\])\)/g, '$1');
  return m.replace(/\s+/g, ' ').replace(/\.$/, '');
}

/**
 * Runs program against torch and returns null when every step matches, else
 * {step, js, what, expected, actual} for the first step that does not (later
 * steps would only repeat the consequences).
 */
export function replay(torch, program) {
  const F = torch.nn.functional;
  return torch.tidy(() => {
    let env;
    try {
      env = compile(program)(torch, F);
    } catch (e) {
      return { step: -1, js: '', what: 'syntax', expected: 'valid JavaScript', actual: e.message };
    }
    try {
      for (let k = 0; k < program.steps.length; k++) {
        const d = replayStep(program.steps[k], env.steps[k], env.read);
        if (d) return { step: k, js: program.steps[k].js, ...d };
      }
      return null;
    } finally {
      torch.set_grad_enabled(true);
    }
  });
}

function replayStep(step, run, read) {
  const exp = step.expect;
  let thrown = null;
  try {
    run();
  } catch (e) {
    thrown = e;
  }
  if ('error' in exp) {
    if (!thrown) return { what: 'no error', expected: `${exp.type}: ${exp.error}`, actual: 'no error' };
    const want = normaliseError(exp.error);
    const got = normaliseError(thrown.message);
    return want === got ? null : { what: 'error message', expected: `${exp.type}: ${exp.error}`, actual: thrown.message };
  }
  if (thrown) return { what: 'unexpected error', expected: 'no error', actual: `${thrown.name}: ${thrown.message}` };
  for (const name of step.rec ?? []) {
    const d = diffRecord(exp.out[name], recordGuarded(() => read(name)), name);
    if (d) return d;
  }
  for (const name of step.grads ?? []) {
    const d = diffRecord(exp.grads[name], recordGuarded(() => read(name).grad), `${name}.grad`);
    if (d) return d;
  }
  return null;
}

// Calls that wrap or feed a step's op rather than being it.
const WRAPPERS = new Set(['no_grad', 'tensor', 'ones_like']);

/**
 * A short, stable label for grouping mismatches: what differed, and the step's
 * op (its first call that is not a wrapper: `torch.where(v1.lt(0), ...)` is a
 * `where`; a property set, `v1.requires_grad = true`, is `requires_grad=`).
 */
export function mismatchKind(m) {
  const calls = [...m.js.matchAll(/\.(\w+)\(/g)].map((c) => c[1]);
  const setter = m.js.match(/^\w+\.(\w+) = /)?.[1];
  const op = setter ? `${setter}=` : calls.find((c) => !WRAPPERS.has(c)) ?? calls[0] ?? '?';
  const what = m.what.replace(/^v\d+(\.grad)?(\[\d+\])?: /, (s) => (s.includes('.grad') ? 'grad ' : '')).replace(/\[\d+\]/, '');
  return `${what} @ ${op}`;
}
