// Loads Python mode on the first Python run: the pinned Pyodide from this
// origin (assets/pyodide-<version>/, copied there by the build) and the torch
// package's sources, with the bytes loaded reported as they arrive.
import runtime from 'virtual:python-runtime';
import { loadPython } from 'gradlab/python';

const PROGRESS_MS = 100;

// Reads each runtime file once, counting bytes, so the page can show
// progress; loadPyodide's own requests for them then come from the HTTP
// cache (the folder is named for the version, so it is served immutable).
async function fetchCounting(base, onProgress) {
  const total = runtime.files.reduce((sum, f) => sum + f.bytes, 0);
  let loaded = 0;
  let reported = 0;
  await Promise.all(runtime.files.map(async ({ name }) => {
    const response = await fetch(new URL(name, base));
    if (!response.ok) throw new Error(`Python could not be loaded: ${name} answered HTTP ${response.status}.`);
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      loaded += value.length;
      if (performance.now() - reported >= PROGRESS_MS) {
        reported = performance.now();
        onProgress(loaded, total);
      }
    }
  }));
  onProgress(total, total);
}

// onProgress(loaded, total): bytes of the runtime files read so far;
// interruptBuffer: see loadPython (null where the page is not isolated).
export async function loadPythonRuntime(onProgress, interruptBuffer) {
  const base = new URL(runtime.directory, import.meta.url);
  await fetchCounting(base, onProgress);
  return loadPython({ indexURL: base.href, sources: runtime.sources, interruptBuffer: interruptBuffer ?? undefined });
}
