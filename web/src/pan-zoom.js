// Pan (drag) and zoom (wheel, around the pointer) for an SVG whose content
// sits in one <g>. Also "fit": scale the content to the visible area.
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
  }

  zoomAt(px, py, factor) {
    const k = Math.min(this.max, Math.max(this.min, this.k * factor));
    this.x = px - ((px - this.x) * k) / this.k;
    this.y = py - ((py - this.y) * k) / this.k;
    this.k = k;
    this.apply();
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

  fit(width, height) {
    const r = this.svg.getBoundingClientRect();
    const h = r.height;
    if (!r.width || !h) return;
    this.k = Math.min(1.25, Math.max(this.min, Math.min(r.width / width, h / height) * 0.95));
    this.x = (r.width - width * this.k) / 2;
    this.y = Math.max(4, (h - height * this.k) / 2);
    this.apply();
  }
}
