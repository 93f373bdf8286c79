// Differential test against PyTorch 1.13: replays the committed difftest
// programs (tests/fixtures/difftest-*.json, written by
// tests/difftest/gen_fixture.py) and compares every step's tensors, gradients
// and errors with PyTorch's. A failure lists the kinds of divergence and the
// first program of each, with its JavaScript.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { torch } from 'gradlab';
import { replay } from '../difftest/replay.js';
import { collect, summary } from '../difftest/report.js';

const dir = new URL('../fixtures/', import.meta.url);
const shards = readdirSync(dir).filter((f) => /^difftest-\d+\.json$/.test(f)).sort();

test('the difftest fixture holds at least 2,000 programs', () => {
  const count = shards.reduce((n, f) => n + JSON.parse(readFileSync(new URL(f, dir), 'utf8')).programs.length, 0);
  assert.ok(count >= 2000, `${count} programs`);
});

for (const file of shards) {
  test(`every program of ${file} matches PyTorch`, () => {
    const { programs } = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
    const groups = new Map();
    for (const program of programs) {
      const mismatch = replay(torch, program);
      if (mismatch) collect(groups, program, mismatch);
    }
    assert.equal(groups.size, 0, `\n${summary(groups, programs.length)}`);
    assert.equal(torch.memory().tensors, 0, "tensors left after the programs ran in torch.tidy");
  });
}
