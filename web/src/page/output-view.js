// The Output pane: program text in monospace with whitespace preserved,
// errors in red with their line, plots, and run notices. User text is only
// ever inserted as text nodes, never parsed as HTML. The worker keeps a
// flood's head and tail; the page keeps its own cap as well, in case a worker
// misbehaves.
import { lineChart } from './plot.js';

const MAX_LINES = 12_000;
const MAX_CHARS = 3_000_000;

export class OutputView {
  // follow(): whether new output scrolls into view (not on a phone, where the
  // reader starts at the top of the output after a run).
  constructor(root, { onLineClick, follow = () => true }) {
    this.root = root;
    this.onLineClick = onLineClick;
    this.follow = follow;
  }

  clear() {
    this.root.replaceChildren();
    this.plots = new Map();
    this.loading = null;
    this.text = null;
    this.stream = null;
    this.lines = 0;
    this.chars = 0;
    this.truncated = false;
  }

  block(className, tag = 'div') {
    this.loading?.remove();
    this.loading = null;
    const el = document.createElement(tag);
    el.className = className;
    this.root.append(el);
    this.text = null;
    return el;
  }

  scrollToEnd() {
    if (!this.follow()) return;
    const pane = this.root.parentElement;
    pane.scrollTop = pane.scrollHeight;
  }

  // skipped: the number of lines the worker left out before these (a flood's tail).
  appendLog(chunks, skipped) {
    let truncated = false;
    if (skipped) this.notice(`… ${skipped.toLocaleString('en-US')} lines skipped …`, 'warn');
    for (const { stream, text } of chunks) {
      if (this.truncated) break;
      const lines = text.split('\n').length - 1;
      if (this.lines + lines > MAX_LINES || this.chars + text.length > MAX_CHARS) {
        truncated = true;
        break;
      }
      this.lines += lines;
      this.chars += text.length;
      if (!this.text) this.text = this.block('out-text', 'pre');
      const span = this.stream === stream && this.text.lastChild ? this.text.lastChild : this.text.appendChild(document.createElement('span'));
      span.className = stream === 'stderr' ? 'out-stderr' : 'out-stdout';
      span.appendChild(document.createTextNode(text));
      this.stream = stream;
    }
    if (truncated && !this.truncated) {
      this.truncated = true;
      this.notice('output truncated', 'warn');
    }
    this.scrollToEnd();
  }

  // Python's first load: bytes of its runtime read so far, in one bar that
  // updates in place and goes once Python is ready or the run shows anything else.
  progress({ loaded, total, done = false }) {
    if (done) {
      this.loading?.remove();
      this.loading = null;
      return;
    }
    if (!this.loading) {
      this.loading = this.block('out-notice out-info out-progress');
      this.loading.setAttribute('role', 'status');
      this.loadingLabel = this.loading.appendChild(document.createElement('span'));
      this.loadingBar = this.loading.appendChild(document.createElement('progress'));
      this.loadingBar.setAttribute('aria-label', 'Loading Python');
    }
    const mb = (n) => (n / 1e6).toFixed(1);
    this.loadingBar.max = total;
    this.loadingBar.value = loaded;
    this.loadingLabel.textContent = loaded < total ? `Loading Python… ${mb(loaded)} of ${mb(total)} MB` : `Starting Python… ${mb(total)} MB loaded`;
  }

  notice(text, tone = 'info') {
    const el = this.block(`out-notice out-${tone}`);
    el.textContent = text;
    this.scrollToEnd();
  }

  result(text) {
    const el = this.block('out-result', 'pre');
    el.textContent = text;
  }

  // traceback: Python's, shown as CPython prints it (it ends with name: message).
  error({ name, message, line, traceback }) {
    const el = this.block('out-error');
    el.setAttribute('role', 'alert');
    const head = document.createElement('pre');
    head.className = 'out-error-text';
    if (traceback) head.textContent = traceback.trimEnd();
    else head.textContent = name && !message.startsWith(name) ? `${name}: ${message}` : message;
    el.append(head);
    if (line) {
      const link = document.createElement('button');
      link.type = 'button';
      link.className = 'out-error-line';
      link.textContent = `line ${line}`;
      link.addEventListener('click', () => this.onLineClick(line));
      el.append(link);
    }
    this.scrollToEnd();
  }

  // A plot with the title of one this run already drew redraws that chart in
  // place: a training loop that plots its losses every few steps shows one live chart.
  plot(series, options) {
    const title = options?.title;
    const drawn = title ? this.plots?.get(title) : undefined;
    if (drawn?.isConnected) {
      drawn.replaceChildren(lineChart(series, options));
      return;
    }
    const figure = this.block('out-plot', 'figure');
    figure.append(lineChart(series, options));
    if (title) (this.plots ??= new Map()).set(title, figure);
    this.scrollToEnd();
  }
}
