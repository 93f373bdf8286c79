// torch.nn convolutions (Conv1d, Conv2d, ConvTranspose2d) and pools
// (MaxPool2d, AvgPool2d, AdaptiveAvgPool2d) over the F.* forms, initialised
// (kaiming_uniform_(a=√5), bias U(±1/√fan_in)) and printed as PyTorch 1.13's.
import { callableClass } from './callable.js';
import { functional as F } from './functional.js';
import { ModuleBase, emptyParameter, py, resetWeightAndBias } from './nn.js';
import { args } from './nn-layers.js';
import { fail } from './runtime.js';

const named = (cls, name) => {
  Object.defineProperty(cls, 'name', { value: name });
  return callableClass(cls);
};
const tuple = (v, n) => (Array.isArray(v) ? [...v] : Array(n).fill(v));
const PADDING_MODES = ['zeros', 'reflect', 'replicate', 'circular'];

class ConvNd extends ModuleBase {
  constructor(n, transposed, a, where) {
    super();
    const o = args(a, ['in_channels', 'out_channels', 'kernel_size', 'stride', 'padding',
      ...(transposed ? ['output_padding', 'groups', 'bias', 'dilation'] : ['dilation', 'groups', 'bias'])],
    { in_channels: undefined, out_channels: undefined, kernel_size: undefined, stride: 1, padding: 0, output_padding: 0,
      dilation: 1, groups: 1, bias: true, padding_mode: 'zeros' }, where);
    if (o.groups <= 0) fail('groups must be a positive integer');
    if (o.in_channels % o.groups !== 0) fail('in_channels must be divisible by groups');
    if (o.out_channels % o.groups !== 0) fail('out_channels must be divisible by groups');
    if (typeof o.padding === 'string') {
      if (o.padding !== 'same' && o.padding !== 'valid') fail(`Invalid padding string '${o.padding}', should be one of {'valid', 'same'}`);
      if (o.padding === 'same' && tuple(o.stride, n).some((s) => s !== 1)) fail("padding='same' is not supported for strided convolutions");
    }
    if (!PADDING_MODES.includes(o.padding_mode)) fail(`padding_mode must be one of ['zeros', 'reflect', 'replicate', 'circular'], but got padding_mode='${o.padding_mode}'`);
    this.in_channels = o.in_channels;
    this.out_channels = o.out_channels;
    this.kernel_size = tuple(o.kernel_size, n);
    this.stride = tuple(o.stride, n);
    this.padding = typeof o.padding === 'string' ? o.padding : tuple(o.padding, n);
    this.dilation = tuple(o.dilation, n);
    this.transposed = transposed;
    this.output_padding = tuple(o.output_padding, n);
    this.groups = o.groups;
    this.padding_mode = o.padding_mode;
    const shape = transposed ? [o.in_channels, o.out_channels / o.groups, ...this.kernel_size]
      : [o.out_channels, o.in_channels / o.groups, ...this.kernel_size];
    this.weight = emptyParameter(shape);
    this.bias = o.bias ? emptyParameter([o.out_channels]) : null;
    resetWeightAndBias(this.weight, this.bias);
  }

  extra_repr() {
    const n = this.kernel_size.length;
    let s = `${this.in_channels}, ${this.out_channels}, kernel_size=${py(this.kernel_size)}, stride=${py(this.stride)}`;
    if (typeof this.padding === 'string' || this.padding.some((p) => p !== 0)) {
      s += `, padding=${typeof this.padding === 'string' ? this.padding : py(this.padding)}`;
    }
    if (this.dilation.some((d) => d !== 1)) s += `, dilation=${py(this.dilation)}`;
    if (this.output_padding.some((p) => p !== 0)) s += `, output_padding=${py(this.output_padding)}`;
    if (this.groups !== 1) s += `, groups=${this.groups}`;
    if (this.bias === null) s += ', bias=False';
    if (this.padding_mode !== 'zeros') s += `, padding_mode=${this.padding_mode}`;
    void n;
    return s;
  }

  _conv(fn, input) {
    const options = { stride: this.stride, dilation: this.dilation, groups: this.groups };
    if (this.padding_mode === 'zeros') return fn(input, this.weight, this.bias, { ...options, padding: this.padding });
    // Non-zero padding modes pad first (the last dim's pair first, as F.pad takes them), then convolve unpadded.
    const pad = [...this.padding].reverse().flatMap((p) => [p, p]);
    const padded = F.pad(input, pad, { mode: this.padding_mode });
    try {
      return fn(padded, this.weight, this.bias, { ...options, padding: 0 });
    } finally {
      padded.dispose();
    }
  }
}

class Conv1d extends ConvNd {
  constructor(...a) { super(1, false, a, 'Conv1d()'); }
  forward(x) { return this._conv(F.conv1d, x); }
}
class Conv2d extends ConvNd {
  constructor(...a) { super(2, false, a, 'Conv2d()'); }
  forward(x) { return this._conv(F.conv2d, x); }
}
class ConvTranspose2d extends ConvNd {
  constructor(...a) {
    super(2, true, a, 'ConvTranspose2d()');
    if (this.padding_mode !== 'zeros') fail('Only "zeros" padding mode is supported for ConvTranspose2d');
  }
  forward(x) {
    return F.conv_transpose2d(x, this.weight, this.bias, { stride: this.stride, padding: this.padding,
      output_padding: this.output_padding, groups: this.groups, dilation: this.dilation });
  }
}

class MaxPool2d extends ModuleBase {
  constructor(...a) {
    super();
    Object.assign(this, args(a, ['kernel_size', 'stride', 'padding', 'dilation', 'return_indices', 'ceil_mode'],
      { kernel_size: undefined, stride: null, padding: 0, dilation: 1, return_indices: false, ceil_mode: false }, 'MaxPool2d()'));
    if (this.stride === null) this.stride = this.kernel_size;
  }
  forward(x) {
    return F.max_pool2d(x, this.kernel_size, { stride: this.stride, padding: this.padding, dilation: this.dilation,
      ceil_mode: this.ceil_mode, return_indices: this.return_indices });
  }
  extra_repr() {
    return `kernel_size=${py(this.kernel_size)}, stride=${py(this.stride)}, padding=${py(this.padding)}, ` +
      `dilation=${py(this.dilation)}, ceil_mode=${py(this.ceil_mode)}`;
  }
}

class AvgPool2d extends ModuleBase {
  constructor(...a) {
    super();
    Object.assign(this, args(a, ['kernel_size', 'stride', 'padding', 'ceil_mode', 'count_include_pad', 'divisor_override'],
      { kernel_size: undefined, stride: null, padding: 0, ceil_mode: false, count_include_pad: true, divisor_override: null }, 'AvgPool2d()'));
    if (this.stride === null) this.stride = this.kernel_size;
  }
  forward(x) {
    return F.avg_pool2d(x, this.kernel_size, { stride: this.stride, padding: this.padding, ceil_mode: this.ceil_mode,
      count_include_pad: this.count_include_pad, divisor_override: this.divisor_override });
  }
  extra_repr() { return `kernel_size=${py(this.kernel_size)}, stride=${py(this.stride)}, padding=${py(this.padding)}`; }
}

class AdaptiveAvgPool2d extends ModuleBase {
  constructor(output_size) {
    super();
    this.output_size = output_size;
  }
  forward(x) { return F.adaptive_avg_pool2d(x, this.output_size); }
  extra_repr() { return `output_size=${py(this.output_size)}`; }
}

export const nnConv = {
  Conv1d: named(Conv1d, 'Conv1d'),
  Conv2d: named(Conv2d, 'Conv2d'),
  ConvTranspose2d: named(ConvTranspose2d, 'ConvTranspose2d'),
  MaxPool2d: named(MaxPool2d, 'MaxPool2d'),
  AvgPool2d: named(AvgPool2d, 'AvgPool2d'),
  AdaptiveAvgPool2d: named(AdaptiveAvgPool2d, 'AdaptiveAvgPool2d'),
};
