// Turns a tensor into a plain, cloneable description for the Tensors pane and
// the graph view: flags, grad_fn name, and data and grad as NumPy arrays.
const PREVIEW_CHARS = 36;

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

export function numpyText(t) {
  if (!t) return null;
  let d = null;
  try {
    d = t.detach();
    return d.numpy().toString();
  } catch (e) {
    return `<${e.message}>`;
  } finally {
    d?.dispose();
  }
}

// One line of values for a graph node: "[[1, 2], [3, 4]]" squeezed to fit.
export function preview(t) {
  if (!t) return '';
  try {
    const text = t.numel() === 1 ? String(t.detach().reshape(-1).tolist()[0]) : JSON.stringify(t.detach().tolist());
    const compact = text.replace(/(\d\.\d{3})\d+/g, '$1').replace(/,/g, ', ');
    return compact.length > PREVIEW_CHARS ? compact.slice(0, PREVIEW_CHARS - 1) + '…' : compact;
  } catch {
    return '';
  }
}

export function describeTensor(t, name) {
  return quietly(() => {
    const grad = t.grad;
    return {
      name,
      shape: [...t.shape],
      dtype: t.dtype,
      requires_grad: t.requires_grad,
      is_leaf: t.is_leaf,
      volatile: Boolean(t.volatile),
      grad_fn: t.grad_fn ? t.grad_fn.name : null,
      data: numpyText(t),
      grad: grad ? numpyText(grad) : null,
    };
  });
}
