// Python's print() for JavaScript values, as the runner's print uses it:
// str() of each argument joined by spaces. Tensors print as the package's
// repr (String(t), including the legacy "Variable containing:" format),
// NDArrays as NumPy's str, numbers as Python prints ints and floats.

// Python's repr(float): shortest round-trip digits, scientific notation
// outside 1e-4 <= |x| < 1e16, two-digit exponents ("1e-07").
export function formatFloat(x) {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, expText] = x.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) {
    const sign = exp < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  let text;
  if (exp >= 0) {
    const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    const frac = digits.slice(exp + 1);
    text = `${intPart}.${frac || '0'}`;
  } else {
    text = `0.${'0'.repeat(-exp - 1)}${digits}`;
  }
  return negative ? `-${text}` : text;
}

// Integers print as Python ints (print(3) -> 3); other numbers as floats.
export function formatNumber(x) {
  if (Number.isInteger(x) && !Object.is(x, -0)) return String(x);
  return formatFloat(x);
}

function quote(s) {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(new RegExp(q, 'g'), `\\${q}`);
  return q + body + q;
}

// What PyTorch prints for x.shape and x.size(): the package gives plain arrays.
export function formatSize(shape) {
  return `torch.Size([${shape.join(', ')}])`;
}

export function isSizeExpression(text, value) {
  return /(\.shape|\.size\(\s*\))$/.test(text) && Array.isArray(value) && value.every(Number.isInteger);
}

export function isTensor(v) {
  return v !== null && typeof v === 'object' && 'grad_fn' in v && 'requires_grad' in v && typeof v.numpy === 'function';
}

export function isNDArray(v, NDArray) {
  return NDArray ? v instanceof NDArray : v !== null && typeof v === 'object' && typeof v.tolist === 'function' && 'ndim' in v;
}

// str(): what print shows for a top-level argument.
export function pyStr(v, NDArray, seen = new Set()) {
  if (typeof v === 'string') return v;
  return pyRepr(v, NDArray, seen);
}

// repr(): how a value shows inside a list or dict.
export function pyRepr(v, NDArray, seen = new Set()) {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  // Modules are callable: they print their own PyTorch repr.
  if (typeof v === 'function') return v.toString !== Function.prototype.toString ? String(v) : `<function ${v.name || '<lambda>'}>`;
  if (typeof v === 'symbol') return v.toString();
  if (isTensor(v) || isNDArray(v, NDArray)) return String(v);
  if (v instanceof Error) return `${v.name}: ${v.message}`;
  if (seen.has(v)) return Array.isArray(v) ? '[...]' : '{...}';
  seen.add(v);
  try {
    if (Array.isArray(v) || ArrayBuffer.isView(v)) {
      return `[${Array.from(v, (x) => pyRepr(x, NDArray, seen)).join(', ')}]`;
    }
    if (v instanceof Map) {
      return `{${[...v].map(([k, x]) => `${pyRepr(k, NDArray, seen)}: ${pyRepr(x, NDArray, seen)}`).join(', ')}}`;
    }
    if (v instanceof Set) return v.size ? `{${[...v].map((x) => pyRepr(x, NDArray, seen)).join(', ')}}` : 'set()';
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null && typeof v.toString === 'function' && v.toString !== Object.prototype.toString) {
      return String(v);
    }
    return `{${Object.entries(v).map(([k, x]) => `${quote(k)}: ${pyRepr(x, NDArray, seen)}`).join(', ')}}`;
  } finally {
    seen.delete(v);
  }
}
