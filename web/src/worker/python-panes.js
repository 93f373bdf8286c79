// The Tensors and Graph panes for a Python run. python-panes.py hands over a
// finished program's global tensors and its modules' parameters (engine
// handles, with their names); each is seen here through a shared handle as a
// package tensor, so the panes describe it exactly as in JavaScript mode, and
// graphs are walked through grad_fn.next_functions from the tensors no other
// global's graph contains (loss, not its parts). Observed, never patched.
import { _engine as M, _fromHandle as fromHandle, torch } from 'gradlab';
import source from './python-panes.py?raw';
import { describeTensor } from './tensor-info.js';

const MAX_GRAPHS = 4;
// The Tensors pane shows each row of a matrix on one line (it scrolls sideways).
const WIDE = 100_000;
const PYTHON_LINEWIDTH = 80;

const identity = (t) => M._impl_address(t._handle());

// recorder: the worker's GraphRecorder (its walk and serialisation, with
// names by engine identity: a graph's leaves come back as other objects).
export function installPanes(py, recorder) {
  let run = null;
  recorder.identityKey = identity;
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
      if (capture) for (const graph of graphs(views)) post({ type: 'graph', graph });
    } finally {
      torch.set_printoptions({ linewidth: PYTHON_LINEWIDTH });
      recorder.reset();
      for (const { t } of views) t.dispose();
    }
  }

  function graphs(views) {
    recorder.reset();
    recorder.capturing = true;
    for (const { name, t } of views) {
      recorder.remember(t);
      recorder.nameIdentity(identity(t), name);
    }
    const candidates = views.filter((v) => !v.parameter && v.t.grad_fn);
    const walks = candidates.map((v) => ({ ...v, walked: recorder.walk(v.t) }));
    // grad_fn objects are one per engine node while live, so identity compares nodes.
    const inner = new Set(walks.flatMap((w) => w.walked.nodes.slice(1).map((n) => n.node)));
    const roots = walks.filter((w) => !inner.has(w.walked.nodes[0].node)).slice(-MAX_GRAPHS);
    return roots.map((w) => recorder.serialise(w.t, w.walked, { source: 'program', title: `graph of ${w.name}` }));
  }

  return {
    // Until the next call, finished programs are reported to post({type, ...})
    // (capture: whether graphs are wanted, i.e. a Graph pane shows them).
    observe(next) { run = next; },
  };
}
