// torch.nn.functional: activations, softmax, linear and losses with PyTorch's
// `reduction` option; convolution, pooling, normalisation, dropout and the rest
// come from functional-nn.js.
import { functionalNN, warnTargetSize } from './functional-nn.js';
import { installFunctional } from './install.js';
import './tensor-sort.js'; // sort, argsort, topk, cumsum, bincount: Tensor methods reading arguments as functional-nn.js does
import './tensor-rounding-triangles.js'; // round(decimals), tril, triu
import './tensor-advanced-index.js'; // index_put, index_put_, nonzero
import { M, fail } from './runtime.js';
import { Tensor, adopt } from './tensor.js';

const REDUCTIONS = { none: 0, mean: 1, sum: 2 };
function reductionCode(options) {
  const name = options?.reduction ?? 'mean';
  const code = REDUCTIONS[name];
  if (code === undefined) fail(`${name} is not a valid value for reduction`);
  return code;
}
function tensorArg(x, what) {
  if (!(x instanceof Tensor)) fail(`${what} must be a Tensor, not ${x === null ? 'None' : typeof x}`);
  return x._handle();
}
function dimArg(dim, name) {
  if (typeof dim === 'object' && dim !== null) dim = dim.dim;
  if (dim === undefined || dim === null) fail(`${name}() missing required argument 'dim'`);
  return dim;
}
function loss(raw, { warnSize = false } = {}) {
  return (input, target, options) => {
    if (warnSize) warnTargetSize(input, target);
    return adopt(raw(tensorArg(input, 'input'), tensorArg(target, 'target'), reductionCode(options)));
  };
}
// nll_loss and cross_entropy also take {weight, ignore_index} (and label_smoothing), PyTorch's keywords.
function classLoss(raw) {
  return (input, target, options = {}) => {
    const weight = options.weight === undefined || options.weight === null ? 0 : tensorArg(options.weight, 'weight');
    const ignoreIndex = options.ignore_index ?? -100;
    const labelSmoothing = options.label_smoothing ?? 0;
    if (!Number.isInteger(ignoreIndex)) fail(`ignore_index must be an int, not ${typeof ignoreIndex}`);
    if (typeof labelSmoothing !== 'number') fail(`label_smoothing must be a float, not ${typeof labelSmoothing}`);
    return adopt(raw(tensorArg(input, 'input'), tensorArg(target, 'target'), weight, reductionCode(options),
      ignoreIndex, labelSmoothing));
  };
}

export const functional = {
  softmax: (x, dim) => adopt(M._softmax(tensorArg(x, 'input'), dimArg(dim, 'softmax'))),
  log_softmax: (x, dim) => adopt(M._log_softmax(tensorArg(x, 'input'), dimArg(dim, 'log_softmax'))),
  linear: (x, weight, bias) => adopt(M._linear(tensorArg(x, 'input'), tensorArg(weight, 'weight'), bias ? tensorArg(bias, 'bias') : 0)),
  mse_loss: loss((a, b, r) => M._mse_loss(a, b, r), { warnSize: true }),
  l1_loss: loss((a, b, r) => M._l1_loss(a, b, r), { warnSize: true }),
  nll_loss: classLoss((a, b, w, r, ignore) => M._nll_loss(a, b, w, r, ignore)),
  cross_entropy: classLoss((a, b, w, r, ignore, smoothing) => M._cross_entropy(a, b, w, r, ignore, smoothing)),
  binary_cross_entropy: loss((a, b, r) => M._binary_cross_entropy(a, b, r)),
  binary_cross_entropy_with_logits: loss((a, b, r) => M._binary_cross_entropy_with_logits(a, b, r)),
  // Convolution, pooling, normalisation, dropout, ... (functional-nn.js).
  ...functionalNN,
};
// F.relu(x) == x.relu() and the other activations the op table lists under "F".
installFunctional(functional);
