// torch.optim: SGD, Adam (amsgrad), AdamW, RMSprop and Adagrad, written with
// no-grad in-place tensor ops in the order PyTorch 1.13's single-tensor
// kernels use (the default there: foreach=False), parameter groups, and
// state_dict()/load_state_dict() in PyTorch's layout. The schedulers are in
// lr-scheduler.js.
//
// The Python layer (python/torch/optim/) has the same rules, line for line,
// over the same engine kernels (addcmul_/addcdiv_ fused as PyTorch's CPU
// kernels round them). The rules themselves stay in each language: they are
// a dozen calls each, and as engine kernels every option (amsgrad, centered,
// maximize, ...) would become an op-table signature. Keep the two in step.
import { optionsArg } from './args.js';
import { no_grad } from './autograd.js';
import { callableClass } from './callable.js';
import { M, check as checkEngine, fail, keep, tidy } from './runtime.js';
import { Tensor } from './tensor.js';
import { lr_scheduler } from './lr-scheduler.js';
import { torchRef } from './nn.js';

// PyTorch's addcmul_ and addcdiv_ (self + value * t1 * t2 with one FMA, and
// self + value * t1 / t2), the engine's fused kernels (engine/ops.def) that the
// Python layer's optimizers call too, so both round exactly as PyTorch does.
function fused(raw, self, t1, t2, value) {
  const extra = M[raw](self._handle(), t1._handle(), t2._handle(), value);
  checkEngine();
  M._free_tensor(extra);
  return self;
}
const addcmul_ = (self, t1, t2, value) => fused('_addcmul_', self, t1, t2, value);
const addcdiv_ = (self, t1, t2, value) => fused('_addcdiv_', self, t1, t2, value);
// PyTorch's add_(other, alpha) is one FMA too on that build (the engine's add
// is not): addcmul_ with t1 = 1 computes fma(alpha, other, self).
function axpy_(self, other, alpha) {
  const one = torchRef.torch.ones([], { dtype: self.dtype });
  try {
    return fused('_addcmul_', self, one, other, alpha);
  } finally {
    one.dispose();
  }
}
// x.add(other, alpha) out of place, fused the same way.
const axpy = (self, other, alpha) => axpy_(self.clone(), other, alpha);

function check(ok, message) {
  if (!ok) fail(message);
}

class Optimizer {
  constructor(params, defaults) {
    this.defaults = defaults;
    const list = params instanceof Tensor ? [params] : Array.from(params ?? []);
    if (list.length === 0) fail('optimizer got an empty parameter list');
    this.param_groups = [];
    this.state = new Map();
    // A list of tensors, or of param groups {params, ...overrides}.
    for (const g of list[0] instanceof Tensor ? [{ params: list }] : list) this.add_param_group(g);
  }

  add_param_group(group) {
    const params = group.params instanceof Tensor ? [group.params] : Array.from(group.params ?? []);
    for (const p of params) {
      if (!(p instanceof Tensor)) fail('optimizer can only optimize Tensors');
      if (!p.is_leaf) fail("can't optimize a non-leaf Tensor");
    }
    const seen = new Set(this.param_groups.flatMap((g) => g.params));
    if (params.some((p) => seen.has(p))) fail('some parameters appear in more than one parameter group');
    this.param_groups.push({ ...this.defaults, ...group, params });
  }

  zero_grad() {
    for (const g of this.param_groups) for (const p of g.params) p.grad = null;
  }

  step(closure) {
    const loss = closure ? closure() : undefined;
    no_grad(() => {
      for (const group of this.param_groups) {
        // Read inside the scope: a .grad object made here is freed with it,
        // while one the caller already holds is the same object and survives.
        // Optimizer state made inside survives through keep().
        for (const p of group.params) {
          tidy(() => {
            const grad = p.grad;
            if (grad !== null) this._update(p, group.maximize ? grad.neg() : grad, group, this._stateOf(p));
          });
        }
      }
    });
    this._step_count = (this._step_count ?? 0) + 1;
    return loss;
  }

  _stateOf(p) {
    let s = this.state.get(p);
    if (s === undefined) {
      s = {};
      this.state.set(p, s);
    }
    return s;
  }

  /**
   * PyTorch's layout: {state: {index: {...}}, param_groups: [{...options, params: [index, ...]}]},
   * indices counting parameters across the groups. The state's tensors are the
   * optimizer's own (as in PyTorch): clone them to keep a snapshot.
   */
  state_dict() {
    const state = {};
    const param_groups = [];
    let index = 0;
    for (const g of this.param_groups) {
      const ids = [];
      for (const p of g.params) {
        if (this.state.has(p)) state[index] = { ...this.state.get(p) };
        ids.push(index++);
      }
      param_groups.push({ ...g, params: ids });
    }
    return { state, param_groups };
  }

  /** Copies options and state from a state_dict() (tensors are cloned; the groups must match in sizes). */
  load_state_dict(stateDict) {
    const groups = stateDict.param_groups;
    if (groups.length !== this.param_groups.length) fail('loaded state dict has a different number of parameter groups');
    if (groups.some((g, i) => g.params.length !== this.param_groups[i].params.length)) {
      fail("loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
    }
    const byIndex = new Map();
    groups.forEach((g, i) => g.params.forEach((id, j) => byIndex.set(String(id), this.param_groups[i].params[j])));
    for (const s of this.state.values()) disposeState(s);
    this.state = new Map();
    for (const [id, s] of Object.entries(stateDict.state)) {
      const p = byIndex.get(String(id));
      if (p === undefined) continue;
      const copy = {};
      for (const [k, v] of Object.entries(s)) copy[k] = v instanceof Tensor ? keep(v.detach().clone()) : v;
      this.state.set(p, copy);
    }
    this.param_groups = groups.map((g, i) => ({ ...g, params: this.param_groups[i].params }));
  }

  toString() {
    let text = `${this.constructor.name} (`;
    this.param_groups.forEach((group, i) => {
      text += `\nParameter Group ${i}\n`;
      for (const key of Object.keys(group).sort()) if (key !== 'params') text += `    ${key}: ${pyValue(group[key])}\n`;
    });
    return `${text})`;
  }
}

function disposeState(s) {
  for (const v of Object.values(s)) if (v instanceof Tensor && !v.isDisposed) v.dispose();
}

// Values as Python prints them in an optimizer's repr.
function pyValue(v) {
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (v === null || v === undefined) return 'None';
  if (Array.isArray(v)) return `(${v.map(pyValue).join(', ')})`;
  return String(v);
}

/** A zero tensor shaped like p, owned by the optimizer's state. */
const zerosLike = (p) => keep(p.detach().clone().zero_());

class SGDOptimizer extends Optimizer {
  constructor(params, options) {
    options = { lr: 1e-3, momentum: 0, dampening: 0, weight_decay: 0, nesterov: false, maximize: false, ...optionsArg(options, 'SGD()') };
    check(options.lr >= 0, `Invalid learning rate: ${options.lr}`);
    check(options.momentum >= 0, `Invalid momentum value: ${options.momentum}`);
    check(options.weight_decay >= 0, `Invalid weight_decay value: ${options.weight_decay}`);
    super(params, options);
    for (const g of this.param_groups) {
      if (g.nesterov && (g.momentum <= 0 || g.dampening !== 0)) fail('Nesterov momentum requires a momentum and zero dampening');
    }
  }
  _update(p, grad, g, state) {
    let d = grad;
    if (g.weight_decay !== 0) d = axpy(d, p, g.weight_decay);
    // PyTorch keeps a momentum_buffer entry (None without momentum).
    if (g.momentum === 0) state.momentum_buffer = null;
    else {
      let buf = state.momentum_buffer;
      if (buf === undefined) buf = state.momentum_buffer = keep(d.detach().clone());
      else axpy_(buf.mul_(g.momentum), d, 1 - g.dampening);
      d = g.nesterov ? axpy(d, buf, g.momentum) : buf;
    }
    axpy_(p, d, -g.lr);
  }
}
Object.defineProperty(SGDOptimizer, 'name', { value: 'SGD' });

function checkAdamOptions(o) {
  check(o.lr >= 0, `Invalid learning rate: ${o.lr}`);
  check(o.eps >= 0, `Invalid epsilon value: ${o.eps}`);
  check(o.betas[0] >= 0 && o.betas[0] < 1, `Invalid beta parameter at index 0: ${o.betas[0]}`);
  check(o.betas[1] >= 0 && o.betas[1] < 1, `Invalid beta parameter at index 1: ${o.betas[1]}`);
  check(o.weight_decay >= 0, `Invalid weight_decay value: ${o.weight_decay}`);
}

/** Adam's moments and step (AdamW differs only in how weight decay enters). */
function adamMoments(p, grad, g, state) {
  const [b1, b2] = g.betas;
  if (state.step === undefined) {
    state.step = 0;
    state.exp_avg = zerosLike(p);
    state.exp_avg_sq = zerosLike(p);
    if (g.amsgrad) state.max_exp_avg_sq = zerosLike(p);
  }
  state.step += 1;
  axpy_(state.exp_avg.mul_(b1), grad, 1 - b1);
  addcmul_(state.exp_avg_sq.mul_(b2), grad, grad, 1 - b2);
  const biasCorrection1 = 1 - b1 ** state.step;
  const biasCorrection2Sqrt = Math.sqrt(1 - b2 ** state.step);
  let second = state.exp_avg_sq;
  if (g.amsgrad) {
    state.max_exp_avg_sq.copy_(state.max_exp_avg_sq.maximum(state.exp_avg_sq));
    second = state.max_exp_avg_sq;
  }
  const denom = second.sqrt().div_(biasCorrection2Sqrt).add_(g.eps);
  addcdiv_(p, state.exp_avg, denom, -(g.lr / biasCorrection1));
}

class AdamOptimizer extends Optimizer {
  constructor(params, options) {
    options = { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, amsgrad: false, maximize: false, ...optionsArg(options, 'Adam()') };
    checkAdamOptions(options);
    super(params, options);
  }
  _update(p, grad, g, state) {
    adamMoments(p, g.weight_decay !== 0 ? axpy(grad, p, g.weight_decay) : grad, g, state);
  }
}
Object.defineProperty(AdamOptimizer, 'name', { value: 'Adam' });

class AdamWOptimizer extends Optimizer {
  constructor(params, options) {
    options = { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 1e-2, amsgrad: false, maximize: false, ...optionsArg(options, 'AdamW()') };
    checkAdamOptions(options);
    super(params, options);
  }
  _update(p, grad, g, state) {
    // Decoupled weight decay: the parameter shrinks before the Adam step.
    p.mul_(1 - g.lr * g.weight_decay);
    adamMoments(p, grad, g, state);
  }
}
Object.defineProperty(AdamWOptimizer, 'name', { value: 'AdamW' });

class RMSpropOptimizer extends Optimizer {
  constructor(params, options) {
    options = { lr: 1e-2, alpha: 0.99, eps: 1e-8, weight_decay: 0, momentum: 0, centered: false, maximize: false, ...optionsArg(options, 'RMSprop()') };
    check(options.lr >= 0, `Invalid learning rate: ${options.lr}`);
    check(options.eps >= 0, `Invalid epsilon value: ${options.eps}`);
    check(options.momentum >= 0, `Invalid momentum value: ${options.momentum}`);
    check(options.weight_decay >= 0, `Invalid weight_decay value: ${options.weight_decay}`);
    check(options.alpha >= 0, `Invalid alpha value: ${options.alpha}`);
    super(params, options);
  }
  _update(p, grad, g, state) {
    if (state.step === undefined) {
      state.step = 0;
      state.square_avg = zerosLike(p);
      if (g.momentum > 0) state.momentum_buffer = zerosLike(p);
      if (g.centered) state.grad_avg = zerosLike(p);
    }
    state.step += 1;
    if (g.weight_decay !== 0) grad = axpy(grad, p, g.weight_decay);
    addcmul_(state.square_avg.mul_(g.alpha), grad, grad, 1 - g.alpha);
    let avg;
    if (g.centered) {
      axpy_(state.grad_avg.mul_(g.alpha), grad, 1 - g.alpha);
      avg = addcmul_(state.square_avg.clone(), state.grad_avg, state.grad_avg, -1).sqrt();
    } else {
      avg = state.square_avg.sqrt();
    }
    avg.add_(g.eps);
    if (g.momentum > 0) {
      addcdiv_(state.momentum_buffer.mul_(g.momentum), grad, avg, 1);
      axpy_(p, state.momentum_buffer, -g.lr);
    } else {
      addcdiv_(p, grad, avg, -g.lr);
    }
  }
}
Object.defineProperty(RMSpropOptimizer, 'name', { value: 'RMSprop' });

class AdagradOptimizer extends Optimizer {
  constructor(params, options) {
    options = { lr: 1e-2, lr_decay: 0, weight_decay: 0, initial_accumulator_value: 0, eps: 1e-10, maximize: false, ...optionsArg(options, 'Adagrad()') };
    check(options.lr >= 0, `Invalid learning rate: ${options.lr}`);
    check(options.lr_decay >= 0, `Invalid lr_decay value: ${options.lr_decay}`);
    check(options.weight_decay >= 0, `Invalid weight_decay value: ${options.weight_decay}`);
    check(options.initial_accumulator_value >= 0, `Invalid initial_accumulator_value value: ${options.initial_accumulator_value}`);
    check(options.eps >= 0, `Invalid epsilon value: ${options.eps}`);
    super(params, options);
    // Adagrad's state exists from construction, as in PyTorch.
    for (const g of this.param_groups) {
      for (const p of g.params) {
        no_grad(() => this.state.set(p, { step: 0, sum: keep(p.detach().clone().fill_(g.initial_accumulator_value)) }));
      }
    }
  }
  _update(p, grad, g, state) {
    state.step += 1;
    if (g.weight_decay !== 0) grad = axpy(grad, p, g.weight_decay);
    const clr = g.lr / (1 + (state.step - 1) * g.lr_decay);
    addcmul_(state.sum, grad, grad, 1);
    const std = state.sum.sqrt().add_(g.eps);
    addcdiv_(p, grad, std, -clr);
  }
}
Object.defineProperty(AdagradOptimizer, 'name', { value: 'Adagrad' });

export { Optimizer };
export const optim = {
  Optimizer,
  SGD: callableClass(SGDOptimizer),
  Adam: callableClass(AdamOptimizer),
  AdamW: callableClass(AdamWOptimizer),
  RMSprop: callableClass(RMSpropOptimizer),
  Adagrad: callableClass(AdagradOptimizer),
  lr_scheduler,
};
