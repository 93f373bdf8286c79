// Live differential fuzzing against PyTorch 1.13 (`npm run fuzz:torch`): fresh
// programs from tests/difftest/generate.py run through real PyTorch (needs
// /usr/bin/python3 with python3-torch) in batches, each batch then replayed
// against the package; mismatches are grouped by kind.
// Usage: npm run fuzz:torch -- [--programs=20000] [--seed=S] [--batch=1000] [--detailed=20] [--save=mismatches.json]
// Batch b uses generator seed S + b, so `gen_fixture.py --programs=<batch> --seed=<S+b> --out=-` reproduces it.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { torch } from 'gradlab';
import { replay } from '../tests/difftest/replay.js';
import { collect, summary } from '../tests/difftest/report.js';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const total = Number(args.programs ?? 20000);
const seed = Number(args.seed ?? Date.now() % 100000);
const batch = Number(args.batch ?? 1000);
const generator = new URL('../tests/difftest/gen_fixture.py', import.meta.url).pathname;
const run = promisify(execFile);

function generate(b) {
  const n = Math.min(batch, total - b * batch);
  return run('/usr/bin/python3', [generator, `--programs=${n}`, `--seed=${seed + b}`, '--out=-'],
    { maxBuffer: 1 << 30 }).then(({ stdout }) => JSON.parse(stdout).programs);
}

const start = Date.now();
const groups = new Map();
const batches = Math.ceil(total / batch);
let next = generate(0);
let done = 0;
for (let b = 0; b < batches; b++) {
  const programs = await next;
  // PyTorch works on the next batch while the package replays this one.
  if (b + 1 < batches) next = generate(b + 1);
  for (const program of programs) {
    const mismatch = replay(torch, program);
    if (mismatch) collect(groups, program, mismatch);
  }
  done += programs.length;
  console.error(`batch ${b + 1}/${batches}: ${done} programs, ${[...groups.values()].reduce((n, l) => n + l.length, 0)} diverge`);
}
console.log(`seed ${seed}, ${done} programs in ${((Date.now() - start) / 1000).toFixed(1)} s`);
console.log(summary(groups, done, Number(args.detailed ?? 20)));
if (args.save) {
  const out = Object.fromEntries([...groups].map(([k, list]) => [k, list.map(({ program, mismatch }) => ({ program, mismatch }))]));
  writeFileSync(args.save, JSON.stringify(out));
}
process.exitCode = groups.size ? 1 : 0;
