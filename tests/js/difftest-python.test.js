// The differential test in Python mode: each committed difftest program's
// Python — the text real PyTorch 1.13 ran to make the fixture — runs in
// Pyodide over Gradlab's `torch` (tests/difftest/replay-python.js), and every
// step must give PyTorch's values, shapes, dtypes, grad_fn names and
// gradients, or raise PyTorch's exception class with PyTorch's message.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { torch } from 'gradlab';
import { loadPython } from 'gradlab/python';
import { replayPython } from '../difftest/replay-python.js';
import { collect, summary } from '../difftest/report.js';

const py = await loadPython();
const dir = new URL('../fixtures/', import.meta.url);
const shards = readdirSync(dir).filter((f) => /^difftest-\d+\.json$/.test(f)).sort();

test('the Python replay notices a changed value, grad_fn, error message or exception class', async () => {
  const program = {
    id: 'self-check',
    steps: [
      { py: 'v0 = torch.tensor([1.5, -2.0], requires_grad=True)', rec: ['v0'],
        expect: { out: { v0: { s: [2], d: 'float32', v: [1.5, -2], rg: true, leaf: true, fn: null } } } },
      { py: 'v1 = v0.mul(2)', rec: ['v1'],
        expect: { out: { v1: { s: [2], d: 'float32', v: [3, -4], rg: true, leaf: false, fn: 'MulBackward0' } } } },
      { py: 'v2 = v1.select(1, 0)', expect: { error: 'Dimension out of range (expected to be in range of [-1, 0], but got 1)', type: 'IndexError' } },
    ],
  };
  assert.deepEqual(await replayPython(py, [program]), []);
  const changed = async (edit) => {
    const copy = structuredClone(program);
    edit(copy.steps);
    return (await replayPython(py, [copy]))[0]?.mismatch.what;
  };
  assert.equal(await changed((s) => { s[1].expect.out.v1.v[1] = -4.01; }), 'v1: values[1]');
  assert.equal(await changed((s) => { s[1].expect.out.v1.fn = 'AddBackward0'; }), 'v1: grad_fn');
  assert.equal(await changed((s) => { s[2].expect.error += '.'; }), 'error message');
  assert.equal(await changed((s) => { s[2].expect.type = 'RuntimeError'; }), 'error class');
  assert.equal(await changed((s) => { s[1].expect = { error: 'x', type: 'RuntimeError' }; }), 'no error');
});

for (const file of shards) {
  test(`every program of ${file} matches PyTorch in Python mode`, async () => {
    const { programs } = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
    const groups = new Map();
    for (const { program, mismatch } of await replayPython(py, programs)) collect(groups, program, mismatch);
    assert.equal(groups.size, 0, `\n${summary(groups, programs.length)}`);
  });
}

test('the programs\' tensors are freed when their run ends', () => {
  assert.equal(torch.memory().tensors, 0);
});
