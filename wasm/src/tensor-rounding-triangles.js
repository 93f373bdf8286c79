// Tensor methods whose PyTorch forms take an optional argument: round
// (decimals) and the triangles tril / triu (diagonal), positionally or in an
// options object last. floor, ceil, trunc, frac and the isnan family are plain
// unary rows of the op table (install.js makes them).
import { intArg, params } from './functional-nn.js';
import { isOptions } from './args.js';
import { M, fail } from './runtime.js';
import { Tensor, adopt } from './tensor.js';

const P = Tensor.prototype;

// round() and round({decimals}) are PyTorch's two overloads (RoundBackward0 and RoundBackward1);
// decimals is keyword-only there, so only the options object takes it.
P.round = function (...rest) {
  if (rest.length > 0 && !isOptions(rest[rest.length - 1])) fail(`round() takes from 1 to 0 positional arguments but ${rest.length} were given`);
  const o = params('round', rest, { decimals: null });
  if (o.decimals === null) return adopt(M._round(this._handle()));
  return adopt(M._round_decimals(this._handle(), intArg(o.decimals, 'decimals', 'round')));
};
P.tril = function (...rest) {
  const o = params('tril', rest, { diagonal: 0 });
  return adopt(M._tril(this._handle(), intArg(o.diagonal, 'diagonal', 'tril')));
};
P.triu = function (...rest) {
  const o = params('triu', rest, { diagonal: 0 });
  return adopt(M._triu(this._handle(), intArg(o.diagonal, 'diagonal', 'triu')));
};
