// Pan (drag, arrow keys) and zoom (wheel around the pointer, + / − keys and
// buttons around the centre) for an SVG whose content sits in one <g>. Also
// "fit": the content scaled to the visible area, never below minScale, so
// text stays readable; a graph larger than that is panned, not shrunk.
const KEY_ZOOM = 1.25;
const KEY_PAN = 60;

export class PanZoom {
  constructor(svgEl, group, { minScale = 0.2, maxScale = 4 } = {}) {
    this.svg = svgEl;
    this.group = group;
    this.min = minScale;
    this.max = maxScale;
    this.x = 0;
    this.y = 0;
    this.k = 1;
    svgEl.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    svgEl.addEventListener('pointerdown', (e) => this.onDown(e));
  }

  apply() {
    this.group.setAttribute('transform', `translate(${this.x.toFixed(1)} ${this.y.toFixed(1)}) scale(${this.k.toFixed(4)})`);
    this.svg.dataset.scale = this.k.toFixed(4);
  }

  zoomAt(px, py, factor) {
    const k = Math.min(this.max, Math.max(this.min, this.k * factor));
    this.x = px - ((px - this.x) * k) / this.k;
    this.y = py - ((py - this.y) * k) / this.k;
    this.k = k;
    this.apply();
  }

  zoomBy(factor) {
    const r = this.svg.getBoundingClientRect();
    this.zoomAt(r.width / 2, r.height / 2, factor);
  }

  panBy(dx, dy) {
    this.x += dx;
    this.y += dy;
    this.apply();
  }

  // Keys for a focused canvas: + / − zoom, arrows pan. Returns whether handled.
  onKey(e) {
    const actions = {
      '+': () => this.zoomBy(KEY_ZOOM),
      '=': () => this.zoomBy(KEY_ZOOM),
      '-': () => this.zoomBy(1 / KEY_ZOOM),
      ArrowLeft: () => this.panBy(KEY_PAN, 0),
      ArrowRight: () => this.panBy(-KEY_PAN, 0),
      ArrowUp: () => this.panBy(0, KEY_PAN),
      ArrowDown: () => this.panBy(0, -KEY_PAN),
    };
    const action = actions[e.key];
    if (!action || e.ctrlKey || e.metaKey || e.altKey) return false;
    action();
    return true;
  }

  onWheel(e) {
    e.preventDefault();
    const r = this.svg.getBoundingClientRect();
    this.zoomAt(e.clientX - r.left, e.clientY - r.top, Math.exp(-e.deltaY * (e.deltaMode ? 0.05 : 0.0015)));
  }

  onDown(e) {
    if (e.button !== 0 || e.target.closest('.gnode')) return;
    const start = { x: e.clientX, y: e.clientY, tx: this.x, ty: this.y };
    this.svg.setPointerCapture(e.pointerId);
    this.svg.classList.add('panning');
    const move = (m) => {
      this.x = start.tx + m.clientX - start.x;
      this.y = start.ty + m.clientY - start.y;
      this.apply();
    };
    const up = () => {
      this.svg.classList.remove('panning');
      this.svg.removeEventListener('pointermove', move);
      this.svg.removeEventListener('pointerup', up);
      this.svg.removeEventListener('pointercancel', up);
    };
    this.svg.addEventListener('pointermove', move);
    this.svg.addEventListener('pointerup', up);
    this.svg.addEventListener('pointercancel', up);
  }

  // The scale at which width × height would fill the view (unclamped); 0 while hidden.
  fitScale(width, height) {
    const r = this.svg.getBoundingClientRect();
    if (!r.width || !r.height) return 0;
    return Math.min(r.width / width, r.height / height) * 0.95;
  }

  // Centred when it fits; otherwise at the smallest readable scale, from the
  // top left (the output is at the top).
  fit(width, height) {
    const r = this.svg.getBoundingClientRect();
    if (!r.width || !r.height) return;
    this.k = Math.min(1.25, Math.max(this.min, this.fitScale(width, height)));
    this.x = Math.max(8, (r.width - width * this.k) / 2);
    this.y = Math.max(4, (r.height - height * this.k) / 2);
    this.apply();
  }
}
