// torch.optim: SGD (momentum, dampening, nesterov, weight_decay) and Adam,
// written with no-grad in-place tensor ops, following PyTorch's update rules.
import { optionsArg } from './args.js';
import { no_grad } from './autograd.js';
import { callableClass } from './callable.js';
import { fail, keep, tidy } from './runtime.js';
import { Tensor } from './tensor.js';

class Optimizer {
  constructor(params, defaults) {
    const list = Array.from(params ?? []);
    if (list.length === 0) fail('optimizer got an empty parameter list');
    // A list of tensors, or of param groups {params, ...overrides}.
    const groups = list[0] instanceof Tensor ? [{ params: list }] : list;
    this.param_groups = groups.map((g) => ({ ...defaults, ...g, params: Array.from(g.params) }));
    for (const g of this.param_groups) {
      if (!(g.lr >= 0)) fail(`Invalid learning rate: ${g.lr}`);
      for (const p of g.params) if (!(p instanceof Tensor)) fail('optimizer can only optimize Tensors');
    }
    this.state = new Map();
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
            if (grad !== null) this._update(p, grad, group, this._stateOf(p));
          });
        }
      }
    });
    return loss;
  }

  _stateOf(p) {
    let s = this.state.get(p);
    if (s === undefined) {
      s = { step: 0 };
      this.state.set(p, s);
    }
    return s;
  }
}

class SGDOptimizer extends Optimizer {
  constructor(params, options) {
    super(params, { lr: 1e-3, momentum: 0, dampening: 0, weight_decay: 0, nesterov: false, ...optionsArg(options, 'SGD()') });
    for (const g of this.param_groups) {
      if (g.nesterov && (g.momentum <= 0 || g.dampening !== 0)) fail('Nesterov momentum requires a momentum and zero dampening');
    }
  }
  _update(p, grad, g, state) {
    let d = grad;
    if (g.weight_decay !== 0) d = d.add(p, { alpha: g.weight_decay });
    if (g.momentum !== 0) {
      let buf = state.momentum_buffer;
      if (buf === undefined) buf = state.momentum_buffer = keep(d.clone());
      else buf.mul_(g.momentum).add_(d, { alpha: 1 - g.dampening });
      d = g.nesterov ? d.add(buf, { alpha: g.momentum }) : buf;
    }
    p.add_(d, { alpha: -g.lr });
  }
}
Object.defineProperty(SGDOptimizer, 'name', { value: 'SGD' });

class AdamOptimizer extends Optimizer {
  constructor(params, options) {
    super(params, { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, ...optionsArg(options, 'Adam()') });
  }
  _update(p, grad, g, state) {
    const [b1, b2] = g.betas;
    if (state.exp_avg === undefined) {
      state.exp_avg = keep(p.clone().zero_());
      state.exp_avg_sq = keep(p.clone().zero_());
    }
    state.step += 1;
    let d = grad;
    if (g.weight_decay !== 0) d = d.add(p, { alpha: g.weight_decay });
    state.exp_avg.mul_(b1).add_(d, { alpha: 1 - b1 });
    state.exp_avg_sq.mul_(b2).add_(d.mul(d), { alpha: 1 - b2 });
    const biasCorrection1 = 1 - b1 ** state.step;
    const biasCorrection2 = 1 - b2 ** state.step;
    const denom = state.exp_avg_sq.sqrt().div_(Math.sqrt(biasCorrection2)).add_(g.eps);
    p.add_(state.exp_avg.div(denom), { alpha: -g.lr / biasCorrection1 });
  }
}
Object.defineProperty(AdamOptimizer, 'name', { value: 'Adam' });

export const optim = {
  SGD: callableClass(SGDOptimizer),
  Adam: callableClass(AdamOptimizer),
};
