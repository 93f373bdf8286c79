// Worker side of the output stream: batches text into 'log' messages (at most
// one every ~50 ms, flushed even inside a busy loop). A flood keeps its head
// and its tail: past MAX_LINES only the last TAIL_LINES lines are held, and
// finish() sends them with the count of lines skipped in between, so a
// million prints cost the page a few thousand lines, not a frozen tab.
export const MAX_LINES = 5000;
export const MAX_BYTES = 1_000_000;
export const TAIL_LINES = 500;
const TAIL_LINE_CHARS = 10_000;
const FLUSH_MS = 50;

export class OutputStream {
  constructor(post) {
    this.post = post;
    this.reset(0);
  }

  reset(runId) {
    this.runId = runId;
    this.chunks = [];
    this.lines = 0;
    this.bytes = 0;
    this.flooded = false;
    this.tail = [];
    this.skipped = 0;
    this.partial = null;
    // The first text of a run goes out at once: a busy loop right after it
    // would otherwise hold it until the worker is killed.
    this.lastFlush = -Infinity;
    clearTimeout(this.timer);
    this.timer = 0;
  }

  write(text, stream = 'stdout') {
    if (this.flooded) {
      this.hold(text, stream);
      return;
    }
    let lines = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines += 1;
    if (this.lines + lines > MAX_LINES || this.bytes + text.length > MAX_BYTES) {
      this.flooded = true;
      this.flush();
      this.hold(text, stream);
      return;
    }
    this.lines += lines;
    this.bytes += text.length;
    const last = this.chunks[this.chunks.length - 1];
    if (last && last.stream === stream) last.text += text;
    else this.chunks.push({ stream, text });
    if (performance.now() - this.lastFlush >= FLUSH_MS) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), FLUSH_MS);
  }

  // Past the cap: keep the last TAIL_LINES lines, count the ones pushed out.
  hold(text, stream) {
    const parts = text.split('\n');
    parts.forEach((part, k) => {
      const complete = k < parts.length - 1;
      if (this.partial) {
        this.partial.text = (this.partial.text + part).slice(0, TAIL_LINE_CHARS);
      } else if (part || complete) {
        this.partial = { stream, text: part.slice(0, TAIL_LINE_CHARS) };
        this.tail.push(this.partial);
        // Trimmed in batches: shifting one line at a time is quadratic.
        if (this.tail.length >= 2 * TAIL_LINES) {
          this.skipped += this.tail.length - TAIL_LINES;
          this.tail.splice(0, this.tail.length - TAIL_LINES);
        }
      }
      if (complete) {
        this.partial.text += '\n';
        this.partial = null;
      }
    });
  }

  // Anything posted after text (a tensor, a plot) must not overtake it.
  flush() {
    clearTimeout(this.timer);
    this.timer = 0;
    this.lastFlush = performance.now();
    if (!this.chunks.length) return;
    this.post({ type: 'log', runId: this.runId, chunks: this.chunks });
    this.chunks = [];
  }

  // At the end of a run: the tail of a flood, after a count of what was skipped.
  finish() {
    this.flush();
    if (!this.flooded) return;
    const cut = Math.max(0, this.tail.length - TAIL_LINES);
    this.skipped += cut;
    const chunks = [];
    for (const { stream, text } of this.tail.slice(cut)) {
      const last = chunks[chunks.length - 1];
      if (last && last.stream === stream) last.text += text;
      else chunks.push({ stream, text });
    }
    this.post({ type: 'log', runId: this.runId, chunks, skipped: this.skipped });
    this.tail = [];
    this.skipped = 0;
    this.partial = null;
    // Late prints (timers) start a fresh allowance.
    this.flooded = false;
    this.lines = 0;
    this.bytes = 0;
  }
}
