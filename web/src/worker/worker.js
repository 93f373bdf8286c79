// The runner: a module Web Worker that imports the package and runs the
// user's JavaScript with torch, Variable, F, NDArray, datasets, print, show and plot in
// scope, or the user's Python (python-run.js, imported on the first Python
// run so that JavaScript mode never loads Python). JavaScript runs in strict
// mode inside an async function (so top-level await works) and its last line,
// if an expression, is shown as a notebook shows it. Error line numbers are
// mapped back to the editor's lines.
import { torch, Variable, NDArray, datasets } from 'gradlab';
import { pyStr, pyRepr, isTensor, formatSize, isSizeExpression } from '../shared/py-format.js';
import { OutputStream } from './worker-output.js';
import { describeTensor } from './tensor-info.js';
import { GraphRecorder } from './graph-capture.js';
import { RunTimers, resetRunState } from './run-state.js';
import { callArguments } from './call-source.js';
import { withLastExpression } from './last-expression.js';
import { nameDeclarations, NAME_FN } from './declared-names.js';

const AsyncFunction = (async () => {}).constructor;
const PARAMS = ['torch', 'Variable', 'F', 'NDArray', 'datasets', 'print', 'show', 'plot', 'console',
  'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', NAME_FN];
// On line 1, so error lines need no shift (columns on line 1 do).
const STRICT = "'use strict';";
const out = new OutputStream((msg) => postMessage(msg));
const recorder = new GraphRecorder(torch);
const timers = new RunTimers();
let runId = 0;
let sourceLines = [];

// Where line 1 of the user's code lands inside the generated function.
const LINE_OFFSET = (() => {
  try {
    new Function(...PARAMS, `${STRICT}throw new Error()`)();
  } catch (e) {
    const m = /<anonymous>:(\d+):\d+/.exec(e.stack || '');
    if (m) return Number(m[1]) - 1;
  }
  return 2;
})();

function userLine(error) {
  const m = /<anonymous>:(\d+):(\d+)/.exec(String(error && error.stack));
  if (!m) return null;
  const line = Number(m[1]) - LINE_OFFSET;
  const col = Number(m[2]) - (line === 1 ? STRICT.length : 0);
  return line >= 1 && line <= sourceLines.length ? { line, col } : null;
}

// The source text of each argument of the fnName(...) call on the current line.
function argumentTexts(fnName) {
  const where = userLine(new Error());
  return where ? callArguments(sourceLines[where.line - 1] || '', fnName) : null;
}

// The Tensors pane shows each row of a matrix on one line (it scrolls
// sideways); the user's own linewidth is put back afterwards.
const WIDE = 100_000;
let userLinewidth = 80;
function userSetPrintoptions(options = {}) {
  torch.set_printoptions(options);
  if (options.linewidth !== undefined) userLinewidth = options.linewidth;
  else if (options.profile !== undefined) userLinewidth = 80;
}
// The torch the user's code sees: the package's, with set_printoptions
// observed so the pane knows the linewidth to restore.
const userTorch = Object.create(torch, { set_printoptions: { value: userSetPrintoptions, enumerable: true } });


function postTensor(t, name) {
  out.flush();
  torch.set_printoptions({ linewidth: WIDE });
  let tensor;
  try {
    tensor = describeTensor(t, name, torch);
  } finally {
    torch.set_printoptions({ linewidth: userLinewidth });
  }
  postMessage({ type: 'tensor', runId, tensor });
}

// str() of one print argument; x.shape and x.size() print as torch.Size.
function printed(value, text) {
  return text && isSizeExpression(text, value) ? formatSize(value) : pyStr(value, NDArray);
}

function print(...args) {
  const texts = argumentTexts('print');
  const sourceOf = (i) => (texts && texts.length === args.length ? texts[i] : null);
  out.write(args.map((a, i) => printed(a, sourceOf(i))).join(' ') + '\n');
  args.forEach((a, i) => {
    if (!isTensor(a)) return;
    const text = sourceOf(i);
    // A plain variable name also labels the tensor's node in graphs.
    if (text && /^[\w$]+$/.test(text)) recorder.name(a, text);
    postTensor(a, text || `print(…) argument ${i + 1}`);
  });
}

function show(t, name) {
  if (!isTensor(t)) throw new TypeError('show(t, name) expects a tensor');
  const label = name ?? argumentTexts('show')?.[0] ?? 'tensor';
  recorder.name(t, label);
  postTensor(t, label);
  if (!t.is_leaf && recorder.capturing) {
    postPasses();
    postMessage({ type: 'graph', runId, graph: recorder.graphOf(t, { source: 'show', title: label }) });
  }
}

function toNumbers(v) {
  if (isTensor(v)) {
    const detached = v.detach();
    const flat = detached.reshape(-1);
    try {
      return flat.tolist().map(Number);
    } finally {
      flat.dispose();
      detached.dispose();
    }
  }
  if (typeof v === 'number') return [v];
  return Array.from(v, Number);
}

const isSequence = (v) => Array.isArray(v) || ArrayBuffer.isView(v) || isTensor(v);

// plot(ys), plot(xs, ys), plot({ name: ys, ... }), plot(xs, { name: ys, ... }),
// with options { title, label, xlabel, ylabel } last.
function plot(...args) {
  const opts = args.length > 1 && !isSequence(args.at(-1)) && !isSeriesMap(args.at(-1), args.length) ? args.pop() : {};
  const [first, second] = args;
  const xs = second !== undefined ? toNumbers(first) : null;
  const data = second !== undefined ? second : first;
  if (data === undefined || data === null) throw new TypeError('plot(ys), plot(xs, ys) or plot({ name: ys }) expects values to draw');
  const series = isSequence(data)
    ? [{ name: opts.label || 'y', x: xs, y: toNumbers(data) }]
    : Object.entries(data).map(([name, ys]) => ({ name, x: xs, y: toNumbers(ys) }));
  if (xs) {
    for (const s of series) {
      if (s.y.length !== xs.length) throw new RangeError(`plot: x has ${xs.length} values but ${s.name} has ${s.y.length}`);
    }
  }
  out.flush();
  postMessage({ type: 'plot', runId, series, options: { title: opts.title || '', xlabel: opts.xlabel || '', ylabel: opts.ylabel || '' } });
}

// The second argument of plot(xs, { a: ys }) is data, not options.
function isSeriesMap(v, count) {
  return count === 2 && v && typeof v === 'object' && Object.values(v).some(isSequence);
}

const userConsole = Object.fromEntries(['log', 'info', 'debug', 'warn', 'error'].map((level) => [
  level,
  (...args) => out.write(args.map((a) => pyStr(a, NDArray)).join(' ') + '\n', level === 'warn' || level === 'error' ? 'stderr' : 'stdout'),
]));

// The package's own warnings (console.warn in its code) reach the output too.
for (const level of Object.keys(userConsole)) console[level] = userConsole[level];

function errorMessage(e, type = 'error') {
  const where = userLine(e);
  return {
    type, runId,
    name: (e && e.name) || 'Error',
    message: e && e.message !== undefined ? String(e.message) : String(e),
    line: where ? where.line : null,
    col: where ? where.col : null,
  };
}

// The backward passes since the last read, in the order they ran.
function postPasses() {
  const graphs = recorder.passes();
  if (!graphs.length) return;
  out.flush();
  for (const graph of graphs) postMessage({ type: 'graph', runId, graph });
}

// A run starts from what a freshly loaded page has: the previous run's
// timers, globals and tensors are gone, and grad mode, print options and the
// generator are back to their defaults. capture: whether the engine records
// graphs (off where no Graph pane shows them).
function freshRun(capture) {
  timers.cancelAll();
  // The previous run's tensors and grad_fn nodes (kept by globals, closures
  // or timers, or waiting for the garbage collector) are freed now.
  torch._capture.newRun();
  recorder.begin(capture);
  resetRunState(torch, NDArray);
  userLinewidth = 80;
}

const compiles = (code) => {
  try {
    new AsyncFunction(STRICT + code);
    return true;
  } catch {
    return false;
  }
};

function nameOf(value, label) {
  recorder.nameValue(value, label);
  return value;
}

// capture: whether graphs are recorded (off where no Graph pane shows them).
async function run(code, capture) {
  sourceLines = code.split('\n');
  const started = performance.now();
  freshRun(capture);
  const last = withLastExpression(code, compiles);
  const body = last ? last.code : code;
  let fn;
  try {
    fn = new AsyncFunction(...PARAMS, STRICT + (capture ? nameDeclarations(body, compiles) : body));
  } catch (e) {
    postMessage(errorMessage(e));
    return;
  }
  // An error in a timer's callback arrives after 'done': it is shown, not
  // fatal; a backward pass in one is drawn once the callback returns.
  const t = timers.scope((e) => { out.flush(); postMessage(errorMessage(e, 'late-error')); }, postPasses);
  try {
    const value = await fn(userTorch, Variable, torch.nn.functional, NDArray, datasets, print, show, plot, userConsole,
      t.setTimeout, t.clearTimeout, t.setInterval, t.clearInterval, nameOf);
    postPasses();
    out.finish();
    if (value !== undefined) {
      const text = last && isSizeExpression(last.expression, value) ? formatSize(value) : pyRepr(value, NDArray);
      postMessage({ type: 'result', runId, text });
    }
    postMessage({ type: 'done', runId, ms: performance.now() - started });
  } catch (e) {
    postPasses();
    out.finish();
    postMessage(errorMessage(e));
  }
}

let python = null;

async function pythonRunner(post) {
  python ??= import('./python-run.js');
  try {
    return await python;
  } catch (e) {
    python = null;
    post({ type: 'error', name: 'Error', message: `Python could not be loaded: ${e.message}`, line: null });
    return null;
  }
}

// A run: {runId, code, capture, language, interruptBuffer}, the last the
// page's Stop writes SIGINT to (null where the page is not cross-origin
// isolated); prepare {language: 'python', interruptBuffer}: load Python now.
onmessage = async ({ data }) => {
  if (data.type === 'prepare') {
    const pythonRun = await pythonRunner(() => {});
    pythonRun?.preparePython({ post: postMessage, recorder, interruptBuffer: data.interruptBuffer });
    return;
  }
  if (data.type !== 'run') return;
  runId = data.runId;
  out.reset(runId);
  if (data.language === 'python') {
    freshRun(data.capture !== false);
    const id = runId;
    const post = (msg) => postMessage({ ...msg, runId: id });
    const pythonRun = await pythonRunner(post);
    pythonRun?.runPython(data.code, { out, recorder, post, capture: data.capture !== false, interruptBuffer: data.interruptBuffer });
  } else {
    run(data.code, data.capture !== false);
  }
};

postMessage({ type: 'ready' });
