// Replays difftest programs in Python mode: the `py` text of each step — the
// Python that real PyTorch 1.13 ran when the fixture was made — runs in
// Pyodide over Gradlab's `torch` (replay_python.py, which records values with
// the generator's own record.py), and each step is compared with PyTorch's
// record as replay.js compares the JavaScript replay. In Python the error
// must match exactly: the first line of the message, and the exception class.
import { readFileSync } from 'node:fs';
import { diffRecord } from './replay.js';

const FILES = ['record.py', 'replay_python.py'];

// record.py spells NaN, ±inf and -0 as strings (JSON has none of them);
// diffRecord takes the package's side as numbers.
const number = (v) => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === '-0' ? -0 : v);
function numbers(rec) {
  if (!rec || typeof rec !== 'object') return rec;
  if (Array.isArray(rec.v)) return { ...rec, v: rec.v.map(number) };
  if ('value' in rec) return { ...rec, value: number(rec.value) };
  if (Array.isArray(rec.list)) return { ...rec, list: rec.list.map(numbers) };
  return rec;
}

/** The first difference between PyTorch's steps and Python mode's, as replay() reports it, or null. */
export function diffSteps(program, actual) {
  for (let k = 0; k < program.steps.length; k++) {
    const step = program.steps[k];
    const exp = step.expect;
    const act = actual[k];
    const at = (d) => ({ step: k, js: step.py, ...d });
    if ('error' in exp || 'error' in act) {
      if (!('error' in act)) return at({ what: 'no error', expected: `${exp.type}: ${exp.error}`, actual: 'no error' });
      if (!('error' in exp)) return at({ what: 'unexpected error', expected: 'no error', actual: `${act.type}: ${act.error}` });
      if (exp.type !== act.type || exp.error !== act.error) {
        return at({ what: exp.type !== act.type ? 'error class' : 'error message', expected: `${exp.type}: ${exp.error}`, actual: `${act.type}: ${act.error}` });
      }
      continue;
    }
    for (const name of step.rec ?? []) {
      const d = diffRecord(exp.out[name], numbers(act.out[name]), name);
      if (d) return at(d);
    }
    for (const name of step.grads ?? []) {
      const d = diffRecord(exp.grads[name], numbers(act.grads[name]), `${name}.grad`);
      if (d) return at(d);
    }
  }
  return null;
}

/**
 * Runs programs in py (loadPython()'s runtime) and returns [{program, mismatch}]
 * for those that differ from PyTorch.
 */
export async function replayPython(py, programs) {
  const { FS } = py.pyodide;
  if (!FS.analyzePath('/difftest').exists) FS.mkdir('/difftest');
  for (const f of FILES) FS.writeFile(`/difftest/${f}`, readFileSync(new URL(f, import.meta.url), 'utf8'));
  FS.writeFile('/difftest/programs.json', JSON.stringify(programs));
  const { stdout, error } = await py.run([
    'import sys',
    'sys.path.insert(0, "/difftest")',
    'import replay_python',
    'replay_python.main("/difftest/programs.json")',
  ].join('\n'));
  if (error) throw new Error(`the Python replay failed: ${error.traceback}`);
  const byId = new Map(programs.map((p) => [p.id, p]));
  const out = [];
  for (const line of stdout.split('\n')) {
    if (!line) continue;
    const { id, steps } = JSON.parse(line);
    const program = byId.get(id);
    const mismatch = diffSteps(program, steps);
    if (mismatch) out.push({ program, mismatch });
  }
  return out;
}
