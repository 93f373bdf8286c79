// Replays tests/fixtures/ops.json (PyTorch 1.13 forward values and gradients,
// see tests/oracle/README.md) through the JS API: float64 within 1e-6
// relative, float32 within 1e-4, int64/bool exactly.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { torch } from 'gradlab';
import { assertClose } from './helpers.js';

const F = torch.nn.functional;
const fixture = JSON.parse(readFileSync(new URL('../fixtures/ops.json', import.meta.url), 'utf8'));

const number = (v) => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v);
function nest(flat, shape) {
  if (shape.length === 0) return flat[0];
  const step = flat.length / shape[0];
  return Array.from({ length: shape[0] }, (_, i) => nest(flat.slice(i * step, (i + 1) * step), shape.slice(1)));
}
function transpose2d(flat, [m, n]) {
  return Array.from({ length: m * n }, (_, k) => flat[(k % m) * n + Math.floor(k / m)]);
}

function build(spec) {
  const data = spec.data.map(number);
  if (spec.noncontig) {
    const [m, n] = spec.shape;
    const leaf = torch.tensor(nest(transpose2d(data, [m, n]), [n, m]), { dtype: spec.dtype, requires_grad: spec.requires_grad });
    return { leaf, input: leaf.t(), noncontig: true };
  }
  const leaf = torch.tensor(nest(data, spec.shape), { dtype: spec.dtype, requires_grad: spec.requires_grad });
  return { leaf, input: leaf, noncontig: false };
}

function resolve(arg, inputs) {
  if (Array.isArray(arg)) return arg.map((a) => resolve(a, inputs));
  if (arg !== null && typeof arg === 'object' && 'input' in arg) return inputs[arg.input].input;
  if (arg !== null && typeof arg === 'object') return Object.fromEntries(Object.entries(arg).map(([k, v]) => [k, resolve(v, inputs)]));
  return arg;
}

function call(op, args, kwargs) {
  const hasKwargs = Object.keys(kwargs).length > 0;
  if (op.startsWith('F.')) {
    const name = op.slice(2);
    if ((name === 'leaky_relu' || name === 'elu') && hasKwargs) return F[name](args[0], Object.values(kwargs)[0]);
    return hasKwargs ? F[name](...args, kwargs) : F[name](...args);
  }
  if (op === 'getitem') return args[0].at(...args[1]);
  if (op === 'max_dim' || op === 'min_dim') {
    const r = torch[op.slice(0, 3)](...args, ...(hasKwargs ? [kwargs] : []));
    return [r.values, r.indices];
  }
  if (op === 'to') return args[0].to(args[1]);
  if (['view', 'expand', 'repeat', 'contiguous', 'clone', 'float', 'double', 'long', 'bool', 'type_as'].includes(op)) {
    return args[0][op](...args.slice(1));
  }
  return hasKwargs ? torch[op](...args, kwargs) : torch[op](...args);
}

function tolerance(dtype) {
  return dtype === 'float64' ? { rtol: 1e-6, atol: 1e-9 } : { rtol: 1e-4, atol: 1e-5 };
}

function compare(actual, expected, what) {
  if (typeof actual === 'boolean') {
    assert.equal(actual, expected.data[0], what);
    return;
  }
  assert.ok(actual && typeof actual.shape === 'object', `${what}: expected a tensor`);
  assert.deepEqual(actual.shape, expected.shape, `${what}: shape`);
  assert.equal(actual.dtype, expected.dtype, `${what}: dtype`);
  const values = actual.detach().reshape(-1).tolist();
  const want = expected.data.map(number);
  if (expected.dtype === 'int64' || expected.dtype === 'bool') assert.deepEqual(values, want, what);
  else assertClose(values, want, tolerance(expected.dtype), what);
}

for (const c of fixture.cases) {
  test(`${c.op}: ${c.name}`, () => {
    torch.tidy(() => {
      const inputs = c.inputs.map(build);
      const args = resolve(c.args, inputs);
      const kwargs = resolve(c.kwargs, inputs);
      const result = call(c.op, args, kwargs);
      const outputs = Array.isArray(c.output) ? result : [result];
      const expectedOutputs = Array.isArray(c.output) ? c.output : [c.output];
      assert.equal(outputs.length, expectedOutputs.length, 'number of outputs');
      outputs.forEach((o, i) => compare(o, expectedOutputs[i], `output ${i}`));

      const gradOutputs = c.grad_output === null ? [] : Array.isArray(c.grad_output) ? c.grad_output : [c.grad_output];
      const pairs = gradOutputs.map((g, i) => [outputs[i], g]).filter(([, g]) => g !== null);
      const wanted = inputs.map((inp, i) => [inp, c.grads[i], i]).filter(([inp]) => inp.leaf.requires_grad);
      if (pairs.length === 0 || wanted.length === 0) return;
      const grads = torch.autograd.grad(pairs.map(([o]) => o), wanted.map(([inp]) => inp.leaf), {
        grad_outputs: pairs.map(([, g]) => build({ ...g, requires_grad: false, noncontig: false }).leaf),
        allow_unused: true,
      });
      grads.forEach((g, k) => {
        const [inp, expected, index] = wanted[k];
        if (expected === null) return;
        if (g === null) {
          assert.ok(expected.data.every((v) => v === 0), `grad ${k}: none, expected ${expected.data}`);
          return;
        }
        compare(inp.noncontig ? g.t() : g, expected, `grad of input ${index}`);
      });
    });
  });
}
