// The tensors a run made, held weakly. The next run frees the ones still
// alive (kept by a global, a closure or a timer of the old run), so
// torch.memory() counts only its own tensors and nothing waits on a garbage
// collector.
const PRUNE_AT = 50_000;

export class RunTensors {
  constructor() {
    this.refs = [];
    this.pruneAt = PRUNE_AT;
  }

  add(t) {
    this.refs.push(new WeakRef(t));
    if (this.refs.length >= this.pruneAt) this.prune();
  }

  // A loop makes millions of short-lived tensors: forget the collected ones.
  prune() {
    this.refs = this.refs.filter((ref) => {
      const t = ref.deref();
      return t !== undefined && !t.isDisposed;
    });
    this.pruneAt = Math.max(PRUNE_AT, this.refs.length * 2);
  }

  disposeAll() {
    for (const ref of this.refs) ref.deref()?.dispose();
    this.refs = [];
    this.pruneAt = PRUNE_AT;
  }
}
