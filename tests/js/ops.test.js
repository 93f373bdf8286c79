// Operations in method and torch.* form (API.md "Operations"): broadcasting,
// plain-number operands, reductions, linear algebra, shape, indexing, dtype
// and in-place ops.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { torch } from 'gradlab';
import { assertClose, assertGradlabError } from './helpers.js';

const m = () => torch.tensor([[1, 2, 3], [4, 5, 6]]);

test('arithmetic with broadcasting and plain numbers, method and function form', () => {
  const a = m();
  const row = torch.tensor([10, 20, 30]);
  assert.deepEqual(a.add(row).tolist(), [[11, 22, 33], [14, 25, 36]]);
  assert.deepEqual(torch.add(a, row).tolist(), a.add(row).tolist());
  assert.deepEqual(a.add(row, { alpha: 2 }).tolist(), [[21, 42, 63], [24, 45, 66]]);
  assert.deepEqual(a.add(1).tolist(), [[2, 3, 4], [5, 6, 7]]);
  assert.deepEqual(torch.add(1, a).tolist(), [[2, 3, 4], [5, 6, 7]]);
  assert.deepEqual(a.sub(1).tolist(), [[0, 1, 2], [3, 4, 5]]);
  assert.deepEqual(torch.sub(10, a).tolist(), [[9, 8, 7], [6, 5, 4]]);
  assert.deepEqual(a.mul(2).tolist(), [[2, 4, 6], [8, 10, 12]]);
  assert.deepEqual(a.div(2).tolist(), [[0.5, 1, 1.5], [2, 2.5, 3]]);
  assert.deepEqual(a.pow(2).tolist(), [[1, 4, 9], [16, 25, 36]]);
  assert.deepEqual(torch.pow(2, torch.tensor([1, 2, 3])).tolist(), [2, 4, 8]);
  assert.deepEqual(a.neg().tolist(), [[-1, -2, -3], [-4, -5, -6]]);
  assert.equal(a.add(1).dtype, 'float32');
  assertGradlabError(() => torch.ones(2, 3).add(torch.ones(2, 2)),
    'The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1');
});

test('elementwise functions', () => {
  const x = torch.tensor([-1, 0, 0.5, 2], { dtype: 'float64' });
  const js = { abs: Math.abs, square: (v) => v * v, exp: Math.exp, sin: Math.sin, cos: Math.cos, tan: Math.tan,
    tanh: Math.tanh, sigmoid: (v) => 1 / (1 + Math.exp(-v)), relu: (v) => Math.max(v, 0), sign: Math.sign,
    expm1: Math.expm1, reciprocal: (v) => 1 / v };
  for (const [name, f] of Object.entries(js)) {
    assertClose(x[name]().tolist(), x.tolist().map(f), { rtol: 1e-12 }, name);
    assertClose(torch[name](x).tolist(), x.tolist().map(f), { rtol: 1e-12 }, `torch.${name}`);
  }
  const p = torch.tensor([0.25, 1, 4], { dtype: 'float64' });
  assertClose(p.sqrt().tolist(), [0.5, 1, 2]);
  assertClose(p.rsqrt().tolist(), [2, 1, 0.5]);
  assertClose(p.log().tolist(), [Math.log(0.25), 0, Math.log(4)]);
  assertClose(p.log1p().tolist(), [Math.log1p(0.25), Math.log1p(1), Math.log1p(4)]);
  assertClose(x.leaky_relu(0.1).tolist(), [-0.1, 0, 0.5, 2]);
  assertClose(x.elu().tolist(), [Math.expm1(-1), 0, 0.5, 2]);
  assertClose(x.softplus().tolist(), x.tolist().map((v) => Math.log1p(Math.exp(v))));
  assertClose(x.gelu().tolist(), [-0.15865525393145707, 0, 0.34573123063700656, 1.9544997361036416]);
  assertClose(x.clamp(0, 1).tolist(), [0, 0, 0.5, 1]);
  assertClose(x.clamp({ min: 0 }).tolist(), [0, 0, 0.5, 2]);
  assertClose(x.maximum(torch.zeros(4, { dtype: 'float64' })).tolist(), [0, 0, 0.5, 2]);
  assertClose(torch.minimum(x, torch.zeros(4, { dtype: 'float64' })).tolist(), [-1, 0, 0, 0]);
  assertClose(torch.where(x.gt(0), x, torch.zeros_like(x)).tolist(), [0, 0, 0.5, 2]);
  assertClose(torch.where(x.gt(0), x, 0).tolist(), [0, 0, 0.5, 2]);
});

test('comparison gives bool, allclose', () => {
  const x = torch.tensor([1, 2, 3]);
  assert.equal(x.eq(2).dtype, 'bool');
  assert.deepEqual(x.eq(2).tolist(), [false, true, false]);
  assert.deepEqual(x.ne(2).tolist(), [true, false, true]);
  assert.deepEqual(x.lt(2).tolist(), [true, false, false]);
  assert.deepEqual(x.le(2).tolist(), [true, true, false]);
  assert.deepEqual(x.gt(torch.tensor([0, 2, 4])).tolist(), [true, false, false]);
  assert.deepEqual(torch.ge(x, 2).tolist(), [false, true, true]);
  assert.equal(x.gt(1).requires_grad, false);
  assert.equal(torch.allclose(x, x.add(1e-7)), true);
  assert.equal(torch.allclose(x, x.add(1)), false);
  assert.equal(torch.allclose(x, x.add(0.5), { atol: 1 }), true);
});

test('reductions: (dim?, keepdim?) or ({dim, keepdim}), max/min with indices', () => {
  const a = m();
  assert.equal(a.sum().item(), 21);
  assert.deepEqual(a.sum(0).tolist(), [5, 7, 9]);
  assert.deepEqual(a.sum(1, true).tolist(), [[6], [15]]);
  assert.deepEqual(a.sum({ dim: 1, keepdim: true }).tolist(), [[6], [15]]);
  assert.deepEqual(a.sum([0, 1]).tolist(), 21);
  assert.deepEqual(torch.sum(a, 1).tolist(), [6, 15]);
  assert.equal(a.mean().item(), 3.5);
  assert.deepEqual(a.mean(0).tolist(), [2.5, 3.5, 4.5]);
  assert.equal(a.prod().item(), 720);
  assert.deepEqual(a.prod(1).tolist(), [6, 120]);
  assertClose(a.var().item(), 3.5);
  assertClose(a.var(1).tolist(), [1, 1]);
  assertClose(a.var({ dim: 1, unbiased: false }).tolist(), [2 / 3, 2 / 3]);
  assertClose(a.std(0).tolist(), [2.1213203, 2.1213203, 2.1213203]);
  assertClose(a.norm().item(), Math.sqrt(91));
  assertClose(a.norm(1).item(), 21);
  assertClose(a.norm({ dim: 1 }).tolist(), [Math.sqrt(14), Math.sqrt(77)]);
  assertClose(a.logsumexp(1).tolist(), [3.40760596, 6.40760596]);
  assert.deepEqual(a.amax(1).tolist(), [3, 6]);
  assert.deepEqual(a.amin(0).tolist(), [1, 2, 3]);
  assert.equal(a.max().item(), 6);
  assert.equal(a.min().item(), 1);
  const { values, indices } = a.max(1);
  assert.deepEqual(values.tolist(), [3, 6]);
  assert.deepEqual(indices.tolist(), [2, 2]);
  assert.equal(indices.dtype, 'int64');
  const [v, i] = torch.min(a, 0, true);
  assert.deepEqual(v.tolist(), [[1, 2, 3]]);
  assert.deepEqual(i.tolist(), [[0, 0, 0]]);
  assert.equal(a.argmax().item(), 5);
  assert.deepEqual(a.argmin(1).tolist(), [0, 0]);
  assert.deepEqual(a.max(torch.full([2, 3], 4)).tolist(), [[4, 4, 4], [4, 5, 6]]);
});

test('linear algebra', () => {
  const a = m();
  const b = torch.tensor([[1, 0], [0, 1], [1, 1]]);
  assert.deepEqual(a.matmul(b).tolist(), [[4, 5], [10, 11]]);
  assert.deepEqual(torch.mm(a, b).tolist(), [[4, 5], [10, 11]]);
  assert.deepEqual(a.mv(torch.tensor([1, 1, 1])).tolist(), [6, 15]);
  assert.equal(torch.dot(torch.tensor([1, 2]), torch.tensor([3, 4])).item(), 11);
  assert.deepEqual(torch.outer(torch.tensor([1, 2]), torch.tensor([3, 4])).tolist(), [[3, 4], [6, 8]]);
  assert.deepEqual(a.t().shape, [3, 2]);
  const batch = torch.ones(4, 2, 3);
  assert.deepEqual(batch.bmm(torch.ones(4, 3, 5)).shape, [4, 2, 5]);
  assert.deepEqual(batch.matmul(b).shape, [4, 2, 2]);
  assert.deepEqual(torch.tensor([1, 2, 3]).matmul(torch.tensor([1, 1, 1])).shape, []);
  assertGradlabError(() => a.mm(a), /cannot be multiplied \(2x3 and 2x3\)/);
});

test('shape ops', () => {
  const a = torch.arange(6, { dtype: 'float32' });
  assert.deepEqual(a.reshape(2, 3).tolist(), [[0, 1, 2], [3, 4, 5]]);
  assert.deepEqual(a.view([3, -1]).shape, [3, 2]);
  assert.deepEqual(a.view(-1, 2).shape, [3, 2]);
  assertGradlabError(() => a.view(4, 2), "shape '[4, 2]' is invalid for input of size 6");
  const b = a.reshape(1, 2, 3);
  assert.deepEqual(b.flatten().shape, [6]);
  assert.deepEqual(b.flatten(1).shape, [1, 6]);
  assert.deepEqual(b.transpose(1, 2).shape, [1, 3, 2]);
  assert.deepEqual(b.permute(2, 0, 1).shape, [3, 1, 2]);
  assert.deepEqual(b.permute([2, 0, 1]).shape, [3, 1, 2]);
  assert.deepEqual(b.squeeze().shape, [2, 3]);
  assert.deepEqual(b.squeeze(0).shape, [2, 3]);
  assert.deepEqual(b.unsqueeze(-1).shape, [1, 2, 3, 1]);
  assert.deepEqual(torch.tensor([1, 2]).expand(3, 2).tolist(), [[1, 2], [1, 2], [1, 2]]);
  assert.deepEqual(torch.tensor([1, 2]).repeat(2, 2).tolist(), [[1, 2, 1, 2], [1, 2, 1, 2]]);
  const t = b.transpose(1, 2);
  assert.deepEqual(t.contiguous().tolist(), t.tolist());
  const c = a.clone();
  c.add_(1);
  assert.deepEqual(a.tolist(), [0, 1, 2, 3, 4, 5]);
  const x = torch.tensor([1, 2]);
  const y = torch.tensor([3, 4]);
  assert.deepEqual(torch.cat([x, y]).tolist(), [1, 2, 3, 4]);
  assert.deepEqual(torch.stack([x, y], 1).tolist(), [[1, 3], [2, 4]]);
  assert.deepEqual(a.split(4).map((p) => p.tolist()), [[0, 1, 2, 3], [4, 5]]);
  assert.deepEqual(torch.split(a, [1, 5]).map((p) => p.shape), [[1], [5]]);
  assert.deepEqual(a.chunk(3).map((p) => p.tolist()), [[0, 1], [2, 3], [4, 5]]);
});

test('indexing and at() basic indexing', () => {
  const a = torch.arange(12, { dtype: 'float32' }).reshape(3, 4);
  assert.deepEqual(a.select(0, 1).tolist(), [4, 5, 6, 7]);
  assert.deepEqual(a.narrow(1, 1, 2).tolist(), [[1, 2], [5, 6], [9, 10]]);
  const idx = torch.tensor([2, 0], { dtype: 'int64' });
  assert.deepEqual(a.index_select(0, idx).tolist(), [[8, 9, 10, 11], [0, 1, 2, 3]]);
  assert.deepEqual(a.gather(1, torch.tensor([[0], [1], [3]], { dtype: 'int64' })).tolist(), [[0], [5], [11]]);
  assert.deepEqual(a.masked_fill(a.gt(9), -1).tolist(), [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, -1, -1]]);
  assert.deepEqual(a.at(0).tolist(), [0, 1, 2, 3]);
  assert.deepEqual(a.at(-1, -1).item(), 11);
  assert.deepEqual(a.at(null, 1).tolist(), [1, 5, 9]);
  assert.deepEqual(a.reshape(3, 2, 2).at('1:3', null, -1).tolist(), [[5, 7], [9, 11]]);
  assert.deepEqual(a.at('1:3').at(null, -1).tolist(), [7, 11]);
  assert.deepEqual(a.at(null, '::2').tolist(), [[0, 2], [4, 6], [8, 10]]);
  assert.deepEqual(a.at('...', 0).tolist(), [0, 4, 8]);
  assert.deepEqual(a.at('None').shape, [1, 3, 4]);
  assertGradlabError(() => a.at(5), /index 5 is out of bounds for dimension 0 with size 3/);
});

test('dtype conversion', () => {
  const a = torch.tensor([1.5, -2.5]);
  assert.equal(a.double().dtype, 'float64');
  assert.equal(a.to('float64').dtype, 'float64');
  assert.equal(a.to({ dtype: 'float64' }).dtype, 'float64');
  assert.deepEqual(a.long().tolist(), [1, -2]);
  assert.deepEqual(a.bool().tolist(), [true, true]);
  assert.equal(a.double().float().dtype, 'float32');
  assert.equal(a.type_as(torch.zeros(1, { dtype: 'float64' })).dtype, 'float64');
  const x = torch.tensor([1, 2], { requires_grad: true });
  const y = x.double().mul(x.double()).sum();
  y.backward();
  assert.deepEqual(x.grad.tolist(), [2, 4]);
  assert.equal(x.grad.dtype, 'float32');
});

test('in-place ops bump _version and return the same tensor', () => {
  const a = torch.zeros(3);
  assert.equal(a.add_(1), a);
  assert.equal(a._version, 1);
  a.sub_(torch.tensor([1, 0, 0]));
  a.mul_(2);
  a.div_(torch.tensor([1, 2, 4]));
  assert.deepEqual(a.tolist(), [0, 1, 0.5]);
  a.clamp_(0.5, 0.75);
  assert.deepEqual(a.tolist(), [0.5, 0.75, 0.5]);
  a.fill_(3);
  assert.deepEqual(a.tolist(), [3, 3, 3]);
  a.copy_(torch.tensor([1, 2, 3]));
  assert.deepEqual(a.tolist(), [1, 2, 3]);
  a.zero_();
  assert.deepEqual(a.tolist(), [0, 0, 0]);
  a.uniform_(2, 3);
  assert.ok(a.tolist().every((v) => v >= 2 && v < 3));
  a.normal_(0, 1);
  assert.equal(a._version, 10);
  const leaf = torch.ones(2, { requires_grad: true });
  assertGradlabError(() => leaf.add_(1), 'a leaf Variable that requires grad is being used in an in-place operation.');
  const w = torch.ones(2, { requires_grad: true });
  const y = w.mul(2);
  const z = y.pow(2);
  y.add_(1);
  const loss = z.sum();
  assertGradlabError(() => loss.backward(), /one of the variables needed for gradient computation has been modified by an inplace operation/);
});

test('rounding, float class tests and triangles (values from PyTorch 1.13)', () => {
  const x = torch.tensor([-1.5, 2.5, -0.5, 0.5, -0.2]);
  assert.deepEqual(x.round().tolist(), [-2, 2, -0, 0, -0]);
  assert.ok(Object.is(x.ceil().tolist()[4], -0));
  assert.deepEqual(torch.floor(x).tolist(), [-2, 2, -1, 0, -1]);
  assert.deepEqual(x.trunc().tolist(), x.fix().tolist());
  assertClose(x.round({ decimals: 1 }).tolist(), [-1.5, 2.5, -0.5, 0.5, -0.2]);
  assert.equal(x.requires_grad_().round({ decimals: 0 }).grad_fn.name, 'RoundBackward1');
  assertGradlabError(() => x.round(1), 'round() takes from 1 to 0 positional arguments but 1 were given');
  const special = torch.tensor([NaN, Infinity, -Infinity, 1]);
  assert.deepEqual(special.isnan().tolist(), [true, false, false, false]);
  assert.deepEqual(torch.isinf(special).tolist(), [false, true, true, false]);
  assert.deepEqual(special.isfinite().tolist(), [false, false, false, true]);
  assert.deepEqual(torch.tensor([1, 2], { dtype: 'int64' }).floor().dtype, 'int64');
  const ones = torch.ones(3, 3);
  assert.deepEqual(ones.tril().tolist(), [[1, 0, 0], [1, 1, 0], [1, 1, 1]]);
  assert.deepEqual(torch.triu(ones, 1).tolist(), [[0, 1, 1], [0, 0, 1], [0, 0, 0]]);
  assert.deepEqual(ones.tril({ diagonal: -1 }).tolist(), [[0, 0, 0], [1, 0, 0], [1, 1, 0]]);
  assertGradlabError(() => torch.ones(3).tril(), 'Dimension out of range (expected to be in range of [-1, 0], but got -2)');
  assertGradlabError(() => ones.triu(0.5), "triu(): argument 'diagonal' must be int, not number");
});

test('index_put, index_put_ and nonzero (values and node names from PyTorch 1.13)', () => {
  const w = torch.zeros(3);
  w.index_put_([torch.tensor([0, 0, 2], { dtype: 'int64' })], torch.tensor([1, 2, 3]), { accumulate: true });
  assert.deepEqual(w.tolist(), [3, 0, 3]);
  assert.deepEqual(torch.index_put(w, [torch.tensor([1], { dtype: 'int64' })], torch.tensor(9)).tolist(), [3, 9, 3]);
  const x = torch.arange(12).reshape(3, 4);
  const y = x.index_put([x.gt(8)], torch.tensor(0, { dtype: 'int64' }));
  assert.deepEqual(y.tolist(), [[0, 1, 2, 3], [4, 5, 6, 7], [8, 0, 0, 0]]);
  const a = torch.ones(2, 3, { requires_grad: true });
  const c = a.clone();
  c.index_put_([torch.tensor([0, 1], { dtype: 'int64' }), null], torch.tensor(5));
  assert.equal(c.grad_fn.name, 'IndexPutBackward0');
  c.sum().backward();
  assert.deepEqual(a.grad.tolist(), [[0, 0, 0], [0, 0, 0]]);
  assert.deepEqual(torch.tensor([[1, 0], [0, 3]]).nonzero().tolist(), [[0, 0], [1, 1]]);
  const [rows, cols] = torch.tensor([[1, 0], [0, 3]]).nonzero({ as_tuple: true });
  assert.deepEqual([rows.tolist(), cols.tolist()], [[0, 1], [0, 1]]);
  assertGradlabError(() => x.index_put([torch.tensor([5], { dtype: 'int64' })], torch.tensor(1, { dtype: 'int64' })), 'index 5 is out of bounds for dimension 0 with size 3');
  assertGradlabError(() => x.index_put([torch.tensor([0], { dtype: 'int64' })], torch.tensor(1)),
    'Index put requires the source and destination dtypes match, got Long for the destination and Float for the source.');
});

test('at() with index tensors, masks and arrays is PyTorch\'s advanced indexing (values from PyTorch 1.13)', () => {
  const z = torch.arange(24).reshape(2, 3, 4).float();
  assert.deepEqual(z.at(null, torch.tensor([[0, 1], [1, 0]], { dtype: 'int64' }), [2, -1]).tolist(),
    [[[2, 7], [6, 3]], [[14, 19], [18, 15]]]);
  assert.deepEqual(z.at([[0, 1], [1, 0]], null, [2, -1]).shape, [2, 2, 3]);  // apart: the index dims go first
  assert.deepEqual(z.at(0, null, [1, 2]).shape, [3, 2]);
  assert.deepEqual(z.at('...', [0, 3]).shape, [2, 3, 2]);
  assert.deepEqual(z.at(z.gt(20)).tolist(), [21, 22, 23]);
  assert.deepEqual(z.at([true, false]).shape, [1, 3, 4]);
  const a = torch.ones(2, 3, { requires_grad: true });
  assert.equal(a.at([0, 1]).grad_fn.name, 'IndexBackward0');
  assert.equal(a.at(torch.tensor(1, { dtype: 'int64' })).grad_fn.name, 'SelectBackward0');
  const picked = a.at([0, 1, 1], [2, 0, 0]);
  picked.sum().backward();
  assert.deepEqual(a.grad.tolist(), [[0, 0, 1], [2, 0, 0]]);
  assertGradlabError(() => z.at([5]), 'index 5 is out of bounds for dimension 0 with size 2');
  assertGradlabError(() => z.at([0], [0], [0], [0]), 'too many indices for tensor of dimension 3');
  assertGradlabError(() => z.at([0, 1], [0, 1, 2]), 'shape mismatch: indexing tensors could not be broadcast together with shapes [2], [3]');
});
