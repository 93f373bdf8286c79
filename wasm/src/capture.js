// torch._capture: capture mode, for the playground's Graph pane. Internal: not
// part of API.md, and nothing here changes what a program computes. The engine
// records (engine/include/gradlab/autograd/capture.h), the package never wraps
// or patches anything; a reader asks for what was recorded.
//
//   torch._capture.start()            record from now on (earlier records are cleared)
//   torch._capture.stop()             stop recording (records stay readable)
//   torch._capture.enabled()
//   torch._capture.name(t, label)     the label of t's node in the records (for a
//                                     leaf, its AccumulateGrad's); ignored when off
//   torch._capture.read()             {count, passes}: the backward passes kept since
//                                     the last read (the first, the latest and an even
//                                     sample of the rest) and how many ran since start()
//   torch._capture.graph(t, max=300)  {nodes, truncated}: the graph behind t as it is now
//   torch._capture.preview(t)         t's preview (below), read in one pass, capture on or off
//   torch._capture.newRun()           frees every tensor and grad_fn handle the last
//                                     run left outside torch.tidy scopes (that only
//                                     dispose() or the garbage collector would free;
//                                     their objects read as disposed) and counts the
//                                     new run's; returns how many it freed. The first
//                                     call starts counting, so a runner's next run
//                                     starts fresh
//   torch._capture.endRuns()          frees what the current run counted, as newRun,
//                                     and stops counting
//
// A pass is {number, complete, grad_only, truncated, roots, nodes, steps}: nodes
// in the order the engine ran them, each {id, name, leaf, label, edges:
// [[nextId | -1, input_nr]], outputs: [preview] (forward values; a leaf's when
// the pass reached it), accumulated (a leaf's .grad after the pass)}, and
// steps[i] = {id, received: [preview per output], sent: [preview per edge]}.
// A preview is {shape, dtype, numel, values, skipped, min?, max?, mean?} or
// null: every value up to 32 elements, else the first and last 6.
import { M, check, endRuns, newRun } from './runtime.js';
import { Tensor } from './tensor.js';
import { fail } from './errors-util.js';

// NaN and ±Infinity arrive as strings (JSON has no such numbers); the
// reviver, which costs a call per value, runs only when some are there.
const TEXT_KEYS = new Set(['name', 'label', 'dtype']);
const revive = (key, value) => (typeof value === 'string' && !TEXT_KEYS.has(key) ? Number(value) : value);
const parse = (text) => JSON.parse(text, /"(NaN|-?Infinity)"/.test(text) ? revive : undefined);

function handleOf(t, what) {
  if (!(t instanceof Tensor)) fail(`torch._capture.${what} expects a Tensor`);
  return t._handle();
}

export const capture = {
  start() { M._capture_start(); },
  stop() { M._capture_stop(); },
  enabled() { return M._capture_enabled(); },
  name(t, label) {
    M._capture_name(handleOf(t, 'name'), String(label));
    check();
  },
  read() {
    const text = M._capture_read();
    check();
    return parse(text);
  },
  graph(t, maxNodes = 300) {
    const text = M._capture_graph(handleOf(t, 'graph'), maxNodes);
    check();
    return parse(text);
  },
  preview(t) {
    const text = M._capture_preview(handleOf(t, 'preview'));
    check();
    return parse(text);
  },
  newRun() { return newRun(); },
  endRuns() { return endRuns(); },
};
