// Tensor.at: NumPy-style basic indexing (ints, null for ':', slice strings,
// '...' and 'None'), encoded as numbers for one engine call.
import { M, fail } from './runtime.js';
import { factory } from './tensor-ops.js';
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
// An advanced item: an int64 index tensor, a bool mask, or an array of either's values
// (a 0-d int64 tensor is an integer, as in PyTorch).
const isAdvanced = (item) => Array.isArray(item) || (item instanceof Tensor && !(item.dim() === 0 && item.dtype === 'int64'));
const asBasic = (item) => (item instanceof Tensor ? item.item() : item);
// How many dims an item uses: a mask its own, '...' and 'None' none.
function width(item) {
  if (item === '...' || item === 'None' || item === 'newaxis') return 0;
  return item instanceof Tensor && item.dtype === 'bool' ? item.dim() : 1;
}

/**
 * NumPy-style indexing: x.at(0, null, '1:3', '::2', '...', 'None') is basic
 * (a view); an index tensor, mask or array among the items is PyTorch's
 * advanced indexing: x.at(rows, cols), x.at(x.gt(0)), x.at(null, [0, 2]).
 */
// The engine expands '...' itself: x.at('...', 0) is a tuple index (x[..., 0]) even
// where it leaves one item, and PyTorch treats tuples and single items apart.
P.at = function (...items) {
  if (!items.some(isAdvanced)) return adopt(M._index(this._handle(), items.map(asBasic).flatMap(parseIndexItem)));
  return advancedAt(this, items);
};

// As PyTorch's applySlicing then aten::index: the basic items make a view (none when there
// are only index items and '...'), then each index covers its dims of that view.
function advancedAt(self, given) {
  if (given.filter((i) => i === '...').length > 1) fail("an index can only have a single ellipsis ('...')");
  const temps = [];
  try {
    const items = given.map((item) => {
      if (!Array.isArray(item)) return isAdvanced(item) ? item : asBasic(item);
      const flat = item.flat(Infinity);
      const t = factory.tensor(item, { dtype: flat.length > 0 && flat.every((v) => typeof v === 'boolean') ? 'bool' : 'int64' });
      temps.push(t);
      return t;
    });
    const consuming = items.reduce((n, i) => n + width(i), 0);
    if (consuming > self.dim()) fail(`too many indices for tensor of dimension ${self.dim()}`);
    let view = self;
    if (items.some((i) => !(i instanceof Tensor) && i !== '...')) {
      view = adopt(M._index(self._handle(), items.flatMap((i) => (i instanceof Tensor ? Array(width(i)).fill(null) : [i]))
        .flatMap(parseIndexItem)));
      temps.push(view);
    }
    const handles = [];
    for (const i of items) {
      if (i instanceof Tensor) handles.push(i._handle());
      else if (i === '...') handles.push(...Array(self.dim() - consuming).fill(0));
      else if (typeof i !== 'number' && !/^\s*-?\d+\s*$/.test(i ?? ':')) handles.push(0);  // slices and None keep a dim
    }
    return adopt(M._index_tensors(view._handle(), handles));
  } finally {
    for (const t of temps) t.dispose();
  }
}
