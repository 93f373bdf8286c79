// Python runs in the runner worker, over the engine the JavaScript runs use.
// Each run is a fresh program (python/_gradlab_run.py); its stdout and stderr
// stream to the output as it prints, an uncaught exception ends the run with
// an error message that carries its traceback and the user's line.
import { loadPythonRuntime } from './python-runtime.js';
import { installPanes } from './python-panes.js';

let python = null;
let panes = null;
// The run in progress, for gradlab.plot(): its output (flushed first, so a
// chart comes after the text printed before it) and its poster.
let current = null;

// interruptBuffer: where the page's Stop writes 2 (SIGINT), so that the
// program raises KeyboardInterrupt; null where the page is not cross-origin
// isolated (Stop then terminates the worker). The first run's buffer is the
// worker's for good: the page makes one per worker.
function loaded(post, interruptBuffer, recorder) {
  python ??= loadPythonRuntime((loadedBytes, total) => post({ type: 'progress', loaded: loadedBytes, total }), interruptBuffer).then((py) => {
    panes = installPanes(py, recorder);
    py.pyodide.registerJsModule('_gradlab_plot', { draw: drawPlot });
    post({ type: 'progress', done: true });
    return py;
  });
  return python;
}

// Starts loading Python before its first run (the editor shows Python); a
// failure is reported by the run that needs it.
export function preparePython({ post, interruptBuffer, recorder }) {
  loaded(post, interruptBuffer, recorder).catch(() => { python = null; });
}

// python/gradlab/plot.py hands over its chart as JSON (null for a value that
// is not finite).
function drawPlot(text) {
  if (!current) throw new Error('plot() was called outside a run');
  const { series, options } = JSON.parse(text);
  const numbers = (list) => list && list.map((v) => (v === null ? NaN : v));
  current.out.flush();
  current.post({ type: 'plot', series: series.map((s) => ({ ...s, x: numbers(s.x), y: numbers(s.y) })), options });
}

// The line of the user's innermost frame in a traceback.
function userLine(traceback, filename) {
  let line = null;
  const frame = new RegExp(`File "${filename.replace(/[<>]/g, '\\$&')}", line (\\d+)`, 'g');
  for (const m of traceback.matchAll(frame)) line = Number(m[1]);
  if (line === null) {
    // A SyntaxError has no frame: its location is in the text.
    const m = /line (\d+)/.exec(traceback);
    if (m) line = Number(m[1]);
  }
  return line;
}

// post(msg): the worker's postMessage, with runId added by the caller;
// capture: whether graphs are wanted; recorder: the worker's GraphRecorder.
export async function runPython(code, { out, post, interruptBuffer, capture, recorder }) {
  const started = performance.now();
  let py;
  try {
    py = await loaded(post, interruptBuffer, recorder);
  } catch (e) {
    python = null;
    post({ type: 'error', name: 'Error', message: e && e.message ? e.message : String(e), line: null });
    return;
  }
  const filename = '<exec>';
  // The runner writes an uncaught exception's traceback to stderr as its
  // last write: the latest stderr text is held back until more output comes,
  // so that the traceback shows once, as the error.
  let heldErr = '';
  const release = () => {
    if (heldErr) out.write(heldErr, 'stderr');
    heldErr = '';
  };
  panes.observe({ post, capture });
  current = { out, post };
  let result;
  try {
    result = await py.run(code, {
      filename,
      onStdout: (text) => { release(); out.write(text); },
      onStderr: (text) => { release(); heldErr = text; },
    });
  } finally {
    panes.observe(null);
    current = null;
  }
  const { error } = result;
  if (error && heldErr.endsWith(error.traceback)) heldErr = heldErr.slice(0, heldErr.length - error.traceback.length);
  release();
  out.finish();
  if (error) {
    post({ type: 'error', name: error.type, message: error.message, traceback: error.traceback, line: userLine(error.traceback, filename) });
  } else {
    post({ type: 'done', ms: performance.now() - started });
  }
}
