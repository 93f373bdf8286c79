// torch.nn normalisation layers: BatchNorm1d/2d (running_mean, running_var and
// num_batches_tracked buffers; momentum null = cumulative average), LayerNorm
// and GroupNorm, over the F.* forms, initialised and printed as PyTorch 1.13's.
import { callableClass } from './callable.js';
import { functional as F } from './functional.js';
import { init } from './init.js';
import { ModuleBase, emptyParameter, py, torchRef } from './nn.js';
import { args } from './nn-layers.js';
import { fail } from './runtime.js';

const named = (cls, name) => {
  Object.defineProperty(cls, 'name', { value: name });
  return callableClass(cls);
};

class BatchNormBase extends ModuleBase {
  constructor(a, where) {
    super();
    const o = args(a, ['num_features', 'eps', 'momentum', 'affine', 'track_running_stats'],
      { num_features: undefined, eps: 1e-5, momentum: 0.1, affine: true, track_running_stats: true }, where);
    Object.assign(this, o);
    const { torch } = torchRef;
    if (o.affine) {
      this.weight = emptyParameter([o.num_features]);
      this.bias = emptyParameter([o.num_features]);
    } else {
      this.weight = null;
      this.bias = null;
    }
    if (o.track_running_stats) {
      this.register_buffer('running_mean', torch.zeros(o.num_features));
      this.register_buffer('running_var', torch.ones(o.num_features));
      this.register_buffer('num_batches_tracked', torch.tensor(0, { dtype: 'int64' }));
    } else {
      this.register_buffer('running_mean', null);
      this.register_buffer('running_var', null);
      this.register_buffer('num_batches_tracked', null);
    }
    this.reset_parameters();
  }

  reset_running_stats() {
    if (!this.track_running_stats) return;
    this.running_mean.zero_();
    this.running_var.fill_(1);
    this.num_batches_tracked.zero_();
  }

  reset_parameters() {
    this.reset_running_stats();
    if (this.affine) {
      init.ones_(this.weight);
      init.zeros_(this.bias);
    }
  }

  forward(input) {
    this._check_input_dim(input);
    let factor = this.momentum === null ? 0 : this.momentum;
    if (this.training && this.track_running_stats && this.num_batches_tracked !== null) {
      this.num_batches_tracked.add_(1);
      // momentum null: a cumulative moving average over the batches seen so far.
      factor = this.momentum === null ? 1 / this.num_batches_tracked.item() : this.momentum;
    }
    const bnTraining = this.training || (this.running_mean === null && this.running_var === null);
    const useStats = !this.training || this.track_running_stats;
    return F.batch_norm(input, useStats ? this.running_mean : null, useStats ? this.running_var : null,
      { weight: this.weight, bias: this.bias, training: bnTraining, momentum: factor, eps: this.eps });
  }

  extra_repr() {
    return `${this.num_features}, eps=${py(this.eps)}, momentum=${py(this.momentum)}, affine=${py(this.affine)}, ` +
      `track_running_stats=${py(this.track_running_stats)}`;
  }
}

class BatchNorm1d extends BatchNormBase {
  constructor(...a) { super(a, 'BatchNorm1d()'); }
  _check_input_dim(x) { if (x.dim() !== 2 && x.dim() !== 3) fail(`expected 2D or 3D input (got ${x.dim()}D input)`); }
}
class BatchNorm2d extends BatchNormBase {
  constructor(...a) { super(a, 'BatchNorm2d()'); }
  _check_input_dim(x) { if (x.dim() !== 4) fail(`expected 4D input (got ${x.dim()}D input)`); }
}

class LayerNorm extends ModuleBase {
  constructor(...a) {
    super();
    const o = args(a, ['normalized_shape', 'eps', 'elementwise_affine'],
      { normalized_shape: undefined, eps: 1e-5, elementwise_affine: true }, 'LayerNorm()');
    this.normalized_shape = Array.isArray(o.normalized_shape) ? [...o.normalized_shape] : [o.normalized_shape];
    this.eps = o.eps;
    this.elementwise_affine = o.elementwise_affine;
    if (o.elementwise_affine) {
      this.weight = emptyParameter(this.normalized_shape);
      this.bias = emptyParameter(this.normalized_shape);
      init.ones_(this.weight);
      init.zeros_(this.bias);
    } else {
      this.weight = null;
      this.bias = null;
    }
  }
  forward(x) { return F.layer_norm(x, this.normalized_shape, { weight: this.weight, bias: this.bias, eps: this.eps }); }
  extra_repr() { return `${py(this.normalized_shape)}, eps=${py(this.eps)}, elementwise_affine=${py(this.elementwise_affine)}`; }
}

class GroupNorm extends ModuleBase {
  constructor(...a) {
    super();
    const o = args(a, ['num_groups', 'num_channels', 'eps', 'affine'],
      { num_groups: undefined, num_channels: undefined, eps: 1e-5, affine: true }, 'GroupNorm()');
    if (o.num_channels % o.num_groups !== 0) fail('num_channels must be divisible by num_groups');
    Object.assign(this, o);
    if (o.affine) {
      this.weight = emptyParameter([o.num_channels]);
      this.bias = emptyParameter([o.num_channels]);
      init.ones_(this.weight);
      init.zeros_(this.bias);
    } else {
      this.weight = null;
      this.bias = null;
    }
  }
  forward(x) { return F.group_norm(x, this.num_groups, { weight: this.weight, bias: this.bias, eps: this.eps }); }
  extra_repr() { return `${this.num_groups}, ${this.num_channels}, eps=${py(this.eps)}, affine=${py(this.affine)}`; }
}

export const nnNorm = {
  BatchNorm1d: named(BatchNorm1d, 'BatchNorm1d'),
  BatchNorm2d: named(BatchNorm2d, 'BatchNorm2d'),
  LayerNorm: named(LayerNorm, 'LayerNorm'),
  GroupNorm: named(GroupNorm, 'GroupNorm'),
};
