// torch.nn containers (ModuleList, ModuleDict), shape layers (Identity,
// Flatten, Unflatten), activations (GELU, SiLU, Softmax, LogSoftmax),
// Dropout and Embedding, with PyTorch 1.13's arguments, initialisation and repr.
import { isOptions, optionsArg } from './args.js';
import { no_grad } from './autograd.js';
import { callableClass } from './callable.js';
import { functional as F } from './functional.js';
import { init } from './init.js';
import { ModuleBase, emptyParameter, py } from './nn.js';
import { fail } from './runtime.js';

const named = (cls, name) => {
  Object.defineProperty(cls, 'name', { value: name });
  return callableClass(cls);
};

// (a, b, {options}) or (a, {b, ...}): the positional values in PyTorch's order, then the options.
function args(values, names, defaults, where) {
  const last = values[values.length - 1];
  const options = values.length > 0 && isOptions(last) ? optionsArg(last, where) : {};
  const positional = isOptions(last) ? values.slice(0, -1) : values;
  const out = { ...defaults };
  names.forEach((n, i) => { if (positional[i] !== undefined) out[n] = positional[i]; });
  for (const [k, v] of Object.entries(options)) {
    if (!(k in defaults)) fail(`${where} got an unexpected keyword argument '${k}'`);
    out[k] = v;
  }
  return out;
}

class ModuleList extends ModuleBase {
  constructor(modules = []) {
    super();
    Object.defineProperty(this, 'length', { value: 0, writable: true, configurable: true });
    for (const m of modules) this.append(m);
  }
  append(module) {
    if (!(module instanceof ModuleBase)) fail(`ModuleList.append: ${typeof module} is not a Module subclass`);
    this[this.length] = module;
    this.length += 1;
    return this;
  }
  extend(modules) {
    for (const m of modules) this.append(m);
    return this;
  }
  *[Symbol.iterator]() { for (let i = 0; i < this.length; i++) yield this[i]; }
  forward() { fail('Module [ModuleList] is missing the required "forward" function'); }
}

class ModuleDict extends ModuleBase {
  constructor(modules = {}) {
    super();
    for (const [k, m] of modules instanceof Map ? modules : Object.entries(modules)) this.set(k, m);
  }
  set(key, module) {
    if (!(module instanceof ModuleBase)) fail(`ModuleDict: ${typeof module} is not a Module subclass`);
    this[key] = module;
    return this;
  }
  get(key) { return this[key]; }
  has(key) { return this[key] instanceof ModuleBase; }
  keys() { return this.named_children().map(([k]) => k); }
  values() { return this.children(); }
  items() { return this.named_children(); }
  get size() { return this.named_children().length; }
  [Symbol.iterator]() { return this.keys()[Symbol.iterator](); }
  forward() { fail('Module [ModuleDict] is missing the required "forward" function'); }
}

class Identity extends ModuleBase {
  forward(x) { return x; }
}

class Flatten extends ModuleBase {
  constructor(...a) {
    super();
    Object.assign(this, args(a, ['start_dim', 'end_dim'], { start_dim: 1, end_dim: -1 }, 'Flatten()'));
  }
  forward(x) { return x.flatten(this.start_dim, this.end_dim); }
  extra_repr() { return `start_dim=${this.start_dim}, end_dim=${this.end_dim}`; }
}

class Unflatten extends ModuleBase {
  constructor(dim, unflattened_size) {
    super();
    this.dim = dim;
    this.unflattened_size = unflattened_size;
  }
  forward(x) {
    const dim = this.dim < 0 ? this.dim + x.dim() : this.dim;
    return x.unflatten ? x.unflatten(dim, this.unflattened_size)
      : x.view([...x.shape.slice(0, dim), ...this.unflattened_size, ...x.shape.slice(dim + 1)]);
  }
  extra_repr() { return `dim=${this.dim}, unflattened_size=${py(this.unflattened_size)}`; }
}

class Softmax extends ModuleBase {
  constructor(dim = null) {
    super();
    this.dim = isOptions(dim) ? (dim.dim ?? null) : dim;
  }
  forward(x) { return F.softmax(x, this.dim); }
  extra_repr() { return `dim=${py(this.dim)}`; }
}

class LogSoftmax extends Softmax {
  forward(x) { return F.log_softmax(x, this.dim); }
}

class GELU extends ModuleBase {
  constructor(approximate = 'none') {
    super();
    this.approximate = isOptions(approximate) ? (approximate.approximate ?? 'none') : approximate;
    if (this.approximate !== 'none') fail(`GELU: approximate='${this.approximate}' is not supported by Gradlab`);
  }
  forward(x) { return x.gelu(); }
  extra_repr() { return `approximate=${py(this.approximate)}`; }
}

class SiLU extends ModuleBase {
  forward(x) { return x.silu(); }
}

class Dropout extends ModuleBase {
  constructor(...a) {
    super();
    Object.assign(this, args(a, ['p', 'inplace'], { p: 0.5, inplace: false }, 'Dropout()'));
    if (this.p < 0 || this.p > 1) fail(`dropout probability has to be between 0 and 1, but got ${this.p}`);
  }
  forward(x) { return F.dropout(x, this.p, this.training, this.inplace); }
  extra_repr() { return `p=${py(this.p)}, inplace=${py(this.inplace)}`; }
}

class Dropout2d extends Dropout {
  forward(x) { return F.dropout2d(x, this.p, this.training, this.inplace); }
}

/** Embedding(num_embeddings, embedding_dim, {padding_idx}): weight N(0, 1), the padding row zero. */
class Embedding extends ModuleBase {
  constructor(...a) {
    super();
    const o = args(a, ['num_embeddings', 'embedding_dim', 'padding_idx'],
      { num_embeddings: undefined, embedding_dim: undefined, padding_idx: null, max_norm: null, norm_type: 2, scale_grad_by_freq: false, sparse: false }, 'Embedding()');
    this.num_embeddings = o.num_embeddings;
    this.embedding_dim = o.embedding_dim;
    let pad = o.padding_idx;
    if (pad !== null) {
      if (pad > 0 && pad >= o.num_embeddings) fail('Padding_idx must be within num_embeddings');
      if (pad < 0 && pad < -o.num_embeddings) fail('Padding_idx must be within num_embeddings');
      if (pad < 0) pad += o.num_embeddings;
    }
    this.padding_idx = pad;
    this.max_norm = o.max_norm;
    this.norm_type = o.norm_type;
    this.scale_grad_by_freq = o.scale_grad_by_freq;
    this.sparse = o.sparse;
    this.weight = emptyParameter([o.num_embeddings, o.embedding_dim]);
    init.normal_(this.weight);
    if (pad !== null) no_grad(() => { const row = this.weight.select(0, pad); row.fill_(0); row.dispose(); });
  }
  forward(input) { return F.embedding(input, this.weight, { padding_idx: this.padding_idx }); }
  extra_repr() {
    let s = `${this.num_embeddings}, ${this.embedding_dim}`;
    if (this.padding_idx !== null) s += `, padding_idx=${this.padding_idx}`;
    if (this.max_norm !== null) s += `, max_norm=${py(this.max_norm)}`;
    if (this.norm_type !== 2) s += `, norm_type=${py(this.norm_type)}`;
    if (this.scale_grad_by_freq) s += ', scale_grad_by_freq=True';
    if (this.sparse) s += ', sparse=True';
    return s;
  }
}

export const nnLayers = {
  ModuleList: named(ModuleList, 'ModuleList'),
  ModuleDict: named(ModuleDict, 'ModuleDict'),
  Identity: named(Identity, 'Identity'),
  Flatten: named(Flatten, 'Flatten'),
  Unflatten: named(Unflatten, 'Unflatten'),
  Softmax: named(Softmax, 'Softmax'),
  LogSoftmax: named(LogSoftmax, 'LogSoftmax'),
  GELU: named(GELU, 'GELU'),
  SiLU: named(SiLU, 'SiLU'),
  Dropout: named(Dropout, 'Dropout'),
  Dropout2d: named(Dropout2d, 'Dropout2d'),
  Embedding: named(Embedding, 'Embedding'),
};
export { args };
