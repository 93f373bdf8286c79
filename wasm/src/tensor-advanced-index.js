// Advanced indexing's public methods, PyTorch's: index_put / index_put_
// (indices: an array of index tensors or bool masks, one per leading dim,
// null for a whole dim) and nonzero ({as_tuple}). Reading x[rows, cols] has
// no method in PyTorch; Python mode's x[...] calls the engine's
// index_tensors directly.
import { params, tensorArg } from './functional-nn.js';
import { M, fail } from './runtime.js';
import { inPlace } from './tensor-ops.js';
import { Tensor, adopt } from './tensor.js';

const P = Tensor.prototype;

function indexHandles(indices, fn) {
  if (!Array.isArray(indices)) fail(`${fn}(): argument 'indices' (position 1) must be tuple of Tensors, not ${typeof indices}`);
  return indices.map((t) => (t === null ? 0 : tensorArg(t, 'indices', fn)));
}

P.index_put = function (indices, values, ...rest) {
  const o = params('index_put', rest, { accumulate: false });
  return adopt(M._index_put(this._handle(), indexHandles(indices, 'index_put'), tensorArg(values, 'values', 'index_put'),
    Boolean(o.accumulate)));
};
P.index_put_ = function (indices, values, ...rest) {
  const o = params('index_put_', rest, { accumulate: false });
  inPlace(M._index_put_(this._handle(), indexHandles(indices, 'index_put_'), tensorArg(values, 'values', 'index_put_'),
    Boolean(o.accumulate)));
  return this;
};
// nonzero() is an [n, dim] int64 tensor of coordinates; {as_tuple: true} one 1-D tensor per dim
// (a 0-d tensor counts as 1-d), as torch.where(condition) gives.
P.nonzero = function (...rest) {
  const o = params('nonzero', rest, { as_tuple: false });
  if (!o.as_tuple) return adopt(M._nonzero(this._handle()));
  const rows = this.dim() === 0 ? this.reshape(1) : this;
  const found = adopt(M._nonzero(rows._handle()));
  try {
    return Array.from({ length: found.shape[1] }, (_, d) => found.select(1, d));
  } finally {
    found.dispose();
    if (rows !== this) rows.dispose();
  }
};
