// gradlab.datasets.mnist (and gradlab.plot, at the end) in Python mode: the same digits as the JS package's
// datasets.mnist, loaded by run() before a program that mentions mnist,
// Python's argument errors, and the message when the digits are not loaded.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { datasets } from 'gradlab';
import { loadPython } from 'gradlab/python';

const py = await loadPython();

async function run(code) {
  const { stdout, error } = await py.run(code);
  assert.equal(error, null, error && error.traceback);
  return stdout;
}

test('a program that mentions mnist gets the digits: the JS package\'s values, shapes and dtypes', async () => {
  // Python mode shares the package (and its loaded digits) with JS, so load
  // nothing here first: the text below must be enough.
  const stdout = await run(`import json
from gradlab import datasets
images, labels = datasets.mnist(train=False, limit=3)
train = datasets.mnist()
print(json.dumps([list(images.shape), str(images.dtype), labels.tolist(), str(labels.dtype),
                  list(train.images.shape), list(train.labels.shape), images.sum().item()]))`);
  const [shape, dtype, labels, labelDtype, trainShape, trainLabels, sum] = JSON.parse(stdout);
  const js = await datasets.mnist({ train: false, limit: 3 });
  assert.deepEqual(shape, [3, 1, 28, 28]);
  assert.equal(dtype, 'torch.float32');
  assert.deepEqual(labels, js.labels.tolist());
  assert.equal(labelDtype, 'torch.int64');
  assert.deepEqual(trainShape, [8000, 1, 28, 28]);
  assert.deepEqual(trainLabels, [8000]);
  assert.equal(sum, js.images.sum().item());
  js.images.dispose();
  js.labels.dispose();
});

test('argument errors are Python\'s classes; limit stops at the split\'s size', async () => {
  const stdout = await run(`from gradlab import datasets
for kwargs in [dict(train=1), dict(limit=2.0), dict(limit=True), dict(limit=-1)]:
    try:
        datasets.mnist(**kwargs)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(datasets.mnist(limit=5000, train=False).images.shape[0])`);
  assert.equal(stdout, [
    "TypeError mnist(): argument 'train' must be bool, not int",
    "TypeError mnist(): argument 'limit' must be int or None, not float",
    "TypeError mnist(): argument 'limit' must be int or None, not bool",
    'ValueError mnist(): limit must be non-negative, but got -1',
    '2000', ''].join('\n'));
});

test('without the digits in memory the call says what loads them', async () => {
  // Only a fresh process can have them unloaded; a Worker is one.
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(`
    const { parentPort } = require('node:worker_threads');
    import('gradlab/python').then(async ({ loadPython }) => {
      const py = await loadPython();
      const r = await py.run("from gradlab import datasets as d\\nf = getattr(d, 'mn' + 'ist')\\nf()");
      parentPort.postMessage(r.error);
    });`, { eval: true });
  const error = await new Promise((resolve, reject) => { worker.once('message', resolve); worker.once('error', reject); });
  await worker.terminate();
  assert.equal(error.type, 'RuntimeError');
  assert.equal(error.message, "MNIST digits are not loaded: the runner loads them before a program whose text mentions 'mnist' starts");
});

// gradlab's other addition, plot(), draws in the playground only
// (tests/e2e/playground-plot.test.js); here it checks its arguments, then says
// there is no Output to draw in.
test('gradlab.plot outside the playground: argument errors first, then RuntimeError', async () => {
  const stdout = await run(`import torch
from gradlab import plot
for args in [(), ([1, 2], [1, 2], [3]), ("ab",), ([1, "a"],), (None,)]:
    try:
        plot(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    plot([1, 2, 3], {"a": torch.ones(2)})
except ValueError as e:
    print("ValueError", e)
try:
    plot(torch.ones(2, 2))
except RuntimeError as e:
    print("RuntimeError", e)`);
  assert.equal(stdout, [
    "TypeError plot(ys), plot(xs, ys) or plot({'name': ys}) expects values to draw",
    "TypeError plot(ys), plot(xs, ys) or plot({'name': ys}) expects values to draw",
    'TypeError plot: y must be a number, a list of numbers or a tensor, not str',
    'TypeError plot: y must hold numbers, not str',
    "TypeError plot(ys), plot(xs, ys) or plot({'name': ys}) expects values to draw",
    'ValueError plot: x has 3 values but a has 2',
    "RuntimeError plot() draws in the Gradlab playground's Output; this Python has none",
    '',
  ].join('\n'));
});
