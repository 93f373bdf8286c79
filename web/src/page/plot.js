// plot() as an SVG line chart: one polyline per series over shared axes,
// "nice" ticks (1, 2, 5 × 10ⁿ) on both axes, margins sized from the widest
// tick label so nothing is clipped, a legend when there is more than one
// series (or a named one), and a read-out of every series' value at the
// x nearest the pointer (or the keyboard: ← and → step along x).
import { svg } from './svg.js';
import { formatNumber } from '../shared/py-format.js';

const W = 520;
const H = 240;
const CHAR_W = 6.7; // 11 px monospace
const TICKS = 5;

function niceStep(span, count) {
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

// Ticks covering [lo, hi], and the axis range widened to the outer ticks.
// integral: the values are whole numbers (steps, indices), so are the ticks.
function ticks(lo, hi, count = TICKS, integral = false) {
  if (lo === hi) {
    const pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
    lo -= pad;
    hi += pad;
  }
  const step = integral ? Math.max(1, niceStep(hi - lo, count)) : niceStep(hi - lo, count);
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const values = [];
  for (let v = start; v <= end + step / 2; v += step) values.push(Number(v.toPrecision(12)));
  return { values, lo: start, hi: end, step };
}

export function tickText(v, step = 0) {
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return v.toExponential(1).replace('e+', 'e');
  const decimals = step > 0 && step < 1 ? Math.min(6, Math.ceil(-Math.log10(step) - 1e-9)) : 0;
  return decimals ? v.toFixed(decimals) : formatNumber(Number(v.toPrecision(6)));
}

const valueText = (v) => (Number.isFinite(v) ? formatNumber(Number(v.toPrecision(5))) : String(v));

// series: [{ name, x: number[] | null, y: number[] }]
export function lineChart(series, { title = '', xlabel = '', ylabel = '' } = {}) {
  const lines = series.filter((s) => s.y.length).map((s) => ({ ...s, x: s.x ?? s.y.map((_, i) => i) }));
  const finite = (list) => list.filter(Number.isFinite);
  const ys = finite(lines.flatMap((s) => s.y));
  const xs = finite(lines.flatMap((s) => s.x));
  const yt = ticks(ys.length ? Math.min(...ys) : 0, ys.length ? Math.max(...ys) : 1);
  const xt = ticks(xs.length ? Math.min(...xs) : 0, xs.length ? Math.max(...xs) : 1, 6, xs.every(Number.isInteger));
  const yLabels = yt.values.map((v) => tickText(v, yt.step));
  const xLabels = xt.values.map((v) => tickText(v, xt.step));
  const legend = lines.length > 1 || (lines[0] && lines[0].name !== 'y');

  const pad = {
    left: Math.max(...yLabels.map((t) => t.length)) * CHAR_W + 14 + (ylabel ? 16 : 0),
    right: Math.max(12, (xLabels.at(-1).length * CHAR_W) / 2 + 4),
    top: title ? 26 : 12,
    bottom: 26 + (xlabel ? 16 : 0) + (legend ? 18 : 0),
  };
  const x = (v) => pad.left + ((v - xt.lo) / (xt.hi - xt.lo)) * (W - pad.left - pad.right);
  const y = (v) => pad.top + (1 - (v - yt.lo) / (yt.hi - yt.lo)) * (H - pad.top - pad.bottom);

  const names = lines.map((s) => s.name).join(', ');
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', tabindex: 0, 'aria-label': `Line chart${title ? ` “${title}”` : ''} of ${names}; arrow keys read the values` });
  const axes = svg('g', { class: 'chart-axes' });
  yt.values.forEach((v, i) => {
    axes.append(
      svg('line', { class: 'chart-grid', x1: pad.left, y1: y(v), x2: W - pad.right, y2: y(v) }),
      svg('text', { x: pad.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, yLabels[i]),
    );
  });
  xt.values.forEach((v, i) => {
    axes.append(
      svg('line', { x1: x(v), y1: H - pad.bottom, x2: x(v), y2: H - pad.bottom + 4 }),
      svg('text', { x: x(v), y: H - pad.bottom + 16, 'text-anchor': 'middle' }, xLabels[i]),
    );
  });
  axes.append(
    svg('line', { x1: pad.left, y1: pad.top, x2: pad.left, y2: H - pad.bottom }),
    svg('line', { x1: pad.left, y1: H - pad.bottom, x2: W - pad.right, y2: H - pad.bottom }),
  );
  if (xlabel) axes.append(svg('text', { class: 'chart-axis-label', x: (pad.left + W - pad.right) / 2, y: H - pad.bottom + 32, 'text-anchor': 'middle' }, xlabel));
  if (ylabel) {
    const cy = (pad.top + H - pad.bottom) / 2;
    axes.append(svg('text', { class: 'chart-axis-label', x: 12, y: cy, 'text-anchor': 'middle', transform: `rotate(-90 12 ${cy})` }, ylabel));
  }
  root.append(axes);
  if (title) root.append(svg('text', { class: 'chart-title', x: W / 2, y: 16, 'text-anchor': 'middle' }, title));

  lines.forEach((s, i) => {
    const points = s.y.map((v, j) => (Number.isFinite(v) && Number.isFinite(s.x[j]) ? `${x(s.x[j]).toFixed(1)},${y(v).toFixed(1)}` : null)).filter(Boolean).join(' ');
    root.append(svg('polyline', { class: `chart-line chart-line-${i % 4}`, points }));
  });
  if (legend) {
    const g = svg('g', { class: 'chart-legend' });
    let lx = pad.left;
    lines.forEach((s, i) => {
      const ly = H - 8;
      g.append(
        svg('line', { class: `chart-line chart-line-${i % 4}`, x1: lx, y1: ly - 4, x2: lx + 16, y2: ly - 4 }),
        svg('text', { x: lx + 21, y: ly }, s.name),
      );
      lx += 21 + s.name.length * CHAR_W + 16;
    });
    root.append(g);
  }
  root.append(readout(root, lines, { x, y, pad }));
  return root;
}

// The hover / keyboard read-out: a guide at the nearest x with each series' value.
function readout(root, lines, { x, y, pad }) {
  const group = svg('g', { class: 'chart-readout', visibility: 'hidden' });
  const guide = svg('line', { class: 'chart-guide', y1: pad.top, y2: H - pad.bottom });
  const dots = lines.map((_, i) => svg('circle', { r: 3.5, class: `chart-dot chart-legend-${i % 4}` }));
  const box = svg('rect', { class: 'chart-readout-box', rx: 4 });
  const text = svg('text', { class: 'chart-readout-text' });
  group.append(guide, ...dots, box, text);
  const longest = lines.reduce((a, s) => (s.x.length > a.x.length ? s : a), lines[0] ?? { x: [] });
  let index = -1;

  const show = (i) => {
    if (!longest.x.length) return;
    index = Math.max(0, Math.min(longest.x.length - 1, i));
    const xv = longest.x[index];
    const px = x(xv);
    guide.setAttribute('x1', px);
    guide.setAttribute('x2', px);
    const rows = [`x = ${valueText(xv)}`];
    lines.forEach((s, k) => {
      const j = s.x.indexOf(xv);
      const v = j >= 0 ? s.y[j] : undefined;
      dots[k].setAttribute('visibility', v !== undefined && Number.isFinite(v) ? 'visible' : 'hidden');
      if (v !== undefined && Number.isFinite(v)) {
        dots[k].setAttribute('cx', px);
        dots[k].setAttribute('cy', y(v));
      }
      rows.push(`${s.name} = ${v === undefined ? '—' : valueText(v)}`);
    });
    text.replaceChildren(...rows.map((r, k) => svg('tspan', { x: 0, dy: k ? 14 : 0 }, r)));
    const w = Math.max(...rows.map((r) => r.length)) * CHAR_W + 12;
    const h = rows.length * 14 + 8;
    // The box sits beside the guide, on whichever side has room.
    const bx = px + 10 + w > W - 2 ? px - 10 - w : px + 10;
    const by = pad.top + 4;
    box.setAttribute('x', bx);
    box.setAttribute('y', by);
    box.setAttribute('width', w);
    box.setAttribute('height', h);
    text.setAttribute('transform', `translate(${bx + 6} ${by + 15})`);
    group.setAttribute('visibility', 'visible');
    root.dataset.readout = rows.join('; ');
  };
  const hide = () => group.setAttribute('visibility', 'hidden');
  const nearest = (clientX) => {
    const r = root.getBoundingClientRect();
    const vx = ((clientX - r.left) / r.width) * W;
    let best = 0;
    longest.x.forEach((v, i) => { if (Math.abs(x(v) - vx) < Math.abs(x(longest.x[best]) - vx)) best = i; });
    return best;
  };
  root.addEventListener('pointermove', (e) => show(nearest(e.clientX)));
  root.addEventListener('pointerleave', hide);
  root.addEventListener('blur', hide);
  root.addEventListener('keydown', (e) => {
    const step = { ArrowLeft: -1, ArrowRight: 1, Home: -Infinity, End: Infinity }[e.key];
    if (step === undefined) return;
    e.preventDefault();
    show(index < 0 ? 0 : index + (Number.isFinite(step) ? step : step > 0 ? longest.x.length : -longest.x.length));
  });
  return group;
}
