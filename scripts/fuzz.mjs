// The long fuzz run behind `npm run fuzz`: random op programs from
// tests/js/fuzz-program.js, then counts of calls, errors by kind and failures.
// Usage: node scripts/fuzz.mjs [--runs=20000] [--seed=N] [--skip=copy_,relu]
// (--skip leaves ops out, e.g. one whose known crash would end the run early).
import { torch } from 'gradlab';
import { OPS, fuzz, tutorialGradient } from '../tests/js/fuzz-program.js';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const runs = Number(args.runs ?? 20000);
const seed = Number(args.seed ?? Date.now() % 2 ** 31);
const skip = (args.skip ?? '').split(',');

const memoryBefore = torch.memory();
const heapBefore = torch._heap_bytes();
const start = Date.now();
const stats = fuzz({ runs, seed, ops: OPS.filter((op) => !skip.includes(op)) });
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
for (const f of stats.failures.slice(0, 50)) console.log(`  ${f}`);
process.exitCode = stats.failures.length === 0 && tutorialOk ? 0 : 1;
