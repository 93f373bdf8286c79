// The engine's raw op functions, made from the op table (engine/ops.def):
// for each row, `M._<name>(...)` writes its arguments into the engine's
// scratch area of doubles and calls the one exported entry point gl_call
// with the row's id. The argument order of each signature class is the one
// the rest of the package (and the Python layer) calls them with; the layout
// in the scratch area is the one wasm/adapters/signatures.h reads.
import { OPS } from 'gradlab:op-table';
import { rememberCallbackError } from './runtime.js';

let M = null;
let call = null;
let scratchAt = null;
let scratchSize = null;
let A = new Float64Array(0);

// The scratch area as a Float64Array of at least n doubles. Growing the wasm
// memory detaches the old view (length 0), so it is renewed then too.
function scratch(n) {
  if (A.length < n) {
    const base = scratchAt(n);
    A = new Float64Array(M.HEAPF64.buffer, base, scratchSize());
  }
  return A;
}

// Writes list into the scratch area at i as a count then its elements.
function putList(a, i, list) {
  const n = list.length;
  if (a.length < i + 1 + n) a = scratch(i + 1 + n);
  a[i] = n;
  for (let k = 0; k < n; k++) a[i + 1 + k] = list[k];
}

// Writes several lists back to back from i (dispatch_nn.cpp reads them in order).
function putLists(a, i, lists) {
  for (const list of lists) {
    putList(a, i, list);
    a = scratch(0);
    i += 1 + list.length;
  }
}

// The handles an op wrote back to the scratch area (split, chunk, max(dim)).
function handles(count) {
  if (count === 0 && M.HEAP32[errorIndex] !== 0) return undefined;
  const a = scratch(count);
  return Array.from(a.subarray(0, count));
}
let errorIndex = 0;

const SIGNATURES = {
  unary: (id) => (h) => { const a = scratch(1); a[0] = h; return call(id); },
  binary: (id) => (h, b) => { const a = scratch(2); a[0] = h; a[1] = b; return call(id); },
  binary_number: (id) => (h, x) => { const a = scratch(2); a[0] = h; a[1] = x; return call(id); },
  binary_num: (id) => (h, b, x) => { const a = scratch(3); a[0] = h; a[1] = b; a[2] = x; return call(id); },
  ternary: (id) => (h, b, c) => { const a = scratch(3); a[0] = h; a[1] = b; a[2] = c; return call(id); },
  num: (id) => (h, x) => { const a = scratch(2); a[0] = h; a[1] = x; return call(id); },
  num2: (id) => (h, x, y) => { const a = scratch(3); a[0] = h; a[1] = x; a[2] = y; return call(id); },
  num_flag: (id) => (h, x, k) => { const a = scratch(3); a[0] = h; a[1] = x; a[2] = k ? 1 : 0; return call(id); },
  int1: (id) => (h, d) => { const a = scratch(2); a[0] = h; a[1] = d; return call(id); },
  int2: (id) => (h, d, e) => { const a = scratch(3); a[0] = h; a[1] = d; a[2] = e; return call(id); },
  int3: (id) => (h, d, e, f) => { const a = scratch(4); a[0] = h; a[1] = d; a[2] = e; a[3] = f; return call(id); },
  int_flag: (id) => (h, d, k) => { const a = scratch(3); a[0] = h; a[1] = d; a[2] = k ? 1 : 0; return call(id); },
  sizes: (id) => (h, sizes) => { const a = scratch(2); a[0] = h; putList(a, 1, sizes); return call(id); },
  dims_flag: (id) => (h, dims, k) => { const a = scratch(3); a[0] = h; a[1] = k ? 1 : 0; putList(a, 2, dims); return call(id); },
  dims_2flags: (id) => (h, dims, x, k) => {
    const a = scratch(4); a[0] = h; a[1] = x ? 1 : 0; a[2] = k ? 1 : 0; putList(a, 3, dims); return call(id);
  },
  dim_index: (id) => (h, d, i) => { const a = scratch(3); a[0] = h; a[1] = d; a[2] = i; return call(id); },
  dim_index_src: (id) => (h, d, i, s) => { const a = scratch(4); a[0] = h; a[1] = d; a[2] = i; a[3] = s; return call(id); },
  loss: (id) => (h, t, r) => { const a = scratch(3); a[0] = h; a[1] = t; a[2] = r; return call(id); },
  creation: (id) => (sizes, dtype) => { const a = scratch(2); a[0] = dtype; putList(a, 1, sizes); return call(id); },
};

function clampCall(id, h, lo, hi) {
  const a = scratch(4);
  a[0] = h; a[1] = lo ?? 0; a[2] = hi ?? 0; a[3] = (lo == null ? 0 : 1) | (hi == null ? 0 : 2);
  return call(id);
}

// The `custom` rows, by name, with their argument order.
const CUSTOM = {
  full: (id) => (sizes, value, dtype) => { const a = scratch(3); a[0] = dtype; a[1] = value; putList(a, 2, sizes); return call(id); },
  arange: (id) => (start, end, step, dtype) => { const a = scratch(4); a[0] = start; a[1] = end; a[2] = step; a[3] = dtype; return call(id); },
  linspace: (id) => (start, end, steps, dtype) => { const a = scratch(4); a[0] = start; a[1] = end; a[2] = steps; a[3] = dtype; return call(id); },
  eye: (id) => (n, m, dtype) => { const a = scratch(3); a[0] = n; a[1] = m; a[2] = dtype; return call(id); },
  randint: (id) => (low, high, sizes, dtype) => { const a = scratch(4); a[0] = low; a[1] = high; a[2] = dtype; putList(a, 3, sizes); return call(id); },
  scalar: (id) => (value, dtype, wrapped) => { const a = scratch(3); a[0] = value; a[1] = dtype; a[2] = wrapped ? 1 : 0; return call(id); },
  wrapped_number: (id) => (value) => { const a = scratch(1); a[0] = value; return call(id); },
  manual_seed: (id) => (seed) => { const a = scratch(1); a[0] = seed; call(id); },
  allclose: (id) => (h, b, rtol, atol, nan) => {
    const a = scratch(5); a[0] = h; a[1] = b; a[2] = rtol; a[3] = atol; a[4] = nan ? 1 : 0; return call(id) !== 0;
  },
  // A missing bound (null or undefined) is flagged, so a NaN bound stays a bound.
  clamp: (id) => (h, lo, hi) => clampCall(id, h, lo, hi),
  clamp_: (id) => (h, lo, hi) => clampCall(id, h, lo, hi),
  norm: (id) => (h, p, dims, k) => { const a = scratch(4); a[0] = h; a[1] = p; a[2] = k ? 1 : 0; putList(a, 3, dims); return call(id); },
  // Sampling and the optimizers' fused updates (issue 15, h15-train).
  randperm: (id) => (n, dtype, seedHandle) => { const a = scratch(3); a[0] = n; a[1] = dtype; a[2] = seedHandle; return call(id); },
  multinomial: (id) => (h, n, replacement) => { const a = scratch(3); a[0] = h; a[1] = n; a[2] = replacement ? 1 : 0; return call(id); },
  random_: (id) => (h, mode, from, to) => { const a = scratch(4); a[0] = h; a[1] = mode; a[2] = from; a[3] = to; return call(id); },
  addcmul_: (id) => (h, t1, t2, value) => { const a = scratch(4); a[0] = h; a[1] = t1; a[2] = t2; a[3] = value; return call(id); },
  addcdiv_: (id) => (h, t1, t2, value) => { const a = scratch(4); a[0] = h; a[1] = t1; a[2] = t2; a[3] = value; return call(id); },
  max: (id) => (h, d, k) => { const a = scratch(3); a[0] = h; a[1] = d; a[2] = k ? 1 : 0; return handles(call(id)); },
  min: (id) => (h, d, k) => { const a = scratch(3); a[0] = h; a[1] = d; a[2] = k ? 1 : 0; return handles(call(id)); },
  cat: (id) => (hs, dim) => { const a = scratch(2); a[0] = dim; putList(a, 1, hs); return call(id); },
  stack: (id) => (hs, dim) => { const a = scratch(2); a[0] = dim; putList(a, 1, hs); return call(id); },
  split: (id) => (h, size, dim) => { const a = scratch(3); a[0] = h; a[1] = size; a[2] = dim; return handles(call(id)); },
  split_sizes: (id) => (h, sizes, dim) => { const a = scratch(3); a[0] = h; a[1] = dim; putList(a, 2, sizes); return handles(call(id)); },
  chunk: (id) => (h, chunks, dim) => { const a = scratch(3); a[0] = h; a[1] = chunks; a[2] = dim; return handles(call(id)); },
  to: (id) => (h, dtype) => { const a = scratch(2); a[0] = h; a[1] = dtype; return call(id); },
  index: (id) => (h, items) => { const a = scratch(2); a[0] = h; putList(a, 1, items); return call(id); },
  index_tensors: (id) => (h, indices) => { const a = scratch(2); a[0] = h; putList(a, 1, indices); return call(id); },
  index_put: (id) => (h, indices, values, accumulate) => {
    const a = scratch(4); a[0] = h; a[1] = values; a[2] = accumulate ? 1 : 0; putList(a, 3, indices); return call(id);
  },
  index_put_: (id) => (h, indices, values, accumulate) => {
    const a = scratch(4); a[0] = h; a[1] = values; a[2] = accumulate ? 1 : 0; putList(a, 3, indices); return call(id);
  },
  nll_loss: (id) => (h, t, w, r, ignore) => {
    const a = scratch(5); a[0] = h; a[1] = t; a[2] = w; a[3] = r; a[4] = ignore; return call(id);
  },
  cross_entropy: (id) => (h, t, w, r, ignore, smoothing) => {
    const a = scratch(6); a[0] = h; a[1] = t; a[2] = w; a[3] = r; a[4] = ignore; a[5] = smoothing; return call(id);
  },
  // dispatch_nn.cpp: convolution, pooling, padding, normalisation, lookups, losses, sorting.
  conv1d: (id) => (h, w, b, groups, mode, stride, padding, dilation) => {
    const a = scratch(5); a[0] = h; a[1] = w; a[2] = b; a[3] = groups; a[4] = mode;
    putLists(a, 5, [stride, padding, dilation]); return call(id);
  },
  conv_transpose2d: (id) => (h, w, b, groups, stride, padding, outputPadding, dilation) => {
    const a = scratch(4); a[0] = h; a[1] = w; a[2] = b; a[3] = groups;
    putLists(a, 4, [stride, padding, outputPadding, dilation]); return call(id);
  },
  max_pool1d: (id) => (h, ceil, withIndices, kernel, stride, padding, dilation) => {
    const a = scratch(3); a[0] = h; a[1] = ceil ? 1 : 0; a[2] = withIndices ? 1 : 0;
    putLists(a, 3, [kernel, stride, padding, dilation]); return handles(call(id));
  },
  avg_pool1d: (id) => (h, ceil, countIncludePad, divisor, kernel, stride, padding) => {
    const a = scratch(4); a[0] = h; a[1] = ceil ? 1 : 0; a[2] = countIncludePad ? 1 : 0; a[3] = divisor;
    putLists(a, 4, [kernel, stride, padding]); return call(id);
  },
  adaptive_avg_pool2d: (id) => (h, size) => { const a = scratch(1); a[0] = h; putList(a, 1, size); return call(id); },
  adaptive_max_pool2d: (id) => (h, withIndices, size) => {
    const a = scratch(2); a[0] = h; a[1] = withIndices ? 1 : 0; putList(a, 2, size); return handles(call(id));
  },
  pad: (id) => (h, mode, value, pad) => { const a = scratch(3); a[0] = h; a[1] = mode; a[2] = value; putList(a, 3, pad); return call(id); },
  batch_norm: (id) => (h, mean, v, w, b, training, momentum, eps) => {
    const a = scratch(8); a[0] = h; a[1] = mean; a[2] = v; a[3] = w; a[4] = b; a[5] = training ? 1 : 0; a[6] = momentum; a[7] = eps;
    return call(id);
  },
  layer_norm: (id) => (h, shape, w, b, eps) => {
    const a = scratch(4); a[0] = h; a[1] = w; a[2] = b; a[3] = eps; putList(a, 4, shape); return call(id);
  },
  group_norm: (id) => (h, groups, w, b, eps) => { const a = scratch(5); a[0] = h; a[1] = groups; a[2] = w; a[3] = b; a[4] = eps; return call(id); },
  embedding: (id) => (idx, w, paddingIdx) => { const a = scratch(3); a[0] = idx; a[1] = w; a[2] = paddingIdx; return call(id); },
  smooth_l1_loss: (id) => (h, t, r, beta) => { const a = scratch(4); a[0] = h; a[1] = t; a[2] = r; a[3] = beta; return call(id); },
  kl_div: (id) => (h, t, r, logTarget) => { const a = scratch(4); a[0] = h; a[1] = t; a[2] = r; a[3] = logTarget ? 1 : 0; return call(id); },
  sort: (id) => (h, dim, descending, stable) => {
    const a = scratch(4); a[0] = h; a[1] = dim; a[2] = descending ? 1 : 0; a[3] = stable; return handles(call(id));
  },
  argsort: (id) => (h, dim, descending, stable) => {
    const a = scratch(4); a[0] = h; a[1] = dim; a[2] = descending ? 1 : 0; a[3] = stable ? 1 : 0; return call(id);
  },
  topk: (id) => (h, k, dim, largest, sorted) => {
    const a = scratch(5); a[0] = h; a[1] = k; a[2] = dim; a[3] = largest ? 1 : 0; a[4] = sorted ? 1 : 0; return handles(call(id));
  },
  cosine_similarity: (id) => (x1, x2, dim, eps) => { const a = scratch(4); a[0] = x1; a[1] = x2; a[2] = dim; a[3] = eps; return call(id); },
  bincount: (id) => (h, w, minlength) => { const a = scratch(3); a[0] = h; a[1] = w; a[2] = minlength; return call(id); },
  cumprod: (id) => (h, dim, dtype) => { const a = scratch(3); a[0] = h; a[1] = dim; a[2] = dtype; return call(id); },
};

CUSTOM.conv2d = CUSTOM.conv1d;
CUSTOM.max_pool2d = CUSTOM.max_pool1d;
CUSTOM.avg_pool2d = CUSTOM.avg_pool1d;
CUSTOM.huber_loss = CUSTOM.smooth_l1_loss;

// The engine's other services (wasm/bindings.cpp, gl_service(id)), in the
// order of its table. Each `_name` below takes and returns what the rest of
// the package (and the Python layer) expects: numbers, booleans, strings,
// arrays of handles and TypedArrays.
const SERVICES = ['error_flag_address', 'take_error', 'stage', 'share', 'memory_bytes',
  'from_data', 'copy_out', 'meta', 'flags', 'version', 'item', 'set_requires_grad',
  'set_volatile', 'set_legacy', 'grad', 'set_grad', 'retain_grad', 'detach', 'detach_',
  'data', 'same_storage', 'impl_address', 'grad_address',
  'repr', 'array_str', 'set_torch_printoptions', 'set_numpy_printoptions',
  'backward', 'autograd_grad', 'register_hook', 'remove_hook', 'gradcheck', 'grad_fn',
  'node_name', 'node_address', 'node_next', 'node_variable', 'node_free', 'is_grad_enabled',
  'set_grad_enabled', 'custom_function',
  'capture_start', 'capture_stop', 'capture_enabled', 'capture_name', 'capture_read',
  'capture_graph', 'capture_preview'];
const SVC = Object.fromEntries(SERVICES.map((name, id) => [name, id]));
let service = null;

const failed = () => M.HEAP32[errorIndex] !== 0;
const flag = (x) => (x ? 1 : 0);

// Writes numbers then lists into the scratch area, sized for all of it first
// (growing it moves it, which would strand a view taken before).
function args(numbers, ...lists) {
  let n = numbers.length;
  for (const l of lists) n += 1 + l.length;
  const a = scratch(n);
  let i = 0;
  for (const x of numbers) a[i++] = x;
  for (const l of lists) {
    a[i++] = l.length;
    for (let k = 0; k < l.length; k++) a[i++] = l[k];
  }
  return a;
}

// A service's text result: its length returned, its address in scratch[0].
const decoder = new TextDecoder();
const encoder = new TextEncoder();
function text(n) {
  if (failed()) return '';
  const at = scratch(1)[0];
  return decoder.decode(M.HEAPU8.subarray(at, at + n));
}

// Copies values into the staging buffer as the engine reads them for `dtype`
// (float32, float64, int64 as doubles, bool as bytes).
function stageValues(data, dtype) {
  const n = data.length;
  const size = dtype === 0 ? 4 : dtype === 3 ? 1 : 8;
  scratch(1)[0] = n * size;
  const at = service(SVC.stage);
  if (dtype === 0) M.HEAPF32.set(data, at >> 2);
  else if (dtype === 3) M.HEAPU8.set(data, at);
  else M.HEAPF64.set(data, at >> 3);
}

// The JS functions the engine calls back (EM_JS in adapters/autograd_adapters.cpp).
let hookCall = null;
let hookDrop = null;
let functionCall = null;
let gradcheckFn = null;

function installServices() {
  const count = M._gl_service(-1);
  if (count !== SERVICES.length) throw new Error(`gradlab.wasm has ${count} services, its JS table ${SERVICES.length}: rebuild the package`);
  service = M._gl_service;
  const one = (id) => (h) => { scratch(1)[0] = h; return service(id); };
  const two = (id) => (h, x) => { const a = scratch(2); a[0] = h; a[1] = x; return service(id); };
  const setFlag = (id) => (h, v) => { const a = scratch(2); a[0] = h; a[1] = flag(v); service(id); };
  Object.assign(M, {
    _error_flag_address: () => service(SVC.error_flag_address),
    _take_error: () => text(service(SVC.take_error)),
    _share: one(SVC.share),
    _memory_bytes: () => service(SVC.memory_bytes),
    _from_data: (data, shape, dtype, legacy) => {
      stageValues(data, dtype);
      args([dtype, legacy, data.length], shape);
      return service(SVC.from_data);
    },
    _copy_out: (h) => {
      const n = one(SVC.copy_out)(h);
      if (failed()) return undefined;
      const a = scratch(2);
      const at = a[0];
      switch (a[1]) {
        case 0: return M.HEAPF32.slice(at >> 2, (at >> 2) + n);
        case 3: return M.HEAPU8.slice(at, at + n);
        default: return M.HEAPF64.slice(at >> 3, (at >> 3) + n);
      }
    },
    _meta: (h) => {
      const n = one(SVC.meta)(h);
      return Array.from(scratch(n).subarray(0, n));
    },
    _flags: one(SVC.flags),
    _version: one(SVC.version),
    _item: one(SVC.item),
    _set_requires_grad: setFlag(SVC.set_requires_grad),
    _set_volatile: setFlag(SVC.set_volatile),
    _set_legacy: two(SVC.set_legacy),
    _grad: one(SVC.grad),
    _set_grad: two(SVC.set_grad),
    _retain_grad: one(SVC.retain_grad),
    _detach: one(SVC.detach),
    _detach_: one(SVC.detach_),
    _data: one(SVC.data),
    _same_storage: (h, g) => two(SVC.same_storage)(h, g) !== 0,
    _impl_address: one(SVC.impl_address),
    _grad_address: one(SVC.grad_address),
    _repr: (h, style) => text(two(SVC.repr)(h, style)),
    _array_str: (data, shape, dtype, legacy, asRepr) => {
      stageValues(data, dtype);
      args([dtype, flag(legacy), flag(asRepr), data.length], shape);
      return text(service(SVC.array_str));
    },
    _set_torch_printoptions: (precision, threshold, edgeitems, linewidth, sciMode) => {
      args([precision, threshold, edgeitems, linewidth, sciMode]);
      service(SVC.set_torch_printoptions);
    },
    _set_numpy_printoptions: (precision, threshold, edgeitems, linewidth, suppress, legacy113) => {
      args([precision, threshold, edgeitems, linewidth, flag(suppress), flag(legacy113)]);
      service(SVC.set_numpy_printoptions);
    },
    _backward: (roots, grads, retainGraph, createGraph) => {
      args([flag(retainGraph), flag(createGraph)], roots, grads);
      service(SVC.backward);
    },
    _autograd_grad: (outputs, inputs, gradOutputs, retainGraph, createGraph, allowUnused) => {
      args([flag(retainGraph), flag(createGraph), flag(allowUnused)], outputs, inputs, gradOutputs);
      return handles(service(SVC.autograd_grad));
    },
    // call(id, gradHandle) for hooks, drop(id) for hooks and custom Functions,
    // fn(id, gradHandles) -> the input gradients' handles for a custom Function.
    _set_hook_functions: (call, drop, fn) => { hookCall = call; hookDrop = drop; functionCall = fn ?? null; },
    _custom_function: (id, name, inputs, outputs, saved, savedOutputs) => {
      const bytes = encoder.encode(name);
      scratch(1)[0] = bytes.length;
      const at = service(SVC.stage);
      M.HEAPU8.set(bytes, at);
      args([id, bytes.length], inputs, outputs, saved, savedOutputs);
      service(SVC.custom_function);
    },
    _register_hook: two(SVC.register_hook),
    _remove_hook: (h, id) => { two(SVC.remove_hook)(h, id); },
    _gradcheck: (fn, inputs, eps, atol, rtol) => {
      const outer = gradcheckFn;
      gradcheckFn = fn;
      try {
        args([eps, atol, rtol], inputs);
        return service(SVC.gradcheck) !== 0;
      } finally {
        gradcheckFn = outer;
      }
    },
    _grad_fn: one(SVC.grad_fn),
    _node_name: (n) => text(one(SVC.node_name)(n)),
    _node_address: one(SVC.node_address),
    _node_next: (n) => {
      const count = one(SVC.node_next)(n);
      return Array.from(scratch(count).subarray(0, count));
    },
    _node_variable: one(SVC.node_variable),
    _node_free: (n) => { one(SVC.node_free)(n); },
    _is_grad_enabled: () => service(SVC.is_grad_enabled) !== 0,
    _set_grad_enabled: (v) => { scratch(1)[0] = flag(v); service(SVC.set_grad_enabled); },
    _capture_start: () => { service(SVC.capture_start); },
    _capture_stop: () => { service(SVC.capture_stop); },
    _capture_enabled: () => service(SVC.capture_enabled) !== 0,
    _capture_name: (h, label) => {
      const bytes = encoder.encode(label);
      scratch(1)[0] = bytes.length;
      const at = service(SVC.stage);
      M.HEAPU8.set(bytes, at);
      two(SVC.capture_name)(h, bytes.length);
    },
    _capture_read: () => text(service(SVC.capture_read)),
    _capture_graph: (h, maxNodes) => text(two(SVC.capture_graph)(h, maxNodes)),
    _capture_preview: (h) => text(one(SVC.capture_preview)(h)),
  });
  // Called from C++; none may throw into the engine's frames: a failure is -1,
  // and the JS error is kept to be rethrown once the engine has unwound.
  M.glHooks = {
    call(id, gradHandle) {
      try {
        return hookCall(id, gradHandle);
      } catch (error) {
        rememberCallbackError(error);
        return -1;
      }
    },
    drop(id) {
      try {
        hookDrop(id);
      } catch (error) {
        rememberCallbackError(error);
      }
    },
    function(id, n) {
      try {
        const r = functionCall(id, Array.from(scratch(n).subarray(0, n)));
        if (typeof r === 'number') return -1;  // the host kept its own exception
        args([], r).copyWithin(0, 1, 1 + r.length);
        return r.length;
      } catch (error) {
        rememberCallbackError(error);
        return -1;
      }
    },
    gradcheck(n) {
      try {
        const r = gradcheckFn(Array.from(scratch(n).subarray(0, n)));
        if (typeof r === 'number') return -1;
        args([], r).copyWithin(0, 1, 1 + r.length);
        return r.length;
      } catch (error) {
        rememberCallbackError(error);
        return -1;
      }
    },
  };
}

/** Puts `_<name>` for every op of the table and every engine service on the module, and `_free_tensor`. */
export function installRaw(module) {
  M = module;
  // Emscripten's `_gl_*` functions forward through Function.apply until
  // their first call, which puts the wasm export itself on the module; each
  // is called once here (harmlessly) and captured. A caller that wraps the
  // raw functions (tests/js/boundary.test.js counts calls) sees one call per op.
  const count = M._gl_call(-1);
  if (count !== OPS.length) throw new Error(`gradlab.wasm has ${count} ops, its JS table ${OPS.length}: rebuild the package`);
  call = M._gl_call;
  M._gl_scratch_size();
  M._gl_scratch(0);
  M._gl_free(0);
  scratchAt = M._gl_scratch;
  scratchSize = M._gl_scratch_size;
  installServices();
  errorIndex = M._error_flag_address() >> 2;
  for (const { id, name, sig } of OPS) {
    const make = sig === 'custom' ? CUSTOM[name] : SIGNATURES[sig];
    if (make === undefined) throw new Error(`engine/ops.def: no JS layout for ${name} (${sig})`);
    M[`_${name}`] = make(id);
  }
  M._free_tensor = M._gl_free;
}
