// The fuzzer's model of views, joins, splits and indexing (see fuzz-reference.js
// for the reference format). Results that are lists are arrays of references.
import {
  bad, broadcast, broadcastIndex, castValue, dimError, mapRef, numel, ravel, resultType, sameShape, tidyInts, unravel, wrapDim,
} from './fuzz-reference.js';

const same = (a, shape) => ({ shape, dtype: a.dtype, data: a.data, signedZero: true });
/** Wraps a dim for an op that inserts one (unsqueeze, stack): n + 1 positions. */
function wrapInsert(d, n) {
  return d < -(n + 1) || d > n ? null : d < 0 ? d + n + 1 : d;
}

export function reshapeRef(a, target) {
  // PyTorch reports the first offending size, in order.
  let inferred = false;
  for (const s of target) {
    if (s === -1 && inferred) return bad('only one dimension can be inferred');
    if (s === -1) inferred = true;
    else if (s < 0) return bad(`invalid shape dimension ${s}`);
  }
  const n = numel(a.shape);
  const known = numel(target.filter((s) => s !== -1));
  if (!target.includes(-1)) return known === n ? same(a, target) : bad(`shape '[${target.join(', ')}]' is invalid for input of size ${n}`);
  if (known === 0) {
    return n === 0 ? bad(`cannot reshape tensor of 0 elements into shape [${target.join(', ')}]`) : bad(`shape '[${target.join(', ')}]' is invalid for input of size ${n}`);
  }
  if (n % known !== 0) return bad(`shape '[${target.join(', ')}]' is invalid for input of size ${n}`);
  return same(a, target.map((s) => (s === -1 ? n / known : s)));
}

export function transposeRef(a, d0, d1) {
  const n = a.shape.length, w0 = wrapDim(d0, n), w1 = wrapDim(d1, n);
  if (w0 === null) return dimError(d0, n);
  if (w1 === null) return dimError(d1, n);
  if (n === 0) return same(a, []);
  const swap = (x) => { const y = [...x]; [y[w0], y[w1]] = [y[w1], y[w0]]; return y; };
  return mapRef(a, swap(a.shape), swap);
}

export function tRef(a) {
  const n = a.shape.length;
  if (n > 2) return bad(`t() expects a tensor with <= 2 dimensions, but self is ${n}D`);
  return n < 2 ? same(a, a.shape) : transposeRef(a, 0, 1);
}

export function permuteRef(a, perm) {
  const n = a.shape.length;
  if (perm.length !== n) return bad(`number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${n} is not equal to len(dims) = ${perm.length}`);
  const wrapped = [];
  for (const d of perm) {
    const w = wrapDim(d, n);
    if (w === null) return dimError(d, n);
    if (wrapped.includes(w)) return bad('permute(): duplicate dims are not allowed.');
    wrapped.push(w);
  }
  const inv = (o) => { const x = new Array(n); wrapped.forEach((p, k) => { x[p] = o[k]; }); return x; };
  return mapRef(a, wrapped.map((p) => a.shape[p]), inv);
}

export function expandRef(a, sizes) {
  const n = a.shape.length;
  if (sizes.length < n) return bad(`the number of sizes provided (${sizes.length}) must be greater or equal to the number of dimensions in the tensor (${n})`);
  const lead = sizes.length - n;
  const out = new Array(sizes.length);
  // PyTorch's inferExpandGeometry goes right to left; a 0-d tensor takes the sizes as given.
  for (let k = sizes.length - 1; k >= 0; k--) {
    let s = sizes[k];
    const own = k < lead ? 1 : a.shape[k - lead];
    if (s === -1 && n > 0) {
      if (k < lead) return bad(`The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension ${k}`);
      s = own;
    }
    if (s !== own && own !== 1) return bad(`The expanded size of the tensor (${s}) must match the existing size (${own}) at non-singleton dimension ${k}.  Target sizes: [${sizes.join(', ')}].  Tensor sizes: [${a.shape.join(', ')}]`);
    out[k] = s;
  }
  // Negative sizes left over meet the element count: an unsigned 64-bit product, whose
  // overflow sticks (a later 0 does not undo it), refused beyond int64.
  let product = 1n, overflow = false;
  for (const s of out) {
    product *= BigInt.asUintN(64, BigInt(s));
    if (product >= 2n ** 64n) { overflow = true; product = BigInt.asUintN(64, product); }
  }
  if (overflow || product >= 2n ** 63n) return bad('numel: integer multiplication overflow');
  // Otherwise PyTorch makes a tensor with a negative size; Gradlab refuses it on purpose
  // (README, "Differences from PyTorch").
  if (out.some((s) => s < 0)) return bad('Trying to create tensor with negative dimension');
  return mapRef(a, out, (o) => broadcastIndex(o, a.shape));
}

export function squeezeRef(a, d) {
  const n = a.shape.length;
  if (d === undefined) return same(a, a.shape.filter((x) => x !== 1));
  const w = wrapDim(d, n);
  if (w === null) return dimError(d, n);
  return same(a, a.shape.filter((x, k) => k !== w || x !== 1));
}

export function unsqueezeRef(a, d) {
  const n = a.shape.length, w = wrapInsert(d, n);
  if (w === null) return dimError(d, n + 1);
  return same(a, [...a.shape.slice(0, w), 1, ...a.shape.slice(w)]);
}

export function flattenRef(a, start, end) {
  const n = a.shape.length, s = wrapDim(start, n), e = wrapDim(end, n);
  if (s === null) return dimError(start, n);
  if (e === null) return dimError(end, n);
  if (s > e) return bad('flatten() has invalid args: start_dim cannot come after end_dim');
  if (n === 0) return same(a, [1]);
  return same(a, [...a.shape.slice(0, s), numel(a.shape.slice(s, e + 1)), ...a.shape.slice(e + 1)]);
}

/** torch.cat: 1-D empty tensors are skipped (PyTorch's legacy rule); dtypes promote. */
export function catRef(parts, dim) {
  if (parts.length === 0) return bad('torch.cat(): expected a non-empty list of Tensors');
  const zero = parts.findIndex((p) => p.shape.length === 0);
  if (zero >= 0) return bad(`zero-dimensional tensor (at position ${zero}) cannot be concatenated`);
  const dtype = resultType(parts.map((p) => ({ ...p, shape: [1] })));
  const used = parts.filter((p) => !(p.shape.length === 1 && p.shape[0] === 0));
  if (used.length === 0) return { shape: [0], dtype, data: [] };
  const first = used[0], n = first.shape.length, d = wrapDim(dim, n);
  if (d === null) return dimError(dim, n);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.shape.length === 1 && p.shape[0] === 0) continue;
    if (p.shape.length !== n) return bad(`Tensors must have same number of dimensions: got ${n} and ${p.shape.length}`);
    const k = p.shape.findIndex((s, q) => q !== d && s !== first.shape[q]);
    if (k >= 0) return bad(`Sizes of tensors must match except in dimension ${d}. Expected size ${first.shape[k]} but got size ${p.shape[k]} for tensor number ${i} in the list.`);
  }
  const shape = first.shape.map((s, q) => (q === d ? used.reduce((t, p) => t + p.shape[d], 0) : s));
  const data = [];
  for (let i = 0; i < numel(shape); i++) {
    const o = unravel(i, shape);
    let j = o[d], p = 0;
    while (j >= used[p].shape[d]) j -= used[p++].shape[d];
    data.push(castValue(used[p].data[ravel(o.map((v, q) => (q === d ? j : v)), used[p].shape)], dtype));
  }
  return tidyInts({ shape, dtype, data, signedZero: true });
}

export function stackRef(parts, dim) {
  if (parts.length === 0) return bad('stack expects a non-empty TensorList');
  const shape = parts[0].shape, n = shape.length;
  const k = parts.findIndex((p) => !sameShape(p.shape, shape));
  if (k >= 0) return bad(`stack expects each tensor to be equal size, but got [${shape.join(', ')}] at entry 0 and [${parts[k].shape.join(', ')}] at entry ${k}`);
  const d = wrapInsert(dim, n);
  if (d === null) return dimError(dim, n + 1);
  const dtype = resultType(parts.map((p) => ({ ...p, shape: [1] })));
  const outShape = [...shape.slice(0, d), parts.length, ...shape.slice(d)];
  const data = new Array(numel(outShape));
  for (let i = 0; i < data.length; i++) {
    const o = unravel(i, outShape);
    data[i] = castValue(parts[o[d]].data[ravel([...o.slice(0, d), ...o.slice(d + 1)], shape)], dtype);
  }
  return tidyInts({ shape: outShape, dtype, data, signedZero: true });
}

/** Pieces of a along d with the given sizes. */
function pieces(a, d, sizes) {
  let start = 0;
  return sizes.map((len) => {
    const shape = a.shape.map((x, k) => (k === d ? len : x));
    const s = start;
    start += len;
    return mapRef(a, shape, (o) => o.map((v, k) => (k === d ? v + s : v)));
  });
}

export function splitRef(a, size, dim) {
  const n = a.shape.length;
  if (n === 0) return bad(Array.isArray(size) ? 'split_with_sizes expects at least a 1-dimensional tensor' : 'split expects at least a 1-dimensional tensor', 'expects at least a 1-dimensional tensor');
  // A split size is checked before the dim, split sizes after it.
  if (!Array.isArray(size) && size < 0) return bad(`split expects split_size be non-negative, but got split_size=${size}`);
  const d = wrapDim(dim, n);
  if (d === null) return dimError(dim, n);
  const len = a.shape[d];
  if (Array.isArray(size)) {
    if (size.some((s) => s < 0)) return bad(`split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes=[${size.join(', ')}]`);
    const total = size.reduce((x, y) => x + y, 0);
    if (total !== len) return bad(`split_with_sizes expects split_sizes to sum exactly to ${len} (input tensor's size at dimension ${d}), but got split_sizes=[${size.join(', ')}]`);
    return pieces(a, d, size);
  }
  if (size === 0) return len === 0 ? pieces(a, d, [0]) : bad(`split_size can only be 0 if dimension size is 0, but got dimension size of ${len}`);
  const count = Math.max(1, Math.ceil(len / size));
  return pieces(a, d, Array.from({ length: count }, (_, i) => Math.min(size, len - i * size)));
}

export function chunkRef(a, chunks, dim) {
  const n = a.shape.length;
  if (n === 0) return bad('chunk expects at least a 1-dimensional tensor');
  if (chunks <= 0) return bad(`chunk expects \`chunks\` to be greater than 0, got: ${chunks}`);
  const d = wrapDim(dim, n);
  if (d === null) return dimError(dim, n);
  const len = a.shape[d];
  // An empty dim gives `chunks` empty pieces.
  if (len === 0) return pieces(a, d, Array(chunks).fill(0));
  return splitRef(a, Math.ceil(len / chunks), dim);
}

export function selectRef(a, dim, i) {
  const n = a.shape.length;
  if (n === 0) return bad('select() cannot be applied to a 0-dim tensor.');
  const d = wrapDim(dim, n);
  if (d === null) return dimError(dim, n);
  const size = a.shape[d];
  if (i < -size || i >= size) return bad(`select(): index ${i} out of range for tensor of size [${a.shape.join(', ')}] at dimension ${d}`);
  const j = i < 0 ? i + size : i;
  return mapRef(a, a.shape.filter((_, k) => k !== d), (o) => [...o.slice(0, d), j, ...o.slice(d)]);
}

export function narrowRef(a, dim, start, len) {
  const n = a.shape.length;
  if (n === 0) return bad('narrow() cannot be applied to a 0-dim tensor.');
  const d = wrapDim(dim, n);
  if (d === null) return dimError(dim, n);
  const size = a.shape[d];
  // PyTorch checks start like a dim of the narrowed size (an empty dim counts as 1), except start == size.
  const w = start === size ? start : wrapDim(start, size);
  if (w === null) return dimError(start, size);
  if (w + len > size) return bad(`start (${w}) + length (${len}) exceeds dimension size (${size}).`);
  return mapRef(a, a.shape.map((x, k) => (k === d ? len : x)), (o) => o.map((v, k) => (k === d ? v + w : v)));
}

export function indexSelectRef(a, dim, index) {
  const n = a.shape.length, d = wrapDim(dim, n);
  if (d === null) return dimError(dim, n);
  const size = n === 0 ? 1 : a.shape[d];
  // PyTorch 1.13's CPU kernel: an empty dim of a matrix or more, then its own message from the
  // dim-1 kernel and from the bound check of an empty matrix or more (any dim).
  if (n > 1 && size === 0 && index.length > 0) return bad('index_select(): self indexing axis dim should be positive');
  const oob = index.find((i) => i < 0 || i >= size);
  const ownMessage = n > 1 && (d === 1 || numel(a.shape) === 0);
  if (oob !== undefined) return bad(ownMessage ? `INDICES element is out of DATA bounds, id=${oob} axis_dim=${size}` : 'index out of range in self');
  // PyTorch 1.13 returns uninitialised memory for an empty index into a 0-d tensor.
  if (n === 0 && index.length === 0) return { either: ['index_select'] };
  if (n === 0) return same(a, []);
  const shape = a.shape.map((x, k) => (k === d ? index.length : x));
  return mapRef(a, shape, (o) => o.map((v, k) => (k === d ? index[v] : v)));
}

export function gatherRef(a, dim, index) {
  const n = a.shape.length, d = wrapDim(dim, n);
  if (d === null) return dimError(dim, n);
  const size = n === 0 ? 1 : a.shape[d];
  const oob = index.data.find((i) => i < 0 || i >= size);
  if (oob !== undefined) return bad(`index ${oob} is out of bounds for dimension ${d} with size ${size}`);
  if (n === 0) return { ...same(a, index.shape), data: index.data.map(() => a.data[0]) };
  return mapRef(a, index.shape, (o) => o.map((v, k) => (k === d ? index.data[ravel(o, index.shape)] : v)));
}

// float's largest finite value: PyTorch refuses to store a finite number beyond it in a float32 tensor.
export const FLT_MAX = 3.4028234663852886e38;

export function maskedFillRef(a, mask, value) {
  // PyTorch 1.13 broadcasts the mask (tensor a) with self before it looks at the mask's dtype.
  const shape = broadcast(mask.shape, a.shape);
  if (shape.invalid) return shape;
  if (mask.dtype !== 'bool') return bad(`masked_fill_ only supports boolean masks, but got mask with dtype ${mask.dtype === 'int64' ? 'long int' : mask.dtype === 'float64' ? 'double' : 'float'}`, 'masked_fill_ only supports boolean masks');
  if (a.dtype === 'int64' && !(Math.abs(value) <= 2 ** 63)) return bad('value cannot be converted to type int64_t without overflow');
  if (a.dtype === 'float32' && Number.isFinite(value) && Math.abs(value) > FLT_MAX) return bad('value cannot be converted to type float without overflow');
  const data = Array.from({ length: numel(shape) }, (_, i) => {
    const o = unravel(i, shape);
    return castValue(mask.data[ravel(broadcastIndex(o, mask.shape), mask.shape)] ? value : a.data[ravel(broadcastIndex(o, a.shape), a.shape)], a.dtype);
  });
  return tidyInts({ shape, dtype: a.dtype, data, signedZero: true });
}

/** Basic indexing with ints, null (:), 'k:', '::k', '...' and 'None' items. */
export function indexRef(a, items) {
  if (items.filter((x) => x === '...').length > 1) return bad('an index can only have a single ellipsis');
  // One item on a 0-d tensor (x[i], not a tuple): an int is checked as an index into a
  // dim of size 0 (0 gets a message of its own), a slice is refused.
  if (a.shape.length === 0 && items.length === 1) {
    const [x] = items;
    if (x === 0) return bad('invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number');
    if (typeof x === 'number') return bad(`index ${x} is out of bounds for dimension 0 with size 0`);
    if (x !== 'None' && x !== '...') return bad('slice() cannot be applied to a 0-dim tensor.');
  }
  const consumed = items.filter((x) => x !== 'None' && x !== '...').length;
  if (consumed > a.shape.length) return bad(`too many indices for tensor of dimension ${a.shape.length}`);
  const expanded = items.flatMap((x) => (x === '...' ? Array(a.shape.length - consumed).fill(null) : [x]));
  while (expanded.filter((x) => x !== 'None').length < a.shape.length) expanded.push(null);
  const shape = [], pick = [];
  let k = 0;
  for (const x of expanded) {
    if (x === 'None') { shape.push(1); pick.push({ kind: 'new' }); continue; }
    const size = a.shape[k];
    if (typeof x === 'number') {
      // PyTorch names the dim by its position among the result's dims so far.
      if (x < -size || x >= size) return bad(`index ${x} is out of bounds for dimension ${shape.length} with size ${size}`);
      pick.push({ kind: 'int', k, i: x < 0 ? x + size : x });
    } else {
      let start = 0, step = 1;
      if (typeof x === 'string' && x.startsWith('::')) step = Number(x.slice(2));
      else if (typeof x === 'string') start = Number(x.slice(0, -1));
      if (start < 0) start = Math.max(start + size, 0);
      start = Math.min(start, size);
      const len = Math.ceil((size - start) / step);
      shape.push(len);
      pick.push({ kind: 'slice', k, start, step });
    }
    k += 1;
  }
  return mapRef(a, shape, (o) => {
    const idx = new Array(a.shape.length);
    let q = 0;
    for (const p of pick) {
      if (p.kind === 'new') { q += 1; continue; }
      if (p.kind === 'int') idx[p.k] = p.i;
      else idx[p.k] = p.start + p.step * o[q++];
    }
    return idx;
  });
}

/** to(dtype): float -> int64 truncates (NaN and overflow unmodelled), anything -> bool is != 0. */
export function toRef(a, dtype) {
  if (dtype === 'int64' && a.data.some((x) => !Number.isFinite(x) || Math.abs(x) >= 2 ** 63)) return { shape: a.shape, dtype };
  return tidyInts({ shape: a.shape, dtype, data: a.data.map((x) => castValue(x, dtype)), signedZero: true });
}
