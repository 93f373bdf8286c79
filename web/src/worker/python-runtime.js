// Loads Python mode on the first Python run (or when the editor first shows
// Python): the pinned Pyodide from this origin (assets/pyodide-<version>/,
// copied there by the build), restored from the build's memory snapshot of a
// started interpreter, and the torch package's sources; the bytes loaded are
// reported as they arrive.
import runtime from 'virtual:python-runtime';
import { loadPython } from 'gradlab/python';

const PROGRESS_MS = 100;

function progressCounter(total, onProgress) {
  let loaded = 0;
  let reported = 0;
  return {
    add(bytes) {
      loaded += bytes;
      if (performance.now() - reported >= PROGRESS_MS) {
        reported = performance.now();
        onProgress(Math.min(loaded, total), total);
      }
    },
    done: () => onProgress(total, total),
  };
}

async function countBody(response, counter) {
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    counter.add(value.length);
  }
}

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Python could not be loaded: ${url.pathname} answered HTTP ${response.status}.`);
  return response;
}

// The interpreter snapshot's bytes (fetched here, so counted as they arrive).
async function readSnapshot(url, counter) {
  const response = await fetchOk(url);
  const bytes = new Uint8Array(runtime.snapshot.bytes);
  let at = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > bytes.length) throw new Error('Python could not be loaded: the interpreter snapshot is larger than the build said.');
    bytes.set(value, at);
    at += value.length;
    counter.add(value.length);
  }
  return bytes.subarray(0, at);
}

// Pyodide fetches its own files; while it loads, the worker's fetch counts
// the bytes of those responses through a clone, and Pyodide gets the
// Response as fetched (a new Response wrapping a counting stream would lose
// its link to the HTTP cache entry, which the browser's compiled-code cache
// for the .wasm is keyed on). Nothing is read twice, and loading starts at
// once instead of after a separate read of every file.
function countingFetches(base, counter) {
  const plain = globalThis.fetch;
  const counted = new Set(runtime.files.map((f) => new URL(f.name, base).href));
  globalThis.fetch = async function fetch(resource, init) {
    const response = await plain(resource, init);
    const url = typeof resource === 'string' || resource instanceof URL ? String(resource) : resource.url;
    if (counted.has(url) && response.ok && response.body) countBody(response.clone(), counter).catch(() => {});
    return response;
  };
  return () => { globalThis.fetch = plain; };
}

// The build's compiled .pyc files, written next to the sources they were
// compiled from (Python then skips compiling them).
function bytecode() {
  return Object.fromEntries(Object.entries(runtime.bytecode).map(([name, base64]) => [name, Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))]));
}

// onProgress(loaded, total): bytes of the snapshot and the files Pyodide
// fetches read so far (the last report is loaded === total);
// interruptBuffer: see loadPython (null where the page is not isolated).
export async function loadPythonRuntime(onProgress, interruptBuffer) {
  performance.mark('python:start');
  const base = new URL(runtime.directory, import.meta.url);
  const total = runtime.snapshot.bytes + runtime.files.reduce((sum, f) => sum + f.bytes, 0);
  const counter = progressCounter(total, onProgress);
  const snapshot = readSnapshot(new URL(runtime.snapshot.name, base), counter);
  snapshot.catch(() => {}); // a failure is loadPython's to report
  const restoreFetch = countingFetches(base, counter);
  try {
    return await loadPython({ indexURL: base.href, sources: { ...runtime.sources, ...bytecode() }, interruptBuffer: interruptBuffer ?? undefined, snapshot });
  } finally {
    restoreFetch();
    counter.done();
  }
}
