// torch._capture (wasm/src/capture.js), the engine's capture mode as the
// playground's worker reads it: off by default and silent, passes in the
// engine's order with each edge's gradient, names for leaves and op nodes,
// bounded previews, graph snapshots, the handle observer; it never changes
// results and holds no tensor memory.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { torch } from 'gradlab';

const capture = torch._capture;
afterEach(() => {
  capture.stop();
  capture.endRuns();
});

test('off by default: nothing is recorded', () => {
  assert.equal(capture.enabled(), false);
  torch.tidy(() => {
    const x = torch.tensor([1, 2], { requires_grad: true });
    x.mul(x).sum().backward();
  });
  assert.deepEqual(capture.read().passes, []);
});

test('a pass: the engine order, the seed, each edge its own gradient, names', () => {
  capture.start();
  torch.tidy(() => {
    const x = torch.tensor([1, 2], { requires_grad: true });
    capture.name(x, 'x');
    const loss = x.mul(2).add(x.exp()).sum();
    capture.name(loss, 'loss');
    loss.backward();
  });
  const { count, passes } = capture.read();
  assert.equal(count, 1);
  assert.equal(passes.length, 1);
  const [p] = passes;
  assert.equal(p.complete, true);
  assert.deepEqual(p.nodes.map((n) => n.name), ['SumBackward0', 'AddBackward0', 'ExpBackward0', 'MulBackward0', 'AccumulateGrad']);
  assert.deepEqual(p.roots, [p.nodes[0].id]);
  assert.equal(p.nodes[0].label, 'loss');
  assert.equal(p.nodes[4].label, 'x');
  assert.equal(p.nodes[4].leaf, true);
  assert.deepEqual(p.steps[0].received[0].shape, []);
  assert.deepEqual(p.steps[0].received[0].values, [1]);
  // MulBackward0 sends 2 to x and nothing to the number it multiplied by.
  assert.deepEqual(p.steps[3].sent[0].values, [2, 2]);
  assert.equal(p.steps[3].sent[1], null);
  const leafReceived = p.steps[4].received[0].values;
  assert.ok(Math.abs(leafReceived[1] - (2 + Math.exp(2))) < 1e-5);
  assert.ok(Math.abs(p.nodes[4].accumulated.values[0] - (2 + Math.E)) < 1e-5);
  // Edges point at the next nodes by id; the op's forward value was kept at creation.
  assert.deepEqual(p.nodes[1].edges, [[p.nodes[3].id, 0], [p.nodes[2].id, 0]]);
  assert.deepEqual(p.nodes[3].outputs[0].values, [2, 4]);
  assert.deepEqual(capture.read().passes, [], 'a read takes what it returns');
});

test('previews are bounded: first and last values, min/max/mean, NaN and infinities', () => {
  capture.start();
  torch.tidy(() => {
    const big = torch.arange(1000, { dtype: 'float32' }).reshape(10, 100);
    const p = capture.preview(big);
    assert.deepEqual(p.shape, [10, 100]);
    assert.equal(p.numel, 1000);
    assert.deepEqual(p.values, [0, 1, 2, 3, 4, 5, 994, 995, 996, 997, 998, 999]);
    assert.equal(p.skipped, 988);
    assert.equal(p.min, 0);
    assert.equal(p.max, 999);
    assert.equal(p.mean, 499.5);
    const odd = capture.preview(torch.tensor([Infinity, -Infinity, 1], { dtype: 'float64' }));
    assert.deepEqual(odd.values, [Infinity, -Infinity, 1]);
    assert.equal(odd.dtype, 'float64');
    assert.ok(Number.isNaN(odd.mean));
    assert.ok(Number.isNaN(capture.preview(torch.tensor([NaN, 1])).max));
  });
});

test('module parameters named by attribute path; a training loop keeps first and last passes', () => {
  capture.start();
  torch.manual_seed(0);
  const model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Linear(4, 1));
  for (const [path, p] of model.named_parameters()) capture.name(p, path);
  const opt = torch.optim.SGD(model.parameters(), { lr: 0.1 });
  const x = torch.randn(5, 3);
  for (let i = 0; i < 100; i++) {
    torch.tidy(() => {
      opt.zero_grad();
      model(x).pow(2).mean().backward();
      opt.step();
    });
  }
  const { count, passes } = capture.read();
  assert.equal(count, 100);
  assert.ok(passes.length <= 16);
  assert.equal(passes[0].number, 1);
  assert.equal(passes.at(-1).number, 100);
  const labels = passes.at(-1).nodes.map((n) => n.label).filter(Boolean).sort();
  assert.deepEqual(labels, ['0.bias', '0.weight', '2.bias', '2.weight']);
  x.dispose();
  for (const p of model.parameters()) p.dispose();
});

test('graph(t): the graph behind a tensor, breadth first, without running backward', () => {
  capture.start();
  torch.tidy(() => {
    const w = torch.tensor([1, 2], { requires_grad: true });
    capture.name(w, 'w');
    const h = w.mul(0.5).tanh();
    const g = capture.graph(h);
    assert.deepEqual(g.nodes.map((n) => n.name), ['TanhBackward0', 'MulBackward0', 'AccumulateGrad']);
    assert.equal(g.nodes[2].label, 'w');
    assert.equal(g.truncated, false);
    assert.ok(Math.abs(g.nodes[0].outputs[0].values[1] - Math.tanh(1)) < 1e-6);
    assert.equal(capture.graph(h, 1).truncated, true);
    assert.deepEqual(capture.graph(w).nodes, [], 'a leaf has no graph behind it');
  });
});

test('capture changes no result and holds no tensor memory', () => {
  const run = () => torch.tidy(() => {
    torch.manual_seed(1);
    const x = torch.randn(50, 50, { requires_grad: true });
    x.matmul(x).tanh().sum().backward();
    return x.grad.sum().item();
  });
  const before = torch.memory();
  const plain = run();
  capture.start();
  const captured = run();
  capture.stop();
  assert.equal(captured, plain);
  const after = torch.memory();
  assert.equal(after.bytes, before.bytes);
  assert.equal(after.tensors, before.tensors);
  assert.equal(capture.read().passes.length, 1, 'records survive stop() until read');
});

test('newRun frees what the last run left outside tidy scopes, once, and its objects read as disposed', () => {
  capture.newRun(); // counting starts
  const before = torch.memory();
  const a = torch.ones(2, { requires_grad: true });
  const b = a.mul(2);
  const fn = b.grad_fn;
  torch.tidy(() => { torch.ones(1).add(1); }); // freed by its scope
  const kept = torch.tidy(() => torch.ones(1).add(2)); // leaves the scope
  const gone = torch.ones(1);
  gone.dispose(); // freed already: not freed twice
  assert.equal(torch.memory().tensors, before.tensors + 3);
  assert.equal(capture.newRun(), 4, 'a, b, b.grad_fn and kept');
  assert.equal(torch.memory().tensors, before.tensors);
  assert.equal(torch.memory().bytes, before.bytes);
  for (const t of [a, b, fn, kept]) assert.equal(t.isDisposed, true);
  assert.throws(() => b.add(1), /Tensor has been disposed/);
  assert.throws(() => fn.next_functions, /grad_fn node has been disposed/);
  for (const t of [a, b, fn, kept]) t.dispose(); // idempotent: nothing freed twice
  assert.equal(torch.memory().tensors, before.tensors);
  // The new run's tensors are its own; a fresh leaf is not mistaken for a swept one.
  const c = torch.ones(2, { requires_grad: true });
  c.mul(3).sum().backward();
  assert.deepEqual(c.grad.tolist(), [3, 3]);
  const grad = c.grad;
  assert.equal(capture.endRuns(), 4, 'c, its product, the sum and c.grad');
  assert.equal(grad.isDisposed, true);
  assert.equal(torch.memory().tensors, before.tensors);
  const d = torch.ones(1); // counting stopped: d is the caller's
  assert.equal(capture.newRun(), 0, 'counting restarts with nothing counted');
  assert.equal(capture.endRuns(), 0);
  assert.equal(d.isDisposed, false);
  d.dispose();
});

test('bad arguments are errors, not crashes', () => {
  assert.throws(() => capture.name({}, 'x'), /expects a Tensor/);
  assert.throws(() => capture.graph(null), /expects a Tensor/);
});
