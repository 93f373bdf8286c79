// The Tensors and Graph panes for a Python run. python-panes.py hands over a
// finished program's global tensors and its modules' parameters (engine
// handles, with their names); each is seen here through a shared handle as a
// package tensor, so the panes describe it exactly as in JavaScript mode.
// The Graph pane shows the backward passes the engine captured while the
// program ran (names given now apply to them: a leaf by its tensor, an op by
// its node); a program without backward() gets the graphs of the global
// tensors no other global's graph contains (loss, not its parts). Observed,
// never patched.
import { _engine as M, _fromHandle as fromHandle, torch } from 'gradlab';
import source from './python-panes.py?raw';
import { describeTensor } from './tensor-info.js';

const MAX_GRAPHS = 4;
// The Tensors pane shows each row of a matrix on one line (it scrolls sideways).
const WIDE = 100_000;
const PYTHON_LINEWIDTH = 80;

// recorder: the worker's GraphRecorder (torch._capture's reader).
export function installPanes(py, recorder) {
  let run = null;
  py.pyodide.registerJsModule('_gradlab_panes', {
    report(found, problem) {
      const list = found && typeof found.toJs === 'function' ? found.toJs() : [];
      found?.destroy?.();
      if (run && !problem) show(list, run);
    },
  });
  py.pyodide.runPython(source, { globals: py.pyodide.toPy({}) });

  function show(found, { post, capture }) {
    const views = found.map(([name, handle, parameter]) => ({ name, parameter, t: fromHandle(M._share(handle)) }));
    try {
      torch.set_printoptions({ linewidth: WIDE });
      for (const { name, t } of views) post({ type: 'tensor', tensor: describeTensor(t, name, torch) });
      torch.set_printoptions({ linewidth: PYTHON_LINEWIDTH });
      if (capture) {
        for (const { name, t } of views) recorder.name(t, name);
        const passes = recorder.passes();
        for (const graph of passes.length ? passes : graphs(views)) post({ type: 'graph', graph });
      }
    } finally {
      torch.set_printoptions({ linewidth: PYTHON_LINEWIDTH });
      for (const { t } of views) t.dispose();
    }
  }

  function graphs(views) {
    const candidates = views.filter((v) => !v.parameter && !v.t.is_leaf);
    const drawn = candidates.map((v) => recorder.graphOf(v.t, { source: 'program', title: `graph of ${v.name}` }));
    // Node ids are the engine's, so a graph inside another is recognised.
    const inner = new Set(drawn.flatMap((g) => g.nodes.slice(1).map((n) => n.id)));
    return drawn.filter((g) => g.nodes.length && !inner.has(g.nodes[0].id)).slice(-MAX_GRAPHS);
  }

  return {
    // Until the next call, finished programs are reported to post({type, ...})
    // (capture: whether graphs are wanted, i.e. a Graph pane shows them).
    observe(next) { run = next; },
  };
}
