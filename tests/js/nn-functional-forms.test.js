// The JavaScript forms of the convolutional-network functions (functional-nn.js,
// tensor-sort.js): positional arguments in PyTorch's order, the options object
// last, named tuples, in-place running statistics, gradcheck and double
// gradcheck through the engine, PyTorch's argument errors, and no leaked handle.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { torch } from 'gradlab';
import { assertClose, assertGradlabError } from './helpers.js';

const F = torch.nn.functional;
const { gradcheck } = torch.autograd;

function sample(shape, seed) {
  torch.manual_seed(seed);
  return torch.randn(shape, { dtype: 'float64' });
}
function leaf(shape, seed) {
  return sample(shape, seed).requires_grad_();
}
const values = (t) => t.reshape(-1).tolist();

test('conv2d: positional, options object and options in place of the bias agree', () => {
  torch.tidy(() => {
    const x = sample([2, 3, 6, 6], 1);
    const w = sample([4, 3, 3, 3], 2);
    const a = F.conv2d(x, w, null, 2, 1);
    const b = F.conv2d(x, w, null, { stride: 2, padding: 1 });
    const c = F.conv2d(x, w, { stride: [2, 2], padding: [1, 1] });
    assert.deepEqual(a.shape, [2, 4, 3, 3]);
    assert.deepEqual(values(a), values(b));
    assert.deepEqual(values(a), values(c));
    assert.deepEqual(F.conv2d(x, w, null, { padding: 'same' }).shape, [2, 4, 6, 6]);
    assert.deepEqual(F.conv2d(x, w, null, { padding: 'valid' }).shape, [2, 4, 4, 4]);
  });
});

test('max_pool2d: kernel by name, [values, indices] with return_indices', () => {
  torch.tidy(() => {
    const x = torch.tensor([[[[1, 5, 2, 0], [3, 4, 8, 1]]]]);
    const y = F.max_pool2d(x, 2);
    assert.deepEqual(y.tolist(), [[[[5, 8]]]]);
    assert.deepEqual(F.max_pool2d(x, { kernel_size: 2 }).tolist(), [[[[5, 8]]]]);
    const [v, i] = F.max_pool2d(x, 2, { return_indices: true });
    assert.deepEqual(v.tolist(), [[[[5, 8]]]]);
    assert.deepEqual(i.tolist(), [[[[1, 6]]]]);
    assert.equal(i.dtype, 'int64');
    assert.deepEqual(F.max_pool2d(x, [1, 2], null, 0, 1, false, true)[1].tolist(), [[[[1, 2], [5, 6]]]]);
  });
});

test('avg_pool2d, adaptive pools with a null output size', () => {
  torch.tidy(() => {
    const x = torch.arange(16, { dtype: 'float32' }).reshape(1, 1, 4, 4);
    assert.deepEqual(F.avg_pool2d(x, 2).tolist(), [[[[2.5, 4.5], [10.5, 12.5]]]]);
    assert.deepEqual(F.avg_pool2d(x, 3, { stride: 1, padding: 1, count_include_pad: false }).shape, [1, 1, 4, 4]);
    assert.deepEqual(F.adaptive_avg_pool2d(x, [null, 1]).shape, [1, 1, 4, 1]);
    assert.deepEqual(F.adaptive_avg_pool2d(x, 1).tolist(), [[[[7.5]]]]);
    const [m, idx] = F.adaptive_max_pool2d(x, [2, 2], { return_indices: true });
    assert.deepEqual(m.tolist(), [[[[5, 7], [13, 15]]]]);
    assert.deepEqual(idx.tolist(), [[[[5, 7], [13, 15]]]]);
  });
});

test('batch_norm updates the running statistics in place in training, not in eval', () => {
  torch.tidy(() => {
    const x = torch.tensor([[1, 2], [3, 6]]);
    const rm = torch.zeros(2);
    const rv = torch.ones(2);
    const y = F.batch_norm(x, rm, rv, { training: true, momentum: 0.5 });
    assertClose(values(rm), [1, 2]);
    assertClose(values(rv), [1.5, 4.5]);
    assertClose(values(y), [-1, -1, 1, 1], { rtol: 1e-4, atol: 1e-4 });
    F.batch_norm(x, rm, rv);
    assertClose(values(rm), [1, 2]);
    assertGradlabError(() => F.batch_norm(x, null, null), /running_mean must be defined in evaluation mode|Expected running_mean/);
  });
});

test('layer_norm, group_norm, embedding, one_hot', () => {
  torch.tidy(() => {
    const x = sample([2, 4, 3], 3);
    const y = F.layer_norm(x, 3);
    assertClose(values(y.mean(-1)), [0, 0, 0, 0, 0, 0, 0, 0], { atol: 1e-12 });
    assert.deepEqual(F.group_norm(x, 2, { eps: 1e-3 }).shape, [2, 4, 3]);
    const table = torch.tensor([[0, 0], [1, 1], [2, 2]], { requires_grad: true });
    const e = F.embedding(torch.tensor([2, 0, 1, 2], { dtype: 'int64' }), table, { padding_idx: 2 });
    assert.deepEqual(e.tolist(), [[2, 2], [0, 0], [1, 1], [2, 2]]);
    e.sum().backward();
    assert.deepEqual(table.grad.tolist(), [[1, 1], [1, 1], [0, 0]]);
    assert.equal(e.grad_fn.name, 'EmbeddingBackward0');
    assert.deepEqual(F.one_hot(torch.tensor([0, 2], { dtype: 'int64' }), 3).tolist(), [[1, 0, 0], [0, 0, 1]]);
  });
});

test('dropout draws PyTorch\'s mask for the seed; eval and p = 0 return the input', () => {
  torch.tidy(() => {
    torch.manual_seed(0);
    // PyTorch 1.13: torch.manual_seed(0); F.dropout(torch.ones(12), 0.4)
    const want = [0, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1].map((k) => k / 0.6);
    assertClose(values(F.dropout(torch.ones(12), 0.4)), want, { rtol: 1e-6 });
    const x = torch.ones(3);
    assert.deepEqual(F.dropout(x, 0.5, false).tolist(), [1, 1, 1]);
    assert.deepEqual(F.dropout(x, { p: 0.9, training: false }).tolist(), [1, 1, 1]);
    torch.manual_seed(0);
    const y = torch.ones(4);
    assert.equal(F.dropout(y, 0.4, { inplace: true }), y);
    assertClose(values(y), want.slice(0, 4), { rtol: 1e-6 });
    assertGradlabError(() => F.dropout(x, 1.5), 'dropout probability has to be between 0 and 1, but got 1.5');
    assertGradlabError(() => F.dropout2d(torch.ones(4), 0.5), 'Feature dropout requires at least 2 dimensions in the input');
  });
});

test('sort, argsort, topk, cumsum, bincount as methods and torch functions', () => {
  torch.tidy(() => {
    const x = torch.tensor([[3, 1, 2], [0, 5, 4]]);
    const { values: v, indices: i } = x.sort(1, { descending: true });
    assert.deepEqual(v.tolist(), [[3, 2, 1], [5, 4, 0]]);
    assert.deepEqual(i.tolist(), [[0, 2, 1], [1, 2, 0]]);
    const [v0] = torch.sort(x, { dim: 0 });
    assert.deepEqual(v0.tolist(), [[0, 1, 2], [3, 5, 4]]);
    assert.deepEqual(x.argsort({ descending: true }).tolist(), [[0, 2, 1], [1, 2, 0]]);
    const top = torch.topk(x, 2, { largest: false });
    assert.deepEqual(top.values.tolist(), [[1, 2], [0, 4]]);
    assert.deepEqual(x.topk({ k: 1, dim: 0 }).indices.tolist(), [[0, 1, 1]]);
    assert.deepEqual(x.cumsum(1).tolist(), [[3, 4, 6], [0, 5, 9]]);
    assert.equal(x.cumsum({ dim: 0, dtype: 'float64' }).dtype, 'float64');
    const labels = torch.tensor([0, 2, 2, 3], { dtype: 'int64' });
    assert.deepEqual(labels.bincount().tolist(), [1, 0, 2, 1]);
    assert.deepEqual(torch.bincount(labels, { minlength: 6 }).tolist(), [1, 0, 2, 1, 0, 0]);
    assertGradlabError(() => x.cumsum(), "cumsum() missing required argument 'dim'");
  });
});

test('cumprod and flip as methods and torch functions, with PyTorch\'s arguments and errors', () => {
  const before = torch.memory().tensors;
  torch.tidy(() => {
    const x = torch.tensor([[2, 0, 3], [1.5, -2, 0.5]], { requires_grad: true });
    const c = x.cumprod(1);
    assert.deepEqual(c.tolist(), [[2, 0, 0], [1.5, -3, -1.5]]);
    assert.equal(c.grad_fn.name, 'CumprodBackward0');
    assert.deepEqual(torch.cumprod(x, { dim: 0 }).tolist(), [[2, 0, 3], [3, -0, 1.5]]);
    const wide = torch.cumprod(x, 0, { dtype: 'float64' });
    assert.equal(wide.dtype, 'float64');
    assert.equal(wide.grad_fn.next_functions[0][0].name, 'AccumulateGrad'); // no cast node in between
    assert.equal(torch.tensor([[1, 2], [3, 4]], { dtype: 'int64' }).cumprod(0).dtype, 'int64');
    assert.equal(torch.tensor([true, false]).cumprod(0).dtype, 'int64');
    c.backward(torch.tensor([[1, 2, 3], [4, 5, 6]]));
    assert.deepEqual(x.grad.tolist(), [[1, 22, 0], [-12, 12, -18]]); // PyTorch 1.13's values
    assertGradlabError(() => x.cumprod(), "cumprod() missing required argument 'dim'");
    const f = x.flip(0, 1);
    assert.deepEqual(f.tolist(), [[0.5, -2, 1.5], [3, 0, 2]]);
    assert.equal(f.grad_fn.name, 'FlipBackward0');
    assert.deepEqual(x.flip([1]).tolist(), torch.flip(x, [1]).tolist());
    assert.deepEqual(x.flip({ dims: [0] }).tolist(), [[1.5, -2, 0.5], [2, 0, 3]]);
    assert.deepEqual(torch.tensor([true, false, false]).flip(0).tolist(), [false, false, true]);
    assertGradlabError(() => x.flip(), 'flip() missing 1 required positional arguments: "dims"');
    assertGradlabError(() => x.flip(0, -2), 'dim 0 appears multiple times in the list of dims');
    assertGradlabError(() => x.flip(2), 'Dimension out of range (expected to be in range of [-2, 1], but got 2)');
    assertGradlabError(() => x.flip(0.5), "flip(): argument 'dims' (position 1) must be tuple of ints, not float");
  });
  assert.equal(torch.memory().tensors, before);
});

test('cumprod, flip and prod: gradcheck and double gradcheck in float64, with zeros in the input', () => {
  torch.tidy(() => {
    const x = torch.tensor([[0.5, 0, -0.7], [0.9, 1.1, 0]], { dtype: 'float64', requires_grad: true });
    const gg = leaf([2, 3], 9);
    // prod() of x would hold two zeros, whose gradient PyTorch 1.13 gives without a graph.
    const one = torch.tensor([[0.5, 0, -0.7], [0.9, 1.1, 0.3]], { dtype: 'float64', requires_grad: true });
    const cases = [[(t) => t.cumprod(1), x], [(t) => t.cumprod(0), x], [(t) => t.flip(0, 1), x],
      [(t) => t.prod(1, true), x], [(t) => t.prod(0, true), x], [(t) => t.prod(), one]];
    for (const [fn, input] of cases) {
      assert.ok(gradcheck(fn, [input]));
      const second = (t, g) => torch.autograd.grad([fn(t).pow(2).mul(g).sum()], [t], { create_graph: true });
      assert.ok(gradcheck(second, [input, fn(gg).detach().requires_grad_()]));
    }
  });
});

test('gelu: the exact form by default or by name; approximate=\'tanh\' is refused, not computed as erf', () => {
  const x = torch.tensor([-1, 0.5]);
  const [a, b] = [F.gelu(x), F.gelu(x, { approximate: 'none' })];
  assertClose(a.tolist(), [-0.15865525393145707, 0.34573123063700656], { rtol: 1e-6, atol: 1e-7 });
  assert.deepEqual(b.tolist(), a.tolist());
  assertGradlabError(() => F.gelu(x, { approximate: 'tanh' }), "gelu: approximate='tanh' is not supported by Gradlab");
  assertGradlabError(() => F.gelu(x, 'tanh'), "gelu: approximate='tanh' is not supported by Gradlab");
  for (const t of [x, a, b]) t.dispose();
});

test('argument errors: PyTorch\'s texts for bad options', () => {
  torch.tidy(() => {
    const x = torch.ones(1, 1, 4, 4);
    const w = torch.ones(1, 1, 2, 2);
    assertGradlabError(() => F.conv2d(x, w, null, { padding: 'full' }), "Invalid padding string: 'full'");
    assertGradlabError(() => F.conv2d(x, w, null, { strides: 2 }), "conv2d() got an unexpected keyword argument 'strides'");
    assertGradlabError(() => F.pad(x, [1, 1], { mode: 'wrap' }), 'Unrecognised padding mode wrap');
    assertGradlabError(() => F.pad(x, [1, 1], { mode: 'reflect', value: 1 }), 'Padding mode "reflect" doesn\'t take in value argument');
    assertGradlabError(() => F.kl_div(x, x, { reduction: 'avg' }), 'avg is not a valid value for reduction');
    assertGradlabError(() => F.max_pool2d(x, 2.5), /kernel_size/);
    assertGradlabError(() => F.conv2d(x, [1]), /argument 'weight' must be Tensor/);
  });
});

test('gradcheck and double gradcheck through conv2d, max_pool2d, batch_norm, pad, cosine_similarity', () => {
  torch.tidy(() => {
    const x = leaf([1, 2, 5, 5], 4);
    const w = leaf([3, 2, 3, 3], 5);
    const b = leaf([3], 6);
    assert.ok(gradcheck((a, k, c) => F.conv2d(a, k, c, { stride: 2, padding: 1 }), [x, w, b]));
    assert.ok(gradcheck((a) => F.max_pool2d(a, 2, { stride: 1 }), [x]));
    assert.ok(gradcheck((a) => F.avg_pool2d(a, 3, { padding: 1, count_include_pad: false }), [x]));
    assert.ok(gradcheck((a) => F.batch_norm(a, null, null, { training: true }), [x]));
    assert.ok(gradcheck((a) => F.layer_norm(a, [5, 5]), [x]));
    assert.ok(gradcheck((a) => F.pad(a, [2, 1, 1, 0], { mode: 'reflect' }), [x]));
    assert.ok(gradcheck((a) => F.pad(a, [1, -1, 3, 1], { mode: 'circular' }), [x]));
    const u = leaf([3, 4], 7);
    const v = leaf([3, 4], 8);
    assert.ok(gradcheck((p, q) => F.cosine_similarity(p, q), [u, v]));
    // Double: the gradient of sum(f(x) * g) with respect to x, itself checked.
    const g = sample([1, 3, 3, 3], 9).requires_grad_();
    const second = (a, k, gg) => torch.autograd.grad([F.conv2d(a, k, null, 2, 1).mul(gg).sum()], [a, k], { create_graph: true });
    assert.ok(gradcheck(second, [x, w, g]));
    const gp = sample([1, 2, 8, 6], 10).requires_grad_();
    assert.ok(gradcheck((a, gg) => torch.autograd.grad([F.pad(a, [0, 1, 2, 1], { mode: 'replicate' }).mul(gg).sum()], [a], { create_graph: true }), [x, gp]));
  });
});

test('no handle outlives its owner', () => {
  const before = torch.memory();
  torch.tidy(() => {
    const x = torch.randn(2, 1, 8, 8, { requires_grad: true });
    const w = torch.randn(3, 1, 3, 3, { requires_grad: true });
    const y = F.max_pool2d(F.conv2d(x, w, null, { padding: 1 }), 2, { return_indices: true });
    y[0].sum().backward();
    x.sort(-1);
    F.dropout(x, 0.5);
    assertGradlabError(() => F.max_pool2d(x, 0), "stride should not be zero");
  });
  const after = torch.memory();
  assert.equal(after.tensors, before.tensors);
  assert.equal(after.nodes, before.nodes);
});
