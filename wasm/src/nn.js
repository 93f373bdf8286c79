// torch.nn: Parameter, Module (callable: `model(x)` runs forward), Linear,
// Sequential, activations and losses. Parameters are nn.Parameter tensors
// and leaf tensors that require grad, found on a module's own properties;
// submodules are found the same way.
import { isOptions, optionsArg } from './args.js';
import { callableClass } from './callable.js';
import { functional as F } from './functional.js';
import { M, check, fail } from './runtime.js';
import { Tensor, fromHandle } from './tensor.js';

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
  children() { return this.named_children().map(([, m]) => m); }
  modules() { return [this, ...this.children().flatMap((m) => m.modules())]; }

  /**
   * [name, tensor] pairs: Parameters and leaf tensors that require grad, then
   * those of submodules ('fc.weight'). A tensor shared by several modules is
   * listed once, under its first name, as PyTorch's does (so an optimizer
   * updates it once per step).
   */
  named_parameters(prefix = '', seen = new Set()) {
    const out = [];
    for (const key of Object.keys(this)) {
      const v = this[key];
      if (v instanceof Tensor && !v.isDisposed && (v instanceof ParameterTensor || (v.requires_grad && v.is_leaf))) {
        if (!seen.has(v)) out.push([prefix + key, v]);
        seen.add(v);
      } else if (v instanceof ModuleBase) out.push(...v.named_parameters(`${prefix}${key}.`, seen));
    }
    return out;
  }
  parameters() { return this.named_parameters().map(([, p]) => p); }

  zero_grad() { for (const p of this.parameters()) p.grad = null; }
  train(mode = true) {
    for (const m of this.modules()) m.training = Boolean(mode);
    return this;
  }
  eval() { return this.train(false); }

  extra_repr() { return ''; }
  toString() {
    const children = this.named_children();
    const head = `${this.constructor.name}(`;
    if (children.length === 0) return `${head}${this.extra_repr()})`;
    const lines = children.map(([k, m]) => `  (${k}): ${String(m).split('\n').join('\n  ')}`);
    return `${head}\n${lines.join('\n')}\n)`;
  }
  [inspectSymbol]() { return this.toString(); }
}

class LinearModule extends ModuleBase {
  /** y = x Wᵀ + b, initialised as PyTorch does: U(-1/√in, 1/√in) for weight and bias. */
  constructor(in_features, out_features, options) {
    super();
    const bias = optionsArg(options, 'Linear()').bias ?? true;
    const bound = in_features > 0 ? 1 / Math.sqrt(in_features) : 0;
    this.in_features = in_features;
    this.out_features = out_features;
    this.weight = uniformParameter([out_features, in_features], bound);
    this.bias = bias ? uniformParameter([out_features], bound) : null;
  }
  forward(x) { return F.linear(x, this.weight, this.bias); }
  extra_repr() { return `in_features=${this.in_features}, out_features=${this.out_features}, bias=${this.bias ? 'True' : 'False'}`; }
}
Object.defineProperty(LinearModule, 'name', { value: 'Linear' });

function uniformParameter(sizes, bound) {
  const data = torchRef.torch.empty(sizes).uniform_(-bound, bound);
  const p = makeParameter(data);
  data.dispose();
  return p;
}

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

class DropoutModule extends ModuleBase {
  constructor(p = 0.5) {
    super();
    this.p = p;
  }
  forward(x) { return F.dropout(x, this.p, this.training); }
  extra_repr() { return `p=${this.p}, inplace=False`; }
}
Object.defineProperty(DropoutModule, 'name', { value: 'Dropout' });

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
  GELU: callableClass(activation('GELU', (x) => x.gelu())),
  Softmax: callableClass(activation('Softmax', (x, dim) => F.softmax(x, dim), (dim) => `dim=${dim}`)),
  LogSoftmax: callableClass(activation('LogSoftmax', (x, dim) => F.log_softmax(x, dim), (dim) => `dim=${dim}`)),
  Dropout: callableClass(DropoutModule),
  MSELoss: callableClass(lossModule('MSELoss', F.mse_loss)),
  L1Loss: callableClass(lossModule('L1Loss', F.l1_loss)),
  CrossEntropyLoss: callableClass(lossModule('CrossEntropyLoss', F.cross_entropy)),
  NLLLoss: callableClass(lossModule('NLLLoss', F.nll_loss)),
  BCELoss: callableClass(lossModule('BCELoss', F.binary_cross_entropy)),
  BCEWithLogitsLoss: callableClass(lossModule('BCEWithLogitsLoss', F.binary_cross_entropy_with_logits)),
  functional: F,
};
