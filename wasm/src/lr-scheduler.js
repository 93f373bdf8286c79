// torch.optim.lr_scheduler: StepLR, MultiStepLR, ExponentialLR,
// CosineAnnealingLR and LambdaLR with PyTorch 1.13's chainable rules (each
// step computes the new lr from the group's current one), so the sequences
// are PyTorch's to the last bit where the arithmetic is the same; and
// ReduceLROnPlateau, which steps on a metric.
import { optionsArg } from './args.js';
import { callableClass } from './callable.js';
import { fail } from './runtime.js';

// Python's % (the result takes the divisor's sign).
const pyMod = (a, b) => ((a % b) + b) % b;

class LRScheduler {
  constructor(optimizer, options) {
    if (!optimizer || !Array.isArray(optimizer.param_groups)) fail(`${optimizer?.constructor?.name ?? typeof optimizer} is not an Optimizer`);
    const lastEpoch = options.last_epoch ?? -1;
    this.optimizer = optimizer;
    if (lastEpoch === -1) {
      for (const g of optimizer.param_groups) if (g.initial_lr === undefined) g.initial_lr = g.lr;
    } else {
      optimizer.param_groups.forEach((g, i) => {
        if (g.initial_lr === undefined) fail(`param 'initial_lr' is not specified in param_groups[${i}] when resuming an optimizer`);
      });
    }
    this.base_lrs = optimizer.param_groups.map((g) => g.initial_lr);
    this.last_epoch = lastEpoch;
  }

  /** The constructor's first step (subclasses call it once their fields are set). */
  _initial_step() {
    this.optimizer._step_count = 0;
    this._step_count = 0;
    this.step();
  }

  step() {
    this._step_count += 1;
    this.last_epoch += 1;
    const values = this.get_lr();
    this.optimizer.param_groups.forEach((g, i) => { g.lr = values[i]; });
    this._last_lr = this.optimizer.param_groups.map((g) => g.lr);
  }

  /** The learning rates the last step set, one per parameter group (a fresh array). */
  get_last_lr() { return [...this._last_lr]; }

  _lrs() { return this.optimizer.param_groups.map((g) => g.lr); }

  state_dict() {
    const out = {};
    for (const [k, v] of Object.entries(this)) if (k !== 'optimizer' && typeof v !== 'function') out[k] = Array.isArray(v) ? [...v] : v;
    return out;
  }

  load_state_dict(state) { Object.assign(this, state); }
}

function named(cls, name) {
  Object.defineProperty(cls, 'name', { value: name });
  return callableClass(cls);
}

/** StepLR(optimizer, step_size, {gamma = 0.1, last_epoch}): lr × gamma every step_size steps. */
class StepLR extends LRScheduler {
  constructor(optimizer, step_size, options) {
    options = optionsArg(options, 'StepLR()');
    super(optimizer, options);
    this.step_size = step_size;
    this.gamma = options.gamma ?? 0.1;
    this._initial_step();
  }
  get_lr() {
    if (this.last_epoch === 0 || this.last_epoch % this.step_size !== 0) return this._lrs();
    return this._lrs().map((lr) => lr * this.gamma);
  }
}

/** MultiStepLR(optimizer, milestones, {gamma = 0.1}): lr × gamma at each milestone (× gamma^k for a milestone listed k times). */
class MultiStepLR extends LRScheduler {
  constructor(optimizer, milestones, options) {
    options = optionsArg(options, 'MultiStepLR()');
    super(optimizer, options);
    this.milestones = {};
    for (const m of milestones) this.milestones[m] = (this.milestones[m] ?? 0) + 1;
    this.gamma = options.gamma ?? 0.1;
    this._initial_step();
  }
  get_lr() {
    const count = this.milestones[this.last_epoch];
    if (count === undefined) return this._lrs();
    return this._lrs().map((lr) => lr * this.gamma ** count);
  }
}

/** ExponentialLR(optimizer, gamma): lr × gamma every step. */
class ExponentialLR extends LRScheduler {
  constructor(optimizer, gamma, options) {
    options = optionsArg(options, 'ExponentialLR()');
    super(optimizer, options);
    this.gamma = gamma;
    this._initial_step();
  }
  get_lr() {
    if (this.last_epoch === 0) return this._lrs();
    return this._lrs().map((lr) => lr * this.gamma);
  }
}

/** CosineAnnealingLR(optimizer, T_max, {eta_min = 0}): PyTorch's recursive form of the cosine schedule. */
class CosineAnnealingLR extends LRScheduler {
  constructor(optimizer, T_max, options) {
    options = optionsArg(options, 'CosineAnnealingLR()');
    super(optimizer, options);
    this.T_max = T_max;
    this.eta_min = options.eta_min ?? 0;
    this._initial_step();
  }
  get_lr() {
    const { last_epoch: e, T_max: T, eta_min: min } = this;
    const groups = this.optimizer.param_groups;
    if (e === 0) return this._lrs();
    if (this._step_count === 1 && e > 0) {
      return this.base_lrs.map((base) => min + (base - min) * (1 + Math.cos(e * Math.PI / T)) / 2);
    }
    if (pyMod(e - 1 - T, 2 * T) === 0) {
      return groups.map((g, i) => g.lr + (this.base_lrs[i] - min) * (1 - Math.cos(Math.PI / T)) / 2);
    }
    return groups.map((g) => (1 + Math.cos(Math.PI * e / T)) / (1 + Math.cos(Math.PI * (e - 1) / T)) * (g.lr - min) + min);
  }
}

/** LambdaLR(optimizer, lr_lambda): base_lr × lr_lambda(epoch); one function, or one per group. */
class LambdaLR extends LRScheduler {
  constructor(optimizer, lr_lambda, options) {
    options = optionsArg(options, 'LambdaLR()');
    super(optimizer, options);
    const n = optimizer.param_groups.length;
    if (Array.isArray(lr_lambda)) {
      if (lr_lambda.length !== n) fail(`Expected ${n} lr_lambdas, but got ${lr_lambda.length}`);
      this.lr_lambdas = [...lr_lambda];
    } else {
      this.lr_lambdas = Array(n).fill(lr_lambda);
    }
    this._initial_step();
  }
  get_lr() { return this.base_lrs.map((base, i) => base * this.lr_lambdas[i](this.last_epoch)); }
  state_dict() {
    const out = super.state_dict();
    delete out.lr_lambdas;
    return out;
  }
}

/**
 * ReduceLROnPlateau(optimizer, {mode = 'min', factor = 0.1, patience = 10, threshold = 1e-4,
 * threshold_mode = 'rel', cooldown = 0, min_lr = 0, eps = 1e-8, verbose}): step(metric) multiplies
 * each group's lr by factor once the metric has not improved (by more than threshold) for more than
 * patience steps, then waits cooldown steps. As in PyTorch 1.13 it is no LRScheduler: the
 * constructor takes no step, and there is no get_last_lr.
 */
class ReduceLROnPlateau {
  constructor(optimizer, options) {
    const o = optionsArg(options, 'ReduceLROnPlateau()');
    const factor = o.factor ?? 0.1;
    if (factor >= 1.0) fail('Factor should be < 1.0.');
    if (!optimizer || !Array.isArray(optimizer.param_groups)) fail(`${optimizer?.constructor?.name ?? typeof optimizer} is not an Optimizer`);
    const groups = optimizer.param_groups.length;
    const minLr = o.min_lr ?? 0;
    if (Array.isArray(minLr) && minLr.length !== groups) fail(`expected ${groups} min_lrs, got ${minLr.length}`);
    Object.assign(this, {
      factor, optimizer,
      min_lrs: Array.isArray(minLr) ? [...minLr] : Array(groups).fill(minLr),
      patience: o.patience ?? 10, verbose: o.verbose ?? false, cooldown: o.cooldown ?? 0, cooldown_counter: 0,
      mode: o.mode ?? 'min', threshold: o.threshold ?? 1e-4, threshold_mode: o.threshold_mode ?? 'rel',
      eps: o.eps ?? 1e-8, last_epoch: 0,
    });
    if (this.mode !== 'min' && this.mode !== 'max') fail(`mode ${this.mode} is unknown!`);
    if (this.threshold_mode !== 'rel' && this.threshold_mode !== 'abs') fail(`threshold mode ${this.threshold_mode} is unknown!`);
    this.mode_worse = this.mode === 'min' ? Infinity : -Infinity;
    this.best = this.mode_worse;
    this.num_bad_epochs = 0;
  }

  /** One step on a metric (a number or a one-element tensor). */
  step(metrics) {
    const current = typeof metrics === 'number' ? metrics : metrics.item();
    this.last_epoch += 1;
    if (this.is_better(current, this.best)) {
      this.best = current;
      this.num_bad_epochs = 0;
    } else {
      this.num_bad_epochs += 1;
    }
    if (this.cooldown_counter > 0) {
      this.cooldown_counter -= 1;
      this.num_bad_epochs = 0;
    }
    if (this.num_bad_epochs > this.patience) {
      this.optimizer.param_groups.forEach((g, i) => {
        const next = Math.max(g.lr * this.factor, this.min_lrs[i]);
        if (g.lr - next > this.eps) {
          g.lr = next;
          if (this.verbose) console.log(`Epoch ${String(this.last_epoch).padStart(5, '0')}: reducing learning rate of group ${i} to ${next.toExponential(4).replace(/e([+-])(\d)$/, 'e$10$2')}.`);
        }
      });
      this.cooldown_counter = this.cooldown;
      this.num_bad_epochs = 0;
    }
    this._last_lr = this.optimizer.param_groups.map((g) => g.lr);
  }

  is_better(a, best) {
    const t = this.threshold;
    if (this.mode === 'min') return this.threshold_mode === 'rel' ? a < best * (1 - t) : a < best - t;
    return this.threshold_mode === 'rel' ? a > best * (t + 1) : a > best + t;
  }

  state_dict() {
    const out = {};
    for (const [k, v] of Object.entries(this)) if (k !== 'optimizer') out[k] = Array.isArray(v) ? [...v] : v;
    return out;
  }

  load_state_dict(state) { Object.assign(this, state); }
}

export const lr_scheduler = {
  StepLR: named(StepLR, 'StepLR'),
  MultiStepLR: named(MultiStepLR, 'MultiStepLR'),
  ExponentialLR: named(ExponentialLR, 'ExponentialLR'),
  CosineAnnealingLR: named(CosineAnnealingLR, 'CosineAnnealingLR'),
  LambdaLR: named(LambdaLR, 'LambdaLR'),
  ReduceLROnPlateau: named(ReduceLROnPlateau, 'ReduceLROnPlateau'),
};
