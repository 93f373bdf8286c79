// torch.utils.data: Dataset, TensorDataset, Subset, random_split and
// DataLoader (batch_size, shuffle, drop_last), as PyTorch 1.13's single-process
// loader. Each pass over a DataLoader first draws a 64-bit base seed from the
// default generator (PyTorch's iterator does, for its workers); a shuffled one
// then draws the sampler's seed and permutes with randperm from a generator
// seeded with it, so the same torch.manual_seed gives PyTorch's batches.
import { optionsArg } from './args.js';
import { callableClass } from './callable.js';
import { fail, tidy } from './runtime.js';
import { randperm, randpermSeeded } from './sampling.js';
import { Tensor } from './tensor.js';

const torchRef = { torch: null };
export function setDataTorch(torch) { torchRef.torch = torch; }

/** torch.empty((), dtype=torch.int64).random_(): one 64-bit draw, kept in the engine. */
const drawSeed = () => torchRef.torch.empty([], { dtype: 'int64' }).random_();

class Dataset {
  get(index) { return this.getitem(index); }
}

/** Rows of equally long tensors: dataset.getitem(i) is [t0[i], t1[i], ...]. */
class TensorDatasetClass extends Dataset {
  constructor(...tensors) {
    super();
    if (tensors.length === 0 || !tensors.every((t) => t instanceof Tensor)) fail('TensorDataset: expected tensors');
    const n = tensors[0].shape[0];
    if (!tensors.every((t) => t.shape[0] === n)) fail('Size mismatch between tensors');
    this.tensors = tensors;
  }
  getitem(index) { return this.tensors.map((t) => t.select(0, index)); }
  get length() { return this.tensors[0].shape[0]; }
  /** The rows at `indices`, one gather per tensor: what collating their getitem()s gives. */
  _rows(indices) {
    return tidy(() => {
      const idx = torchRef.torch.tensor(indices, { dtype: 'int64' });
      return this.tensors.map((t) => t.index_select(0, idx));
    });
  }
}
Object.defineProperty(TensorDatasetClass, 'name', { value: 'TensorDataset' });

class SubsetClass extends Dataset {
  constructor(dataset, indices) {
    super();
    this.dataset = dataset;
    this.indices = indices;
  }
  getitem(index) { return datasetItem(this.dataset, this.indices[index]); }
  get length() { return this.indices.length; }
}
Object.defineProperty(SubsetClass, 'name', { value: 'Subset' });

const datasetLength = (d) => (typeof d.length === 'number' ? d.length : d.__len__());
const datasetItem = (d, i) => (typeof d.getitem === 'function' ? d.getitem(i) : d[i]);

/**
 * random_split(dataset, lengths): Subsets from one randperm of the default
 * generator; lengths may be fractions summing to 1 (floored, then the
 * remainder handed out one by one from the first, as PyTorch 1.13).
 */
function random_split(dataset, lengths) {
  const n = datasetLength(dataset);
  const total = lengths.reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1) <= 1e-9 && total <= 1) {
    lengths = lengths.map((frac, i) => {
      if (frac < 0 || frac > 1) fail(`Fraction at index ${i} is not between 0 and 1`);
      return Math.floor(n * frac);
    });
    const rest = n - lengths.reduce((a, b) => a + b, 0);
    for (let i = 0; i < rest; i++) lengths[i % lengths.length] += 1;
  }
  if (lengths.reduce((a, b) => a + b, 0) !== n) fail('Sum of input lengths does not equal the length of the input dataset!');
  const perm = tidy(() => randperm(n).tolist());
  let offset = 0;
  return lengths.map((len) => {
    const s = new SubsetClass(dataset, perm.slice(offset, offset + len));
    offset += len;
    return s;
  });
}

/**
 * DataLoader(dataset, {batch_size = 1, shuffle = false, drop_last = false}):
 * iterable (`for (const [x, y] of loader)`), batches stacked along a new dim 0.
 */
class DataLoaderClass {
  constructor(dataset, options) {
    options = optionsArg(options, 'DataLoader()');
    this.dataset = dataset;
    this.batch_size = options.batch_size === undefined ? 1 : options.batch_size;
    this.shuffle = Boolean(options.shuffle);
    this.drop_last = Boolean(options.drop_last);
    if (this.batch_size !== null && !(Number.isInteger(this.batch_size) && this.batch_size > 0)) {
      fail(`batch_size should be a positive integer value, but got batch_size=${this.batch_size}`);
    }
  }

  get length() {
    const n = datasetLength(this.dataset);
    if (this.batch_size === null) return n;
    return this.drop_last ? Math.floor(n / this.batch_size) : Math.ceil(n / this.batch_size);
  }

  /** The sample order of one pass, drawing from the default generator as PyTorch does. */
  _order() {
    const n = datasetLength(this.dataset);
    return tidy(() => {
      drawSeed(); // the iterator's base seed
      if (!this.shuffle) return Array.from({ length: n }, (_, i) => i);
      return randpermSeeded(n, drawSeed()).tolist();
    });
  }

  *[Symbol.iterator]() {
    const order = this._order();
    if (this.batch_size === null) {
      for (const i of order) yield datasetItem(this.dataset, i);
      return;
    }
    for (let start = 0; start < order.length; start += this.batch_size) {
      const idx = order.slice(start, start + this.batch_size);
      if (idx.length < this.batch_size && this.drop_last) return;
      if (this.dataset instanceof TensorDatasetClass) yield this.dataset._rows(idx);
      else yield collate(idx.map((i) => datasetItem(this.dataset, i)));
    }
  }
}
Object.defineProperty(DataLoaderClass, 'name', { value: 'DataLoader' });

// default_collate: tensors stacked, numbers into a tensor, arrays and objects field by field.
function collate(samples) {
  const first = samples[0];
  const { torch } = torchRef;
  if (first instanceof Tensor) return torch.stack(samples, 0);
  if (typeof first === 'number') return torch.tensor(samples, { dtype: Number.isInteger(first) ? 'int64' : 'float64' });
  if (Array.isArray(first)) {
    const out = first.map((_, k) => collate(samples.map((s) => s[k])));
    for (const s of samples) for (const t of s) if (t instanceof Tensor) t.dispose();
    return out;
  }
  if (first !== null && typeof first === 'object') {
    return Object.fromEntries(Object.keys(first).map((k) => [k, collate(samples.map((s) => s[k]))]));
  }
  return samples;
}

export const data = {
  Dataset,
  TensorDataset: callableClass(TensorDatasetClass),
  Subset: callableClass(SubsetClass),
  DataLoader: callableClass(DataLoaderClass),
  random_split,
};
export { randperm };
