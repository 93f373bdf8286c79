// torch.nn.functional for convolutional networks: convolution, pooling,
// padding, normalisation, lookups, dropout, cosine similarity and the extra
// losses. Every function takes PyTorch's arguments positionally, in PyTorch's
// order, and any of them by name in an options object as the last argument
// (API.md): F.conv2d(x, w, null, { padding: 1 }), F.max_pool2d(x, 2).
// The engine does the checks and owns the error texts; this file only reads
// arguments and lays them out for the op table's raw functions (raw.js).
import { isOptions } from './args.js';
import { M, check, fail } from './runtime.js';
import { Tensor, adopt, fromHandle } from './tensor.js';

const typeName = (x) => (x === null ? 'None' : Array.isArray(x) ? 'list' : typeof x);

/**
 * PyTorch's parameters after the leading tensors: `rest` holds positional
 * values in the order of `names` and maybe a trailing options object; the
 * result has every name of `defaults`. An options object where an optional
 * tensor would go (the bias) is read as options, as API.md says.
 */
export function params(fn, rest, defaults) {
  const names = Object.keys(defaults);
  const args = [...rest];
  let options = {};
  if (args.length > 0 && isOptions(args[args.length - 1])) options = args.pop();
  if (args.length > names.length) fail(`${fn}() takes at most ${names.length} optional arguments (${args.length} given)`);
  const out = { ...defaults };
  args.forEach((v, i) => { if (v !== undefined) out[names[i]] = v; });
  for (const [k, v] of Object.entries(options)) {
    if (!Object.hasOwn(defaults, k)) fail(`${fn}() got an unexpected keyword argument '${k}'`);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

export function tensorArg(x, name, fn) {
  if (!(x instanceof Tensor)) fail(`${fn}(): argument '${name}' must be Tensor, not ${typeName(x)}`);
  return x._handle();
}
// An optional tensor: null or undefined is handle 0, the engine's "none".
function optionalTensor(x, name, fn) {
  return x === null || x === undefined ? 0 : tensorArg(x, name, fn);
}
export function intArg(v, name, fn) {
  if (!Number.isInteger(v)) fail(`${fn}(): argument '${name}' must be int, not ${typeName(v)}`);
  return v;
}
function numberArg(v, name, fn) {
  if (typeof v !== 'number') fail(`${fn}(): argument '${name}' must be float, not ${typeName(v)}`);
  return v;
}
// An int-or-tuple size as a list (the engine checks its length with PyTorch's text).
function sizes(v, name, fn) {
  const list = typeof v === 'number' ? [v] : Array.isArray(v) ? v : null;
  if (list === null) fail(`${fn}(): argument '${name}' must be tuple of ints, not ${typeName(v)}`);
  for (const s of list) {
    if (!Number.isInteger(s)) fail(`${fn}(): argument '${name}' must be tuple of ints, but found element of type ${typeName(s)}`);
  }
  return list;
}
// stride=None means "the kernel size": the engine reads an empty list so.
const strideArg = (v, fn) => (v === null || (Array.isArray(v) && v.length === 0) ? [] : sizes(v, 'stride', fn));

/** A named tuple: {values, indices} that is also [values, indices]. */
export function valuesIndices(pair) {
  check();
  const values = fromHandle(pair[0]);
  const indices = fromHandle(pair[1]);
  return Object.assign([values, indices], { values, indices });
}
// A pool's result: its values, or [values, indices] when return_indices.
function pooled(hs, withIndices) {
  check();
  if (!withIndices) return fromHandle(hs[0]);
  return [fromHandle(hs[0]), fromHandle(hs[1])];
}

const REDUCTIONS = { none: 0, mean: 1, sum: 2 };
function reduction(name, extra = {}) {
  const code = { ...REDUCTIONS, ...extra }[name];
  if (code === undefined) fail(`${name} is not a valid value for reduction`);
  return code;
}

function conv(raw, fn) {
  return (input, weight, ...rest) => {
    const o = params(fn, rest, { bias: null, stride: 1, padding: 0, dilation: 1, groups: 1 });
    let mode = 0;
    let padding = o.padding;
    if (typeof padding === 'string') {
      mode = { same: 1, valid: 2 }[padding];
      if (mode === undefined) fail(`Invalid padding string: '${padding}'`);
      padding = [0];
    }
    return adopt(raw(tensorArg(input, 'input', fn), tensorArg(weight, 'weight', fn), optionalTensor(o.bias, 'bias', fn),
      intArg(o.groups, 'groups', fn), mode, sizes(o.stride, 'stride', fn), sizes(padding, 'padding', fn),
      sizes(o.dilation, 'dilation', fn)));
  };
}

// A required argument given by name: F.max_pool2d(x, { kernel_size: 2 }).
function leading(value, rest, name) {
  if (!isOptions(value)) return [value, rest];
  const { [name]: named, ...others } = value;
  return [named, [others]];
}

function maxPool(raw, fn) {
  return (input, kernelSizeArg, ...restArg) => {
    const [kernelSize, rest] = leading(kernelSizeArg, restArg, 'kernel_size');
    const o = params(fn, rest, { stride: null, padding: 0, dilation: 1, ceil_mode: false, return_indices: false });
    const hs = raw(tensorArg(input, 'input', fn), o.ceil_mode, o.return_indices, sizes(kernelSize, 'kernel_size', fn),
      strideArg(o.stride, fn), sizes(o.padding, 'padding', fn), sizes(o.dilation, 'dilation', fn));
    return pooled(hs, o.return_indices);
  };
}

function avgPool(raw, fn, withDivisor) {
  const defaults = { stride: null, padding: 0, ceil_mode: false, count_include_pad: true };
  if (withDivisor) defaults.divisor_override = null;
  return (input, kernelSizeArg, ...restArg) => {
    const [kernelSize, rest] = leading(kernelSizeArg, restArg, 'kernel_size');
    const o = params(fn, rest, defaults);
    const divisor = o.divisor_override === null || o.divisor_override === undefined ? NaN
      : intArg(o.divisor_override, 'divisor_override', fn);
    return adopt(raw(tensorArg(input, 'input', fn), o.ceil_mode, o.count_include_pad, divisor,
      sizes(kernelSize, 'kernel_size', fn), strideArg(o.stride, fn), sizes(o.padding, 'padding', fn)));
  };
}

// output_size entries may be null: "keep that input size", as PyTorch resolves it before the kernel.
function outputSize(input, size, fn) {
  if (!Array.isArray(size)) return sizes(size, 'output_size', fn);
  const shape = input.shape;
  return size.map((s, i) => (s === null ? shape[shape.length - size.length + i] : intArg(s, 'output_size', fn)));
}

const PAD_MODES = { constant: 0, reflect: 1, replicate: 2, circular: 3 };

// Dropout's checks are PyTorch's Python-level ones.
function dropoutArgs(fn, rest) {
  const o = params(fn, rest, { p: 0.5, training: true, inplace: false });
  if (typeof o.p !== 'number' || o.p < 0 || o.p > 1) fail(`dropout probability has to be between 0 and 1, but got ${o.p}`);
  return o;
}
function dropout(raw, fn) {
  return (input, ...rest) => {
    const o = dropoutArgs(fn, rest);
    const h = tensorArg(input, 'input', fn);
    if (!o.inplace) return adopt(raw(h, o.p, o.training));
    // inplace: the input takes the dropped-out values (and, with a graph, their history).
    const y = adopt(raw(h, o.p, o.training));
    try {
      input.copy_(y);
    } finally {
      y.dispose();
    }
    return input;
  };
}

// PyTorch warns when mse_loss, l1_loss, smooth_l1_loss or huber_loss broadcast
// a target of another size (a (N) target for an (N, 1) output is the classic
// slip). Python shows a warning once per calling line; here, once per message.
const warnedTargetSizes = new Set();
export function warnTargetSize(input, target) {
  if (!(input instanceof Tensor) || !(target instanceof Tensor)) return;
  const a = input.shape;
  const b = target.shape;
  if (a.length === b.length && a.every((s, i) => s === b[i])) return;
  const size = (s) => `torch.Size([${s.join(', ')}])`;
  const message = `UserWarning: Using a target size (${size(b)}) that is different to the input size (${size(a)}). `
    + 'This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.';
  if (warnedTargetSizes.has(message)) return;
  warnedTargetSizes.add(message);
  console.warn(message);
}

export const functionalNN = {
  conv1d: conv((...a) => M._conv1d(...a), 'conv1d'),
  conv2d: conv((...a) => M._conv2d(...a), 'conv2d'),
  conv_transpose2d: (input, weight, ...rest) => {
    const fn = 'conv_transpose2d';
    const o = params(fn, rest, { bias: null, stride: 1, padding: 0, output_padding: 0, groups: 1, dilation: 1 });
    return adopt(M._conv_transpose2d(tensorArg(input, 'input', fn), tensorArg(weight, 'weight', fn),
      optionalTensor(o.bias, 'bias', fn), intArg(o.groups, 'groups', fn), sizes(o.stride, 'stride', fn),
      sizes(o.padding, 'padding', fn), sizes(o.output_padding, 'output_padding', fn), sizes(o.dilation, 'dilation', fn)));
  },
  max_pool1d: maxPool((...a) => M._max_pool1d(...a), 'max_pool1d'),
  max_pool2d: maxPool((...a) => M._max_pool2d(...a), 'max_pool2d'),
  avg_pool1d: avgPool((...a) => M._avg_pool1d(...a), 'avg_pool1d', false),
  avg_pool2d: avgPool((...a) => M._avg_pool2d(...a), 'avg_pool2d', true),
  adaptive_avg_pool2d: (input, outputSizeArg, ...rest) => {
    params('adaptive_avg_pool2d', rest, {});
    const h = tensorArg(input, 'input', 'adaptive_avg_pool2d');
    return adopt(M._adaptive_avg_pool2d(h, outputSize(input, outputSizeArg, 'adaptive_avg_pool2d')));
  },
  adaptive_max_pool2d: (input, outputSizeArg, ...rest) => {
    const fn = 'adaptive_max_pool2d';
    const o = params(fn, rest, { return_indices: false });
    const h = tensorArg(input, 'input', fn);
    return pooled(M._adaptive_max_pool2d(h, o.return_indices, outputSize(input, outputSizeArg, fn)), o.return_indices);
  },
  pad: (input, pad, ...rest) => {
    const o = params('pad', rest, { mode: 'constant', value: null });
    const mode = PAD_MODES[o.mode];
    if (mode === undefined) fail(`Unrecognised padding mode ${o.mode}`);
    if (mode !== 0 && o.value !== null && o.value !== 0) fail(`Padding mode "${o.mode}" doesn't take in value argument`);
    const value = o.value === null ? 0 : numberArg(o.value, 'value', 'pad');
    return adopt(M._pad(tensorArg(input, 'input', 'pad'), mode, value, sizes(pad, 'pad', 'pad')));
  },
  batch_norm: (input, runningMean, runningVar, ...rest) => {
    const fn = 'batch_norm';
    const o = params(fn, rest, { weight: null, bias: null, training: false, momentum: 0.1, eps: 1e-5 });
    return adopt(M._batch_norm(tensorArg(input, 'input', fn), optionalTensor(runningMean, 'running_mean', fn),
      optionalTensor(runningVar, 'running_var', fn), optionalTensor(o.weight, 'weight', fn),
      optionalTensor(o.bias, 'bias', fn), Boolean(o.training), o.momentum ?? 0.1, numberArg(o.eps, 'eps', fn)));
  },
  layer_norm: (input, normalizedShape, ...rest) => {
    const fn = 'layer_norm';
    const o = params(fn, rest, { weight: null, bias: null, eps: 1e-5 });
    return adopt(M._layer_norm(tensorArg(input, 'input', fn), sizes(normalizedShape, 'normalized_shape', fn),
      optionalTensor(o.weight, 'weight', fn), optionalTensor(o.bias, 'bias', fn), numberArg(o.eps, 'eps', fn)));
  },
  group_norm: (input, numGroups, ...rest) => {
    const fn = 'group_norm';
    const o = params(fn, rest, { weight: null, bias: null, eps: 1e-5 });
    return adopt(M._group_norm(tensorArg(input, 'input', fn), intArg(numGroups, 'num_groups', fn),
      optionalTensor(o.weight, 'weight', fn), optionalTensor(o.bias, 'bias', fn), numberArg(o.eps, 'eps', fn)));
  },
  embedding: (input, weight, ...rest) => {
    const fn = 'embedding';
    const o = params(fn, rest, { padding_idx: null, max_norm: null, norm_type: 2, scale_grad_by_freq: false, sparse: false });
    if (o.max_norm !== null) fail('embedding(): max_norm is not supported by Gradlab');
    if (o.scale_grad_by_freq || o.sparse) fail('embedding(): scale_grad_by_freq and sparse are not supported by Gradlab');
    const paddingIdx = o.padding_idx === null ? NaN : intArg(o.padding_idx, 'padding_idx', fn);
    return adopt(M._embedding(tensorArg(input, 'input', fn), tensorArg(weight, 'weight', fn), paddingIdx));
  },
  one_hot: (input, ...rest) => {
    const o = params('one_hot', rest, { num_classes: -1 });
    return adopt(M._one_hot(tensorArg(input, 'input', 'one_hot'), intArg(o.num_classes, 'num_classes', 'one_hot')));
  },
  // The op table's gelu with PyTorch's `approximate`: the engine has the erf form only,
  // and the tanh form must not come back as silently different numbers.
  gelu: (input, ...rest) => {
    const o = params('gelu', rest, { approximate: 'none' });
    if (o.approximate !== 'none') fail(`gelu: approximate='${o.approximate}' is not supported by Gradlab`);
    tensorArg(input, 'input', 'gelu');
    return input.gelu();
  },
  dropout: dropout((h, p, t) => M._dropout(h, p, t), 'dropout'),
  dropout2d: dropout((h, p, t) => M._dropout2d(h, p, t), 'dropout2d'),
  cosine_similarity: (x1, x2, ...rest) => {
    const fn = 'cosine_similarity';
    const o = params(fn, rest, { dim: 1, eps: 1e-8 });
    return adopt(M._cosine_similarity(tensorArg(x1, 'x1', fn), tensorArg(x2, 'x2', fn), intArg(o.dim, 'dim', fn),
      numberArg(o.eps, 'eps', fn)));
  },
  smooth_l1_loss: (input, target, ...rest) => {
    const fn = 'smooth_l1_loss';
    warnTargetSize(input, target);
    const o = params(fn, rest, { size_average: null, reduce: null, reduction: 'mean', beta: 1.0 });
    return adopt(M._smooth_l1_loss(tensorArg(input, 'input', fn), tensorArg(target, 'target', fn),
      reduction(o.reduction), numberArg(o.beta, 'beta', fn)));
  },
  huber_loss: (input, target, ...rest) => {
    const fn = 'huber_loss';
    warnTargetSize(input, target);
    const o = params(fn, rest, { reduction: 'mean', delta: 1.0 });
    return adopt(M._huber_loss(tensorArg(input, 'input', fn), tensorArg(target, 'target', fn),
      reduction(o.reduction), numberArg(o.delta, 'delta', fn)));
  },
  kl_div: (input, target, ...rest) => {
    const fn = 'kl_div';
    const o = params(fn, rest, { size_average: null, reduce: null, reduction: 'mean', log_target: false });
    return adopt(M._kl_div(tensorArg(input, 'input', fn), tensorArg(target, 'target', fn),
      reduction(o.reduction, { batchmean: 3 }), Boolean(o.log_target)));
  },
};
