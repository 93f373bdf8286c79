// The long fuzz run behind `npm run fuzz`: random op programs from
// tests/js/fuzz-program.js, each call checked against the float64 model of
// PyTorch 1.13 (values, dtype, shape, requires_grad, gradients, error phrases),
// then counts of calls, errors by kind and failures grouped by op and reason
// (known ones: tests/js/FUZZ_FINDINGS.md).
// Usage: node scripts/fuzz.mjs [--runs=20000] [--seed=N] [--skip=copy_,relu] [--huge] [--save=failing.json]
// (--skip leaves ops out, e.g. one whose known crash would end the run early;
// --huge mixes dims and indices beyond int32 into the programs).
import { torch } from 'gradlab';
import { writeFileSync } from 'node:fs';
import { OPS, errorKind, fuzz, tutorialGradient } from '../tests/js/fuzz-program.js';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const runs = Number(args.runs ?? 20000);
const seed = Number(args.seed ?? Date.now() % 2 ** 31);
const skip = (args.skip ?? '').split(',');

const memoryBefore = torch.memory();
const heapBefore = torch._heap_bytes();
const start = Date.now();
const stats = fuzz({ runs, seed, ops: OPS.filter((op) => !skip.includes(op)), huge: 'huge' in args });
const seconds = (Date.now() - start) / 1000;

console.log(`seed ${seed}: ${stats.programs} programs, ${stats.calls} calls (${stats.ok} returned, ${stats.calls - stats.ok} threw) in ${seconds.toFixed(1)} s`);
console.log('errors by kind:');
for (const [kind, n] of [...stats.errors].sort((x, y) => y[1] - x[1])) console.log(`  ${String(n).padStart(7)}  ${kind}`);
let gradient;
try {
  gradient = tutorialGradient();
} catch (e) {
  gradient = `${e.name}: ${e.message}`;
}
const tutorialOk = JSON.stringify(gradient) === JSON.stringify([[0.5, 1], [1.5, 2]]);
console.log(`tutorial gradient afterwards: ${JSON.stringify(gradient)} ${tutorialOk ? '(exact)' : '(WRONG)'}`);
console.log(`memory before ${JSON.stringify(memoryBefore)}, after ${JSON.stringify(torch.memory())}; wasm heap ${heapBefore} -> ${torch._heap_bytes()} bytes`);
if (stats.crashed) console.log(`stopped at a WebAssembly trap; program: ${JSON.stringify(stats.crashed)}`);
console.log(`failures: ${stats.failures.length}`);
// Grouped by op and reason, with the first example of each.
const groups = new Map();
for (const f of stats.failures) {
  const key = errorKind(f.replace(/ \(operands.*$/s, '').replace(/ after a program.*$/, ''));
  if (!groups.has(key)) groups.set(key, { n: 0, example: f });
  groups.get(key).n += 1;
}
for (const [key, { n, example }] of groups) console.log(`  ${String(n).padStart(7)}  ${key}\n           e.g. ${example.slice(0, 400)}`);
if (args.save) {
  writeFileSync(args.save, JSON.stringify(stats.failedPrograms));
  console.log(`failing programs saved to ${args.save}`);
}
process.exitCode = stats.failures.length === 0 && tutorialOk ? 0 : 1;
