// Tensor methods for sorting and counting along a dim: sort, argsort, topk
// (values and indices), cumsum, cumprod and bincount, with PyTorch's arguments
// positionally or in an options object last. torch.sort(x, ...) and the other
// function forms come from the op table (install.js).
import { dtypeCode } from './args.js';
import { params, tensorArg, valuesIndices } from './functional-nn.js';
import { M, fail } from './runtime.js';
import { Tensor, adopt } from './tensor.js';

const P = Tensor.prototype;

function dimArg(dim, fn) {
  if (!Number.isInteger(dim)) fail(`${fn}(): argument 'dim' must be int, not ${dim === null ? 'None' : typeof dim}`);
  return dim;
}

P.sort = function (...rest) {
  const o = params('sort', rest, { dim: -1, descending: false, stable: null });
  const stable = o.stable === null ? -1 : o.stable ? 1 : 0;
  return valuesIndices(M._sort(this._handle(), dimArg(o.dim, 'sort'), Boolean(o.descending), stable));
};
P.argsort = function (...rest) {
  const o = params('argsort', rest, { dim: -1, descending: false, stable: false });
  return adopt(M._argsort(this._handle(), dimArg(o.dim, 'argsort'), Boolean(o.descending), Boolean(o.stable)));
};
P.topk = function (...rest) {
  const o = params('topk', rest, { k: undefined, dim: -1, largest: true, sorted: true });
  if (!Number.isInteger(o.k)) fail(`topk(): argument 'k' must be int, not ${o.k === undefined ? 'missing' : typeof o.k}`);
  return valuesIndices(M._topk(this._handle(), o.k, dimArg(o.dim, 'topk'), Boolean(o.largest), Boolean(o.sorted)));
};
P.cumsum = function (...rest) {
  const o = params('cumsum', rest, { dim: undefined, dtype: null });
  if (o.dim === undefined) fail("cumsum() missing required argument 'dim'");
  if (o.dtype === null) return adopt(M._cumsum(this._handle(), dimArg(o.dim, 'cumsum')));
  // dtype: the input is cast first, as PyTorch does.
  const cast = this.to(o.dtype);
  try {
    return adopt(M._cumsum(cast._handle(), dimArg(o.dim, 'cumsum')));
  } finally {
    cast.dispose();
  }
};
// dtype goes to the engine (CumprodBackward0 straight onto the input, as PyTorch's).
P.cumprod = function (...rest) {
  const o = params('cumprod', rest, { dim: undefined, dtype: null });
  if (o.dim === undefined) fail("cumprod() missing required argument 'dim'");
  return adopt(M._cumprod(this._handle(), dimArg(o.dim, 'cumprod'), dtypeCode(o.dtype, -1)));
};
P.bincount = function (...rest) {
  const o = params('bincount', rest, { weights: null, minlength: 0 });
  const w = o.weights === null ? 0 : tensorArg(o.weights, 'weights', 'bincount');
  if (!Number.isInteger(o.minlength)) fail(`bincount(): argument 'minlength' must be int, not ${typeof o.minlength}`);
  return adopt(M._bincount(this._handle(), w, o.minlength));
};
