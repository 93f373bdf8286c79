// gradlab/python: PyTorch programs run verbatim on CPython (Pyodide) over the
// same engine as the JS package. Kept out of the default entry so JavaScript
// mode never loads Pyodide.
//
//   import { loadPython } from 'gradlab/python';
//   const py = await loadPython();
//   const { stdout, stderr, error } = await py.run('import torch\nprint(torch.ones(2))');
import { _callHook as callHook, _dropHook as dropHook, _engine as M, _mnist, _opSurfaces } from '../dist/gradlab.js';

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

const inNode = typeof process === 'object' && typeof process.versions?.node === 'string';

// Where the load time goes, for the playground's budget test (it reads the
// worker's marks): each phase's end as a performance mark 'python:<phase>'.
const mark = (phase) => performance.mark(`python:${phase}`);

/**
 * Pyodide's loadPyodide. A page or worker imports Pyodide's module from where
 * its files are served (a module worker has no import map to resolve the
 * package name, and this way module and files are always one version).
 */
async function pyodideLoader(indexURL) {
  if (inNode) return (await import('pyodide')).loadPyodide;
  return (await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`)).loadPyodide;
}

async function pyodideDirectory() {
  const moduleName = 'node:module';
  const { createRequire } = await import(/* @vite-ignore */ moduleName);
  const packageJson = createRequire(import.meta.url).resolve('pyodide/package.json');
  return packageJson.slice(0, packageJson.length - 'package.json'.length);
}

// Python's tensor hooks go by id like the JS package's: the engine holds only
// the id, calls it through the one pair of functions it has, and drops it when
// it lets go of the hook, so a tensor that dies with a hook registered frees
// the Python function too. Python's ids are negative (the JS package's count
// up from 1), each owned by the interpreter that registered it.
const pythonHooks = new Map();
let nextPythonHookId = -1;
let hooksShared = false;

function shareHookFunctions() {
  if (hooksShared) return;
  hooksShared = true;
  M._set_hook_functions(
    (id, gradHandle) => (id > 0 ? callHook(id, gradHandle) : pythonHooks.get(id).call(id, gradHandle)),
    (id) => {
      if (id > 0) return dropHook(id);
      const owner = pythonHooks.get(id);
      pythonHooks.delete(id);
      return owner.drop(id);
    },
    // Custom autograd Functions exist in Python only: their ids are Python's.
    (id, gradHandles) => {
      const r = pythonHooks.get(id).function(id, gradHandles);
      if (typeof r === 'number') return r;
      const out = r.toJs();
      r.destroy();
      return out;
    },
  );
}

// A program whose text mentions mnist gets the digits loaded before it starts
// (gradlab.datasets.mnist cannot await); a failure is kept for its message.
let mnistLoadError = null;
async function prefetchMnist(code) {
  if (!/mnist/i.test(code) || _mnist.loaded()) return;
  try {
    await _mnist.load();
    mnistLoadError = null;
  } catch (error) {
    mnistLoadError = error.message;
  }
}

// What the torch package reaches through `import _gradlab_engine`: the
// Emscripten module's raw functions (one FFI call per op, on handles) and the
// few conversions that need JavaScript types. `hooks` is the interpreter's
// {call, drop}, set once its torch.autograd is imported.
function makeBridge(hooks) {
  return {
    M,
    /** The op table's out-of-place unary methods, which the torch package installs on its Tensor. */
    unaryMethods: _opSurfaces().unary,
    errorFlag: () => M.HEAP32[M._error_flag_address() >> 2],
    /** Flat Python list -> the TypedArray the engine's from_data copies from. */
    fromData(flat, shape, code, legacy) {
      // Python ints beyond 2**53 arrive as BigInts: the engine takes values as doubles, so they round
      // (README, "Differences from PyTorch").
      const values = flat.toJs();
      const buffer = code === 0 ? Float32Array.from(values, Number) : code === 3 ? Uint8Array.from(values, (x) => (x ? 1 : 0)) : Float64Array.from(values, Number);
      return M._from_data(buffer, shape.toJs(), code, legacy);
    },
    /** A tensor's values as its TypedArray copy (int64 as Float64Array, bool as Uint8Array). */
    typedValues: (h) => M._copy_out(h),
    arrayStr: (values, shape, code, legacy, asRepr) => M._array_str(values, shape.toJs(), code, legacy, asRepr),
    /**
     * The engine handles [images, labels] of an MNIST split (gradlab.datasets.mnist),
     * or undefined (None) while the digits are not in memory: run() loads them
     * first for a program that mentions mnist, as Python cannot wait for a fetch.
     */
    mnist(train, limit) {
      if (!_mnist.loaded()) return undefined;
      const { images, labels, shape } = _mnist.arrays({ train, limit });
      const imagesHandle = M._from_data(images, shape, 0, 0);
      if (!imagesHandle) return [0, 0];
      const labelsHandle = M._from_data(labels, [labels.length], 2, 0);
      if (!labelsHandle) {
        M._free_tensor(imagesHandle);
        return [0, 0];
      }
      return [imagesHandle, labelsHandle];
    },
    /** Why the last load of the digits failed, or undefined (None). */
    mnistError: () => mnistLoadError ?? undefined,
    /** A fresh engine id for one Python hook, routed back to this interpreter. */
    hookId() {
      const id = nextPythonHookId--;
      pythonHooks.set(id, hooks);
      return id;
    },
  };
}

/**
 * Loads CPython and the torch package once; each run() is a fresh program.
 * In Node both come from the installed package; a page or worker passes
 * `indexURL` (where Pyodide's files are served from its own origin) and
 * `sources` ({'torch/__init__.py': text, ...}, the package's python/ files;
 * compiled `__pycache__/*.pyc` files may come with them, as bytes).
 * `interruptBuffer` (an Int32Array or Uint8Array on a SharedArrayBuffer, where
 * the page is cross-origin isolated) stops a running program: another thread
 * writes 2 (SIGINT) into element 0 and the program raises KeyboardInterrupt.
 * `snapshot` (bytes, or a promise of them): a memory snapshot of this Pyodide
 * build's interpreter right after its bootstrap (pyodide.makeMemorySnapshot()
 * of a loadPyodide({_makeSnapshot: true})), restored instead of starting
 * CPython, which is most of the load time; the playground's build makes one.
 */
export async function loadPython(options = {}) {
  if (!inNode && (options.indexURL === undefined || options.sources === undefined)) {
    throw new TypeError('loadPython: a page or worker passes indexURL (where Pyodide\'s files are served) and sources (the python/ files)');
  }
  // Pyodide resolves its files against indexURL as a directory (absolute in a page or worker).
  let indexURL = options.indexURL === undefined ? await pyodideDirectory() : options.indexURL.replace(/([^/])$/, '$1/');
  if (!inNode) indexURL = new URL(indexURL, globalThis.location.href).href;
  const loadPyodide = await pyodideLoader(indexURL);
  mark('pyodide-module');
  const pyodide = await loadPyodide({ indexURL, ...(options.snapshot === undefined ? {} : { _loadSnapshot: options.snapshot }) });
  mark('interpreter');
  const { interruptBuffer } = options;
  if (interruptBuffer !== undefined) pyodide.setInterruptBuffer(interruptBuffer);
  const sources = options.sources ?? await readSources();
  for (const [name, text] of Object.entries(sources)) {
    const target = `${MOUNT}/${name}`;
    pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf('/')));
    pyodide.FS.writeFile(target, text);
  }
  mark('sources');
  const hooks = {};
  pyodide.registerJsModule('_gradlab_engine', makeBridge(hooks));
  pyodide.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(MOUNT)})`);
  const autograd = pyodide.pyimport('torch.autograd');
  mark('torch');
  hooks.call = autograd.call_hook;
  hooks.drop = autograd.drop_hook;
  hooks.function = autograd.call_function;
  shareHookFunctions();
  const runner = pyodide.pyimport('_gradlab_run');
  if (interruptBuffer !== undefined) runner.set_interrupt_buffer(interruptBuffer);
  const runPy = runner.run;
  mark('runner');
  return {
    pyodide,
    /**
     * Runs one program; resolves to {stdout, stderr, error: null | {type, message, traceback}}.
     * `onStdout(text)` and `onStderr(text)` receive the output as it is printed:
     * completed lines as soon as a write ends one, the rest when the program
     * flushes or ends. An exception a callback throws rejects run() once the
     * program has ended (it never reaches the program).
     */
    async run(code, { filename = '<exec>', onStdout, onStderr } = {}) {
      let callbackError = null;
      // undefined reaches Python as None (null would be a JsNull).
      const stream = (fn) => (fn === undefined ? undefined : (text) => {
        try {
          fn(text);
        } catch (error) {
          callbackError ??= error;
        }
      });
      await prefetchMnist(code);
      // A Stop that came after the last program ended must not stop this one.
      if (interruptBuffer !== undefined) interruptBuffer[0] = 0;
      const result = runPy(code, filename, stream(onStdout), stream(onStderr));
      if (callbackError !== null) {
        result.destroy();
        throw callbackError;
      }
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
