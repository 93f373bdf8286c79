// Page side of the runner: owns the module Web Worker that executes user code.
// The page never evaluates user code itself. Stop, an uncaught error and the
// time limit all discard the worker and start a fresh one, so a run can never
// leave a wedged engine (or an infinite loop) behind. The worker is made by
// createWorker, one per language: JavaScript's is worker.js; another language
// plugs in with its own worker speaking the same messages.
//
// Python runs in the same worker. It loads when first needed: on the first
// Python run, or earlier when the page asks for it with prepare('python') (the
// editor shows Python), reporting 'progress' either way. Where the page is cross-origin isolated, Stop first
// interrupts Python through a shared buffer (KeyboardInterrupt, the loaded
// interpreter is kept) and terminates the worker only if that does not end
// the run within INTERRUPT_MS.
//
// Messages from the worker: ready | progress | log | result | tensor | graph |
// plot | error | done, and late-error. Output of the last run that arrives after its
// end (a timer's print) is still shown, until the next run starts.
const LATE = new Set(['log', 'tensor', 'graph', 'plot', 'late-error']);
const INTERRUPT_MS = 500;
const SIGINT = 2;

export function createJavaScriptWorker() {
  return new Worker(new URL('../worker/worker.js', import.meta.url), { type: 'module', name: 'gradlab-runner' });
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
    this.language = null;
    this.prepared = null;
    this.interrupting = 0;
    this.spawn();
  }

  spawn() {
    this.ready = false;
    this.worker = this.createWorker();
    this.interruptBuffer = globalThis.crossOriginIsolated ? new Int32Array(new SharedArrayBuffer(4)) : null;
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
    if (msg.type === 'progress') {
      this.onMessage(msg);
      return;
    }
    if (msg.type === 'ready') {
      this.ready = true;
      this.onState('ready');
      // A replaced worker loads what its predecessor had been asked to.
      if (this.prepared) this.worker.postMessage({ type: 'prepare', language: this.prepared, interruptBuffer: this.interruptBuffer });
      if (this.pending) {
        this.worker.postMessage({ type: 'run', runId: this.runId, ...this.pending, interruptBuffer: this.interruptBuffer });
        this.pending = null;
      }
      return;
    }
    if (msg.runId !== this.runId) return;
    if (!this.running) {
      if (LATE.has(msg.type)) this.onMessage(msg);
      return;
    }
    if (this.interrupting && msg.type === 'error' && msg.name === 'KeyboardInterrupt') {
      this.finish({ type: 'stopped', reason: 'stopped' }, false);
    } else if (msg.type === 'error') {
      // Python's exceptions leave a sound interpreter behind: no restart, no reload.
      this.finish(msg, this.language !== 'python');
    } else if (msg.type === 'done') {
      this.finish(msg, false);
    } else {
      this.onMessage(msg);
    }
  }

  // Starts loading a language's runtime now (it is kept across worker restarts).
  prepare(language) {
    if (language !== 'python' || this.prepared === language) return;
    this.prepared = language;
    if (this.ready) this.worker.postMessage({ type: 'prepare', language, interruptBuffer: this.interruptBuffer });
  }

  // capture: record autograd graphs (off where no Graph pane shows them).
  // language: 'javascript' or 'python'.
  run(code, { capture = true, language = 'javascript' } = {}) {
    if (this.running) this.stop('restart');
    this.running = true;
    this.language = language;
    this.runId += 1;
    this.startedAt = performance.now();
    this.onState('running');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.timeout(), this.timeLimitMs);
    if (!this.ready) {
      this.pending = { code, capture, language };
      return;
    }
    if (this.interruptBuffer) Atomics.store(this.interruptBuffer, 0, 0);
    this.worker.postMessage({ type: 'run', runId: this.runId, code, capture, language, interruptBuffer: this.interruptBuffer });
  }

  timeout() {
    const seconds = Math.round(this.timeLimitMs / 100) / 10;
    this.finish({ type: 'error', name: 'TimeoutError', message: `Stopped after the ${seconds} s time limit.` }, true);
  }

  // A busy loop in the worker never gets to answer a message: JavaScript is
  // terminated at once, Python interrupted if it can be (see above).
  stop(reason = 'stopped') {
    if (!this.running) return;
    if (reason === 'stopped' && this.language === 'python' && this.interruptBuffer && this.ready && !this.interrupting) {
      Atomics.store(this.interruptBuffer, 0, SIGINT);
      this.interrupting = setTimeout(() => this.finish({ type: 'stopped', reason }, true), INTERRUPT_MS);
      return;
    }
    this.finish({ type: 'stopped', reason }, true);
  }

  finish(msg, restart) {
    clearTimeout(this.timer);
    clearTimeout(this.interrupting);
    this.interrupting = 0;
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
