// The Tensors pane: one card per tensor the program printed or show()ed,
// titled by the expression printed, with its shape, dtype, flags, grad_fn,
// min / max / mean, a heat map for a matrix, and data and .grad as PyTorch
// prints them (one row per line; the text scrolls sideways). A name seen
// again updates its card in place, so a loop does not flood the pane.
import { heatMap } from './heat-map.js';
function field(dl, term, value, cls) {
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  dd.textContent = value;
  if (cls) dd.className = cls;
  const pair = document.createElement('div');
  pair.append(dt, dd);
  dl.append(pair);
}

function array(title, text, empty) {
  const wrap = document.createElement('div');
  wrap.className = 'tensor-array';
  const h = document.createElement('h4');
  h.textContent = title;
  const pre = document.createElement('pre');
  pre.textContent = text ?? empty;
  if (text == null) pre.className = 'muted';
  wrap.append(h, pre);
  return wrap;
}

export class TensorsView {
  constructor(root, counter) {
    this.root = root;
    this.counter = counter;
    this.clear();
  }

  clear() {
    this.cards = new Map();
    this.root.replaceChildren();
    this.counter.textContent = '';
  }

  add(t) {
    const card = document.createElement('article');
    card.className = 'tensor-card';
    card.dataset.name = t.name;
    const head = document.createElement('header');
    const name = document.createElement('h3');
    name.textContent = t.name;
    const badges = document.createElement('div');
    badges.className = 'badges';
    const badge = (text, cls) => {
      const b = document.createElement('span');
      b.className = `badge ${cls}`;
      b.textContent = text;
      badges.append(b);
    };
    if (t.requires_grad) badge('requires_grad', 'badge-grad');
    if (t.is_leaf) badge('leaf', 'badge-leaf');
    if (t.volatile) badge('volatile', 'badge-volatile');
    if (t.grad_fn) badge(t.grad_fn, 'badge-fn');
    head.append(name, badges);

    const dl = document.createElement('dl');
    field(dl, 'shape', `torch.Size([${t.shape.join(', ')}])`, 'mono');
    field(dl, 'dtype', t.dtype, 'mono');
    field(dl, 'requires_grad', t.requires_grad ? 'True' : 'False', 'mono');
    field(dl, 'is_leaf', t.is_leaf ? 'True' : 'False', 'mono');
    field(dl, 'grad_fn', t.grad_fn ? `<${t.grad_fn}>` : 'None', 'mono');
    if (t.summary) {
      field(dl, 'min', t.summary.min, 'mono');
      field(dl, 'max', t.summary.max, 'mono');
      field(dl, 'mean', t.summary.mean, 'mono');
    }

    const arrays = document.createElement('div');
    arrays.className = 'tensor-arrays';
    arrays.append(array('data', t.data, ''), array('grad', t.grad, 'None'));
    card.append(head, dl);
    if (t.heat) card.append(heatMap(t.heat, t.summary));
    card.append(arrays);

    const existing = this.cards.get(t.name);
    if (existing) existing.replaceWith(card);
    else this.root.append(card);
    this.cards.set(t.name, card);
    this.counter.textContent = String(this.cards.size);
  }
}
