// gradlab/python: PyTorch programs run verbatim on CPython (Pyodide) over the
// same engine as the JS package. Kept out of the default entry so JavaScript
// mode never loads Pyodide.
//
//   import { loadPython } from 'gradlab/python';
//   const py = await loadPython();
//   const { stdout, stderr, error } = await py.run('import torch\nprint(torch.ones(2))');
import { loadPyodide } from 'pyodide';
import { _engine as M, _opSurfaces } from '../dist/gradlab.js';

// Where the repo's python/ sources are mounted inside Pyodide's file system.
const MOUNT = '/gradlab';

async function readSources() {
  // Computed specifiers keep browser bundlers from resolving Node built-ins.
  const fsName = 'node:fs/promises';
  const pathName = 'node:path';
  const fs = await import(/* @vite-ignore */ fsName);
  const path = await import(/* @vite-ignore */ pathName);
  const root = new URL('../../python/', import.meta.url).pathname;
  const files = {};
  const walk = async (dir) => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.py')) files[path.relative(root, full)] = await fs.readFile(full, 'utf8');
    }
  };
  await walk(root);
  return files;
}

async function pyodideDirectory() {
  const moduleName = 'node:module';
  const { createRequire } = await import(/* @vite-ignore */ moduleName);
  const packageJson = createRequire(import.meta.url).resolve('pyodide/package.json');
  return packageJson.slice(0, packageJson.length - 'package.json'.length);
}

// What the torch package reaches through `import _gradlab_engine`: the
// Emscripten module's raw functions (one FFI call per op, on handles) and the
// few conversions that need JavaScript types.
const bridge = {
  M,
  /** The op table's out-of-place unary methods, which the torch package installs on its Tensor. */
  unaryMethods: _opSurfaces().unary,
  errorFlag: () => M.HEAP32[M._error_flag_address() >> 2],
  /** Flat Python list -> the TypedArray the engine's from_data copies from. */
  fromData(flat, shape, code, legacy) {
    const values = flat.toJs();
    const buffer = code === 0 ? Float32Array.from(values) : code === 3 ? Uint8Array.from(values, (x) => (x ? 1 : 0)) : Float64Array.from(values);
    return M._from_data(buffer, shape.toJs(), code, legacy);
  },
  /** A tensor's values as its TypedArray copy (int64 as Float64Array, bool as Uint8Array). */
  typedValues: (h) => M._copy_out(h),
  arrayStr: (values, shape, code, legacy, asRepr) => M._array_str(values, shape.toJs(), code, legacy, asRepr),
};

/**
 * Loads CPython and the torch package once; each run() is a fresh program.
 * In Node both come from the installed package; a page or worker passes
 * `indexURL` (where Pyodide's files are served from its own origin) and
 * `sources` ({'torch/__init__.py': text, ...}, the package's python/ files).
 */
export async function loadPython(options = {}) {
  const pyodide = await loadPyodide({ indexURL: options.indexURL ?? await pyodideDirectory() });
  const sources = options.sources ?? await readSources();
  for (const [name, text] of Object.entries(sources)) {
    const target = `${MOUNT}/${name}`;
    pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf('/')));
    pyodide.FS.writeFile(target, text);
  }
  pyodide.registerJsModule('_gradlab_engine', bridge);
  pyodide.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(MOUNT)})`);
  const runner = pyodide.pyimport('_gradlab_run');
  const runPy = runner.run;
  return {
    pyodide,
    /** Runs one program; resolves to {stdout, stderr, error: null | {type, message, traceback}}. */
    async run(code, { filename = '<exec>' } = {}) {
      const result = runPy(code, filename);
      try {
        const [stdout, stderr, error] = result.toJs();
        if (error === undefined || error === null) return { stdout, stderr, error: null };
        return { stdout, stderr, error: error instanceof Map ? Object.fromEntries(error) : { ...error } };
      } finally {
        result.destroy();
      }
    },
  };
}
