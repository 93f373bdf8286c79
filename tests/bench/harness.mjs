// Timing harness: every library warms up, then the libraries take turns
// sample by sample (interleaved rounds, so a slow patch of the machine hits
// everyone alike) and each reports its median. Also the Markdown table writer.

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function runFor(inst, ms) {
  let n = 0;
  const t0 = performance.now();
  do { inst.run(); n++; } while (performance.now() - t0 < ms || n < 2);
  return (performance.now() - t0) / n;
}

// sides: [{name, activate, ...}]; make(side) -> {run() -> value, dispose()}.
// Returns, per side name, {ms: median ms per run, first: value of the very
// first run, samples} or {error}. A side that throws is reported, not fatal.
export async function measure(sides, make, { warmupMs, sampleMs, rounds }) {
  const live = [];
  const out = {};
  for (const side of sides) {
    try {
      await side.activate();
      const inst = make(side);
      const first = inst.run();
      const perRun = runFor(inst, warmupMs);
      const reps = Math.max(1, Math.round(sampleMs / perRun));
      live.push({ side, inst, reps, samples: [] });
      out[side.name] = { first };
    } catch (err) {
      out[side.name] = { error: err.message };
    }
  }
  for (let r = 0; r < rounds; r++) {
    // Rotate who goes first, so no library always runs right after another.
    for (let i = 0; i < live.length; i++) {
      const c = live[(i + r) % live.length];
      if (c.error) continue;
      try {
        await c.side.activate();
        const t0 = performance.now();
        for (let k = 0; k < c.reps; k++) c.inst.run();
        c.samples.push((performance.now() - t0) / c.reps);
      } catch (err) {
        c.error = err.message;
      }
    }
  }
  for (const c of live) {
    await c.side.activate();
    c.inst.dispose();
    const res = out[c.side.name];
    if (c.error) res.error = c.error;
    else Object.assign(res, { ms: median(c.samples), samples: c.samples, reps: c.reps });
  }
  return out;
}

export function markdownTable(headers, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

// Three significant digits, without exponent notation for everyday sizes.
export function fmt(x) {
  if (x == null || Number.isNaN(x)) return '—';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1000) return x.toFixed(0);
  if (a >= 1e-3) return String(Number(x.toPrecision(3)));
  return x.toExponential(2);
}
