// Turns measurements into the report: ratios Gradlab ÷ reference, the
// goals of issue 6 with PASS/MISS, and the Markdown and JSON files.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { markdownTable, fmt } from './harness.mjs';

export const GRADLAB = 'gradlab';
export const REFERENCES = ['tfjs-wasm', 'tfjs-cpu', 'jax-js', 'pytorch'];

// actual: Gradlab ÷ goal.ref, Gradlab ÷ goal.baseline, or Gradlab's own value.
// A row that already carries a status (memory) keeps it.
export function evaluate(row) {
  if (row.status) return row;
  const g = row.values[GRADLAB];
  const { goal } = row;
  if (!goal || typeof g !== 'number') return { ...row, status: goal ? 'n/a' : '' };
  const denom = goal.ref ? row.values[goal.ref] : goal.baseline;
  const actual = denom === undefined ? g : g / denom;
  const pass = goal.op === '<=' ? actual <= goal.limit : actual >= goal.limit;
  return { ...row, actual, status: pass ? 'PASS' : 'MISS' };
}

function ratioCell(row, ref) {
  const g = row.values[GRADLAB];
  const r = row.values[ref];
  return typeof g === 'number' && typeof r === 'number' ? `${fmt(g / r)}×` : '—';
}

function valueCell(row, side) {
  if (row.errors?.[side]) return 'error';
  const v = row.values[side];
  return typeof v === 'number' ? fmt(v) : (v ?? '—');
}

function mainTable(rows) {
  const headers = ['', 'benchmark', 'unit', 'Gradlab', ...REFERENCES,
    ...REFERENCES.map((r) => `Gradlab ÷ ${r}`), 'goal', 'measured', 'status'];
  return markdownTable(headers, rows.map((r) => [
    r.id, r.name, r.unit, valueCell(r, GRADLAB), ...REFERENCES.map((s) => valueCell(r, s)),
    ...REFERENCES.map((s) => ratioCell(r, s)), r.goal?.text ?? '',
    r.actual === undefined ? '—' : fmt(r.actual), r.status ? `**${r.status}**` : '',
  ]));
}

function memoryTable(mem) {
  const rows = Object.entries(mem).map(([side, m]) => {
    if (m.error) return [side, 'error', m.error, '', '', '', ''];
    const snap = (s) => `${s.tensors} / ${fmt(s.bytes / 1024)} KiB${s.heapBytes ? ` / ${fmt(s.heapBytes / 2 ** 20)} MiB` : ''}`;
    return [side, String(m.steps), snap(m.before), snap(m.warm), snap(m.after), snap(m.disposed),
      m.flat ? 'flat' : '**grew**'];
  });
  return markdownTable(['library', 'steps', 'before', 'after warm-up', 'after steps', 'after dispose', 'verdict'], rows);
}

export function environment(versions, options) {
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpu: `${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}`,
    platform: `${os.platform()} ${os.release()}`,
    versions,
    options,
  };
}

export function markdown({ env, rows, size, startup, memory, errors, warnings }) {
  const out = [
    '# Gradlab benchmarks', '',
    `${env.date} · Node ${env.node} · ${env.cpu} · ${env.platform}`, '',
    `Libraries: ${Object.entries(env.versions).map(([k, v]) => `${k} ${v}`).join(', ')}. `
      + `Options: ${JSON.stringify(env.options)}.`, '',
    mainTable(rows), '',
    'Times are medians over interleaved rounds after warm-up. Ratios divide Gradlab\'s figure by the '
      + 'reference\'s in the row\'s unit: below 1 is better for µs and ms, above 1 for GFLOP/s. '
      + '"measured" is the quantity the goal constrains.', '',
  ];
  if (size) {
    out.push('## Package size', '', markdownTable(['file', 'bytes', 'gzip -9'],
      size.files.map((f) => [f.file, String(f.bytes), String(f.gzip)])), '');
  }
  if (startup) {
    out.push('## Start-up', '', `Median of ${startup.runs} spawns each: empty \`node -e ""\` `
      + `${fmt(startup.emptyMs)} ms; importing Gradlab and computing \`torch.ones(1).add(1).item()\` `
      + `${fmt(startup.gradlabMs)} ms.`, '');
  }
  if (memory) {
    out.push('## Memory', '', 'B2 training steps; each cell: live tensors / their bytes / WebAssembly heap.', '',
      memoryTable(memory), '');
  }
  if (errors.length) out.push('## Errors', '', ...errors.map((e) => `- ${e}`), '');
  out.push('## Agreement checks', '', warnings.length
    ? warnings.map((w) => `- WARNING: ${w}`).join('\n')
    : `Every library's B1 gradient, B2 and B4 first-step losses and B3 probed entries agree with the float64 oracle within 1e-3 relative.`, '');
  return out.join('\n');
}

export function write(dir, md, json) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'latest.md'), md);
  writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
}
