// Text for a capture preview (torch._capture: shape, dtype, every value up
// to 32 elements, else the first and last 6, and min/max/mean), in PyTorch's
// number format: the one-line form on a graph node or edge, and the detail
// panel's form, which is PyTorch's repr when every value is known.
const CARD_EDGE = 3;
const CARD_CHARS = 40;

// One element the way PyTorch prints it inside a tensor, given the style of
// the whole tensor (see styleOf).
export function formatElement(x, style) {
  if (typeof x === 'boolean') return x ? 'True' : 'False';
  if (style === 'bool') return x ? 'True' : 'False';
  if (style === 'int') return String(x);
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  if (style === 'integral') return `${x.toFixed(0)}.`;
  if (style === 'sci') return x.toExponential(4).replace(/e([+-])(\d)$/, 'e$10$2');
  return x.toFixed(4);
}

// PyTorch's choice for a float tensor: integral values as "3.", wide ranges
// in scientific notation, else four decimals.
export function styleOf(values, dtype) {
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

// "[0.5000, 1.0000, …, 2.0000]", or one number for a 0-d tensor.
export function previewLine(p) {
  if (!p) return '';
  const style = styleOf(p.values, p.dtype);
  const fmt = (x) => formatElement(x, style);
  if (p.shape.length === 0) return p.values.length ? fmt(p.values[0]) : '';
  let parts;
  if (p.values.length <= 2 * CARD_EDGE && !p.skipped) parts = p.values.map(fmt);
  else parts = [...p.values.slice(0, CARD_EDGE).map(fmt), '…', ...p.values.slice(-CARD_EDGE).map(fmt)];
  const text = `[${parts.join(', ')}]`;
  return text.length > CARD_CHARS ? `${text.slice(0, CARD_CHARS - 2)}…]` : text;
}

// Nested brackets over row-major values, elements padded to one width.
function nested(strs, shape, indent) {
  const strides = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
  const rec = (d, offset) => {
    if (d === shape.length - 1) return `[${strs.slice(offset, offset + shape[d]).join(', ')}]`;
    const gap = `,${'\n'.repeat(Math.max(1, shape.length - d - 1))}${' '.repeat(indent + d + 1)}`;
    return `[${Array.from({ length: shape[d] }, (_, i) => rec(d + 1, offset + i * strides[d])).join(gap)}]`;
  };
  return rec(0, 0);
}

function statsLine(p) {
  if (p.min === undefined) return '';
  const stats = [p.min, p.max, p.mean];
  const style = styleOf(stats, 'float64');
  const [min, max, mean] = stats.map((x) => formatElement(x, style === 'integral' ? 'fixed' : style));
  return `min ${min} · max ${max} · mean ${mean}`;
}

// suffix: what follows the values in the repr (", requires_grad=True").
export function previewDetail(p, suffix = '') {
  if (!p) return null;
  const dtype = p.dtype === 'float64' ? ', dtype=torch.float64' : '';
  if (!p.skipped) {
    const style = styleOf(p.values, p.dtype);
    const strs = p.values.map((x) => formatElement(x, style));
    const width = Math.max(0, ...strs.map((s) => s.length));
    const padded = strs.map((s) => s.padStart(width));
    const body = p.shape.length === 0 ? (strs[0] ?? '') : p.numel === 0 ? '[]' : nested(padded, p.shape, 'tensor('.length);
    return `tensor(${body}${dtype}${suffix})`;
  }
  const half = p.values.length / 2;
  const style = styleOf(p.values, p.dtype);
  const fmt = (x) => formatElement(x, style);
  const line = `[${p.values.slice(0, half).map(fmt).join(', ')}, …, ${p.values.slice(half).map(fmt).join(', ')}]`;
  const shape = `(${p.shape.join(', ')}${p.shape.length === 1 ? ',' : ''})`;
  return [
    `shape ${shape} · ${p.dtype} · ${p.numel.toLocaleString('en-US')} elements`,
    `first and last ${half}: ${line}`,
    statsLine(p),
  ].filter(Boolean).join('\n');
}
