// Creating tensors (API.md "Creating tensors") and reading their properties.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NDArray, torch, Variable } from 'gradlab';
import { assertClose, assertGradlabError } from './helpers.js';

test('torch.tensor from numbers, nested arrays, TypedArrays and NDArrays', () => {
  const a = torch.tensor([[1, 2, 3], [4, 5, 6]]);
  assert.deepEqual(a.shape, [2, 3]);
  assert.equal(a.dtype, 'float32');
  assert.deepEqual(a.tolist(), [[1, 2, 3], [4, 5, 6]]);
  assert.equal(torch.tensor(3.5).item(), 3.5);
  assert.deepEqual(torch.tensor(3.5).shape, []);
  assert.equal(torch.tensor([1, 2], { dtype: 'float64' }).dtype, 'float64');
  assert.equal(torch.tensor(new Float64Array([1, 2])).dtype, 'float64');
  assert.equal(torch.tensor(new Float32Array([1, 2])).dtype, 'float32');
  assert.equal(torch.tensor([true, false]).dtype, 'bool');
  assert.deepEqual(torch.tensor([true, false]).tolist(), [true, false]);
  assert.deepEqual(torch.tensor([1, 2, 3], { dtype: 'int64' }).tolist(), [1, 2, 3]);
  const nd = new NDArray(new Float64Array([1, 2, 3, 4]), [2, 2]);
  assert.deepEqual(torch.from_numpy(nd).tolist(), [[1, 2], [3, 4]]);
  assert.equal(torch.from_numpy(nd).dtype, 'float64');
  assert.deepEqual(torch.tensor(nd).shape, [2, 2]);
  assert.equal(torch.tensor([1, 2], { requires_grad: true }).requires_grad, true);
});

test('ragged nesting is an error with PyTorch message', () => {
  assertGradlabError(() => torch.tensor([[1, 2], [3]]), 'expected sequence of length 2 at dim 1 (got 1)');
});

test('sizes as ints or one array, options last', () => {
  assert.deepEqual(torch.zeros(2, 3).shape, [2, 3]);
  assert.deepEqual(torch.zeros([2, 3]).tolist(), torch.zeros(2, 3).tolist());
  assert.equal(torch.ones(2, { dtype: 'float64' }).dtype, 'float64');
  assert.equal(torch.ones([2], { requires_grad: true }).requires_grad, true);
  assert.deepEqual(torch.empty(4).shape, [4]);
  assert.deepEqual(torch.full([2, 2], 7).tolist(), [[7, 7], [7, 7]]);
  assert.deepEqual(torch.arange(4).tolist(), [0, 1, 2, 3]);
  assert.equal(torch.arange(4).dtype, 'int64');
  assert.deepEqual(torch.arange(1, 2, 0.25).tolist(), [1, 1.25, 1.5, 1.75]);
  assertClose(torch.linspace(0, 1, 5).tolist(), [0, 0.25, 0.5, 0.75, 1]);
  assert.deepEqual(torch.eye(2).tolist(), [[1, 0], [0, 1]]);
  const t = torch.ones(2, 3, { dtype: 'float64' });
  assert.deepEqual(torch.zeros_like(t).tolist(), [[0, 0, 0], [0, 0, 0]]);
  assert.equal(torch.ones_like(t).dtype, 'float64');
  assert.deepEqual(torch.full_like(t, 2).tolist(), [[2, 2, 2], [2, 2, 2]]);
  assert.deepEqual(torch.rand_like(t).shape, [2, 3]);
  assert.deepEqual(torch.randn_like(t).shape, [2, 3]);
});

test('seeded random numbers are PyTorch 1.13\'s', () => {
  torch.manual_seed(0);
  // torch.manual_seed(0); torch.rand(3) in PyTorch 1.13
  assertClose(torch.rand(3).tolist(), [0.49625658988952637, 0.7682217955589294, 0.08847743272781372], { rtol: 1e-6 });
  torch.manual_seed(0);
  // torch.manual_seed(0); torch.randn(2)
  assertClose(torch.randn(2).tolist(), [1.5409960746765137, -0.293428897857666], { rtol: 1e-6 });
  torch.manual_seed(7);
  const a = torch.randint(0, 10, [5]).tolist();
  torch.manual_seed(7);
  assert.deepEqual(torch.randint(0, 10, [5]).tolist(), a);
  assert.equal(torch.randint(0, 10, [5]).dtype, 'int64');
  assert.ok(a.every((v) => Number.isInteger(v) && v >= 0 && v < 10));
});

test('legacy constructors and Variable with or without new', () => {
  const f = torch.FloatTensor([[1, 2], [3, 4]]);
  assert.equal(f.dtype, 'float32');
  assert.equal(torch.DoubleTensor([1]).dtype, 'float64');
  const v1 = Variable(f, { requires_grad: true });
  const v2 = new Variable(f, { requires_grad: true, volatile: false });
  assert.ok(v1 instanceof torch.Tensor);
  assert.ok(v2 instanceof torch.Tensor);
  assert.equal(v2.requires_grad, true);
  assert.equal(v1.is_leaf, true);
  // Variable shares the tensor's storage, as 0.3 did.
  f.add_(1);
  assert.deepEqual(v1.detach().tolist(), [[2, 3], [4, 5]]);
});

test('tensor properties', () => {
  const x = torch.zeros(2, 3, 4);
  assert.deepEqual(x.shape, [2, 3, 4]);
  assert.deepEqual(x.size(), [2, 3, 4]);
  assert.equal(x.size(1), 3);
  assert.equal(x.size(-1), 4);
  assertGradlabError(() => x.size(3), 'Dimension out of range (expected to be in range of [-3, 2], but got 3)');
  assert.equal(x.dim(), 3);
  assert.equal(x.ndim, 3);
  assert.equal(x.numel(), 24);
  assert.equal(x.dtype, 'float32');
  assert.equal(x.requires_grad, false);
  assert.equal(x.is_leaf, true);
  assert.equal(x.volatile, false);
  assert.equal(x.grad, null);
  assert.equal(x.grad_fn, null);
  assert.equal(x._version, 0);
  x.add_(1);
  assert.equal(x._version, 1);
  const m = torch.tensor([[1, 2, 3], [4, 5, 6]]);
  assert.deepEqual(m.T.tolist(), [[1, 4], [2, 5], [3, 6]]);
  const d = m.data;
  assert.equal(d.requires_grad, false);
  d.mul_(2);
  assert.deepEqual(m.tolist(), [[2, 4, 6], [8, 10, 12]]);
});

test('requires_grad is settable on leaves only', () => {
  const x = torch.ones(2);
  x.requires_grad = true;
  assert.equal(x.requires_grad, true);
  const y = x.mul(2);
  assertGradlabError(() => { y.requires_grad = false; }, /leaf variables/);
  assert.equal(torch.ones(2).requires_grad_().requires_grad, true);
  assertGradlabError(() => torch.ones(2, { dtype: 'int64' }).requires_grad_(), /floating point/);
});

test('*_like with a dtype makes the tensor in that dtype (PyTorch 1.13 values for the seed)', () => {
  torch.manual_seed(0);
  const r = torch.rand_like(torch.tensor([[1, 2], [3, 4]], { dtype: 'int64' }), { dtype: 'float32' });
  assert.equal(r.dtype, 'float32');
  assertClose(r.tolist().flat(), [0.49625658988952637, 0.7682217955589294, 0.08847743272781372, 0.13203048706054688], 0);
  torch.manual_seed(0);
  const d = torch.rand_like(torch.zeros(3), { dtype: 'float64' });
  assert.equal(d.dtype, 'float64');
  assert.deepEqual(d.tolist(), [0.9700530018065531, 0.707819864399788, 0.45938294312745087]);
  const x = torch.ones(2, { requires_grad: true });
  const z = torch.zeros_like(x, { dtype: 'int64' });
  assert.equal(z.dtype, 'int64');
  assert.equal(z.requires_grad, false);
});

test('linspace has PyTorch 1.13\'s bits in WebAssembly (tests/fixtures/linspace.json)', async () => {
  const { readFileSync } = await import('node:fs');
  const { cases } = JSON.parse(readFileSync(new URL('../fixtures/linspace.json', import.meta.url), 'utf8'));
  for (const c of cases) {
    const got = torch.linspace(c.start, c.end, c.steps, { dtype: c.dtype }).tolist();
    const want = c.dtype === 'float32' ? c.out.map(Math.fround) : c.out;
    want.forEach((w, i) => assert.ok(Object.is(got[i], w), `${c.dtype} linspace(${c.start}, ${c.end}, ${c.steps})[${i}]: ${got[i]} != ${w}`));
  }
});
