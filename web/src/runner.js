// Page side of the runner: owns the module Web Worker that executes user code.
// The page never evaluates user code itself. Stop, an uncaught error and the
// time limit all discard the worker and start a fresh one, so a run can never
// leave a wedged engine (or an infinite loop) behind. The worker is made by
// createWorker, one per language: JavaScript's is worker.js; another language
// plugs in with its own worker speaking the same messages.
//
// Messages from the worker: ready | log | result | tensor | graph | plot |
// error | done, and late-error. Output of the last run that arrives after its
// end (a timer's print) is still shown, until the next run starts.
const LATE = new Set(['log', 'tensor', 'graph', 'plot', 'late-error']);

export function createJavaScriptWorker() {
  return new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'gradlab-runner' });
}

export class Runner {
  constructor({ onMessage, onState, createWorker = createJavaScriptWorker }) {
    this.onMessage = onMessage;
    this.onState = onState;
    this.createWorker = createWorker;
    this.timeLimitMs = 30_000;
    this.worker = null;
    this.ready = false;
    this.running = false;
    this.pending = null;
    this.timer = 0;
    this.runId = 0;
    this.spawn();
  }

  spawn() {
    this.ready = false;
    this.worker = this.createWorker();
    this.worker.onmessage = (e) => this.receive(e.data);
    this.worker.onerror = (e) => {
      e.preventDefault();
      if (!this.ready) {
        this.onState('failed', 'The engine could not be loaded.');
        return;
      }
      this.finish({ type: 'error', name: 'Error', message: e.message || 'The runner crashed.' }, true);
    };
    this.onState('loading');
  }

  receive(msg) {
    if (msg.type === 'ready') {
      this.ready = true;
      this.onState('ready');
      if (this.pending) {
        this.worker.postMessage({ type: 'run', runId: this.runId, ...this.pending });
        this.pending = null;
      }
      return;
    }
    if (msg.runId !== this.runId) return;
    if (!this.running) {
      if (LATE.has(msg.type)) this.onMessage(msg);
      return;
    }
    if (msg.type === 'error') {
      this.finish(msg, true);
    } else if (msg.type === 'done') {
      this.finish(msg, false);
    } else {
      this.onMessage(msg);
    }
  }

  // capture: record autograd graphs (off where no Graph pane shows them).
  run(code, { capture = true } = {}) {
    if (this.running) this.stop('restart');
    this.running = true;
    this.runId += 1;
    this.startedAt = performance.now();
    this.onState('running');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.timeout(), this.timeLimitMs);
    if (!this.ready) {
      this.pending = { code, capture };
      return;
    }
    this.worker.postMessage({ type: 'run', runId: this.runId, code, capture });
  }

  timeout() {
    const seconds = Math.round(this.timeLimitMs / 100) / 10;
    this.finish({ type: 'error', name: 'TimeoutError', message: `Stopped after the ${seconds} s time limit.` }, true);
  }

  // Terminates at once: a busy loop in the worker never gets to answer a message.
  stop(reason = 'stopped') {
    if (!this.running) return;
    this.finish({ type: 'stopped', reason }, true);
  }

  finish(msg, restart) {
    clearTimeout(this.timer);
    this.running = false;
    this.pending = null;
    if (restart) {
      this.worker.terminate();
      this.spawn();
    }
    this.onMessage({ ...msg, ms: msg.ms ?? performance.now() - this.startedAt });
    this.onState(this.ready ? 'ready' : 'loading');
  }
}
