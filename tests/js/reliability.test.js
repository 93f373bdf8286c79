// Reliability (issue 7): a 100,000-op graph backprops without overflowing
// WebAssembly's stack, training stays flat in memory over 10,000 steps,
// impossible allocations fail with a GradlabError instead of an abort, and
// misuse of disposed tensors is an error, never a crash.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GradlabError, torch } from 'gradlab';
import { assertGradlabError } from './helpers.js';

const F = torch.nn.functional;

test('a 100,000-op chain backprops iteratively and frees everything on dispose', () => {
  const before = torch.memory();
  const heapBefore = torch._heap_bytes();
  const x = torch.tensor([1, -2, 3], { dtype: 'float64', requires_grad: true });
  torch.tidy(() => {
    let y = x;
    for (let i = 0; i < 100000; i++) y = i % 2 === 0 ? y.mul(1) : y.add(0);
    y.mul(y).sum().backward();
  });
  // d(sum(x^2))/dx = 2x, unchanged by 100,000 multiplications by 1 and additions of 0.
  const grad = x.grad;
  assert.deepEqual(grad.tolist(), [2, -4, 6]);
  const afterBackward = torch.memory();
  torch.dispose([grad, x]);
  const after = torch.memory();
  console.log(`100,000-op chain: memory ${JSON.stringify(before)} -> ${JSON.stringify(afterBackward)} (x and its grad handle) -> ${JSON.stringify(after)}; wasm heap ${heapBefore} -> ${torch._heap_bytes()} bytes`);
  assert.deepEqual(after, before);
});

test('10,000 MLP training steps inside torch.tidy keep memory flat after warm-up', () => {
  torch.manual_seed(7);
  const model = torch.nn.Sequential(torch.nn.Linear(4, 16), torch.nn.ReLU(), torch.nn.Linear(16, 3));
  const optimizer = torch.optim.SGD(model.parameters(), { lr: 0.1 });
  const inputs = torch.randn(32, 4);
  // Labels from a fixed linear rule, so the loss can fall.
  const labels = torch.tidy(() => inputs.matmul(torch.tensor([[1, 0, -1], [0, 1, 1], [1, -1, 0], [0, 0, 1]])).argmax(1));
  const step = () => torch.tidy(() => {
    optimizer.zero_grad();
    const loss = F.cross_entropy(model(inputs), labels);
    loss.backward();
    optimizer.step();
    return loss.item();
  });
  const first = step();
  for (let i = 1; i < 100; i++) step();
  const warm = torch.memory();
  const heapWarm = torch._heap_bytes();
  let last = first;
  for (let i = 100; i < 10000; i++) last = step();
  const end = torch.memory();
  const heapEnd = torch._heap_bytes();
  console.log(`MLP 10,000 steps: loss ${first.toFixed(4)} -> ${last.toFixed(4)}; memory after warm-up ${JSON.stringify(warm)}, after 10,000 steps ${JSON.stringify(end)}; wasm heap ${heapWarm} -> ${heapEnd} bytes`);
  assert.ok(last < first / 2, `loss should fall (from ${first} to ${last})`);
  assert.deepEqual(end, warm);
  assert.equal(heapEnd, heapWarm);
  torch.dispose([inputs, labels, ...model.parameters()]);
});

test('impossible allocations throw GradlabError with the bytes requested, and the module keeps working', () => {
  const before = torch.memory();
  assertGradlabError(() => torch.zeros(1e10), /not enough memory.*40000000000 bytes/);
  assertGradlabError(() => torch.ones([1e5, 1e5, 10]), /not enough memory.*400000000000 bytes/);
  assertGradlabError(() => torch.empty(2 ** 31), /not enough memory.*8589934592 bytes/);
  assertGradlabError(() => torch.zeros(2 ** 31, { dtype: 'float64' }), /not enough memory.*17179869184 bytes/);
  assert.equal(torch.memory().tensors, before.tensors);
  const x = torch.tensor([[1, 2], [3, 4]], { requires_grad: true });
  x.mul(x).mean().backward();
  assert.deepEqual(x.grad.tolist(), [[0.5, 1], [1.5, 2]]);
  assert.deepEqual(torch.ones(1000).mul(3).sum().item(), 3000);
  x.dispose();
});

test('dispose() twice is harmless and a disposed tensor raises a clear GradlabError', () => {
  const before = torch.memory();
  const t = torch.ones(4, { requires_grad: true });
  const y = t.mul(2);
  t.dispose();
  t.dispose();
  assert.equal(torch.memory().tensors, before.tensors + 1);
  for (const use of [() => t.shape, () => t.add(1), () => y.add(t), () => t.backward(), () => t.grad, () => torch.cat([y, t]), () => t.tolist()]) {
    assertGradlabError(use, /Tensor has been disposed/);
  }
  // The graph still owns what the disposed leaf fed into it.
  torch.tidy(() => {
    y.sum().backward();
    assert.deepEqual(y.detach().tolist(), [2, 2, 2, 2]);
  });
  y.dispose();
  y.dispose();
  torch.dispose([y, y]);
  assert.equal(torch.memory().tensors, before.tensors);
  assert.ok(new GradlabError('x') instanceof Error);
});

test('an error raised while reading a flag or grad_fn is that read\'s, not the next call\'s (live run s129010-574)', () => {
  // v2.to('float32') of a float32 chunk is the chunk itself; after its base gained history in place,
  // reading its history raises (PyTorch's multi-output view rule), and the next op works.
  const v0 = torch.tensor([-2.36, -2.44, 1.26]);
  const v2 = v0.chunk(3, -1)[0];
  v0.copy_(torch.tensor([0.36, 2.32, -1.17], { requires_grad: true }));
  const v4 = v2.to('float32');
  assertGradlabError(() => v4.grad_fn, /^A view was created in no_grad mode and its base or another view of its base has been modified inplace/);
  assertGradlabError(() => v4.is_leaf, /^A view was created in no_grad mode and its base or another view of its base has been modified inplace/);
  assert.deepEqual(torch.full([2], true, { dtype: 'bool' }).tolist(), [true, true]);
});
