// Turns a tensor into a plain, cloneable description for the Tensors pane and
// the graph view. Every number is in PyTorch's print format (the package's
// own String(t)), and nothing reads more than a bounded slice of a tensor
// into JavaScript: a 1000 × 1000 gradient costs the engine's summary, not a
// million-element copy. Temporaries are disposed at once.
const PREVIEW_ELEMENTS = 6;
const PREVIEW_CHARS = 40;
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

// One element the way PyTorch prints it inside a tensor, given whether the
// tensor's values are all integral and whether it needs scientific notation.
function formatElement(x, style) {
  if (typeof x === 'boolean') return x ? 'True' : 'False';
  if (style === 'int') return String(x);
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  if (style === 'integral') return `${x.toFixed(0)}.`;
  if (style === 'sci') return x.toExponential(4).replace(/e([+-])(\d)$/, 'e$10$2');
  return x.toFixed(4);
}

function styleOf(values, dtype) {
  if (dtype === 'bool') return 'bool';
  if (/int/.test(dtype)) return 'int';
  const finite = values.filter(Number.isFinite);
  if (finite.every(Number.isInteger) && finite.every((x) => Math.abs(x) < 1e8)) return 'integral';
  const abs = finite.map(Math.abs).filter((x) => x > 0);
  if (!abs.length) return 'fixed';
  const max = Math.max(...abs);
  const min = Math.min(...abs);
  return max / min > 1000 || max > 1e8 || min < 1e-4 ? 'sci' : 'fixed';
}

// The first and last elements of a flattened tensor.
function edgeValues(t, own) {
  const n = t.numel();
  const flat = own(own(t.detach()).reshape(-1));
  if (n <= PREVIEW_ELEMENTS) return { values: flat.tolist(), skipped: 0 };
  const half = PREVIEW_ELEMENTS / 2;
  const head = own(flat.narrow(0, 0, half)).tolist();
  const tail = own(flat.narrow(0, n - half, half)).tolist();
  return { values: [...head, ...tail], skipped: n - PREVIEW_ELEMENTS, half };
}

// One line of values for a graph node, e.g. "[0.5000, 1.0000, …, 2.0000]".
export function preview(t) {
  if (!t) return '';
  try {
    return scoped((own) => {
      const { values, skipped, half } = edgeValues(t, own);
      const style = styleOf(values, t.dtype);
      const parts = values.map((x) => formatElement(x, style));
      if (t.dim() === 0) return parts[0];
      if (skipped) parts.splice(half, 0, '…');
      const text = `[${parts.join(', ')}]`;
      return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 2)}…]` : text;
    });
  } catch {
    return '';
  }
}

// min / max / mean as PyTorch would print them (floats; bool as 0/1).
function summary(t, own) {
  if (t.numel() === 0) return null;
  const f = own(own(t.detach()).double());
  const stats = [own(f.min()).item(), own(f.max()).item(), own(f.mean()).item()];
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
      summary: safe(() => summary(t, own)),
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
