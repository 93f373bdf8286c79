// The PyTorch-style API behind the entry (gradlab.js), which compiles the
// wasm and then calls start(). The modules imported here only touch the
// engine when called, so they may load before it is ready.
import { installHooks } from './autograd.js';
import { datasets, loadMnist, mnistArrays, mnistLoaded } from './datasets.js';
import { GradlabError } from './errors.js';
import { loadEngine } from './load.js';
import { NDArray } from './ndarray.js';
import { installRaw } from './raw.js';
import { setEngine } from './runtime.js';
import './tensor-indexing.js';
import './tensor-ops.js';
import { Variable, torch } from './torch.js';

/** Instantiates the engine from `compiled` (a promise of its WebAssembly.Module) and connects the API to it. */
export async function start(compiled) {
  const engine = await loadEngine(compiled);
  installRaw(engine);
  setEngine(engine);
  installHooks();
  torch.GradlabError = GradlabError;
}

export { torch, Variable, NDArray, GradlabError, datasets };
// The Emscripten module with the raw `_name` functions, the op table's names,
// the JS hook table's entry points and the Tensor wrapper of a handle, for
// gradlab/python's bridge, the playground's Python panes and the tests; not
// part of the documented API.
export { M as _engine } from './runtime.js';
export { surfaces as _opSurfaces } from './install.js';
export { callHook as _callHook, dropHook as _dropHook } from './autograd.js';
export { fromHandle as _fromHandle } from './tensor.js';
// The digits' loader for gradlab/python (a program mentioning mnist has them loaded before it runs).
export const _mnist = Object.freeze({ load: loadMnist, loaded: mnistLoaded, arrays: mnistArrays });
