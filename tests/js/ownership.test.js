// Ownership of every handle the package hands out (DESIGN.md "Ownership"):
// `.grad` is one object per engine grad, grad_fn nodes are owned and counted
// like tensors, hooks are held by id so a tensor with a hook is reclaimed, and
// a thousand reads, hooks and equal() calls leave torch.memory() where it was.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { torch } from 'gradlab';

setFlagsFromString('--expose-gc');
const gc = globalThis.gc ?? runInNewContext('gc');

const sameCounts = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// Forces collection until torch.memory() equals `target` (registry callbacks
// run on later turns), or, without a target, until it has stopped moving.
async function collectGarbage(target) {
  let previous = null;
  let steady = 0;
  for (let i = 0; i < 100; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const now = torch.memory();
    if (target !== undefined && sameCounts(now, target)) return;
    steady = sameCounts(now, previous) ? steady + 1 : 0;
    if (target === undefined && steady >= 3) return;
    previous = now;
  }
}

test('torch.memory() counts grad_fn nodes and hooks beside tensors and bytes', () => {
  const m = torch.memory();
  assert.deepEqual(Object.keys(m).sort(), ['bytes', 'hooks', 'nodes', 'tensors']);
});

test('x.grad is one object while the engine keeps the same grad tensor', () => {
  const x = torch.tensor([1, 2, 3], { requires_grad: true });
  x.mul(2).sum().backward();
  const g = x.grad;
  assert.equal(x.grad, g);
  const before = torch.memory();
  for (let i = 0; i < 1000; i++) x.grad;
  assert.deepEqual(torch.memory(), before, 'reading .grad makes no new handle');
  // Accumulation in place keeps the tensor (PyTorch: `x.grad is g` stays True).
  x.mul(3).sum().backward();
  assert.equal(x.grad, g);
  assert.deepEqual(g.tolist(), [5, 5, 5]);
  // Reset: None, then a new tensor and a new object; the old object still works.
  x.grad = null;
  assert.equal(x.grad, null);
  x.sum().backward();
  const g2 = x.grad;
  assert.notEqual(g2, g);
  assert.equal(x.grad, g2);
  assert.deepEqual(g.tolist(), [5, 5, 5]);
  // Assignment: the assigned tensor is the grad (`x.grad is h`).
  const h = torch.zeros(3);
  x.grad = h;
  assert.equal(x.grad, h);
  // A double-backward pass accumulates out of place: the engine has a new tensor.
  x.mul(x).sum().backward({ create_graph: true });
  assert.notEqual(x.grad, h);
  assert.equal(x.grad, x.grad);
  assert.deepEqual(x.grad.detach().tolist(), [2, 4, 6]);
});

test('.grad read inside torch.tidy is freed with the scope; the next read makes a live one', () => {
  const x = torch.tensor([1, 2], { requires_grad: true });
  x.sum().backward();
  const before = torch.memory();
  const inside = torch.tidy(() => {
    for (let i = 0; i < 1000; i++) x.grad;
    assert.equal(torch.memory().tensors, before.tensors + 1);
    return x.grad.isDisposed;
  });
  assert.equal(inside, false);
  assert.deepEqual(torch.memory(), before);
  assert.deepEqual(x.grad.tolist(), [1, 1]);
  assert.equal(x.grad, x.grad);
  // A grad already held outside is the same object inside and survives the scope.
  const held = x.grad;
  torch.tidy(() => assert.equal(x.grad, held));
  assert.equal(held.isDisposed, false);
});

test('optimizer steps neither free nor multiply the .grad objects a caller holds', () => {
  const w = torch.tensor([1, 2], { requires_grad: true });
  const opt = torch.optim.SGD([w], { lr: 0.5 });
  w.mul(w).sum().backward();
  const g = w.grad;
  const before = torch.memory();
  opt.step();
  assert.equal(g.isDisposed, false);
  assert.equal(w.grad, g);
  assert.deepEqual(torch.memory(), before);
  assert.deepEqual(w.tolist(), [0, 0]);
});

test('grad_fn nodes read inside torch.tidy are counted and freed with the scope, with the graph they pin', () => {
  const w = torch.rand(1000, { requires_grad: true });
  const before = torch.memory();
  torch.tidy(() => {
    const y = w.exp().sum();
    for (let i = 0; i < 1000; i++) {
      const fn = y.grad_fn;
      assert.equal(fn, y.grad_fn);
      fn.next_functions[0][0].next_functions;
    }
    // SumBackward0, ExpBackward0 and AccumulateGrad, each one object.
    assert.equal(torch.memory().nodes, before.nodes + 3);
  });
  // ExpBackward0 saved its 1000-element result: freed with the scope, not at some later GC.
  assert.deepEqual(torch.memory(), before);
});

test('a grad_fn returned from torch.tidy survives it; a disposed one fails clearly', () => {
  const w = torch.tensor([1, 2], { requires_grad: true });
  const before = torch.memory();
  const fn = torch.tidy(() => w.mul(2).sum().grad_fn);
  assert.equal(torch.memory().nodes, before.nodes + 1);
  assert.equal(fn.name, 'SumBackward0');
  assert.equal(fn.next_functions[0][0].name, 'MulBackward0');
  assert.equal(fn.next_functions[0][0].next_functions[0][0].variable, w);
  torch.dispose(fn.next_functions[0][0].next_functions[0][0]);
  torch.dispose(fn.next_functions[0][0]);
  fn.dispose();
  fn.dispose();
  assert.deepEqual(torch.memory(), before);
  assert.throws(() => fn.next_functions, /grad_fn node has been disposed/);
});

test('equal() makes no handle that outlives the call', () => {
  const a = torch.tensor([1, 2, 3]);
  const b = torch.tensor([1, 2, 4]);
  const before = torch.memory();
  for (let i = 0; i < 1000; i++) {
    assert.equal(a.equal(a), true);
    assert.equal(a.equal(b), false);
    assert.equal(torch.equal(a, b), false);
  }
  assert.deepEqual(torch.memory(), before);
});

test('hooks still replace gradients and can be removed; the engine holds only ids', () => {
  const x = torch.tensor([1, 2], { requires_grad: true });
  const y = x.mul(2);
  const before = torch.memory().hooks;
  const handle = y.register_hook((g) => g.mul(10));
  assert.equal(torch.memory().hooks, before + 1);
  y.sum().backward({ retain_graph: true });
  assert.deepEqual(x.grad.tolist(), [20, 20]);
  handle.remove();
  assert.equal(torch.memory().hooks, before, 'remove() drops the function from the table');
  handle.remove();
  x.grad = null;
  y.sum().backward();
  assert.deepEqual(x.grad.tolist(), [2, 2]);
});

// The table entry goes when the engine lets go of the hook, never at a
// collector's whim: a graph that still runs a hook keeps it.
test('a hook lives as long as the engine holds it', () => {
  const before = torch.memory().hooks;
  const t = torch.ones(2, { requires_grad: true });
  t.register_hook((g) => g.mul(2));
  t.dispose();
  assert.equal(torch.memory().hooks, before, 'disposing the only handle drops the hook');
  assert.throws(() => t.register_hook((g) => g), /disposed/);
  assert.throws(() => torch.ones(2).register_hook((g) => g), /doesn't require gradient/);
  assert.equal(torch.memory().hooks, before, 'a refused hook leaves no entry');
  // y is gone with its scope, as a Python local is, but loss's graph still runs its hook.
  const x = torch.ones(2, { requires_grad: true });
  const loss = torch.tidy(() => {
    const y = x.mul(3);
    y.register_hook((g) => g.mul(10));
    return y.sum();
  });
  assert.equal(torch.memory().hooks, before + 1);
  loss.backward();
  assert.deepEqual(x.grad.tolist(), [30, 30]);
  loss.dispose();
  assert.equal(torch.memory().hooks, before, 'freeing the graph drops the hook');
});

test('1,000 .grad and grad_fn reads, hooks and equal() calls leave torch.memory() at its baseline', async () => {
  await collectGarbage();
  const baseline = torch.memory();
  const a = torch.ones(100);
  const b = torch.ones(100);
  const work = () => {
    const x = torch.rand(100, { requires_grad: true });
    const y = x.mul(2).sum();
    y.backward({ retain_graph: true });
    for (let i = 0; i < 1000; i++) {
      x.grad;
      y.grad_fn.next_functions;
      assert.equal(a.equal(b), true);
    }
    for (let i = 0; i < 1000; i++) {
      const t = torch.ones(10, { requires_grad: true });
      t.register_hook((g) => g.mul(2));
    }
  };
  const middle = torch.memory();
  torch.tidy(work);
  assert.deepEqual(torch.memory(), middle, 'after scope exit');
  work();
  const sizeOutside = torch.memory();
  assert.ok(sizeOutside.tensors > middle.tensors, 'outside a scope the registry owns them');
  torch.dispose([a, b]);
  await collectGarbage(baseline);
  assert.deepEqual(torch.memory(), baseline, 'after the references are dropped and collected');
});

test('a forgotten tensor with a hook is reclaimed even while its RemovableHandle is kept', async () => {
  await collectGarbage();
  const baseline = torch.memory();
  const handles = [];
  (() => {
    for (let i = 0; i < 1000; i++) handles.push(torch.ones(10, { requires_grad: true }).register_hook((g) => g.mul(2)));
  })();
  assert.equal(torch.memory().tensors, baseline.tensors + 1000);
  await collectGarbage(baseline);
  assert.deepEqual(torch.memory(), baseline);
  for (const h of handles) h.remove();
});
