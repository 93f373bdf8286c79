// Memory (API.md "Memory"): dispose, Symbol.dispose, tidy, torch.memory()
// counts, no WebAssembly memory growth across create/dispose loops, clear
// errors after dispose, and the FinalizationRegistry safety net.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { torch } from 'gradlab';
import { assertGradlabError } from './helpers.js';

// Works with or without --expose-gc.
setFlagsFromString('--expose-gc');
const gc = globalThis.gc ?? runInNewContext('gc');

test('dispose frees a tensor once; Symbol.dispose does the same', () => {
  const before = torch.memory();
  const t = torch.ones(10);
  assert.deepEqual(torch.memory(), { ...before, tensors: before.tensors + 1, bytes: before.bytes + 40 });
  t.dispose();
  t.dispose();
  assert.deepEqual(torch.memory(), before);
  {
    const u = torch.zeros(4);
    u[Symbol.dispose ?? Symbol.for('Symbol.dispose')]();
  }
  assert.deepEqual(torch.memory(), before);
});

test('a disposed tensor throws GradlabError, never crashes', () => {
  const t = torch.ones(2);
  t.dispose();
  assertGradlabError(() => t.add(1), /disposed/);
  assertGradlabError(() => t.shape, /disposed/);
  assertGradlabError(() => torch.ones(2).add(t), /disposed/);
  assertGradlabError(() => String(t), /disposed/);
});

test('tidy frees everything made inside except what it returns', () => {
  const keep = torch.ones(5);
  const before = torch.memory();
  const result = torch.tidy(() => {
    const a = torch.ones(100);
    const b = a.mul(2).add(1);
    const c = b.exp().sum();
    c.item();
    return { b, nested: [keep] };
  });
  assert.deepEqual(torch.memory(), { ...before, tensors: before.tensors + 1, bytes: before.bytes + 400 });
  assert.deepEqual(result.b.shape, [100]);
  assert.equal(keep.isDisposed, false);
  result.b.dispose();
  assert.deepEqual(torch.memory(), before);
  // Nested tidy: the inner result moves to the outer scope and is freed there.
  torch.tidy(() => {
    const inner = torch.tidy(() => torch.ones(3).mul(2));
    assert.equal(inner.isDisposed, false);
  });
  assert.deepEqual(torch.memory(), before);
  // A throwing fn frees what it made.
  assert.throws(() => torch.tidy(() => { torch.ones(7); throw new Error('x'); }), /x/);
  assert.deepEqual(torch.memory(), before);
  // Graphs built inside a tidy are released with their tensors.
  const w = torch.ones(50, { requires_grad: true });
  const mid = torch.memory();
  torch.tidy(() => { w.mul(w).sigmoid().sum(); });
  assert.deepEqual(torch.memory(), mid);
});

test('100 create/dispose loops do not grow WebAssembly memory', () => {
  const run = () => {
    const a = torch.rand(256, 256);
    const b = a.matmul(a).relu().sum(0);
    b.item?.call(b.sum());
    torch.dispose([a, b]);
  };
  run();
  const heap = torch._heap_bytes();
  const before = torch.memory();
  for (let i = 0; i < 100; i++) torch.tidy(run);
  assert.equal(torch._heap_bytes(), heap);
  assert.deepEqual(torch.memory(), before);
});

async function collectGarbage() {
  let previous = -1;
  for (let i = 0; i < 50 && torch.memory().tensors !== previous; i++) {
    previous = torch.memory().tensors;
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test('a forgotten tensor is reclaimed by the FinalizationRegistry', async () => {
  await collectGarbage();
  const before = torch.memory();
  (() => { torch.ones(1000).mul(3); })();
  assert.equal(torch.memory().tensors, before.tensors + 2);
  for (let i = 0; i < 50 && torch.memory().tensors !== before.tensors; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.deepEqual(torch.memory(), before);
});

// Inside tidy the registry is not told about each tensor (the scope frees
// them); what leaves the outermost scope, returned or kept, must be watched.
test('tensors returned from torch.tidy or kept are reclaimed by the FinalizationRegistry when forgotten', async () => {
  await collectGarbage();
  const before = torch.memory();
  (() => {
    torch.tidy(() => torch.tidy(() => torch.ones(1000).mul(3)));
    torch.tidy(() => { torch.keep(torch.ones(500)); });
  })();
  assert.equal(torch.memory().tensors, before.tensors + 2);
  for (let i = 0; i < 50 && torch.memory().tensors !== before.tensors; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.deepEqual(torch.memory(), before);
});
