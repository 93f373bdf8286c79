// `npm run bench`: Gradlab against TensorFlow.js (wasm and cpu backends) and
// jax-js in one Node process; prints a Markdown table and writes
// tests/bench/results/latest.{md,json}.
//
//   node tests/bench/run.mjs [--quick] [--only=B1,B3,B4,python,size,startup,memory] [--memory[=STEPS]]
import path from 'node:path';
import { BENCHMARKS } from './benchmarks.mjs';
import { size, startup } from './package.mjs';
import { memory } from './memory.mjs';
import { GRADLAB, evaluate, environment, markdown, write } from './report.mjs';

const PARTS = ['B1', 'B2', 'B3', 'B4', 'python', 'size', 'startup', 'memory'];

function parseArgs(argv) {
  const opts = { quick: false, only: PARTS, memorySteps: null };
  for (const arg of argv) {
    const [key, value] = arg.split('=');
    if (key === '--quick') opts.quick = true;
    else if (key === '--only') {
      opts.only = value.split(',').map((p) => PARTS.find((q) => q.toLowerCase() === p.trim().toLowerCase()) ?? p);
      const unknown = opts.only.filter((p) => !PARTS.includes(p));
      if (unknown.length) throw new Error(`--only: unknown part ${unknown.join(', ')}; choose from ${PARTS.join(', ')}`);
    } else if (key === '--memory') opts.memorySteps = value ? Number(value) : 10000;
    else throw new Error(`unknown option ${arg}; usage: run.mjs [--quick] [--only=${PARTS.join(',')}] [--memory[=STEPS]]`);
  }
  if (opts.memorySteps != null && !opts.only.includes('memory')) opts.only = [...opts.only, 'memory'];
  return opts;
}

let opts;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (err) {
  console.error(err.message);
  process.exit(2);
}
const timing = opts.quick
  ? { warmupMs: 100, sampleMs: 40, rounds: 3 }
  : { warmupMs: 500, sampleMs: 200, rounds: 9 };
const startupRuns = opts.quick ? 3 : 10;
const memorySteps = opts.memorySteps ?? (opts.quick ? 50 : 500);

const errors = [];
const warnings = [];
const warn = (msg) => { warnings.push(msg); console.error(`WARNING: ${msg}`); };

// Each library loads on its own, so one that fails is reported, not fatal.
const sides = [];
const versions = {};
for (const [label, file] of [['Gradlab', './refs/gradlab.mjs'], ['tfjs-core', './refs/tfjs.mjs'], ['jax-js', './refs/jax.mjs']]) {
  try {
    const mod = await import(file);
    sides.push(...(await mod.open()));
    versions[label] = mod.version;
  } catch (err) {
    errors.push(`${label}: ${err.message}`);
    console.error(`${label} unavailable: ${err.message}`);
  }
}
const gradlab = sides.find((s) => s.name === GRADLAB);

const rows = [];
for (const id of ['B1', 'B2', 'B3', 'B4']) {
  if (!opts.only.includes(id)) continue;
  console.error(`${id}...`);
  rows.push(...(await BENCHMARKS[id](sides, timing, warn)));
}

// B1 written in Python, in Python mode and in CPython with PyTorch (refs/python.mjs).
if (opts.only.includes('python')) {
  console.error('B1 in Python...');
  const { pythonRow } = await import('./refs/python.mjs');
  rows.push(await pythonRow(timing, warn));
}

let sizeResult = null;
if (opts.only.includes('size')) {
  try {
    sizeResult = size();
    rows.push({ id: 'size', name: 'package: wasm/dist/* gzipped (-9), maps excluded', unit: 'kB',
      values: { [GRADLAB]: sizeResult.gzip / 1000 }, goal: { op: '<=', limit: 150, text: '≤ 150 kB' } });
  } catch (err) {
    errors.push(`size: ${err.message}`);
  }
}

let startupResult = null;
if (opts.only.includes('startup')) {
  console.error('start-up...');
  try {
    startupResult = startup(startupRuns);
    rows.push({ id: 'start-up', name: "node -e \"import('gradlab')…item()\" vs empty node -e", unit: 'ms',
      values: { [GRADLAB]: startupResult.gradlabMs },
      goal: { baseline: startupResult.emptyMs, op: '<=', limit: 1.3, text: '≤ 1.3 × empty node' } });
  } catch (err) {
    errors.push(`start-up: ${err.message}`);
  }
}

let memoryResult = null;
if (opts.only.includes('memory')) {
  console.error(`memory (${memorySteps} B2 steps)...`);
  memoryResult = await memory(sides, memorySteps);
  const g = memoryResult[GRADLAB];
  const verdict = (m) => (m.error ? 'error' : m.flat ? 'flat' : 'grew');
  rows.push({ id: 'memory', name: `${memorySteps} B2 steps: live tensors, bytes, wasm heap after vs after warm-up`,
    unit: '', values: Object.fromEntries(Object.entries(memoryResult).map(([s, m]) => [s, verdict(m)])),
    goal: { text: 'flat' }, status: g && !g.error ? (g.flat ? 'PASS' : 'MISS') : 'n/a' });
}
if (!gradlab) errors.push('Gradlab was not measured: every Gradlab cell reads —, every goal n/a.');

const env = environment(versions, { ...opts, timing, startupRuns, memorySteps });
const evaluated = rows.map(evaluate);
const md = markdown({ env, rows: evaluated, size: sizeResult, startup: startupResult, memory: memoryResult, errors, warnings });
console.log(md);
write(path.join(import.meta.dirname, 'results'), md, {
  ...env, rows: evaluated, size: sizeResult, startup: startupResult, memory: memoryResult, errors, warnings,
});
// A missed goal is a finding, not a failure; a library that breaks or
// disagrees with the oracle fails the run (what a CI smoke run checks).
process.exitCode = errors.length || warnings.length ? 1 : 0;
