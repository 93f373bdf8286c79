// What every run starts from, so code that works for an author works for a
// reader: no globals, timers, grad mode, print options or random numbers carry
// over from an earlier run in the same worker.
const BASE_GLOBALS = new Set(Object.getOwnPropertyNames(globalThis));
// The engine's generator seed at load (engine/include/gradlab/random.h): a
// reset generator gives the numbers a freshly loaded page gives.
const LOAD_SEED = 67280421310721;
const NUMPY_DEFAULTS = { precision: 8, threshold: 1000, edgeitems: 3, linewidth: 75, suppress: false, legacy: false };

// Timers the user's code sets; a new run cancels the previous run's.
export class RunTimers {
  constructor() {
    this.timeouts = new Set();
    this.intervals = new Set();
  }

  // The functions the user's code sees in place of the worker's own;
  // afterEach() runs once each callback has returned (or thrown).
  scope(onError, afterEach = () => {}) {
    const guard = (fn) => (typeof fn === 'function' ? (...args) => {
      try {
        const value = fn(...args);
        if (value && typeof value.catch === 'function') value.catch(onError);
      } catch (e) {
        onError(e);
      } finally {
        afterEach();
      }
    } : fn);
    return {
      setTimeout: (fn, ms, ...args) => {
        const id = setTimeout((...a) => { this.timeouts.delete(id); guard(fn)(...a); }, ms, ...args);
        this.timeouts.add(id);
        return id;
      },
      clearTimeout: (id) => { this.timeouts.delete(id); clearTimeout(id); },
      setInterval: (fn, ms, ...args) => {
        const id = setInterval(guard(fn), ms, ...args);
        this.intervals.add(id);
        return id;
      },
      clearInterval: (id) => { this.intervals.delete(id); clearInterval(id); },
    };
  }

  get pending() {
    return this.timeouts.size + this.intervals.size;
  }

  cancelAll() {
    for (const id of this.timeouts) clearTimeout(id);
    for (const id of this.intervals) clearInterval(id);
    this.timeouts.clear();
    this.intervals.clear();
  }
}

export function resetRunState(torch, NDArray) {
  for (const key of Object.getOwnPropertyNames(globalThis)) {
    if (!BASE_GLOBALS.has(key)) delete globalThis[key];
  }
  torch.set_grad_enabled(true);
  torch.set_printoptions({ profile: 'default', sci_mode: null, style: 'auto' });
  NDArray.set_printoptions(NUMPY_DEFAULTS);
  torch.manual_seed(LOAD_SEED);
}
