// Differential test against PyTorch 1.13: replays the committed difftest
// programs (tests/fixtures/difftest-*.json, written by
// tests/difftest/gen_fixture.py) and compares every step's tensors, gradients
// and errors with PyTorch's. A failure lists the kinds of divergence and the
// first program of each, with its JavaScript.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { torch } from 'gradlab';
import { mismatchKind, replay } from '../difftest/replay.js';
import { collect, describe, summary } from '../difftest/report.js';
import { compareWithLedger, loadLedger } from './known-divergences.js';

const dir = new URL('../fixtures/', import.meta.url);
const shards = readdirSync(dir).filter((f) => /^difftest-\d+\.json$/.test(f)).sort();

test('the difftest fixture holds at least 2,000 programs', () => {
  const count = shards.reduce((n, f) => n + JSON.parse(readFileSync(new URL(f, dir), 'utf8')).programs.length, 0);
  assert.ok(count >= 2000, `${count} programs`);
});

// The comparison itself: a program that matches must stop matching when
// PyTorch's record is changed, so a green run means agreement, not a blind spot.
test('the replay notices a changed value, dtype, grad_fn or error', () => {
  const program = {
    id: 'self-check',
    steps: [
      { js: 'v0 = torch.tensor([1.5, -2], {requires_grad: true});', rec: ['v0'],
        expect: { out: { v0: { s: [2], d: 'float32', v: [1.5, -2], rg: true, leaf: true, fn: null } } } },
      { js: 'v1 = v0.mul(2);', rec: ['v1'],
        expect: { out: { v1: { s: [2], d: 'float32', v: [3, -4], rg: true, leaf: false, fn: 'MulBackward0' } } } },
      { js: 'v0.add_(1);', expect: { error: 'a leaf Variable that requires grad is being used in an in-place operation.', type: 'RuntimeError' } },
    ],
  };
  assert.equal(replay(torch, program), null);
  const changed = (edit) => {
    const copy = structuredClone(program);
    edit(copy.steps);
    return replay(torch, copy)?.what;
  };
  assert.equal(changed((s) => { s[1].expect.out.v1.v[1] = -4.01; }), 'v1: values[1]');
  assert.equal(changed((s) => { s[1].expect.out.v1.d = 'float64'; }), 'v1: dtype');
  assert.equal(changed((s) => { s[1].expect.out.v1.fn = 'AddBackward0'; }), 'v1: grad_fn');
  assert.equal(changed((s) => { s[0].expect.out.v0.v[0] = '-0'; }), 'v0: values[0]');
  assert.equal(changed((s) => { s[2].expect.error = 'some other message'; }), 'error message');
  assert.equal(changed((s) => { s[1].expect = { error: 'x', type: 'RuntimeError' }; }), 'no error');
  assert.equal(torch.memory().tensors, 0);
});

const ledger = loadLedger().difftest;

// Every program matches PyTorch except the open bugs listed in the ledger
// (known-divergences.js): a new divergence fails, and so does a listed one that is fixed.
for (const file of shards) {
  test(`every program of ${file} matches PyTorch (open bugs: known-divergences.json)`, () => {
    const { programs } = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
    const groups = new Map();
    const diverging = {};
    for (const program of programs) {
      const mismatch = replay(torch, program);
      if (!mismatch) continue;
      collect(groups, program, mismatch);
      diverging[program.id] = mismatchKind(mismatch);
    }
    const report = compareWithLedger(file, diverging, ledger[file], (id) => {
      const program = programs.find((p) => String(p.id) === id);
      return describe({ program, mismatch: replay(torch, program) });
    });
    assert.equal(report, '', `\n${report}\n\nAll divergences now:\n${summary(groups, programs.length)}`);
    assert.equal(torch.memory().tensors, 0, "tensors left after the programs ran in torch.tidy");
  });
}
