// Lays out a captured autograd graph with dagre: gradient flow runs top to
// bottom, from the output's grad_fn down to the leaves. Node boxes are sized
// from the text lines they will show; the compact style (for graphs too big
// to read at full size) keeps only each node's name and variable.
import dagre from '@dagrejs/dagre';

// The smallest font drawn in the graph (graph.css); the view never scales
// below MIN_SCALE so that no text is under 11 px on screen.
export const SMALLEST_FONT_PX = 12;
export const MIN_SCALE = 11 / SMALLEST_FONT_PX;
// Advance widths of the monospace fonts used in node boxes (13px title, 12px body).
const TITLE_CHAR_W = 8.2;
const CHAR_W = 7.4;
const LINE_H = 17;
const PAD_X = 14;
const PAD_Y = 10;

export function shapeText(shape) {
  return shape ? `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})` : '';
}

// The text lines of a node box, in drawing order.
export function nodeLines(n, showGrad, compact = false) {
  const lines = [{ text: n.name, cls: 'node-title' }];
  if (compact) {
    if (n.label) lines.push({ text: n.label, cls: 'node-meta' });
    return lines;
  }
  const meta = [n.label, shapeText(n.shape)].filter(Boolean).join('  ');
  if (meta) lines.push({ text: meta, cls: 'node-meta' });
  if (n.preview) lines.push({ text: n.preview, cls: 'node-value' });
  if (showGrad) lines.push({ text: n.gradPreview ? `grad ${n.gradPreview}` : 'grad —', cls: 'node-grad' });
  return lines;
}

// ranksep leaves room between two ranks for a gradient label (18 px, just
// below the upper node) and the lower node's step badge (just above its box).
export function layoutGraph(graph, { compact = false } = {}) {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph(compact
    ? { rankdir: 'TB', nodesep: 14, ranksep: 42, edgesep: 8, marginx: 16, marginy: 16 }
    : { rankdir: 'TB', nodesep: 26, ranksep: 46, edgesep: 14, marginx: 24, marginy: 24 });
  g.setDefaultEdgeLabel(() => ({}));
  const boxes = new Map();
  for (const n of graph.nodes) {
    const lines = nodeLines(n, graph.hasGrads, compact);
    const width = Math.min(330, Math.max(compact ? 60 : 128, Math.max(...lines.map((l) => l.text.length * (l.cls === 'node-title' ? TITLE_CHAR_W : CHAR_W))) + 2 * PAD_X));
    const height = lines.length * LINE_H + 2 * PAD_Y;
    boxes.set(n.id, { lines, width, height });
    g.setNode(n.id, { width, height });
  }
  graph.edges.forEach((e, i) => g.setEdge(e.from, e.to, {}, `e${i}`));
  dagre.layout(g);
  const nodes = graph.nodes.map((n) => {
    const p = g.node(n.id);
    const box = boxes.get(n.id);
    return { ...n, ...box, x: p.x - box.width / 2, y: p.y - box.height / 2 };
  });
  const edges = graph.edges.map((e, i) => ({ ...e, points: g.edge({ v: e.from, w: e.to, name: `e${i}` }).points }));
  const { width, height } = g.graph();
  return { nodes, edges, width, height, compact, lineHeight: LINE_H, padX: PAD_X, padY: PAD_Y };
}
