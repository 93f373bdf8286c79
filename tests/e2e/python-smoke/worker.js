// Module worker of the Python smoke test: Python mode loads with Pyodide's
// files from this origin and runs the seed tutorial. `ms` is the time from the
// worker's start (its time origin) to the tutorial's output, `loadedMs` to
// loadPython's return; `chunks` what onStdout received. Then `while True: pass` runs until the page writes
// SIGINT into the interrupt buffer it sent.

// The page's first message carries the buffer; listen before anything loads.
const started = new Promise((resolve) => { self.onmessage = (e) => resolve(e.data); });
const { loadPython } = await import('/wasm/python/index.js');
const { interrupt } = await started;

const json = async (url) => (await fetch(url)).json();
const [sources, seed] = await Promise.all([json('/python-sources.json'), json('/tests/fixtures/python_seed_tutorial.json')]);
const py = await loadPython({ indexURL: '/node_modules/pyodide/', sources, interruptBuffer: interrupt });
const loadedMs = performance.now();
const chunks = [];
const tutorial = await py.run(seed.code, { onStdout: (text) => chunks.push(text) });
postMessage({ tutorial, chunks, ms: performance.now(), loadedMs, isolated: self.crossOriginIsolated });

const loop = await py.run('while True: pass\n');
postMessage({ loop, stoppedAt: performance.timeOrigin + performance.now() });
