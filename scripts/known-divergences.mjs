// Rewrites tests/js/known-divergences.json, the ledger of open divergences from
// PyTorch 1.13 that tests/js/difftest.test.js and tests/js/fuzz.test.js accept
// (see tests/js/known-divergences.js). Run it after a build, once a fix makes
// listed programs match; check the diff only removes entries unless you are
// recording a newly found bug (then describe it in a FINDINGS file too).
//   node scripts/known-divergences.mjs
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { torch } from 'gradlab';
import { mismatchKind, replay } from '../tests/difftest/replay.js';
import { OPS } from '../tests/js/fuzz-program.js';
import { LEDGER_URL, fuzzDivergences } from '../tests/js/known-divergences.js';

const dir = new URL('../tests/fixtures/', import.meta.url);
const difftest = {};
for (const file of readdirSync(dir).filter((f) => /^difftest-\d+\.json$/.test(f)).sort()) {
  difftest[file] = {};
  for (const program of JSON.parse(readFileSync(new URL(file, dir), 'utf8')).programs) {
    const mismatch = replay(torch, program);
    if (mismatch) difftest[file][program.id] = mismatchKind(mismatch);
  }
}
// The same seed and budget as tests/js/fuzz.test.js.
const { diverging: fuzz } = fuzzDivergences({ runs: 1000, seed: 20261128, ops: OPS });
writeFileSync(LEDGER_URL, `${JSON.stringify({ difftest, fuzz }, null, 1)}\n`);
const count = (o) => Object.values(o).reduce((n, v) => n + (typeof v === 'object' ? count(v) : 1), 0);
console.log(`known-divergences.json: ${count(difftest)} difftest programs, ${count(fuzz)} fuzz programs`);
