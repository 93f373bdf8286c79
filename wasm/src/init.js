// torch.nn.init: PyTorch 1.13's initialisers, in place and without recording
// grad, computing their bounds in the same order (as python/torch/nn/init.py)
// so that the same seed gives the same numbers.
import { no_grad } from './autograd.js';
import { optionsArg } from './args.js';
import { params } from './functional-nn.js';
import { fail } from './runtime.js';

export function calculate_gain(nonlinearity, param = null) {
  const linear = ['linear', 'conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d', 'conv_transpose3d'];
  if (linear.includes(nonlinearity) || nonlinearity === 'sigmoid') return 1;
  if (nonlinearity === 'tanh') return 5.0 / 3;
  if (nonlinearity === 'relu') return Math.sqrt(2.0);
  if (nonlinearity === 'leaky_relu') {
    let slope = 0.01;
    if (param !== null && param !== undefined) {
      if (typeof param !== 'number') fail(`negative_slope ${param} not a valid number`);
      slope = param;
    }
    return Math.sqrt(2.0 / (1 + slope ** 2));
  }
  if (nonlinearity === 'selu') return 3.0 / 4;
  return fail(`Unsupported nonlinearity ${nonlinearity}`);
}

// Positional in PyTorch's order, or PyTorch's keyword names as the options object last.
export function uniform_(t, ...rest) {
  const { a, b } = params('uniform_', rest, { a: 0, b: 1 });
  return no_grad(() => t.uniform_(a, b));
}
export function normal_(t, ...rest) {
  const { mean, std } = params('normal_', rest, { mean: 0, std: 1 });
  return no_grad(() => t.normal_(mean, std));
}
export function constant_(t, ...rest) {
  const { val } = params('constant_', rest, { val: undefined });
  if (typeof val !== 'number') fail(`constant_() missing 1 required positional argument: 'val'`);
  return no_grad(() => t.fill_(val));
}
export const ones_ = (t) => no_grad(() => t.fill_(1));
export const zeros_ = (t) => no_grad(() => t.zero_());

export function _calculate_fan_in_and_fan_out(t) {
  if (t.dim() < 2) fail('Fan in and fan out can not be computed for tensor with fewer than 2 dimensions');
  const receptive = t.shape.slice(2).reduce((a, b) => a * b, 1);
  return [t.shape[1] * receptive, t.shape[0] * receptive];
}

function correctFan(t, mode) {
  mode = mode.toLowerCase();
  if (mode !== 'fan_in' && mode !== 'fan_out') fail(`Mode ${mode} not supported, please use one of ['fan_in', 'fan_out']`);
  const [fanIn, fanOut] = _calculate_fan_in_and_fan_out(t);
  return mode === 'fan_in' ? fanIn : fanOut;
}

/** xavier_uniform_(t, gain = 1) or (t, {gain}). */
export function xavier_uniform_(t, gain = 1) {
  if (typeof gain === 'object') gain = optionsArg(gain, 'xavier_uniform_()').gain ?? 1;
  const [fanIn, fanOut] = _calculate_fan_in_and_fan_out(t);
  const std = gain * Math.sqrt(2.0 / (fanIn + fanOut));
  const a = Math.sqrt(3.0) * std;
  return uniform_(t, -a, a);
}

export function xavier_normal_(t, gain = 1) {
  if (typeof gain === 'object') gain = optionsArg(gain, 'xavier_normal_()').gain ?? 1;
  const [fanIn, fanOut] = _calculate_fan_in_and_fan_out(t);
  const std = gain * Math.sqrt(2.0 / (fanIn + fanOut));
  return normal_(t, 0, std);
}

// (t, a = 0, mode = 'fan_in', nonlinearity = 'leaky_relu'), or (t, {a, mode, nonlinearity}).
function kaimingArgs(name, args) {
  let [a = 0, mode = 'fan_in', nonlinearity = 'leaky_relu'] = args;
  if (typeof args[0] === 'object' && args[0] !== null) {
    const o = optionsArg(args[0], `${name}()`);
    [a, mode, nonlinearity] = [o.a ?? 0, o.mode ?? 'fan_in', o.nonlinearity ?? 'leaky_relu'];
  }
  return { a, mode, nonlinearity };
}

export function kaiming_uniform_(t, ...args) {
  const { a, mode, nonlinearity } = kaimingArgs('kaiming_uniform_', args);
  if (t.shape.includes(0)) return t;
  const std = calculate_gain(nonlinearity, a) / Math.sqrt(correctFan(t, mode));
  const bound = Math.sqrt(3.0) * std;
  return uniform_(t, -bound, bound);
}

export function kaiming_normal_(t, ...args) {
  const { a, mode, nonlinearity } = kaimingArgs('kaiming_normal_', args);
  if (t.shape.includes(0)) return t;
  const std = calculate_gain(nonlinearity, a) / Math.sqrt(correctFan(t, mode));
  return normal_(t, 0, std);
}

export const init = {
  calculate_gain, uniform_, normal_, constant_, ones_, zeros_, xavier_uniform_, xavier_normal_,
  kaiming_uniform_, kaiming_normal_, _calculate_fan_in_and_fan_out,
};
