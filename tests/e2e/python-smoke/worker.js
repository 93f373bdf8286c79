// Module worker of the Python smoke test: Python mode loads with Pyodide's
// files from this origin and runs the seed tutorial. `ms` is the time from the
// worker's start (its time origin) to the tutorial's output, `loadedMs` to
// loadPython's return.
import { loadPython } from '/wasm/python/index.js';

const json = async (url) => (await fetch(url)).json();
const [sources, seed] = await Promise.all([json('/python-sources.json'), json('/tests/fixtures/python_seed_tutorial.json')]);
const py = await loadPython({ indexURL: '/node_modules/pyodide/', sources });
const loadedMs = performance.now();
const tutorial = await py.run(seed.code);
postMessage({ tutorial, ms: performance.now(), loadedMs, isolated: self.crossOriginIsolated });
