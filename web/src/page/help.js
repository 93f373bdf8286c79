// The Help panel (? or the Help button): keyboard shortcuts, the language the
// editor takes, the runner's helpers, and an API reference generated at build
// time from the package's wasm/gradlab.d.ts (the same data as the editor's
// completions, see vite-plugins/torch-completions.js). Loaded on first use.
import data from 'virtual:torch-completions';

const SHORTCUTS = [
  ['Ctrl+Enter (⌘+Enter)', 'Run, from anywhere on the page'],
  ['Tab / Shift+Tab', 'Indent / unindent in the editor'],
  ['Esc, then Tab', 'Leave the editor with the keyboard'],
  ['Ctrl+Space', 'Complete a torch name'],
  ['?', 'This help (outside the editor)'],
  ['← → on the separator', 'Resize the editor and results'],
  ['+ − 0 and arrows on the graph', 'Zoom, fit and pan'],
  ['← → on a plot', 'Read the values point by point'],
];

const HELPERS = [
  ['print(...values)', 'Prints like Python’s print: tensors as PyTorch prints them, x.shape as torch.Size, numbers as Python does. Each printed tensor also gets a card in the Tensors pane, titled by the expression printed.'],
  ['show(t, name?)', 'Adds a tensor to the Tensors pane and draws its graph in the Graph pane without calling backward().'],
  ['plot(ys) · plot(xs, ys) · plot({ a: ys, b: ys2 })', 'Draws a line chart in the Output; options last: { title, xlabel, ylabel, label }. Plotting again with a title already drawn in this run redraws that chart (a live plot in a training loop). Python: from gradlab import plot; plot(xs, ys, title="loss").'],
  ['await datasets.mnist({ train, limit })', 'MNIST handwritten digits, loaded on first use (1.6 MB): { images (N, 1, 28, 28) in [0, 1], labels (N) int64 }. train: true is the first 8,000, false the last 2,000. Python: from gradlab import datasets; images, labels = datasets.mnist(train=True).'],
];

// The reference, one section per namespace, most used first.
const SECTIONS = [
  ['torch', 'torch'],
  ['tensor', 'Tensor methods and properties'],
  ['torch.nn', 'torch.nn'],
  ['F', 'F (torch.nn.functional)'],
  ['torch.optim', 'torch.optim'],
  ['torch.autograd', 'torch.autograd'],
  ['NDArray', 'NDArray (what .numpy() returns)'],
];

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function table(rows, cls) {
  const t = el('table', undefined, cls);
  for (const [a, b] of rows) {
    const tr = el('tr');
    tr.append(el('th', a), el('td', b));
    t.append(tr);
  }
  return t;
}

function reference() {
  const wrap = el('section', undefined, 'help-reference');
  wrap.append(el('h3', 'API reference'));
  const filter = el('input');
  filter.type = 'search';
  filter.placeholder = 'Filter, e.g. backward';
  filter.setAttribute('aria-label', 'Filter the API reference');
  wrap.append(filter);
  const sections = [];
  for (const [scope, title] of SECTIONS) {
    const entries = data.scopes[scope];
    if (!entries?.length) continue;
    const details = el('details');
    details.append(el('summary', `${title} (${entries.length})`));
    const list = el('dl');
    for (const e of entries) {
      const dt = el('dt');
      dt.append(el('code', `${e.label}${e.type === 'function' ? e.detail.replace(/^[^(]*/, '') : ''}`));
      list.append(dt, el('dd', e.info || (e.type !== 'function' ? e.detail : '')));
    }
    details.append(list);
    wrap.append(details);
    sections.push(details);
  }
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    for (const details of sections) {
      let any = false;
      for (const dt of details.querySelectorAll('dt')) {
        const hit = !q || dt.textContent.toLowerCase().includes(q);
        dt.hidden = !hit;
        dt.nextElementSibling.hidden = !hit;
        any ||= hit;
      }
      details.hidden = !any;
      details.open = Boolean(q) && any;
    }
  });
  return wrap;
}

function build(dialog) {
  const head = el('header');
  const title = el('h2', 'Gradlab help');
  title.id = 'help-title';
  const close = el('button', 'Close', 'btn btn-small');
  close.type = 'button';
  close.addEventListener('click', () => dialog.close());
  head.append(title, close);

  const language = el('section');
  language.append(
    el('h3', 'The language'),
    el('p', 'The switch above the editor picks the language. Python runs PyTorch code as written (import torch, operators, nn.Module subclasses) on CPython compiled to WebAssembly, loaded from this site the first time Python runs; the Tensors pane lists the program’s tensors by variable name and the Graph pane draws the graphs they end, with module parameters named by attribute path (fc1.weight).'),
    el('p', 'JavaScript (ES2022) has PyTorch’s API too: torch, Variable, F (torch.nn.functional) and NDArray are in scope, with print, show and plot below. Each run starts fresh in a Web Worker, in strict mode: declare variables with const or let. Top-level await works. The value of a last line that is an expression is shown, as a notebook shows it. JavaScript has no operator overloading, so write a.mul(b) for a * b and a.add(1) for a + 1.'),
  );
  const helpers = el('section');
  helpers.append(el('h3', 'Helpers'), table(HELPERS, 'help-helpers'));
  const keys = el('section');
  keys.append(el('h3', 'Keyboard'), table(SHORTCUTS, 'help-keys'));
  dialog.append(head, language, helpers, keys, reference());
}

export function openHelp(dialog) {
  if (!dialog.firstChild) build(dialog);
  if (!dialog.open) dialog.showModal();
}
