// The Graph pane's graphs, read from the engine's capture mode
// (torch._capture): the engine records each node as it is made and, for every
// backward pass, the order it ran the nodes with the gradient on each edge.
// Nothing in the package is wrapped: with capture off (an embed without a
// Graph pane) a run costs what it costs in Node. The engine keeps the first
// pass, the latest and an even sample in between; the runner reads them when
// the run ends, before a show() and after a timer's callback.
import { previewLine, previewDetail } from './preview-text.js';

const MAX_NODES = 300;

const isModule = (v) => typeof v === 'function' && typeof v.named_parameters === 'function';
const isTensor = (v) => v !== null && typeof v === 'object' && 'grad_fn' in v && typeof v.dispose === 'function';
const nodeId = (id) => `n${id}`;

// A node of the page's graph from a captured node (and its step, in a pass).
function describeNode(n, { kind, step }) {
  const value = n.outputs[0] ?? null;
  const received = step ? step.received.find(Boolean) ?? null : null;
  const suffix = n.leaf ? ', requires_grad=True' : `, grad_fn=<${n.name}>`;
  return {
    id: nodeId(n.id),
    name: n.name,
    kind,
    label: n.label || null,
    shape: value ? value.shape : null,
    dtype: value ? value.dtype : null,
    requires_grad: true,
    preview: previewLine(value),
    data: value ? previewDetail(value, suffix) : null,
    gradPreview: received ? previewLine(received) : null,
    grad: received ? previewDetail(received) : null,
    accumulated: n.leaf && n.accumulated ? previewDetail(n.accumulated) : null,
  };
}

// Edges between the nodes kept; `sent` gives each edge's gradient (a pass).
function edgesOf(nodes, sentOf) {
  const kept = new Set(nodes.map((n) => n.id));
  const edges = [];
  for (const n of nodes) {
    const sent = sentOf ? sentOf(n) : null;
    n.edges.forEach(([to, inputNr], k) => {
      if (!kept.has(to)) return;
      const g = sent ? sent[k] : null;
      edges.push({
        from: nodeId(n.id),
        to: nodeId(to),
        input_nr: inputNr,
        gradPreview: g ? previewLine(g) : null,
        grad: g ? previewDetail(g) : null,
      });
    });
  }
  return edges;
}

export class GraphRecorder {
  constructor(torch) {
    this.capture = torch._capture;
    this.capturing = false;
  }

  // A run begins: capture on (and cleared) or off.
  begin(capturing) {
    this.capturing = capturing;
    if (capturing) this.capture.start();
    else this.capture.stop();
  }

  name(t, label) {
    if (this.capturing && isTensor(t) && !t.isDisposed) this.capture.name(t, label);
  }

  // A declared variable: a tensor takes its name, a module names its
  // parameters by attribute path (fc1.weight), as named_parameters() gives them.
  nameValue(value, label) {
    if (!this.capturing) return;
    if (isModule(value)) {
      for (const [path, p] of value.named_parameters()) this.name(p, path);
    } else {
      this.name(value, label);
    }
  }

  // The backward passes recorded since the last read, as the page draws them
  // (not one that failed: the error is the run's output).
  passes() {
    if (!this.capturing) return [];
    return this.capture.read().passes.filter((pass) => pass.complete).map((pass) => this.passGraph(pass));
  }

  passGraph(pass) {
    const roots = new Set(pass.roots);
    const stepOf = new Map(pass.nodes.map((n, i) => [n.id, pass.steps[i]]));
    const nodes = pass.nodes.map((n) => describeNode(n, {
      kind: n.leaf ? 'leaf' : roots.has(n.id) ? 'root' : 'op',
      step: stepOf.get(n.id),
    }));
    const root = pass.nodes.find((n) => roots.has(n.id));
    const what = pass.grad_only ? 'autograd.grad' : 'backward';
    const title = `${what} #${pass.number}${root && root.label ? ` of ${root.label}` : ''}`;
    return {
      source: 'backward',
      title,
      number: pass.number,
      truncated: pass.truncated,
      nodes,
      edges: edgesOf(pass.nodes, (n) => stepOf.get(n.id).sent),
      order: nodes.map((n) => n.id),
      hasGrads: true,
    };
  }

  // The graph behind t as it stands (show(t), a Python program's globals).
  graphOf(t, { source, title }) {
    const { nodes, truncated } = this.capture.graph(t, MAX_NODES);
    return {
      source,
      title,
      truncated,
      nodes: nodes.map((n, i) => describeNode(n, { kind: n.leaf ? 'leaf' : i === 0 ? 'root' : 'op' })),
      edges: edgesOf(nodes, null),
      order: [],
      hasGrads: false,
    };
  }
}
