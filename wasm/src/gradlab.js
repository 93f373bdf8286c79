// The package entry: instantiates the engine (top-level await, so importing
// is enough) and exports the PyTorch-style API.
//
//   import { torch, Variable } from 'gradlab';
import { loadEngine } from './load.js';
import { setEngine } from './runtime.js';

setEngine(await loadEngine());

// Imported after the engine is set: these install methods on Tensor.prototype.
const [{ torch, Variable }, { NDArray }, { GradlabError }] = await Promise.all([
  import('./torch.js'), import('./ndarray.js'), import('./errors.js')]);
await import('./tensor-ops.js');
await import('./autograd.js');

torch.GradlabError = GradlabError;

export { torch, Variable, NDArray, GradlabError };
export default torch;
