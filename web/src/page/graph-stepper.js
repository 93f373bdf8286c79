// Step-through controls for a backward pass: first / previous / play-pause /
// next, replaying the order the engine ran the nodes in (as captured) one node at a
// time. The view decides how a step looks; this file owns position and timing.
const PLAY_MS = 1100;

function button(label, title, path) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'btn btn-small btn-icon';
  b.setAttribute('aria-label', title);
  b.title = title;
  b.dataset.action = label;
  const ns = 'http://www.w3.org/2000/svg';
  const icon = document.createElementNS(ns, 'svg');
  icon.setAttribute('viewBox', '0 0 16 16');
  icon.setAttribute('aria-hidden', 'true');
  const p = document.createElementNS(ns, 'path');
  p.setAttribute('d', path);
  icon.append(p);
  b.append(icon);
  return b;
}

export class Stepper {
  constructor(render) {
    this.render = render;
    this.controls = document.createElement('div');
    this.controls.className = 'stepper';
    this.controls.setAttribute('role', 'group');
    this.controls.setAttribute('aria-label', 'Step through backward');
    this.first = button('reset', 'Back to the full graph', 'M3 3v10M13 3L6 8l7 5z');
    this.prev = button('prev', 'Previous step', 'M11 3L5 8l6 5z');
    this.play = button('play', 'Play the backward pass', 'M5 3v10l8-5z');
    this.next = button('next', 'Next step', 'M5 3l6 5-6 5z');
    this.label = document.createElement('span');
    this.label.className = 'step-label';
    this.controls.append(this.first, this.prev, this.play, this.next, this.label);
    this.first.addEventListener('click', () => this.go(-1));
    this.prev.addEventListener('click', () => this.go(Math.max(0, this.index - 1)));
    this.next.addEventListener('click', () => this.go(this.index + 1));
    this.play.addEventListener('click', () => (this.timer ? this.pause() : this.start()));
    this.load(null);
  }

  get active() {
    return this.index >= 0;
  }

  load(graph) {
    this.order = graph ? graph.order : [];
    this.index = -1;
    this.pause();
    this.controls.hidden = !graph;
    this.update();
  }

  go(index) {
    if (index >= this.order.length) return;
    this.index = index;
    this.update();
    this.render(index < 0 ? null : { index, order: this.order });
  }

  start() {
    if (this.index >= this.order.length - 1) this.go(-1);
    this.go(this.index + 1);
    this.timer = setInterval(() => {
      if (this.index >= this.order.length - 1) this.pause();
      else this.go(this.index + 1);
    }, PLAY_MS);
    this.update();
  }

  pause() {
    clearInterval(this.timer);
    this.timer = 0;
    this.update();
  }

  update() {
    const n = this.order.length;
    this.first.disabled = this.index < 0;
    this.prev.disabled = this.index <= 0;
    this.next.disabled = this.index >= n - 1;
    const playing = Boolean(this.timer);
    this.play.querySelector('path').setAttribute('d', playing ? 'M4 3h3v10H4zM9 3h3v10H9z' : 'M5 3v10l8-5z');
    this.play.setAttribute('aria-label', playing ? 'Pause' : 'Play the backward pass');
    this.play.title = this.play.getAttribute('aria-label');
    this.label.textContent = this.index < 0 ? `${n} steps` : `step ${this.index + 1} / ${n}`;
  }
}
