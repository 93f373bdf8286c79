// The fuzzer's gradient checks: every differentiable op call is re-run on
// float64 stand-ins for its float operands (distinct values away from kinks
// such as 0 and ties) under torch.autograd.gradcheck; elementwise ops also get
// their gradient at the call's own values (kinks, 0^0, ties, inf and NaN
// included) compared with PyTorch 1.13's derivative formulas; and the
// `gradcheck` step checks a composed smooth function of a pool tensor.
import { GradlabError, torch } from 'gradlab';
import {
  UNARY, broadcast, broadcastIndex, cpow, exactInt, numberPow, isFloat, numel, ravel, unravel,
} from './fuzz-reference.js';
import { dimsFor } from './fuzz-ops.js';

const F = torch.nn.functional;
const GRADCHECK = { eps: 1e-6, atol: 1e-5, rtol: 1e-3 };
const MAX_ELEMENTS = 24;

/**
 * Distinct values of magnitude in [0.25, 1.75] (golden-ratio spaced, shifted per input so
 * that no two inputs tie), alternating in sign unless `positive`.
 */
function standIn(shape, j, positive) {
  const n = numel(shape);
  const data = Array.from({ length: n }, (_, i) => {
    const v = 0.25 + 1.5 * ((i * 0.6180339887 + j * 0.1234567) % 1);
    return positive || (i + j) % 2 === 0 ? v : -v;
  });
  return torch.tensor(data, { dtype: 'float64' }).reshape(shape).requires_grad_(true);
}

/**
 * Gradient check of one op call (spec from fuzz-ops.js, x its operands and snapshots);
 * returns null or why the analytic gradient disagrees with finite differences.
 */
export function checkOpGradient(spec, x) {
  if (!spec.wrt || spec.noGradcheck) return null;
  const keys = spec.wrt.filter((k) => isFloat(x[`r${k}`].dtype));
  if (keys.length === 0 || keys.reduce((t, k) => t + numel(x[`r${k}`].shape), 0) > MAX_ELEMENTS) return null;
  const fn = spec.pure ?? spec.call;
  const f = (...xs) => {
    const ops = { a: x.a, b: x.b, c: x.c };
    keys.forEach((k, j) => { ops[k] = xs[j]; });
    const r = fn(ops.a, ops.b, ops.c);
    return (Array.isArray(r) ? r : [r]).filter((t) => isFloat(t.dtype));
  };
  const inputs = keys.map((k, j) => standIn(x[`r${k}`].shape, j, spec.positive));
  // Calls that fail or leave the finite range on the stand-ins have nothing to check.
  const usable = torch.tidy(() => {
    try {
      const outs = f(...inputs);
      // Finite differences of eps = 1e-6 need values of moderate size.
      return outs.length > 0 && outs.every((t) => t.requires_grad && numel(t.shape) <= MAX_ELEMENTS
        && t.reshape(-1).tolist().every((v) => Number.isFinite(v) && Math.abs(v) < 1e4));
    } catch (e) {
      if (e instanceof GradlabError) return false;
      throw e;
    }
  });
  if (!usable) return null;
  try {
    torch.autograd.gradcheck(f, inputs, GRADCHECK);
  } catch (e) {
    if (e instanceof GradlabError && /Jacobian mismatch/.test(e.message)) {
      return `gradient: ${e.message} (wrt ${keys.join(', ')} at ${JSON.stringify(inputs.map((t) => t.tolist()))})`;
    }
    throw e;
  }
  return null;
}

// PyTorch 1.13's derivatives at x (result r): ties split the gradient, abs and sign
// give 0 at 0, relu passes it where its result is not <= 0, pow masks 0^0.
const D_UNARY = {
  neg: () => -1, abs: (x) => (x > 0 ? 1 : x < 0 ? -1 : 0), square: (x) => 2 * x, sqrt: (x, r) => 1 / (2 * r),
  exp: (x, r) => r, log: (x) => 1 / x, tanh: (x, r) => 1 - r * r, sigmoid: (x, r) => r * (1 - r),
  relu: (x, r) => (r <= 0 ? 0 : 1), sign: () => 0, reciprocal: (x, r) => -(r * r), sin: (x) => Math.cos(x),
};
// div's divisor gradient in PyTorch's order, -((x / y) / y): x / y² overflows where it does not.
const D_BINARY = {
  add: [() => 1, () => 1], sub: [() => 1, () => -1], mul: [(x, y) => y, (x) => x],
  div: [(x, y) => 1 / y, (x, y) => -((x / y) / y)],
  // An integer base's log is taken in float32, PyTorch's default dtype.
  pow: [(x, y, intBase, byNumber) => (y === 0 ? 0 : y * (byNumber ? numberPow : cpow)(x, y - 1)), (x, y, intBase) => (x === 0 && y >= 0 ? 0 : cpow(x, y) * (intBase ? Math.fround(Math.log(x)) : Math.log(x)))],
  maximum: [(x, y) => (x === y ? 0.5 : x < y ? 0 : 1), (x, y) => (x === y ? 0.5 : x > y ? 0 : 1)],
  minimum: [(x, y) => (x === y ? 0.5 : x > y ? 0 : 1), (x, y) => (x === y ? 0.5 : x < y ? 0 : 1)],
};
export const ANALYTIC = new Set([...Object.keys(D_UNARY), ...Object.keys(D_BINARY)]);
const ANALYTIC_MAX = 256;

function closeGrad(got, want) {
  if (Number.isNaN(want)) return Number.isNaN(got);
  if (!Number.isFinite(want)) return got === want;
  return Math.abs(got - want) <= 1e-12 + 1e-10 * Math.abs(want);
}

/**
 * The gradient of an elementwise op (x from fuzz-ops.js) at its operands' own values, in
 * float64, against D_UNARY / D_BINARY summed over broadcast dims; null or why it differs.
 */
export function checkAnalyticGradient(op, x) {
  const other = op in D_BINARY ? (x.s.mode === 0 ? x.s.num : x.rb) : undefined;
  const operands = { a: x.ra, b: other };
  const keys = ['a', 'b'].filter((k) => typeof operands[k] === 'object' && isFloat(operands[k].dtype));
  // Integer operands take part in int64 arithmetic (exponent - 1 wraps), unmodelled beyond 2^53.
  const ints = [x.ra, other].filter((t) => typeof t === 'object' && !isFloat(t.dtype));
  if (keys.length === 0 || ints.some((t) => !t.data.every(exactInt))) return null;
  // PyTorch's own backward of a bool exponent fails (exponent - 1 is a bool subtraction), as Gradlab's does.
  if (op === 'pow' && typeof other === 'object' && other.dtype === 'bool') return null;
  const shape = other === undefined ? x.ra.shape : broadcast(x.ra.shape, typeof other === 'number' ? [] : other.shape);
  if (shape.invalid || numel(shape) > ANALYTIC_MAX) return null;
  return torch.tidy(() => {
    const ins = { a: x.a, b: typeof other === 'number' ? other : x.b };
    const leaves = keys.map((k) => { ins[k] = x[k].detach().double().requires_grad_(true); return ins[k]; });
    let out;
    try {
      out = other === undefined ? ins.a[op]() : ins.a[op](ins.b);
    } catch (e) {
      if (e instanceof GradlabError) return null;
      throw e;
    }
    if (!out.requires_grad) return null;
    const grads = torch.autograd.grad([out], leaves, { grad_outputs: [torch.ones_like(out)], allow_unused: true });
    const want = Object.fromEntries(keys.map((k) => [k, new Array(numel(operands[k].shape)).fill(0)]));
    const value = (t, o) => (typeof t === 'number' ? t : t.data[ravel(broadcastIndex(o, t.shape), t.shape)]);
    for (let i = 0; i < numel(shape); i++) {
      const o = unravel(i, shape);
      const u = value(operands.a, o);
      if (other === undefined) {
        want.a[i] += D_UNARY[op](u, UNARY[op].f(u));
        continue;
      }
      const v = value(other, o);
      keys.forEach((k) => {
        const t = operands[k];
        want[k][ravel(broadcastIndex(o, t.shape), t.shape)] += D_BINARY[op][k === 'a' ? 0 : 1](u, v, !isFloat(x.ra.dtype), typeof other === 'number');
      });
    }
    for (const [j, k] of keys.entries()) {
      const got = grads[j] ? grads[j].reshape(-1).tolist() : want[k].map(() => 0);
      const i = got.findIndex((g, q) => !closeGrad(g, want[k][q]));
      if (i >= 0) {
        return `gradient wrt ${k} [${i}] = ${got[i]}, expected ${want[k][i]} (at ${k === 'a' ? 'a' : 'b'} = ${JSON.stringify(operands[k].data.slice(0, 8))}${typeof other === 'number' ? `, number ${other}` : ''})`;
      }
    }
    return null;
  });
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
export function gradcheckStep(a, s) {
  if (a.numel() > MAX_ELEMENTS) return;
  const base = a.detach().double();
  const x = base.masked_fill(base.ne(base), 0.5).clamp(-2, 2).detach().requires_grad_(true);
  const fn = SMOOTH[(s.ints.length * 7 + s.mode) % SMOOTH.length];
  try {
    torch.autograd.gradcheck((t) => fn(t, s), [x], GRADCHECK);
  } catch (e) {
    if (e instanceof GradlabError && /Jacobian mismatch/.test(e.message)) throw new Error(`gradcheck of SMOOTH[${SMOOTH.indexOf(fn)}] on ${JSON.stringify(x.tolist())}: ${e.message}`);
    throw e;
  }
}
