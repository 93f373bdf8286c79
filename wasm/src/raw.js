// The engine's raw op functions, made from the op table (engine/ops.def):
// for each row, `M._<name>(...)` writes its arguments into the engine's
// scratch area of doubles and calls the one exported entry point gl_call
// with the row's id. The argument order of each signature class is the one
// the rest of the package (and the Python layer) calls them with; the layout
// in the scratch area is the one wasm/adapters/signatures.h reads.
import { OPS } from 'gradlab:op-table';

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
  max: (id) => (h, d, k) => { const a = scratch(3); a[0] = h; a[1] = d; a[2] = k ? 1 : 0; return handles(call(id)); },
  min: (id) => (h, d, k) => { const a = scratch(3); a[0] = h; a[1] = d; a[2] = k ? 1 : 0; return handles(call(id)); },
  cat: (id) => (hs, dim) => { const a = scratch(2); a[0] = dim; putList(a, 1, hs); return call(id); },
  stack: (id) => (hs, dim) => { const a = scratch(2); a[0] = dim; putList(a, 1, hs); return call(id); },
  split: (id) => (h, size, dim) => { const a = scratch(3); a[0] = h; a[1] = size; a[2] = dim; return handles(call(id)); },
  split_sizes: (id) => (h, sizes, dim) => { const a = scratch(3); a[0] = h; a[1] = dim; putList(a, 2, sizes); return handles(call(id)); },
  chunk: (id) => (h, chunks, dim) => { const a = scratch(3); a[0] = h; a[1] = chunks; a[2] = dim; return handles(call(id)); },
  to: (id) => (h, dtype) => { const a = scratch(2); a[0] = h; a[1] = dtype; return call(id); },
  index: (id) => (h, items) => { const a = scratch(2); a[0] = h; putList(a, 1, items); return call(id); },
  nll_loss: (id) => (h, t, w, r, ignore) => {
    const a = scratch(5); a[0] = h; a[1] = t; a[2] = w; a[3] = r; a[4] = ignore; return call(id);
  },
  cross_entropy: (id) => (h, t, w, r, ignore, smoothing) => {
    const a = scratch(6); a[0] = h; a[1] = t; a[2] = w; a[3] = r; a[4] = ignore; a[5] = smoothing; return call(id);
  },
};

/** Puts `_<name>` for every op of the table on the module, and `_free_tensor`. */
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
  errorIndex = M._error_flag_address() >> 2;
  for (const { id, name, sig } of OPS) {
    const make = sig === 'custom' ? CUSTOM[name] : SIGNATURES[sig];
    if (make === undefined) throw new Error(`engine/ops.def: no JS layout for ${name} (${sig})`);
    M[`_${name}`] = make(id);
  }
  scratchAt = M._gl_scratch;
  scratchSize = M._gl_scratch_size;
  M._free_tensor = M._gl_free;
}
