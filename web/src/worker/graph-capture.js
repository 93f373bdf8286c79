// Records autograd graphs inside the runner worker. Tensors produced by ops are
// remembered (weakly) by their grad_fn, so a graph walk can show each node's
// shape and value; backward() is wrapped to walk the DAG first, hook every
// known tensor for the gradient it receives, and replay the engine's order.
// Every pass is hooked, but only the first, one every CAPTURE_EVERY_MS and the
// last (flushed when the run ends) are described and sent: a training loop's
// picker holds its first and last backward. With capture off (an embed
// without a Graph pane) only the tensor bookkeeping remains.
import { tensorText, preview, quietly } from './tensor-info.js';
import { backwardOrder } from './backward-order.js';

const MAX_NODES = 300;
// A training loop calls backward() hundreds of times; recording each one would
// triple its cost, so graphs are taken at most this often (the first always).
const CAPTURE_EVERY_MS = 250;

const isModule = (v) => typeof v === 'function' && typeof v.named_parameters === 'function';

// Node objects are keyed by their id when the package gives one, else by identity.
const keyOf = (node) => (node && (node.id ?? node._id)) ?? node;

class WeakIndex {
  constructor() {
    this.objects = new WeakMap();
    this.ids = new Map();
  }
  set(key, value) {
    if (typeof key === 'object') this.objects.set(key, value);
    else {
      if (this.ids.size > 50_000) this.prune();
      this.ids.set(key, value);
    }
  }
  get(key) {
    return typeof key === 'object' ? this.objects.get(key) : this.ids.get(key);
  }
  prune() {
    for (const [k, v] of this.ids) if (!v.ref.deref()) this.ids.delete(k);
  }
}

// .grad is the tensor's own object (the same on every read): read, never disposed.
function gradText(t) {
  const g = t.grad;
  return g ? tensorText(g) : null;
}

export class GraphRecorder {
  constructor(torch) {
    this.torch = torch;
    this.capturing = true;
    this.onGraph = () => {};
    // Sees every tensor an entry point returns (the runner frees them between runs).
    this.onTensor = () => {};
    this.reset();
    this.instrument();
  }

  reset() {
    this.discard(this.pending);
    this.pending = null;
    this.byNode = new WeakIndex();
    this.names = new WeakMap();
    this.identityNames = new Map();
    this.seq = 0;
    this.backwardCount = 0;
    this.lastCapture = -Infinity;
  }

  name(t, label) {
    this.names.set(t, label);
  }

  // Python mode names tensors by engine identity (identityKey(t), see
  // python-panes.js): a graph's leaves come back as other JS objects.
  nameIdentity(key, label) {
    this.identityNames.set(key, label);
  }

  labelOf(t) {
    return this.names.get(t) || (this.identityKey && this.identityNames.get(this.identityKey(t))) || null;
  }

  // A declared variable: a tensor takes its name, a module names its
  // parameters by attribute path (fc1.weight), as named_parameters() gives them.
  nameValue(value, label) {
    if (!this.capturing) return;
    if (isModule(value)) {
      for (const [path, p] of value.named_parameters()) if (!this.names.has(p)) this.names.set(p, path);
    } else if (value && typeof value === 'object' && 'grad_fn' in value) {
      this.names.set(value, label);
    }
  }

  remember(result) {
    if (!result || typeof result !== 'object' || !('grad_fn' in result)) return;
    this.onTensor(result);
    if (!this.capturing) return;
    const fn = result.grad_fn;
    if (fn) this.byNode.set(keyOf(fn), { ref: new WeakRef(result), seq: ++this.seq });
  }

  wrap(owner, key) {
    const original = owner[key];
    const recorder = this;
    owner[key] = function (...args) {
      const result = original.apply(this, args);
      recorder.remember(result);
      return result;
    };
  }

  // Every tensor-returning entry point: Tensor methods, torch.*, F.*.
  instrument() {
    const torch = this.torch;
    const probe = torch.zeros(1);
    const proto = Object.getPrototypeOf(probe);
    probe.dispose();
    for (const owner of [proto, torch, torch.nn && torch.nn.functional]) {
      if (!owner) continue;
      for (const key of Object.getOwnPropertyNames(owner)) {
        const desc = Object.getOwnPropertyDescriptor(owner, key);
        if (!desc || typeof desc.value !== 'function' || !desc.writable || key === 'constructor' || key === 'backward') continue;
        if (/^[A-Z]/.test(key) || key === 'no_grad' || key === 'enable_grad' || key === 'tidy') continue;
        this.wrap(owner, key);
      }
    }
    const recorder = this;
    const backward = proto.backward;
    proto.backward = function (...args) {
      const session = recorder.beforeBackward(this, args[0]);
      let ok = false;
      try {
        const result = backward.apply(this, args);
        ok = true;
        return result;
      } finally {
        recorder.afterBackward(session, ok);
      }
    };
  }

  tensorFor(node) {
    if (node.name === 'AccumulateGrad' && node.variable) return node.variable;
    const entry = this.byNode.get(keyOf(node));
    return entry ? entry.ref.deref() || null : null;
  }

  // Breadth-first walk from a root node; nodes get string ids in discovery order.
  walk(rootTensor) {
    const ids = new Map();
    const nodes = [];
    const edges = [];
    const queue = [rootTensor.grad_fn];
    const add = (node) => {
      const key = keyOf(node);
      if (ids.has(key)) return ids.get(key);
      const id = `n${ids.size}`;
      ids.set(key, id);
      const tensor = node === rootTensor.grad_fn ? rootTensor : this.tensorFor(node);
      const entry = this.byNode.get(key);
      nodes.push({ id, node, tensor, seq: entry ? entry.seq : null, discovery: ids.size });
      return id;
    };
    add(rootTensor.grad_fn);
    for (let i = 0; i < queue.length && nodes.length < MAX_NODES; i++) {
      const node = queue[i];
      const from = ids.get(keyOf(node));
      (node.next_functions || []).forEach(([next], inputNr) => {
        if (!next) return;
        const known = ids.has(keyOf(next));
        const to = add(next);
        edges.push({ from, to, input_nr: inputNr });
        if (!known) queue.push(next);
      });
    }
    return { nodes, edges, truncated: nodes.length >= MAX_NODES };
  }

  describeNode(n, root, grads) {
    // A pass held back until the run ends may hold tensors a torch.tidy has freed since: drawn without values.
    const t = n.tensor && !n.tensor.isDisposed ? n.tensor : null;
    const leaf = n.node.name === 'AccumulateGrad';
    const received = grads ? grads.get(n.id) : null;
    return quietly(() => ({
      id: n.id,
      name: n.node.name,
      kind: leaf ? 'leaf' : n.id === root ? 'root' : 'op',
      label: t ? this.labelOf(t) : null,
      shape: t ? [...t.shape] : null,
      dtype: t ? t.dtype : null,
      requires_grad: t ? t.requires_grad : true,
      preview: preview(t),
      data: t ? tensorText(t) : null,
      gradPreview: received ? preview(received) : null,
      grad: received ? tensorText(received) : null,
      accumulated: leaf && t ? gradText(t) : null,
    }));
  }

  serialise(rootTensor, walked, { source, title, grads = null }) {
    const root = walked.nodes[0].id;
    return {
      source,
      title,
      truncated: walked.truncated,
      nodes: walked.nodes.map((n) => this.describeNode(n, root, grads)),
      edges: walked.edges,
      order: backwardOrder(walked.nodes, walked.edges),
      hasGrads: Boolean(grads),
    };
  }

  capture(t, opts) {
    return this.serialise(t, this.walk(t), opts);
  }

  beforeBackward(root, gradient) {
    this.backwardCount += 1;
    if (!this.capturing || !root.grad_fn) return null;
    const walked = this.walk(root);
    const grads = new Map();
    const handles = [];
    for (const n of walked.nodes) {
      if (!n.tensor || typeof n.tensor.register_hook !== 'function') continue;
      try {
        handles.push(n.tensor.register_hook((g) => {
          const d = g.detach();
          grads.set(n.id, d.clone());
          d.dispose();
        }));
      } catch {
        // A tensor that cannot take a hook just shows no gradient.
      }
    }
    return { root, walked, grads, handles, gradient, number: this.backwardCount };
  }

  afterBackward(session, ok) {
    if (!session) return;
    for (const h of session.handles) h.remove();
    session.handles = [];
    if (!ok) {
      this.discard(session);
      return;
    }
    this.discard(this.pending);
    this.pending = null;
    if (session.number === 1 || performance.now() - this.lastCapture >= CAPTURE_EVERY_MS) {
      this.lastCapture = performance.now();
      this.send(session);
    } else {
      this.pending = session;
    }
  }

  // At the end of a run: the last backward, if it was held back.
  flush() {
    if (!this.pending) return;
    const session = this.pending;
    this.pending = null;
    this.send(session);
  }

  send(session) {
    const rootName = this.names.get(session.root);
    const title = `backward #${session.number}${rootName ? ` of ${rootName}` : ''}`;
    const graph = this.serialise(session.root, session.walked, { source: 'backward', title, grads: session.grads });
    graph.number = session.number;
    this.discard(session);
    this.onGraph(graph);
  }

  discard(session) {
    if (!session) return;
    for (const g of session.grads.values()) g.dispose();
    session.grads.clear();
  }
}
