// Worker side of the output stream: batches text into 'log' messages (at most
// one every ~50 ms, flushed even inside a busy loop) and caps a run's output,
// so a million prints cost the page one notice instead of a frozen tab.
export const MAX_LINES = 5000;
export const MAX_BYTES = 1_000_000;
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
    this.truncated = false;
    // The first text of a run goes out at once: a busy loop right after it
    // would otherwise hold it until the worker is killed.
    this.lastFlush = -Infinity;
    clearTimeout(this.timer);
    this.timer = 0;
  }

  write(text, stream = 'stdout') {
    if (this.truncated) return;
    let lines = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines += 1;
    if (this.lines + lines > MAX_LINES || this.bytes + text.length > MAX_BYTES) {
      this.truncated = true;
      this.flush();
      this.post({ type: 'log', runId: this.runId, chunks: [], truncated: true });
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

  // Anything posted after text (a tensor, a plot) must not overtake it.
  flush() {
    clearTimeout(this.timer);
    this.timer = 0;
    this.lastFlush = performance.now();
    if (!this.chunks.length) return;
    this.post({ type: 'log', runId: this.runId, chunks: this.chunks });
    this.chunks = [];
  }
}
