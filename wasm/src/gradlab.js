// The package entry: instantiates the engine (top-level await, so importing
// is enough) and exports the PyTorch-style API. The modules imported here
// only touch the engine when called, so they may load before it is ready.
//
//   import { torch, Variable } from 'gradlab';
import { installHooks } from './autograd.js';
import { GradlabError } from './errors.js';
import { loadEngine } from './load.js';
import { NDArray } from './ndarray.js';
import { setEngine } from './runtime.js';
import './tensor-indexing.js';
import './tensor-ops.js';
import { Variable, torch } from './torch.js';

setEngine(await loadEngine());
installHooks();
torch.GradlabError = GradlabError;

export { torch, Variable, NDArray, GradlabError };
export default torch;
