// A heat map of a 2-D tensor for the Tensors pane: one cell per sampled
// value, a diverging scale around 0 when values have both signs (blue
// negative, red positive), a sequential one otherwise, and a legend with the
// range. Drawn on a canvas, which is as cheap for 48 × 48 cells as for 4.
const CELL_MAX = 18;
const WIDTH_MAX = 320;

function colour(v, lo, hi, diverging) {
  if (!Number.isFinite(v)) return 'rgb(128,128,128)';
  if (diverging) {
    const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
    const t = Math.max(-1, Math.min(1, v / m));
    const fade = (c) => Math.round(255 - (255 - c) * Math.abs(t));
    return t < 0 ? `rgb(${fade(37)},${fade(99)},${fade(235)})` : `rgb(${fade(220)},${fade(38)},${fade(38)})`;
  }
  const t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
  const mix = (a, b) => Math.round(a + (b - a) * t);
  return `rgb(${mix(240, 30)},${mix(244, 64)},${mix(255, 175)})`;
}

export function heatMap(heat, summary) {
  const values = heat.values;
  const rows = values.length;
  const cols = values[0].length;
  const cell = Math.max(2, Math.min(CELL_MAX, Math.floor(WIDTH_MAX / cols)));
  const flat = values.flat().filter(Number.isFinite);
  const lo = flat.length ? Math.min(...flat) : 0;
  const hi = flat.length ? Math.max(...flat) : 0;
  const diverging = lo < 0 && hi > 0;

  const figure = document.createElement('figure');
  figure.className = 'heat-map';
  const canvas = document.createElement('canvas');
  canvas.width = cols * cell;
  canvas.height = rows * cell;
  canvas.setAttribute('role', 'img');
  const sampled = rows < heat.rows || cols < heat.cols;
  canvas.setAttribute('aria-label', `Heat map of a ${heat.rows} × ${heat.cols} matrix${sampled ? `, sampled on a ${rows} × ${cols} grid` : ''}, from ${summary?.min ?? lo} to ${summary?.max ?? hi}`);
  const ctx = canvas.getContext('2d');
  values.forEach((row, i) => row.forEach((v, j) => {
    ctx.fillStyle = colour(v, lo, hi, diverging);
    ctx.fillRect(j * cell, i * cell, cell, cell);
  }));
  const caption = document.createElement('figcaption');
  caption.textContent = `${diverging ? 'blue < 0 < red' : 'light → dark'} · ${sampled ? `sampled ${rows} × ${cols} of ${heat.rows} × ${heat.cols}` : `${heat.rows} × ${heat.cols}`}`;
  figure.append(canvas, caption);
  return figure;
}
