// Where Gradlab's time goes in one benchmark: samples the V8 CPU profiler
// while the Gradlab side runs, then sums self time by layer (engine wasm, the
// call boundary, Emscripten's exception trampolines, the JS wrapper files).
//
//   node tests/bench/profile.mjs [B1|B2|B3] [seconds]
import { Session } from 'node:inspector/promises';
import { open } from './refs/gradlab.mjs';
import { mlpProblem, matmulProblem } from './data.mjs';
import { markdownTable } from './harness.mjs';

const [which = 'B1', seconds = '3'] = process.argv.slice(2);
const [gradlab] = await open();
const make = {
  B1: () => gradlab.chain(333),
  B2: () => gradlab.mlp(mlpProblem()),
  B3: () => gradlab.matmul(matmulProblem(512)),
}[which.toUpperCase()];
if (!make) throw new Error(`unknown benchmark ${which}; choose B1, B2 or B3`);

function layer({ functionName: name, url }) {
  if (/^invoke_|^wasm-to-js/.test(name)) return 'C++ exception trampolines (invoke_*, wasm-to-js)';
  if (/^js-to-wasm|JSToWasm/.test(name)) return 'JS → wasm call boundary';
  if (/^wasm-function|^\$/.test(name) || url.startsWith('wasm://')) return `engine (wasm): ${name}`;
  if (name === '(garbage collector)') return 'garbage collector';
  if (url.includes('gradlab-glue') || /emscripten/.test(name)) return 'Emscripten glue';
  if (name === 'dispatch') return 'profiler itself';
  if (url.includes('/wasm/dist/')) return `JS wrapper: ${url.split('/').pop()}`;
  if (url.includes('/tests/bench/')) return 'benchmark code';
  return `other: ${name || '(anonymous)'}`;
}

const inst = make();
for (let i = 0; i < 20; i++) inst.run();
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
let runs = 0;
const t0 = performance.now();
while (performance.now() - t0 < Number(seconds) * 1000) { inst.run(); runs++; }
const elapsed = performance.now() - t0;
const { profile } = await session.post('Profiler.stop');
inst.dispose();

const self = new Map();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const byLayer = new Map();
let total = 0;
for (const node of profile.nodes) {
  const t = self.get(node.id) ?? 0;
  total += t;
  const key = layer(node.callFrame);
  byLayer.set(key, (byLayer.get(key) ?? 0) + t);
}
// Wasm functions are listed one by one (named when the build keeps a name
// section); everything under 0.5% is summed into one line.
const rows = [];
let engine = 0;
let rest = 0;
for (const [key, t] of [...byLayer].sort((a, b) => b[1] - a[1])) {
  const share = (100 * t) / total;
  if (key.startsWith('engine')) engine += share;
  if (share < 0.5) rest += share;
  else rows.push([key, `${share.toFixed(1)}%`]);
}
rows.push(['(everything under 0.5%)', `${rest.toFixed(1)}%`]);
console.log(`${which}: ${runs} runs, ${(elapsed / runs).toFixed(3)} ms per run; engine (wasm) in all: ${engine.toFixed(1)}%\n`);
console.log(markdownTable(['where', 'self time'], rows));

// The same time in the four parts of an op's cost. Engine functions are
// sorted by name, so this needs a build linked with --profiling-funcs.
function part(key) {
  if (/boundary|trampolines|Emscripten glue|gl_call|gl_service|run_guarded|_svc\(|sig::|wasm::(unary|binary|num)/.test(key)) return 'boundary (JS ↔ wasm, argument passing)';
  if (key.startsWith('JS wrapper')) return 'JS wrapper (Tensor objects, argument handling, scopes)';
  // The linker folds every shared_ptr<T> destructor (a reference count drop)
  // into one function and names it after any one T (often JsHook): it is
  // refcounting, not hook or graph work. pooled:: is the engine's free lists.
  if (/::~shared_ptr\(\)|pooled::FreeList/.test(key)) return 'allocation (malloc/free, shared_ptr)';
  if (/autograd|Node|record\(|SavedVariable|Edge|BackwardContext|__function|gradient_edge|release_node|grad_fn|JsHook|hook/.test(key)) {
    return 'graph node (record, nodes, edges, backward)';
  }
  if (/dlmalloc|dlfree|operator new|operator delete|aligned_alloc|dispose_chunk|sbrk|shared_ptr|shared_weak|__release|TensorImpl/.test(key)) {
    return 'allocation (malloc/free, shared_ptr)';
  }
  if (key.startsWith('engine')) return /wasm-function\[/.test(key) ? 'engine (unnamed functions)' : 'op and kernel';
  return 'other (GC, benchmark code, profiler)';
}
const parts = new Map();
for (const [key, t] of byLayer) parts.set(part(key), (parts.get(part(key)) ?? 0) + t);
console.log('');
console.log(markdownTable(['part', 'self time', 'µs per run'],
  [...parts].sort((a, b) => b[1] - a[1]).map(([k, t]) => [k, `${((100 * t) / total).toFixed(1)}%`, ((elapsed / runs) * 1000 * t / total).toFixed(0)])));
