// The `torch` namespace: creation functions, the function form of every
// tensor op, grad mode, autograd, nn, optim, printing and memory.
import { bufferFor, dtypeCode, flattenData, isOptions, optionsArg, sizesOf, splitOptions } from './args.js';
import * as autograd from './autograd.js';
import { capture } from './capture.js';
import { installFunctionForms } from './install.js';
import { functional } from './functional.js';
import { NDArray } from './ndarray.js';
import { nn, torchRef } from './nn.js';
import { nnLayers } from './nn-layers.js';
import { nnConv } from './nn-conv.js';
import { nnNorm } from './nn-norm.js';
import { init } from './init.js';
import { optim } from './optim.js';
import { data, setDataTorch } from './data.js';
import { multinomial, randperm } from './sampling.js';
import { M, check, fail, keep, live, tidy } from './runtime.js';
import { Tensor, adopt, fromHandle, printStyle } from './tensor.js';
import { factory, withOperands, wrappedNumber } from './tensor-ops.js';

const LEGACY_NONE = 0, LEGACY_TENSOR = 1, LEGACY_VARIABLE = 2;

function applyOptions(t, options) {
  if (options.requires_grad && !t.is_floating_point()) {
    t.dispose();
    fail('Only Tensors of floating point and complex dtype can require gradients');
  }
  if (options.requires_grad) t.requires_grad = true;
  if (options.volatile) t.volatile = true;
  return t;
}

function fromData(data, options = {}, legacy = LEGACY_NONE, defaultCode = undefined) {
  if (data instanceof Tensor) {
    const t = options.dtype !== undefined ? data.detach().to(options.dtype) : data.detach().clone();
    return applyOptions(t, options);
  }
  if (data instanceof NDArray) data = new NDArrayData(data);
  const { flat, shape, dtype } = data instanceof NDArrayData ? data : flattenData(data);
  const code = dtypeCode(options.dtype, defaultCode ?? dtype);
  const h = M._from_data(bufferFor(flat, code), shape, code, legacy);
  return applyOptions(adopt(h), options);
}

// An NDArray seen as {flat, shape, dtype code}.
const DT = { float32: 0, float64: 1, int64: 2, bool: 3 };
class NDArrayData {
  constructor(a) {
    const d = a._data;
    this.flat = d instanceof BigInt64Array ? Float64Array.from(d, Number) : d;
    this.shape = a.shape;
    this.dtype = DT[a.dtype];
  }
}

// Sizes never end in a boolean: that is `requires_grad=true` written as in Python.
function sizedOptions(args, name) {
  if (typeof args[args.length - 1] === 'boolean') optionsArg(args[args.length - 1], `${name}()`);
  return splitOptions(args);
}

function creation(name, raw) {
  return (...args) => {
    const [sizes, options] = sizedOptions(args, name);
    return applyOptions(adopt(raw(sizesOf(sizes), dtypeCode(options.dtype))), options);
  };
}

// A dtype option makes the tensor in that dtype, as PyTorch does (rand_like of an int64
// tensor with dtype float32 draws float32 values): the engine makes it like a converted,
// detached copy of t, which has t's shape and layout.
function likeCreation(name, raw) {
  return (t, options) => {
    options = optionsArg(options, `${name}()`);
    if (options.dtype === undefined || dtypeCode(options.dtype) === dtypeCode(t.dtype)) {
      return applyOptions(adopt(raw(t._handle())), options);
    }
    const like = autograd.no_grad(() => t.to(options.dtype));
    try {
      return applyOptions(adopt(raw(like._handle())), options);
    } finally {
      like.dispose();
    }
  };
}

function legacyConstructor(dtype) {
  return (...args) => {
    const isSizes = args.length > 0 && args.every((a) => Number.isInteger(a));
    const t = isSizes ? torch.zeros(args, { dtype }) : fromData(args[0] ?? [], { dtype }, LEGACY_TENSOR);
    if (isSizes) M._set_legacy(t._handle(), LEGACY_TENSOR);
    return t;
  };
}

/** Variable(tensor, {requires_grad, volatile}): PyTorch 0.3's wrapper; shares the tensor's storage. */
export function Variable(data, options) {
  options = optionsArg(options, 'Variable()');
  const t = data instanceof Tensor ? data.detach() : fromData(data, {});
  M._set_legacy(t._handle(), LEGACY_VARIABLE);
  return applyOptions(t, options);
}

const torchPrintOptions = { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80, sci_mode: null, style: 'auto' };
const PROFILES = {
  default: { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80 },
  short: { precision: 2, threshold: 1000, edgeitems: 2, linewidth: 80 },
  full: { precision: 4, threshold: Infinity, edgeitems: 3, linewidth: 80 },
};

export const torch = {
  Tensor,
  NDArray,
  float32: 'float32', float: 'float32', float64: 'float64', double: 'float64', int64: 'int64', long: 'int64', bool: 'bool',

  tensor: (data, options) => fromData(data, optionsArg(options, 'tensor()')),
  as_tensor: (data, options) => fromData(data, optionsArg(options, 'as_tensor()')),
  from_numpy: (array) => {
    if (!(array instanceof NDArray)) fail('from_numpy expects an NDArray');
    return fromData(array, {});
  },
  FloatTensor: legacyConstructor('float32'),
  DoubleTensor: legacyConstructor('float64'),
  LongTensor: legacyConstructor('int64'),
  zeros: creation('zeros', (s, d) => M._zeros(s, d)),
  ones: creation('ones', (s, d) => M._ones(s, d)),
  empty: creation('empty', (s, d) => M._empty(s, d)),
  rand: creation('rand', (s, d) => M._rand(s, d)),
  randn: creation('randn', (s, d) => M._randn(s, d)),
  full: (size, value, options) => {
    options = optionsArg(options, 'full()');
    const code = dtypeCode(options.dtype, typeof value === 'boolean' ? 3 : -1);
    return applyOptions(adopt(M._full(sizesOf([size]), Number(value), code)), options);
  },
  randint: (low, high, size, options) => {
    if (size === undefined || isOptions(size)) [low, high, size, options] = [0, low, high, size];
    options = optionsArg(options, 'randint()');
    return applyOptions(adopt(M._randint(low, high, sizesOf([size]), dtypeCode(options.dtype, 2))), options);
  },
  arange: (...args) => {
    const [nums, options] = sizedOptions(args, 'arange');
    const [start, end, step] = nums.length === 1 ? [0, nums[0], 1] : [nums[0], nums[1], nums[2] ?? 1];
    const allInts = nums.every(Number.isInteger);
    return applyOptions(adopt(M._arange(start, end, step, dtypeCode(options.dtype, allInts ? 2 : 0))), options);
  },
  linspace: (start, end, steps, options) => {
    options = optionsArg(options, 'linspace()');
    return applyOptions(adopt(M._linspace(start, end, steps, dtypeCode(options.dtype))), options);
  },
  eye: (n, m, options) => {
    if (isOptions(m)) [m, options] = [undefined, m];
    options = optionsArg(options, 'eye()');
    return applyOptions(adopt(M._eye(n, m ?? -1, dtypeCode(options.dtype))), options);
  },
  zeros_like: likeCreation('zeros_like', (h) => M._zeros_like(h)),
  ones_like: likeCreation('ones_like', (h) => M._ones_like(h)),
  rand_like: likeCreation('rand_like', (h) => M._rand_like(h)),
  randn_like: likeCreation('randn_like', (h) => M._randn_like(h)),
  full_like: (t, value, options) => applyOptions(adopt(M._full_like(t._handle(), value)), optionsArg(options, 'full_like()')),
  manual_seed: (seed) => {
    if (!Number.isInteger(seed)) fail('manual_seed expected an integer seed');
    M._manual_seed(seed);
  },

  where: (condition, a, b) => withOperands([condition, a, b], (c, x, y) => M._where(c, x, y)),
  allclose: (a, b, options) => a.allclose(b, options),
  cat: (tensors, dim = 0) => adopt(M._cat(handlesOf(tensors, 'cat'), dim)),
  concat: (tensors, dim = 0) => torch.cat(tensors, dim),
  stack: (tensors, dim = 0) => adopt(M._stack(handlesOf(tensors, 'stack'), dim)),

  no_grad: autograd.no_grad,
  enable_grad: autograd.enable_grad,
  set_grad_enabled: autograd.set_grad_enabled,
  is_grad_enabled: autograd.is_grad_enabled,
  autograd: { grad: autograd.grad, gradcheck: autograd.gradcheck, Variable },

  nn,
  optim,
  utils: { data },
  randperm,
  multinomial,

  /** PyTorch's print options plus style: 'modern' | 'legacy' (0.3) | 'auto' (per tensor). */
  set_printoptions: (options = {}) => {
    const { profile, ...rest } = options;
    if (profile !== undefined) {
      if (!(profile in PROFILES)) fail(`unknown print profile '${profile}'`);
      Object.assign(torchPrintOptions, PROFILES[profile]);
    }
    for (const key of Object.keys(rest)) {
      if (!(key in torchPrintOptions)) fail(`set_printoptions() got an unexpected keyword argument '${key}'`);
    }
    Object.assign(torchPrintOptions, rest);
    const o = torchPrintOptions;
    const sci = o.sci_mode === null || o.sci_mode === undefined ? -1 : o.sci_mode ? 1 : 0;
    M._set_torch_printoptions(o.precision, Math.min(o.threshold, 1e15), o.edgeitems, o.linewidth, sci);
    const styles = { auto: -1, modern: 0, legacy: 1 };
    if (!(o.style in styles)) fail(`unknown print style '${o.style}' (expected 'modern', 'legacy' or 'auto')`);
    printStyle.value = styles[o.style];
  },

  tidy,
  keep,
  /**
   * {tensors: live JS tensor handles, bytes: bytes of tensor storage held by the engine,
   * nodes: live grad_fn node handles, hooks: hook functions the engine still holds}.
   */
  memory: () => ({ tensors: live.tensors, bytes: M._memory_bytes(), nodes: live.nodes, hooks: live.hooks }),
  /** Size of the WebAssembly memory (it only grows), for leak tests. */
  _heap_bytes: () => M.HEAP8.buffer.byteLength,
  /** Capture mode, for the playground's Graph pane (internal; see capture.js). */
  _capture: capture,
  dispose: (tensors) => {
    for (const t of Array.isArray(tensors) ? tensors : [tensors]) t?.dispose?.();
  },
};

function handlesOf(tensors, op) {
  if (!Array.isArray(tensors)) fail(`${op}(): argument 'tensors' must be an array of Tensors`);
  return tensors.map((t) => {
    if (!(t instanceof Tensor)) fail(`${op}(): expected a Tensor in the list, got ${typeof t}`);
    return t._handle();
  });
}

// Function forms of the tensor methods, from the op table: torch.add(a, b) ==
// a.add(b); a number as the first operand becomes a 0-d tensor for the
// duration of the call, as PyTorch wraps a Python scalar.
installFunctionForms(torch, Tensor, (x) => (typeof x === 'number' ? wrappedNumber(x) : fromData(x)));
// torch.pow(number, tensor) is PyTorch's pow(Scalar, Tensor), whose node is PowBackward2.
const powOfTensor = torch.pow;
torch.pow = (input, exponent) => (typeof input === 'number' && exponent instanceof Tensor
  ? adopt(M._rpow_scalar(exponent._handle(), input))
  : powOfTensor(input, exponent));

torch.nn.functional = functional;
factory.tensor = (x, options) => fromData(x, options);
torchRef.torch = torch;
Object.assign(torch.nn, nnLayers, nnConv, nnNorm, { init });
setDataTorch(torch);
autograd.hooks.torch = torch;
