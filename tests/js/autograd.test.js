// Autograd through the package (API.md "Autograd"): backward options, grad
// accumulation and reset, grad_fn graphs, hooks, retain_grad, grad modes,
// torch.autograd.grad, double backward and gradcheck.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GradlabError, torch } from 'gradlab';
import { assertClose, assertGradlabError } from './helpers.js';

test('backward: scalar implicit gradient, explicit gradient, non-scalar error', () => {
  const x = torch.tensor([1, 2, 3], { requires_grad: true });
  const y = x.mul(x);
  assertGradlabError(() => y.backward(), 'grad can be implicitly created only for scalar outputs');
  y.backward(torch.tensor([1, 0.5, 0]));
  assert.deepEqual(x.grad.tolist(), [2, 2, 0]);
  x.grad = null;
  assert.equal(x.grad, null);
  x.mul(3).sum().backward();
  assert.deepEqual(x.grad.tolist(), [3, 3, 3]);
  x.mul(3).sum().backward();
  assert.deepEqual(x.grad.tolist(), [6, 6, 6]);
  x.grad.zero_();
  assert.deepEqual(x.grad.tolist(), [0, 0, 0]);
  x.grad = torch.ones(3);
  assert.deepEqual(x.grad.tolist(), [1, 1, 1]);
});

test('grad_fn: names, next_functions, AccumulateGrad.variable, node identity', () => {
  const a = torch.tensor([1, 2], { requires_grad: true });
  const b = torch.tensor([3, 4]);
  const c = a.mul(b).sum();
  assert.equal(c.grad_fn.name, 'SumBackward0');
  assert.equal(c.grad_fn, c.grad_fn);
  const [[mul, nr]] = c.grad_fn.next_functions;
  assert.equal(mul.name, 'MulBackward0');
  assert.equal(nr, 0);
  const [[acc, accNr], [none]] = mul.next_functions;
  assert.equal(acc.name, 'AccumulateGrad');
  assert.equal(accNr, 0);
  assert.equal(none, null);
  assert.deepEqual(acc.variable.tolist(), [1, 2]);
  assert.equal(acc.variable, a, 'AccumulateGrad.variable is the leaf itself');
  assert.equal(acc.variable.requires_grad, true);
  const d = a.mul(b);
  assert.equal(d.grad_fn.next_functions[0][0], acc, 'the leaf has one AccumulateGrad node');
  assert.equal(a.grad_fn, null);
  assert.equal(a.is_leaf, true);
  assert.equal(c.is_leaf, false);
});

test('retain_grad, register_hook and remove', () => {
  const x = torch.tensor([1, 2], { requires_grad: true });
  const y = x.mul(2);
  y.retain_grad();
  const seen = [];
  const handle = y.register_hook((g) => { seen.push(g.tolist()); return g.mul(10); });
  const leafSeen = [];
  x.register_hook((g) => { leafSeen.push(g.tolist()); });
  y.sum().backward({ retain_graph: true });
  assert.deepEqual(seen, [[1, 1]]);
  assert.deepEqual(leafSeen, [[20, 20]]);
  assert.deepEqual(x.grad.tolist(), [20, 20]);
  assert.ok(y.grad !== null);
  handle.remove();
  x.grad = null;
  y.sum().backward();
  assert.deepEqual(x.grad.tolist(), [2, 2]);
  assert.equal(seen.length, 1);
});

test('an exception thrown in a hook reaches the caller and the engine stays usable', () => {
  const x = torch.tensor([1, 2], { requires_grad: true });
  const y = x.mul(2);
  y.register_hook(() => { throw new RangeError('from the hook'); });
  assert.throws(() => y.sum().backward(), { name: 'RangeError', message: 'from the hook' });
  assert.equal(torch.is_grad_enabled(), true);
  const z = x.mul(3).sum();
  z.backward();
  assert.deepEqual(x.grad.tolist(), [3, 3]);
});

test('detach, detach_, requires_grad_', () => {
  const x = torch.tensor([1, 2], { requires_grad: true });
  const y = x.mul(2);
  const d = y.detach();
  assert.equal(d.requires_grad, false);
  assert.equal(d.grad_fn, null);
  y.detach_();
  assert.equal(y.requires_grad, false);
  assert.equal(y.is_leaf, true);
});

test('grad modes: no_grad, enable_grad, set_grad_enabled, is_grad_enabled', () => {
  const x = torch.ones(2, { requires_grad: true });
  const y = torch.no_grad(() => x.mul(2));
  assert.equal(y.requires_grad, false);
  assert.equal(torch.is_grad_enabled(), true);
  const z = torch.no_grad(() => torch.enable_grad(() => x.mul(2)));
  assert.equal(z.requires_grad, true);
  torch.set_grad_enabled(false);
  assert.equal(torch.is_grad_enabled(), false);
  assert.equal(x.mul(2).requires_grad, false);
  torch.set_grad_enabled(true);
  assert.throws(() => torch.no_grad(() => { throw new Error('boom'); }), /boom/);
  assert.equal(torch.is_grad_enabled(), true);
});

test('torch.autograd.grad, create_graph and double backward', () => {
  const x = torch.tensor([1, 2, 3], { requires_grad: true, dtype: 'float64' });
  const y = x.pow(3).sum();
  const [g] = torch.autograd.grad(y, [x], { create_graph: true });
  assert.deepEqual(g.tolist(), [3, 12, 27]);
  assert.equal(g.requires_grad, true);
  const [gg] = torch.autograd.grad(g.sum(), x);
  assert.deepEqual(gg.tolist(), [6, 12, 18]);
  const u = torch.ones(1, { requires_grad: true });
  const [none] = torch.autograd.grad(x.sum(), [u], { allow_unused: true });
  assert.equal(none, null);
  const z = torch.tensor(2, { requires_grad: true, dtype: 'float64' });
  const w = z.pow(4);
  w.backward({ create_graph: true });
  const first = z.grad;
  assert.equal(first.item(), 32);
  z.grad = null;
  first.backward();
  assert.equal(z.grad.item(), 48);
  const out = x.mul(2);
  const [go] = torch.autograd.grad(out, x, { grad_outputs: torch.tensor([1, 2, 3], { dtype: 'float64' }) });
  assert.deepEqual(go.tolist(), [2, 4, 6]);
});

test('gradcheck passes for correct gradients and reports mismatches', () => {
  const a = torch.rand(3, { dtype: 'float64', requires_grad: true });
  const b = torch.rand(3, { dtype: 'float64', requires_grad: true });
  assert.equal(torch.autograd.gradcheck((p, q) => p.mul(q).sin().sum(), [a, b]), true);
  assert.equal(torch.autograd.gradcheck((p) => [p.exp(), p.tanh()], a, { eps: 1e-6, atol: 1e-5 }), true);
  // A hook that doubles the gradient makes the analytic Jacobian wrong.
  const broken = (p) => {
    const y = p.mul(1);
    y.register_hook((g) => g.mul(2));
    return y;
  };
  assert.throws(() => torch.autograd.gradcheck(broken, [a]), GradlabError);
  assert.throws(() => torch.autograd.gradcheck(() => { throw new TypeError('bad fn'); }, [a]), TypeError);
  assertClose(a.mul(2).sum().item(), a.sum().item() * 2);
});

test('in-place ops on views: the base takes the change into its history (CopySlices)', () => {
  const x = torch.tensor([1, 2, 3], { requires_grad: true });
  const y = x.mul(1);
  const v = y.narrow(0, 0, 1);
  v.mul_(2);
  assert.deepEqual(y.tolist(), [2, 2, 3]);
  assert.equal(y.grad_fn.name, 'CopySlices');
  assert.equal(v.grad_fn.name, 'AsStridedBackward0');
  y.sum().backward();
  assert.deepEqual(x.grad.tolist(), [2, 1, 1]);

  // A slice written through NumPy-style indexing is a view as well.
  const w = torch.tensor([[1, 2], [3, 4]], { dtype: 'float64', requires_grad: true });
  const z = w.mul(1);
  z.at(0).zero_();
  z.sum().backward();
  assert.deepEqual(w.grad.tolist(), [[0, 0], [1, 1]]);

  assertGradlabError(() => w.select(0, 0).fill_(0), /^a view of a leaf Variable that requires grad is being used in an in-place operation\.$/);

  // A view taken before its base changed in place follows the change.
  const a = torch.tensor([1, 2, 3], { requires_grad: true });
  const b = a.mul(1);
  const head = b.at('0:2');
  b.mul_(2);
  head.sum().backward();
  assert.deepEqual(a.grad.tolist(), [2, 2, 0]);
  assert.equal(head.grad_fn.name, 'AsStridedBackward0');
  torch.dispose([x, y, v, w, z, a, b, head]);
});
