// The package entry: compiles and instantiates the engine (top-level await,
// so importing is enough) and exports the PyTorch-style API.
//
//   import { torch, Variable } from 'gradlab';
//
// The wasm starts compiling before the rest of the package (api.js, its own
// chunk of the bundle) is even parsed, so both proceed side by side; a
// static import would parse all of it first.
import { compileEngine } from './compile.js';

const compiled = compileEngine();
const api = await import('./api.js');
await api.start(compiled);

export const {
  torch, Variable, NDArray, GradlabError, datasets,
  _engine, _opSurfaces, _callHook, _dropHook, _fromHandle, _mnist,
} = api;
export default torch;
