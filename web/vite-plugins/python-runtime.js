// Python mode's files, served from the playground's own origin (never a CDN):
// the pinned Pyodide's runtime files are copied into web/dist under a folder
// named for its version, and the repo's python/ sources become the virtual
// module 'virtual:python-runtime':
//   export default { directory: 'pyodide-314.0.7/', files: [{ name, bytes }], sources: { 'torch/__init__.py': text, ... } }
// Only the worker's Python chunk imports it, which loads on the first Python
// run: JavaScript mode fetches none of this.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

const VIRTUAL_ID = 'virtual:python-runtime';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
// What a browser loads: Pyodide's module, the lock file, the Emscripten module,
// the interpreter and the standard library.
const RUNTIME_FILES = ['pyodide.mjs', 'pyodide-lock.json', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip'];

function pythonSources(root) {
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

// emit: whether this instance writes the runtime files (the page build does;
// the worker build only resolves the virtual module).
export default function pythonRuntime(pythonRoot, { emit = false } = {}) {
  const pyodideDir = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
  const { version } = JSON.parse(readFileSync(join(pyodideDir, 'package.json'), 'utf8'));
  const directory = `pyodide-${version}/`;
  return {
    name: 'gradlab-python-runtime',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : null),
    load(id) {
      if (id !== RESOLVED_ID) return null;
      for (const file of Object.keys(pythonSources(pythonRoot))) this.addWatchFile(join(pythonRoot, file));
      const files = RUNTIME_FILES.map((name) => ({ name, bytes: statSync(join(pyodideDir, name)).size }));
      return `export default ${JSON.stringify({ directory, files, sources: pythonSources(pythonRoot) })};`;
    },
    generateBundle() {
      if (!emit) return;
      for (const name of RUNTIME_FILES) {
        this.emitFile({ type: 'asset', fileName: `assets/${directory}${name}`, source: readFileSync(join(pyodideDir, name)) });
      }
    },
  };
}
