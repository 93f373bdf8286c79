// Tensor.at: NumPy-style basic indexing (ints, null for ':', slice strings,
// '...' and 'None'), encoded as numbers for one engine call.
import { M, fail } from './runtime.js';
import { Tensor, adopt } from './tensor.js';

const P = Tensor.prototype;

// IndexItem kinds in the engine.
const INT = 0, SLICE = 1, ALL = 2, NEWAXIS = 3, ELLIPSIS = 4;
function parseIndexItem(item) {
  if (item === null || item === ':') return [ALL, 0, 0, 0, 0, 0, 1];
  if (item === '...') return [ELLIPSIS, 0, 0, 0, 0, 0, 1];
  if (typeof item === 'number') {
    if (!Number.isInteger(item)) fail(`only integers, slices (':'), null and '...' are valid indices (got ${item})`);
    return [INT, item, 0, 0, 0, 0, 1];
  }
  if (typeof item !== 'string') fail(`only integers, slices (':'), null and '...' are valid indices (got ${typeof item})`);
  const text = item.trim();
  if (text === 'None' || text === 'newaxis') return [NEWAXIS, 0, 0, 0, 0, 0, 1];
  if (!text.includes(':')) {
    const n = Number(text);
    if (text === '' || !Number.isInteger(n)) fail(`invalid index '${item}'`);
    return [INT, n, 0, 0, 0, 0, 1];
  }
  const parts = text.split(':');
  if (parts.length > 3) fail(`invalid slice '${item}'`);
  const num = (s) => {
    const n = Number(s);
    if (!Number.isInteger(n)) fail(`invalid slice '${item}'`);
    return n;
  };
  const [start, stop, step] = [parts[0].trim(), (parts[1] ?? '').trim(), (parts[2] ?? '').trim()];
  const stepValue = step === '' ? 1 : num(step);
  if (stepValue <= 0) fail('step must be greater than zero');
  return [SLICE, 0, start !== '' ? 1 : 0, start !== '' ? num(start) : 0, stop !== '' ? 1 : 0, stop !== '' ? num(stop) : 0, stepValue];
}
/** NumPy-style basic indexing: x.at(0, null, '1:3', '::2', '...', 'None'). */
// The engine expands '...' itself: x.at('...', 0) is a tuple index (x[..., 0]) even
// where it leaves one item, and PyTorch treats tuples and single items apart.
P.at = function (...items) {
  const encoded = items.flatMap(parseIndexItem);
  return adopt(M._index(this._handle(), encoded));
};
