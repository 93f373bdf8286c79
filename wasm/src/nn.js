// torch.nn: Parameter, Module (callable: `model(x)` runs forward), Linear,
// Sequential, activations and losses. Parameters are nn.Parameter tensors
// and leaf tensors that require grad, found on a module's own properties;
// submodules are found the same way; buffers (BatchNorm's running
// statistics) are registered by name with register_buffer. The other layers
// are in nn-layers.js, nn-conv.js and nn-norm.js; nn.init in init.js.
import { isOptions, optionsArg } from './args.js';
import { callableClass } from './callable.js';
import { functional as F } from './functional.js';
import { M, check, fail } from './runtime.js';
import { Tensor, fromHandle } from './tensor.js';
import { no_grad } from './autograd.js';
import { init } from './init.js';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** A tensor that is a module parameter: prints as PyTorch's does; ops on it give plain tensors. */
class ParameterTensor extends Tensor {
  toString() { return `Parameter containing:\n${super.toString()}`; }
}
Object.defineProperty(ParameterTensor, 'name', { value: 'Parameter' });

/** nn.Parameter(data, requires_grad = true): shares data's storage, as PyTorch's does. */
function makeParameter(data, requiresGrad = true) {
  if (!(data instanceof Tensor)) fail(`Parameter(): argument 'data' must be Tensor, not ${data === null ? 'None' : typeof data}`);
  if (isOptions(requiresGrad)) requiresGrad = requiresGrad.requires_grad ?? true;
  // Checked before the handle is made; PyTorch's Parameter words it apart from requires_grad_.
  if (requiresGrad && !data.is_floating_point()) fail('Only Tensors of floating point and complex dtype can require gradients');
  const p = fromHandle(M._detach(data._handle()), ParameterTensor);
  check();
  p.requires_grad = Boolean(requiresGrad);
  return p;
}
const Parameter = new Proxy(ParameterTensor, {
  apply: (_target, _thisArg, args) => makeParameter(...args),
  construct: (_target, args) => makeParameter(...args),
});

class ModuleBase {
  constructor() {
    // The instance is a function so `model(x)` works; its prototype is the class's.
    const instance = function (...args) { return instance.forward(...args); };
    Object.setPrototypeOf(instance, new.target.prototype);
    // A function's own `name` and `length` would shadow module attributes of those names.
    delete instance.name;
    delete instance.length;
    instance.training = true;
    return instance;
  }

  forward() { fail(`Module [${this.constructor.name}] is missing the required "forward" function`); }

  /** Direct submodules as [name, module] pairs, in definition order. */
  named_children() {
    return Object.keys(this).filter((k) => this[k] instanceof ModuleBase).map((k) => [k, this[k]]);
  }
  named_modules(prefix = '') {
    return [[prefix, this], ...this.named_children().flatMap(([k, m]) => m.named_modules(prefix ? `${prefix}.${k}` : k))];
  }
  children() { return this.named_children().map(([, m]) => m); }
  modules() { return [this, ...this.children().flatMap((m) => m.modules())]; }

  /**
   * [name, tensor] pairs: Parameters and leaf tensors that require grad, then
   * those of submodules ('fc.weight'). A tensor shared by several modules is
   * listed once, under its first name, as PyTorch's does (so an optimizer
   * updates it once per step).
   */
  named_parameters(prefix = '', seen = new Set()) {
    // A module's own parameters first, then its children's, as PyTorch walks them.
    const out = [];
    for (const key of Object.keys(this)) {
      const v = this[key];
      if (v instanceof Tensor && !v.isDisposed && !this._isBuffer(key) && (v instanceof ParameterTensor || (v.requires_grad && v.is_leaf))) {
        if (!seen.has(v)) out.push([prefix + key, v]);
        seen.add(v);
      }
    }
    for (const [key, m] of this.named_children()) out.push(...m.named_parameters(`${prefix}${key}.`, seen));
    return out;
  }
  parameters() { return this.named_parameters().map(([, p]) => p); }

  /** register_buffer(name, tensor): a tensor that is state but not a parameter (saved in state_dict). */
  register_buffer(name, tensor, persistent = true) {
    if (!Object.hasOwn(this, '_buffers')) Object.defineProperty(this, '_buffers', { value: new Map(), enumerable: false });
    this._buffers.set(name, Boolean(persistent));
    this[name] = tensor;
  }
  _isBuffer(key) { return Object.hasOwn(this, '_buffers') && this._buffers.has(key); }
  named_buffers(prefix = '') {
    const out = [];
    for (const [mp, m] of this.named_modules(prefix)) {
      if (!Object.hasOwn(m, '_buffers')) continue;
      for (const name of m._buffers.keys()) if (m[name] instanceof Tensor) out.push([mp ? `${mp}.${name}` : name, m[name]]);
    }
    return out;
  }
  buffers() { return this.named_buffers().map(([, b]) => b); }

  /**
   * {name: tensor} of parameters and persistent buffers, module by module as
   * PyTorch orders them. The tensors are fresh detached handles sharing the
   * module's storage (free them, or call this in torch.tidy).
   */
  state_dict() {
    const out = {};
    for (const [mp, m] of this.named_modules()) {
      const head = mp ? `${mp}.` : '';
      for (const key of Object.keys(m)) {
        const v = m[key];
        if (v instanceof Tensor && !m._isBuffer(key) && (v instanceof ParameterTensor || (v.requires_grad && v.is_leaf))) out[head + key] = v.detach();
      }
      if (Object.hasOwn(m, '_buffers')) {
        for (const [name, persistent] of m._buffers) if (persistent && m[name] instanceof Tensor) out[head + name] = m[name].detach();
      }
    }
    return out;
  }

  /** Copies values from a state_dict() (PyTorch's key and size checks; strict by default). */
  load_state_dict(state, options) {
    const strict = typeof options === 'boolean' ? options : (optionsArg(options, 'load_state_dict()').strict ?? true);
    const own = this.state_dict();
    try {
      const missing = Object.keys(own).filter((k) => !(k in state));
      const unexpected = Object.keys(state).filter((k) => !(k in own));
      const errors = [];
      for (const k of Object.keys(state)) {
        if (k in own && own[k].shape.join() !== state[k].shape.join()) {
          errors.push(`size mismatch for ${k}: copying a param with shape torch.Size([${state[k].shape.join(', ')}]) from checkpoint, the shape in current model is torch.Size([${own[k].shape.join(', ')}]).`);
        }
      }
      if (strict) {
        if (unexpected.length) errors.unshift(`Unexpected key(s) in state_dict: ${unexpected.map((k) => `"${k}"`).join(', ')}. `);
        if (missing.length) errors.unshift(`Missing key(s) in state_dict: ${missing.map((k) => `"${k}"`).join(', ')}. `);
      }
      if (errors.length) fail(`Error(s) in loading state_dict for ${this.constructor.name}:\n\t${errors.join('\n\t')}`);
      no_grad(() => { for (const k of Object.keys(state)) if (k in own) own[k].copy_(state[k]); });
      return { missing_keys: missing, unexpected_keys: unexpected };
    } finally {
      for (const t of Object.values(own)) t.dispose();
    }
  }

  /** Calls fn on every submodule and then this one (e.g. to re-initialise weights). */
  apply(fn) {
    for (const m of this.children()) m.apply(fn);
    fn(this);
    return this;
  }

  zero_grad() { for (const p of this.parameters()) p.grad = null; }
  train(mode = true) {
    for (const m of this.modules()) m.training = Boolean(mode);
    return this;
  }
  eval() { return this.train(false); }

  extra_repr() { return ''; }
  /** PyTorch's repr: extra_repr's lines, then `(name): child` indented by two. */
  toString() {
    const extra = this.extra_repr();
    const extraLines = extra ? extra.split('\n') : [];
    const childLines = this.named_children().map(([k, m]) => `(${k}): ${String(m).split('\n').join('\n  ')}`);
    const lines = [...extraLines, ...childLines];
    let main = `${this.constructor.name}(`;
    if (lines.length) main += extraLines.length === 1 && !childLines.length ? extraLines[0] : `\n  ${lines.join('\n  ')}\n`;
    return `${main})`;
  }
  [inspectSymbol]() { return this.toString(); }
}

class LinearModule extends ModuleBase {
  /** y = x Wᵀ + b, initialised as PyTorch's reset_parameters: kaiming_uniform_(a=√5), then the bias U(±1/√fan_in). */
  constructor(in_features, out_features, options) {
    super();
    const bias = optionsArg(options, 'Linear()').bias ?? true;
    this.in_features = in_features;
    this.out_features = out_features;
    this.weight = emptyParameter([out_features, in_features]);
    this.bias = bias ? emptyParameter([out_features]) : null;
    resetWeightAndBias(this.weight, this.bias);
  }
  forward(x) { return F.linear(x, this.weight, this.bias); }
  extra_repr() { return `in_features=${this.in_features}, out_features=${this.out_features}, bias=${this.bias ? 'True' : 'False'}`; }
}
Object.defineProperty(LinearModule, 'name', { value: 'Linear' });

/** A Parameter of uninitialised values (reset_parameters fills it). */
export function emptyParameter(sizes) {
  const data = torchRef.torch.empty(sizes);
  const p = makeParameter(data);
  data.dispose();
  return p;
}

/** Linear's and the convolutions' reset_parameters. */
export function resetWeightAndBias(weight, bias) {
  init.kaiming_uniform_(weight, Math.sqrt(5));
  if (bias) {
    const [fanIn] = init._calculate_fan_in_and_fan_out(weight);
    if (fanIn !== 0) {
      const bound = 1 / Math.sqrt(fanIn);
      init.uniform_(bias, -bound, bound);
    }
  }
}

/** Python's repr of a number, tuple (array), string, boolean or None, for extra_repr. */
export function py(v) {
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (v === null || v === undefined) return 'None';
  if (Array.isArray(v)) return v.length === 1 ? `(${py(v[0])},)` : `(${v.map(py).join(', ')})`;
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'number') return pyFloat(v);
  return String(v);
}

// Python's float repr: shortest digits; exponent form below 1e-4 or from 1e16.
function pyFloat(x) {
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return String(x);
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  const [mant, expStr] = x.toExponential().split('e');
  const exp = Number(expStr);
  if (exp < -4 || exp >= 16) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(x);
}

export { ModuleBase, ParameterTensor, makeParameter };

class SequentialModule extends ModuleBase {
  constructor(...modules) {
    super();
    modules.forEach((m, i) => {
      if (!(m instanceof ModuleBase)) fail(`Sequential: argument ${i} is not a Module`);
      this[i] = m;
    });
    Object.defineProperty(this, 'length', { value: modules.length, configurable: true });
  }
  forward(x) {
    for (const m of this.children()) x = m(x);
    return x;
  }
}
Object.defineProperty(SequentialModule, 'name', { value: 'Sequential' });

function activation(name, fn, repr = () => '') {
  const cls = class extends ModuleBase {
    constructor(...args) {
      super();
      this._args = args;
    }
    forward(x) { return fn(x, ...this._args); }
    extra_repr() { return repr(...this._args); }
  };
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}

function lossModule(name, fn) {
  const cls = class extends ModuleBase {
    constructor(options) {
      super();
      options = optionsArg(options, `${name}()`);
      this.reduction = options.reduction ?? 'mean';
      this._options = options;
    }
    forward(input, target) { return fn(input, target, { ...this._options, reduction: this.reduction }); }
  };
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}


/** Set by torch.js: the namespace the modules create their parameters with. */
export const torchRef = { torch: null };

export const nn = {
  Parameter,
  Module: callableClass(ModuleBase),
  Linear: callableClass(LinearModule),
  Sequential: callableClass(SequentialModule),
  ReLU: callableClass(activation('ReLU', (x) => x.relu())),
  Tanh: callableClass(activation('Tanh', (x) => x.tanh())),
  Sigmoid: callableClass(activation('Sigmoid', (x) => x.sigmoid())),
  MSELoss: callableClass(lossModule('MSELoss', F.mse_loss)),
  L1Loss: callableClass(lossModule('L1Loss', F.l1_loss)),
  CrossEntropyLoss: callableClass(lossModule('CrossEntropyLoss', F.cross_entropy)),
  NLLLoss: callableClass(lossModule('NLLLoss', F.nll_loss)),
  BCELoss: callableClass(lossModule('BCELoss', F.binary_cross_entropy)),
  BCEWithLogitsLoss: callableClass(lossModule('BCEWithLogitsLoss', F.binary_cross_entropy_with_logits)),
  functional: F,
};
