// Live differential fuzzing against PyTorch 1.13 (`npm run fuzz:torch`): fresh
// programs from tests/difftest/generate.py run through real PyTorch (needs
// /usr/bin/python3 with python3-torch) in batches, each batch then replayed
// against the package; mismatches are grouped by kind.
// Usage: npm run fuzz:torch -- [--programs=20000] [--seed=S] [--batch=1000] [--detailed=20] [--save=mismatches.json] [--python]
// --python also replays each batch's Python text in Python mode (Pyodide over
// the engine, tests/difftest/replay-python.js) and reports its mismatches apart.
// Batch b uses generator seed S + b, so `gen_fixture.py --programs=<batch> --seed=<S+b> --out=-` reproduces it.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { torch } from 'gradlab';
import { replay } from '../tests/difftest/replay.js';
import { replayPython } from '../tests/difftest/replay-python.js';
import { collect, summary } from '../tests/difftest/report.js';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const total = Number(args.programs ?? 20000);
const seed = Number(args.seed ?? Date.now() % 100000);
const batch = Number(args.batch ?? 1000);
const generator = new URL('../tests/difftest/gen_fixture.py', import.meta.url).pathname;
const python = 'python' in args ? await (await import('gradlab/python')).loadPython() : null;
const pythonGroups = new Map();

/**
 * Programs first..n-1 of a batch from PyTorch, read line by line as they run.
 * Resolves to {programs, crashed}: crashed is the index PyTorch died in, or -1.
 */
function pytorchBatch(seedOfBatch, n, first) {
  const child = spawn('/usr/bin/python3', [generator, `--programs=${n}`, `--seed=${seedOfBatch}`, `--first=${first}`, '--out=-'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  const programs = [];
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  createInterface({ input: child.stdout }).on('line', (line) => programs.push(JSON.parse(line)));
  return new Promise((resolve) => child.on('close', (code, signal) => {
    const crashed = code === 0 ? -1 : first + programs.length;
    resolve({ programs, crashed, why: crashed < 0 ? '' : `${signal ?? code}: ${stderr.trim().split('\n').slice(-1)[0]}` });
  }));
}

// A whole batch, resumed after every program PyTorch crashes in.
async function generate(b) {
  const n = Math.min(batch, total - b * batch);
  const programs = [];
  const crashes = [];
  for (let first = 0; first < n;) {
    const r = await pytorchBatch(seed + b, n, first);
    programs.push(...r.programs);
    if (r.crashed < 0) break;
    crashes.push(`program s${seed + b}-${r.crashed} crashed PyTorch (${r.why})`);
    first = r.crashed + 1;
  }
  return { programs, crashes };
}

const start = Date.now();
const groups = new Map();
const crashes = [];
const batches = Math.ceil(total / batch);
let next = generate(0);
let done = 0;
for (let b = 0; b < batches; b++) {
  const result = await next;
  // PyTorch works on the next batch while the package replays this one.
  if (b + 1 < batches) next = generate(b + 1);
  crashes.push(...result.crashes);
  for (const program of result.programs) {
    const mismatch = replay(torch, program);
    if (mismatch) collect(groups, program, mismatch);
  }
  if (python) for (const m of await replayPython(python, result.programs)) collect(pythonGroups, m.program, m.mismatch);
  done += result.programs.length;
  const count = (g) => [...g.values()].reduce((n, l) => n + l.length, 0);
  console.error(`batch ${b + 1}/${batches}: ${done} programs, ${count(groups)} diverge${python ? `, ${count(pythonGroups)} in Python mode` : ''}`);
}
console.log(`seed ${seed}, ${done} programs in ${((Date.now() - start) / 1000).toFixed(1)} s`);
if (crashes.length) console.log(`PyTorch itself crashed in ${crashes.length} programs (left out):\n  ${crashes.join('\n  ')}`);
console.log(summary(groups, done, Number(args.detailed ?? 20)));
if (python) console.log(`\nPython mode: ${summary(pythonGroups, done, Number(args.detailed ?? 20))}`);
if (args.save) {
  const saved = (g) => Object.fromEntries([...g].map(([k, list]) => [k, list.map(({ program, mismatch }) => ({ program, mismatch }))]));
  writeFileSync(args.save, JSON.stringify(python ? { javascript: saved(groups), python: saved(pythonGroups) } : saved(groups)));
}
process.exitCode = groups.size || pythonGroups.size ? 1 : 0;
