// plot(ys) / plot({loss: [...]}) as a small SVG line chart: one polyline per
// series, min/max labels on the y axis, step count on the x axis, a legend
// when there is more than one series.
import { svg } from './svg.js';
import { formatNumber } from './py-format.js';

const W = 480;
const H = 200;
const PAD = { left: 56, right: 16, top: 18, bottom: 28 };

function tick(v) {
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(2);
  return formatNumber(Number(v.toPrecision(4)));
}

export function lineChart(series, title = '') {
  const entries = Object.entries(series).filter(([, ys]) => ys.length);
  const all = entries.flatMap(([, ys]) => ys.filter(Number.isFinite));
  let lo = all.length ? Math.min(...all) : 0;
  let hi = all.length ? Math.max(...all) : 1;
  if (lo === hi) { lo -= 1; hi += 1; }
  const n = Math.max(...entries.map(([, ys]) => ys.length), 2);
  const x = (i) => PAD.left + (i / (n - 1)) * (W - PAD.left - PAD.right);
  const y = (v) => PAD.top + (1 - (v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);

  const names = entries.map(([k]) => k).join(', ');
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': `Line chart${title ? ` ${title}` : ''} of ${names}` });
  const axes = svg('g', { class: 'chart-axes' });
  axes.append(
    svg('line', { x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: H - PAD.bottom }),
    svg('line', { x1: PAD.left, y1: H - PAD.bottom, x2: W - PAD.right, y2: H - PAD.bottom }),
    svg('line', { class: 'chart-grid', x1: PAD.left, y1: y((lo + hi) / 2), x2: W - PAD.right, y2: y((lo + hi) / 2) }),
    svg('text', { x: PAD.left - 6, y: y(hi) + 4, 'text-anchor': 'end' }, tick(hi)),
    svg('text', { x: PAD.left - 6, y: y(lo) + 4, 'text-anchor': 'end' }, tick(lo)),
    svg('text', { x: PAD.left, y: H - 8, 'text-anchor': 'start' }, '0'),
    svg('text', { x: W - PAD.right, y: H - 8, 'text-anchor': 'end' }, String(n - 1)),
  );
  root.append(axes);
  if (title) root.append(svg('text', { class: 'chart-title', x: W / 2, y: 12, 'text-anchor': 'middle' }, title));
  entries.forEach(([name, ys], i) => {
    const points = ys.map((v, j) => (Number.isFinite(v) ? `${x(j).toFixed(1)},${y(v).toFixed(1)}` : null)).filter(Boolean).join(' ');
    root.append(svg('polyline', { class: `chart-line chart-line-${i % 4}`, points }));
    if (entries.length > 1 || name !== 'y') {
      root.append(svg('text', { class: `chart-legend chart-legend-${i % 4}`, x: W - PAD.right, y: PAD.top + 12 + i * 14, 'text-anchor': 'end' }, name));
    }
  });
  return root;
}
