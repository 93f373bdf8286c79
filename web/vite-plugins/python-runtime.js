// Python mode's files, served from the playground's own origin (never a CDN):
// the pinned Pyodide's runtime files are copied into web/dist under a folder
// named for its version, next to a memory snapshot of its interpreter made at
// build time (see makeSnapshot), and the repo's python/ sources become the
// virtual module 'virtual:python-runtime':
//   export default { directory: 'pyodide-314.0.7/', snapshot: { name, bytes },
//                    files: [{ name, bytes }] (the files loadPyodide fetches), sources: { 'torch/__init__.py': text, ... },
//                    bytecode: { 'torch/__pycache__/__init__.cpython-314.pyc': base64, ... } }
// Only the worker's Python chunk imports it, which loads on the first Python
// run: JavaScript mode fetches none of this.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const VIRTUAL_ID = 'virtual:python-runtime';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
// What a browser loads: Pyodide's module, the lock file, the Emscripten
// module, the interpreter and the standard library (the snapshot comes on top).
const RUNTIME_FILES = ['pyodide.mjs', 'pyodide-lock.json', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip'];
// The ones loadPyodide fetches (the worker counts their bytes for the progress
// bar); the two modules are imported (about a tenth of the bytes, uncounted).
const FETCHED_FILES = ['pyodide-lock.json', 'pyodide.asm.wasm', 'python_stdlib.zip'];
// Named for its content: the folder is served as immutable, and a snapshot
// changes with what the build imports into it, not only with Pyodide.
const snapshotName = (bytes) => `interpreter-snapshot-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.bin`;
// Generated snapshots are kept here between builds (never committed).
const CACHE_DIR = fileURLToPath(new URL('../../build/pyodide-snapshot/', import.meta.url));

/** The .py files under root as {relative path: text}; the tests load the same set. */
export function pythonSources(root) {
  const sources = {};
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.py')) sources[relative(root, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return sources;
}

// Starting CPython is most of the first switch to Python: Pyodide's own
// bootstrap imports some 190 modules, each running for the first time in
// freshly (lazily) compiled WebAssembly. A snapshot of the interpreter's
// memory right after that bootstrap lets the browser skip it: loadPyodide
// restores the memory instead (about a fifth of the CPU time). It holds only
// Pyodide's own state and the standard library modules below (our torch
// package, which reaches the engine through JavaScript objects a snapshot
// cannot hold, is imported after the restore), so it depends on Pyodide's
// build and those imports, by which the cache is keyed.
// The one standard-library module the torch package imports that the
// bootstrap has not (its source would be compiled at every load).
const SNAPSHOT_IMPORTS = 'import numbers';
let snapshotPromise = null;
function buildIdOf(pyodideDir) {
  const buildId = /BUILD_ID:"(\w+)"/.exec(readFileSync(join(pyodideDir, 'pyodide.mjs'), 'utf8'))?.[1];
  if (!buildId) throw new Error('python-runtime: no BUILD_ID in pyodide.mjs (a Pyodide upgrade changed its layout)');
  return buildId;
}

function makeSnapshot(pyodideDir) {
  snapshotPromise ??= (async () => {
    const recipe = createHash('sha256').update(SNAPSHOT_IMPORTS).digest('hex').slice(0, 8);
    const cached = join(CACHE_DIR, `${buildIdOf(pyodideDir)}-${recipe}.bin`);
    if (existsSync(cached)) return readFileSync(cached);
    const { loadPyodide } = await import('pyodide');
    const pyodide = await loadPyodide({ indexURL: pyodideDir, _makeSnapshot: true });
    pyodide.runPython(SNAPSHOT_IMPORTS);
    const snapshot = Buffer.from(pyodide.makeMemorySnapshot());
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(cached, snapshot);
    return snapshot;
  })();
  return snapshotPromise;
}

// Compiling the torch package's ~3,000 lines is most of `import torch` once
// the interpreter is restored: the build compiles them with the same Pyodide
// into unchecked hash-based .pyc files (Python loads them without looking at
// the source, which stays for tracebacks). Keyed by Pyodide's build and the
// sources; each value is base64 for the virtual module.
const bytecodeCache = new Map();
function compileBytecode(pyodideDir, sources) {
  const key = createHash('sha256').update(JSON.stringify(sources)).digest('hex').slice(0, 16);
  if (!bytecodeCache.has(key)) {
    bytecodeCache.set(key, (async () => {
      const snapshot = await makeSnapshot(pyodideDir);
      const cached = join(CACHE_DIR, `bytecode-${buildIdOf(pyodideDir)}-${key}.json`);
      if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8'));
      const { loadPyodide } = await import('pyodide');
      const pyodide = await loadPyodide({ indexURL: pyodideDir, _loadSnapshot: snapshot });
      pyodide.globals.set('sources', pyodide.toPy(sources));
      const compiled = pyodide.runPython(`
import importlib.util
from importlib._bootstrap_external import _code_to_hash_pyc
# Paths relative to the package root: loading a .pyc sets its code's file name
# to where the source is found.
def pyc(name, text):
    data = text.encode()
    code = compile(data, name, "exec", dont_inherit=True)
    return importlib.util.cache_from_source(name), bytes(_code_to_hash_pyc(code, importlib.util.source_hash(data), False))
[pyc(name, text) for name, text in sources.items()]
`);
      const bytecode = Object.fromEntries(compiled.toJs().map(([name, bytes]) => [name, Buffer.from(bytes).toString('base64')]));
      compiled.destroy();
      writeFileSync(cached, JSON.stringify(bytecode));
      return bytecode;
    })());
  }
  return bytecodeCache.get(key);
}

const installedPyodide = () => dirname(createRequire(import.meta.url).resolve('pyodide/package.json')) + '/';

/** The interpreter snapshot the build emits, for the installed Pyodide (bytes). */
export const interpreterSnapshot = () => makeSnapshot(installedPyodide());
/** The build's .pyc files for `sources` ({'torch/__init__.py': text, ...}): {'torch/__pycache__/__init__.cpython-314.pyc': base64, ...}. */
export const pythonBytecode = (sources) => compileBytecode(installedPyodide(), sources);

// emit: whether this instance writes the runtime files (the page build does;
// the worker build only resolves the virtual module).
export default function pythonRuntime(pythonRoot, { emit = false } = {}) {
  const pyodideDir = installedPyodide();
  const { version } = JSON.parse(readFileSync(join(pyodideDir, 'package.json'), 'utf8'));
  const directory = `pyodide-${version}/`;
  return {
    name: 'gradlab-python-runtime',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : null),
    async load(id) {
      if (id !== RESOLVED_ID) return null;
      for (const file of Object.keys(pythonSources(pythonRoot))) this.addWatchFile(join(pythonRoot, file));
      const files = FETCHED_FILES.map((name) => ({ name, bytes: statSync(join(pyodideDir, name)).size }));
      const bytes = await makeSnapshot(pyodideDir);
      const snapshot = { name: snapshotName(bytes), bytes: bytes.length };
      const sources = pythonSources(pythonRoot);
      const bytecode = await compileBytecode(pyodideDir, sources);
      return `export default ${JSON.stringify({ directory, snapshot, files, sources, bytecode })};`;
    },
    async generateBundle() {
      if (!emit) return;
      for (const name of RUNTIME_FILES) {
        this.emitFile({ type: 'asset', fileName: `assets/${directory}${name}`, source: readFileSync(join(pyodideDir, name)) });
      }
      const bytes = await makeSnapshot(pyodideDir);
      this.emitFile({ type: 'asset', fileName: `assets/${directory}${snapshotName(bytes)}`, source: bytes });
    },
  };
}
