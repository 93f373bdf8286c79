// Turns a tensor into a plain, cloneable description for the Tensors pane and
// the graph view. Every number is in PyTorch's print format (the package's
// own String(t)), and nothing reads more than a bounded slice of a tensor
// into JavaScript: a 1000 × 1000 gradient costs the engine's summary, not a
// million-element copy. Temporaries are disposed at once.
import { formatElement, styleOf } from './preview-text.js';

// The heat map's grid: larger matrices are sampled on a regular grid.
const HEAT_CELLS = 48;

// Reading .grad of a non-leaf makes PyTorch-style libraries warn; the pane's
// bookkeeping must not add lines to the user's output.
export function quietly(fn) {
  const saved = console.warn;
  console.warn = () => {};
  try {
    return fn();
  } finally {
    console.warn = saved;
  }
}

// Runs fn(temporaries) and disposes every tensor it registered.
function scoped(fn) {
  const temps = [];
  const own = (t) => { temps.push(t); return t; };
  try {
    return fn(own);
  } finally {
    for (const t of temps) t.dispose();
  }
}

// PyTorch's repr: "tensor([[0.5000, 1.0000]])", summarised past its threshold.
export function tensorText(t) {
  if (!t) return null;
  try {
    return String(t);
  } catch (e) {
    return `<${e.message}>`;
  }
}

// min / max / mean as PyTorch would print them (floats; bool as 0/1), read
// by the engine in one pass (torch._capture.preview: no copy, no temporaries).
function summary(t, torch) {
  if (t.numel() === 0) return null;
  const p = torch._capture.preview(t);
  if (!p || p.min === undefined) return null;
  const stats = [p.min, p.max, p.mean];
  const style = styleOf(stats, 'float32');
  const [min, max, mean] = stats.map((x) => formatElement(x, style === 'integral' ? 'fixed' : style));
  return { min, max, mean, raw: stats };
}

// A grid of at most HEAT_CELLS × HEAT_CELLS values sampled from a 2-D tensor.
function heatGrid(t, own, torch) {
  if (t.dim() !== 2 || t.numel() === 0 || t.dtype === 'bool') return null;
  const [rows, cols] = t.shape;
  const pick = (n) => {
    const k = Math.min(n, HEAT_CELLS);
    return Array.from({ length: k }, (_, i) => Math.floor((i * n) / k));
  };
  const r = pick(rows);
  const c = pick(cols);
  const d = own(own(t.detach()).double());
  if (r.length === rows && c.length === cols) return { rows, cols, values: d.tolist() };
  const index = (list) => own(torch.tensor(list, { dtype: 'int64' }));
  const sampled = own(own(d.index_select(0, index(r))).index_select(1, index(c)));
  return { rows, cols, values: sampled.tolist() };
}

// torch: the package's, for the heat map's index tensors.
export function describeTensor(t, name, torch) {
  return quietly(() => scoped((own) => {
    // .grad is the tensor's own object (the same on every read): not ours to dispose.
    const grad = t.grad;
    return {
      name,
      shape: [...t.shape],
      dtype: t.dtype,
      requires_grad: t.requires_grad,
      is_leaf: t.is_leaf,
      volatile: Boolean(t.volatile),
      grad_fn: t.grad_fn ? t.grad_fn.name : null,
      summary: safe(() => summary(t, torch)),
      heat: safe(() => heatGrid(t, own, torch)),
      data: tensorText(t),
      grad: grad ? tensorText(grad) : null,
    };
  }));
}

function safe(fn) {
  try {
    return fn();
  } catch {
    return null;
  }
}
