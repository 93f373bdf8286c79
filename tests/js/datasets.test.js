// datasets.mnist(): the 10,000 digits of the `mnist` devDependency, as the
// build wrote them (wasm/data/mnist.bin.gz), checked against the JSON they
// came from; the fixed train/test split, limit, argument errors, ownership,
// and that nothing is read before a program asks.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { _mnist, datasets, torch } from 'gradlab';
import { assertGradlabError } from './helpers.js';

const PIXELS = 28 * 28;

test('importing the package reads no digits; the first call loads them', async () => {
  assert.equal(_mnist.loaded(), false);
  const { images, labels } = await datasets.mnist({ limit: 1 });
  assert.equal(_mnist.loaded(), true);
  images.dispose();
  labels.dispose();
});

test('train is 8,000 digits and test 2,000: (N, 1, 28, 28) float32 in [0, 1] and (N,) int64', async () => {
  for (const [options, n] of [[undefined, 8000], [{ train: true }, 8000], [{ train: false }, 2000]]) {
    const { images, labels } = await datasets.mnist(options);
    assert.deepEqual(images.shape, [n, 1, 28, 28]);
    assert.equal(images.dtype, 'float32');
    assert.deepEqual(labels.shape, [n]);
    assert.equal(labels.dtype, 'int64');
    assert.equal(images.min().item(), 0);
    assert.equal(images.max().item(), 1);
    const counts = new Array(10).fill(0);
    for (const l of labels.tolist()) counts[l] += 1;
    // The file's shuffled order puts every digit in both splits in about its share.
    for (const c of counts) assert.ok(c > n * 0.07 && c < n * 0.13, `digit counts ${counts}`);
    images.dispose();
    labels.dispose();
  }
});

test('the two splits together are exactly the JSON digits, each with its label and pixels k/255', async () => {
  const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('mnist/package.json')), 'src/digits');
  const source = new Map();  // pixel bytes as a string -> [label, copies]
  for (let d = 0; d < 10; d++) {
    const values = JSON.parse(readFileSync(path.join(dir, `${d}.json`), 'utf8')).data;
    for (let i = 0; i < values.length; i += PIXELS) {
      const key = String.fromCharCode(...values.slice(i, i + PIXELS).map((v) => Math.round(v * 255)));
      const entry = source.get(key) ?? [d, 0];
      entry[1] += 1;
      source.set(key, entry);
    }
  }
  let seen = 0;
  for (const train of [true, false]) {
    const { images, labels } = await datasets.mnist({ train });
    const pixels = images.numpy().data;
    const digits = labels.tolist();
    digits.forEach((label, i) => {
      const image = pixels.subarray(i * PIXELS, (i + 1) * PIXELS);
      const k = Array.from(image, (v) => Math.round(v * 255));
      k.forEach((kk, j) => assert.equal(image[j], Math.fround(kk / 255)));
      const entry = source.get(String.fromCharCode(...k));
      assert.ok(entry && entry[1] > 0, `image ${i} of train=${train} is not in the JSON (or repeated)`);
      assert.equal(label, entry[0]);
      entry[1] -= 1;
      seen += 1;
    });
    images.dispose();
    labels.dispose();
  }
  assert.equal(seen, 10000);
});

test('limit takes the first digits of a split, at most the split', async () => {
  const all = await datasets.mnist({ train: false });
  const some = await datasets.mnist({ train: false, limit: 37 });
  assert.deepEqual(some.images.shape, [37, 1, 28, 28]);
  assert.ok(torch.equal(some.images, all.images.narrow(0, 0, 37)));
  assert.deepEqual(some.labels.tolist(), all.labels.tolist().slice(0, 37));
  const capped = await datasets.mnist({ train: false, limit: 5000 });
  assert.deepEqual(capped.images.shape, [2000, 1, 28, 28]);
  const none = await datasets.mnist({ limit: 0 });
  assert.deepEqual(none.images.shape, [0, 1, 28, 28]);
  assert.deepEqual(none.labels.shape, [0]);
  for (const r of [all, some, capped, none]) [r.images, r.labels].forEach((t) => t.dispose());
});

test('bad arguments fail with the option named', async () => {
  await assertRejects(() => datasets.mnist({ train: 'yes' }), 'datasets.mnist(): train must be true or false, but got yes');
  await assertRejects(() => datasets.mnist({ limit: -1 }), 'datasets.mnist(): limit must be a non-negative integer, but got -1');
  await assertRejects(() => datasets.mnist({ limit: 2.5 }), 'datasets.mnist(): limit must be a non-negative integer, but got 2.5');
  await assertRejects(() => datasets.mnist({ split: 'test' }), "datasets.mnist() got an unexpected option 'split' (it takes train and limit)");
  await assertRejects(() => datasets.mnist(true), /datasets\.mnist\(\): expected an options object/);
  assertGradlabError(() => _mnist.arrays({ limit: -3 }), 'datasets.mnist(): limit must be a non-negative integer, but got -3');
});

test('the tensors are the caller\'s: counted by torch.memory() until disposed', async () => {
  const before = torch.memory();
  const { images, labels } = await datasets.mnist({ limit: 100 });
  const during = torch.memory();
  assert.equal(during.tensors, before.tensors + 2);
  assert.equal(during.bytes, before.bytes + 100 * PIXELS * 4 + 100 * 8);
  images.dispose();
  labels.dispose();
  assert.deepEqual(torch.memory(), before);
});

async function assertRejects(fn, message) {
  await assert.rejects(fn, (e) => {
    assert.equal(e.name, 'GradlabError');
    if (message instanceof RegExp) assert.match(e.message, message);
    else assert.equal(e.message, message);
    return true;
  });
}
