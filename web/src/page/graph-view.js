// The Graph pane: draws a captured grad_fn DAG as SVG (layout by dagre), with
// pan/zoom (mouse, keys, buttons), a picker for the graphs a run produced
// (its first and last backward always among them), a details panel for the
// clicked node, and the step-through replay of the backward pass (see
// graph-stepper.js). Text is never drawn below 11 px: a graph too big for
// the view switches to compact nodes, then pans.
import { svg } from './svg.js';
import { layoutGraph, shapeText, MIN_SCALE } from './graph-layout.js';
import { PanZoom } from './pan-zoom.js';
import { Stepper } from './graph-stepper.js';
import { backwardNote } from './backward-notes.js';

const MAX_GRAPHS = 20;
// Width of one character of the 12 px edge-label font.
const LABEL_CHAR_W = 7.3;

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

// A smooth path through dagre's edge points.
function edgePath(points) {
  let d = `M${points[0].x},${points[0].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const mid = { x: (points[i].x + points[i + 1].x) / 2, y: (points[i].y + points[i + 1].y) / 2 };
    d += ` Q${points[i].x},${points[i].y} ${mid.x},${mid.y}`;
  }
  const last = points[points.length - 1];
  return `${d} L${last.x},${last.y}`;
}

// A gradient label sits just below the node that sends it (its top 3 px
// under the box): the node it goes to has its step badge ("#3", "waits for 1")
// just above its box, which a label at the middle of the edge covered. The
// layout leaves room for both (graph-layout.js, ranksep).
const LABEL_FROM_SOURCE = 12;

// The point `distance` along an edge's polyline (its end if shorter).
function pointAlong(points, distance) {
  let left = distance;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (left <= length && length > 0) return { x: a.x + (left / length) * (b.x - a.x), y: a.y + (left / length) * (b.y - a.y) };
    left -= length;
  }
  return points[points.length - 1];
}

export class GraphView {
  constructor(root) {
    this.root = root;
    this.graphs = [];
    this.root.replaceChildren();
    this.build();
  }

  build() {
    this.toolbar = el('div', 'graph-toolbar');
    this.picker = el('select', 'graph-picker');
    this.picker.setAttribute('aria-label', 'Graph to show');
    this.picker.addEventListener('change', () => this.show(Number(this.picker.value)));
    this.passes = el('span', 'graph-passes');
    const tool = (text, title, onClick) => {
      const b = el('button', 'btn btn-small', text);
      b.type = 'button';
      b.title = title;
      b.setAttribute('aria-label', title);
      b.addEventListener('click', onClick);
      return b;
    };
    const zoom = el('div', 'graph-zoom');
    zoom.setAttribute('role', 'group');
    zoom.setAttribute('aria-label', 'Zoom');
    zoom.append(
      tool('−', 'Zoom out (−)', () => this.panZoom.zoomBy(0.8)),
      tool('+', 'Zoom in (+)', () => this.panZoom.zoomBy(1.25)),
      tool('Fit', 'Fit the graph to the view (0)', () => this.fit()),
    );
    this.stepper = new Stepper((step) => this.renderStep(step));
    this.toolbar.append(this.picker, this.passes, this.stepper.controls, zoom);

    this.canvas = el('div', 'graph-canvas');
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('aria-label', 'Graph canvas: + and − zoom, 0 fits, arrow keys pan');
    this.canvas.addEventListener('keydown', (e) => {
      if (e.target !== this.canvas) return;
      if (e.key === '0' && !e.ctrlKey && !e.metaKey) this.fit();
      else if (!this.panZoom.onKey(e)) return;
      e.preventDefault();
    });
    this.svg = svg('svg', { class: 'graph-svg', role: 'group', 'aria-label': 'Autograd graph' });
    const defs = svg('defs');
    for (const kind of ['', '-active']) {
      const marker = svg('marker', { id: `arrow${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
      marker.append(svg('path', { d: 'M0,1 L9,5 L0,9 z', class: `arrow${kind}` }));
      defs.append(marker);
    }
    this.viewport = svg('g');
    this.svg.append(defs, this.viewport);
    this.canvas.append(this.svg);
    this.panZoom = new PanZoom(this.svg, this.viewport, { minScale: MIN_SCALE });
    // The canvas changes size with the tab, the window and the details panel.
    new ResizeObserver(() => this.fit()).observe(this.canvas);

    this.legend = el('div', 'graph-legend');
    for (const [cls, text] of [['lg-root', 'output'], ['lg-op', 'op (grad_fn)'], ['lg-leaf', 'leaf (AccumulateGrad)'], ['lg-nograd', 'no grad']]) {
      const item = el('span', 'legend-item');
      item.append(el('i', cls), document.createTextNode(text));
      this.legend.append(item);
    }
    this.detail = el('div', 'graph-detail');
    this.detail.setAttribute('aria-live', 'polite');
    this.placeholder = el('p', 'placeholder');
    this.placeholder.append('Call ', el('code', null, 'backward()'), ' or ', el('code', null, 'show(t)'), ' to draw the autograd graph.');
    this.root.append(this.toolbar, this.canvas, this.legend, this.detail, this.placeholder);
    this.setEmpty(true);
  }

  setEmpty(empty) {
    this.toolbar.hidden = empty;
    this.legend.hidden = empty;
    this.canvas.hidden = empty;
    this.detail.hidden = empty;
    this.placeholder.hidden = !empty;
  }

  clear() {
    this.graphs = [];
    this.passCount = 0;
    this.passes.textContent = '';
    this.picker.replaceChildren();
    this.viewport.replaceChildren();
    this.stepper.load(null);
    this.setEmpty(true);
  }

  add(graph) {
    // Loops would grow the picker without bound: the graphs after the first make way.
    if (this.graphs.length >= MAX_GRAPHS) {
      this.graphs.splice(1, 1);
      this.picker.options[1].remove();
      [...this.picker.options].forEach((o, i) => { o.value = String(i); });
    }
    if (graph.number) {
      this.passCount = Math.max(this.passCount || 0, graph.number);
      this.passes.textContent = `${this.passCount} pass${this.passCount > 1 ? 'es' : ''}`;
      this.passes.title = `${this.passCount} backward pass${this.passCount > 1 ? 'es' : ''} in this run`;
    }
    this.graphs.push(graph);
    const opt = el('option', null, graph.title || `graph ${this.graphs.length}`);
    opt.value = String(this.graphs.length - 1);
    this.picker.append(opt);
    // The latest backward (or a Python program's last graph) wins; a show()
    // graph only displays when nothing else has.
    if (graph.source !== 'show' || this.graphs.length === 1) this.show(this.graphs.length - 1);
  }

  show(index) {
    const graph = this.graphs[index];
    this.picker.value = String(index);
    this.setEmpty(false);
    this.current = graph;
    this.layouts = { full: layoutGraph(graph), compact: null };
    this.layout = this.layouts.full;
    this.draw();
    this.stepper.load(graph.hasGrads ? graph : null);
    this.describe(null);
    requestAnimationFrame(() => this.fit());
  }

  // Re-fit when the pane becomes visible (layout happens while it is hidden).
  // Full-size nodes when they fit at a readable scale, compact ones otherwise.
  fit() {
    if (!this.layout) return;
    const { full } = this.layouts;
    const scale = this.panZoom.fitScale(full.width, full.height);
    if (!scale) return;
    const wanted = scale >= MIN_SCALE ? full : (this.layouts.compact ??= layoutGraph(this.current, { compact: true }));
    if (wanted !== this.layout) {
      this.layout = wanted;
      this.draw();
      this.renderStep(this.stepper.active ? { index: this.stepper.index, order: this.stepper.order } : null, false);
    }
    this.svg.dataset.style = wanted.compact ? 'compact' : 'full';
    this.panZoom.fit(wanted.width, wanted.height);
  }

  draw() {
    const { nodes, edges, lineHeight, padX, padY } = this.layout;
    this.viewport.replaceChildren();
    this.nodeEls = new Map();
    this.edgeEls = [];
    const edgeLayer = svg('g', { class: 'edges' });
    const labelLayer = svg('g', { class: 'edge-labels' });
    for (const e of edges) {
      const path = svg('path', { class: 'gedge', d: edgePath(e.points), 'marker-end': 'url(#arrow)' });
      const at = pointAlong(e.points, LABEL_FROM_SOURCE);
      const label = svg('g', { class: 'gedge-label', transform: `translate(${at.x} ${at.y})` });
      label.append(svg('rect', { rx: 4 }), svg('text', { 'text-anchor': 'middle', y: 4 }));
      edgeLayer.append(path);
      labelLayer.append(label);
      this.edgeEls.push({ edge: e, path, label });
    }
    const nodeLayer = svg('g', { class: 'nodes' });
    for (const n of nodes) {
      const g = svg('g', {
        class: `gnode gnode-${n.kind}${n.requires_grad ? '' : ' gnode-nograd'}`,
        transform: `translate(${n.x} ${n.y})`,
        tabindex: 0,
        role: 'button',
        'data-id': n.id,
        'data-name': n.name,
      });
      g.append(svg('rect', { class: 'gnode-box', width: n.width, height: n.height, rx: 9 }));
      if (n.kind === 'leaf') g.append(svg('rect', { class: 'gnode-stripe', width: 5, height: n.height - 12, x: 0, y: 6, rx: 2 }));
      n.lines.forEach((line, i) => {
        g.append(svg('text', { class: line.cls, x: padX, y: padY + (i + 1) * lineHeight - 4 }, line.text));
      });
      g.append(svg('text', { class: 'gnode-badge', x: n.width - 2, y: -6, 'text-anchor': 'end' }));
      g.addEventListener('click', () => this.describe(n.id));
      g.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          this.describe(n.id);
        }
      });
      nodeLayer.append(g);
      this.nodeEls.set(n.id, { node: n, g });
    }
    this.viewport.append(edgeLayer, nodeLayer, labelLayer);
  }

  // The details panel for one node: its full data and gradient.
  describe(id) {
    for (const { g } of this.nodeEls.values()) g.classList.toggle('selected', g.dataset.id === id);
    if (id === null) {
      if (!this.stepper.active) {
        this.detail.replaceChildren(el('p', 'muted', this.current.hasGrads
          ? 'Click a node for its values, or step through the backward pass with ▶.'
          : 'Click a node for its values.'));
      }
      return;
    }
    const n = this.nodeEls.get(id).node;
    const parts = [el('h3', null, n.name)];
    const meta = [n.label && `tensor ${n.label}`, n.shape && `shape ${shapeText(n.shape)}`, n.dtype, n.requires_grad ? 'requires_grad' : 'no grad']
      .filter(Boolean).join(' · ');
    parts.push(el('p', 'muted', meta));
    const block = (title, text) => {
      if (!text) return;
      parts.push(el('h4', null, title), el('pre', null, text));
    };
    block(n.kind === 'leaf' ? 'value' : 'output value', n.data);
    block(n.kind === 'leaf' ? 'gradient received' : 'grad_output (gradient of the output)', n.grad);
    if (n.kind === 'leaf') block('.grad (accumulated)', n.accumulated);
    if (!n.data && !n.grad) parts.push(el('p', 'muted', 'This node’s tensor was not kept, so only its name is known.'));
    this.detail.replaceChildren(...parts);
  }

  // A node's gradient line reads "grad —" until the step at which it is computed.
  revealGrads(upTo) {
    for (const [id, { node, g }] of this.nodeEls) {
      const line = g.querySelector('.node-grad');
      if (!line) continue;
      const shown = upTo === null || (upTo.has(id) && node.gradPreview);
      line.textContent = shown && node.gradPreview ? `grad ${node.gradPreview}` : 'grad —';
    }
  }

  renderStep(step, describe = true) {
    const { edges } = this.current;
    if (!step) {
      for (const { g } of this.nodeEls.values()) {
        g.classList.remove('active', 'done', 'waiting');
        g.querySelector('.gnode-badge').textContent = '';
      }
      for (const { path, label } of this.edgeEls) {
        path.classList.remove('active', 'done');
        path.setAttribute('marker-end', 'url(#arrow)');
        label.classList.remove('shown');
      }
      this.revealGrads(null);
      if (describe) this.describe(null);
      return;
    }
    // A node's gradient is complete once every node feeding it has run.
    const ran = new Set(step.order.slice(0, step.index + 1));
    const computed = new Set([...this.nodeEls.keys()].filter((id) => {
      const feeding = edges.filter((e) => e.to === id);
      return ran.has(id) || (feeding.length > 0 && feeding.every((e) => ran.has(e.from)));
    }));
    this.revealGrads(computed);
    const position = new Map(step.order.map((id, i) => [id, i]));
    const ranBefore = new Set(step.order.slice(0, step.index));
    for (const [id, { g }] of this.nodeEls) {
      const at = position.get(id);
      g.classList.toggle('active', at === step.index);
      g.classList.toggle('done', at < step.index);
      const waiting = edges.filter((e) => e.to === id && !ranBefore.has(e.from) && e.from !== step.order[step.index]).length;
      g.classList.toggle('waiting', at > step.index);
      g.querySelector('.gnode-badge').textContent = at > step.index && waiting ? `waits for ${waiting}` : at === undefined ? '' : `#${at + 1}`;
    }
    const active = step.order[step.index];
    for (const { edge, path, label } of this.edgeEls) {
      const isActive = edge.from === active;
      path.classList.toggle('active', isActive);
      path.classList.toggle('done', ranBefore.has(edge.from));
      path.setAttribute('marker-end', isActive ? 'url(#arrow-active)' : 'url(#arrow)');
      const text = isActive ? this.sentLabel(edge) : '';
      label.classList.toggle('shown', Boolean(text));
      if (text) this.sizeLabel(label, text);
    }
    if (describe) this.detail.replaceChildren(...this.stepDetail(step, active));
  }

  // What an edge carries: the gradient the engine sent along it. Edges
  // between the same two nodes (x * x) share one label, "a + b".
  sentLabel(edge) {
    const parallel = this.layout.edges.filter((e) => e.from === edge.from && e.to === edge.to);
    if (parallel[0] !== edge) return '';
    return parallel.map((e) => e.gradPreview || '').filter(Boolean).join(' + ');
  }

  sizeLabel(label, text) {
    const t = label.querySelector('text');
    t.textContent = text;
    const w = text.length * LABEL_CHAR_W + 12;
    const r = label.querySelector('rect');
    r.setAttribute('x', -w / 2);
    r.setAttribute('y', -9);
    r.setAttribute('width', w);
    r.setAttribute('height', 18);
  }

  stepDetail(step, id) {
    const n = this.nodeEls.get(id).node;
    const out = [el('p', 'step-count', `Step ${step.index + 1} of ${step.order.length}`), el('h3', null, n.name)];
    const sends = this.current.edges.filter((e) => e.from === id).map((e) => ({ edge: e, to: this.nodeEls.get(e.to).node }));
    const incoming = this.current.edges.filter((e) => e.to === id).length;
    const received = incoming > 1
      ? `It received the sum of ${incoming} incoming gradients.`
      : incoming === 1 ? 'It received one incoming gradient.' : '';
    if (n.kind === 'leaf') {
      out.push(el('p', null, `${received} AccumulateGrad adds it into ${n.label || 'the leaf'}.grad.`.trim()));
      if (n.grad) out.push(el('h4', null, 'gradient received'), el('pre', null, n.grad));
      if (n.accumulated) out.push(el('h4', null, '.grad after backward'), el('pre', null, n.accumulated));
      return out;
    }
    out.push(el('p', null, step.index === 0
      ? 'The pass starts at the output: its gradient is the seed (ones for a scalar).'
      : `Every node that feeds it has run. ${received}`));
    const note = backwardNote(n.name);
    if (note) out.push(el('p', 'derivative', `${n.name}: ${note}`));
    if (n.grad) out.push(el('h4', null, 'grad_output'), el('pre', null, n.grad));
    if (sends.length) {
      const list = el('ul', 'sends');
      for (const { edge, to } of sends) {
        const li = el('li', null, `→ ${to.name}${to.label ? ` (${to.label})` : ''}${to.shape ? ` ${shapeText(to.shape)}` : ''}`);
        if (edge.gradPreview) li.append(': ', el('code', null, edge.gradPreview));
        list.append(li);
      }
      out.push(el('h4', null, `sends a gradient to ${sends.length} input${sends.length > 1 ? 's' : ''}`), list);
    }
    return out;
  }
}
