// Python runs in the runner worker, over the engine the JavaScript runs use.
// Each run is a fresh program (python/_gradlab_run.py); its stdout and stderr
// go to the output stream, an uncaught exception to an error message with
// its traceback and the user's line.
import { loadPythonRuntime } from './python-runtime.js';
import { installPanes } from './python-panes.js';

let python = null;
let panes = null;

// interruptBuffer: where the page's Stop writes 2 (SIGINT), so that Python
// raises KeyboardInterrupt at its next bytecode; null where the page is not
// cross-origin isolated (Stop then terminates the worker).
function loaded(post, interruptBuffer, recorder) {
  python ??= loadPythonRuntime((loadedBytes, total) => post({ type: 'progress', loaded: loadedBytes, total })).then((py) => {
    if (interruptBuffer) py.pyodide.setInterruptBuffer(interruptBuffer);
    panes = installPanes(py, recorder);
    return py;
  });
  return python;
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
  panes.observe({ post, capture });
  const { stdout, stderr, error } = await py.run(code, { filename });
  panes.observe(null);
  out.write(stdout);
  // The runner writes the traceback to stderr too: it is shown once, as the error.
  const rest = error && stderr.endsWith(error.traceback) ? stderr.slice(0, stderr.length - error.traceback.length) : stderr;
  if (rest) out.write(rest, 'stderr');
  out.finish();
  if (error) {
    post({ type: 'error', name: error.type, message: error.message, traceback: error.traceback, line: userLine(error.traceback, filename) });
  } else {
    post({ type: 'done', ms: performance.now() - started });
  }
}
