// B1 in Python: tests/bench/refs/python_chain.py run by Python mode (Pyodide
// over the engine, in this Node process) and by CPython with Debian's PyTorch
// 1.13 (/usr/bin/python3, one thread), the same text on both sides.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { CHAIN, chainGradOracle } from '../data.mjs';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const PROGRAM = readFileSync(path.join(import.meta.dirname, 'python_chain.py'), 'utf8');
export const LINKS = 333;
export const PYTHON = '/usr/bin/python3';

// Pyodide's interpreter is itself WebAssembly that V8 tiers up while it runs, so both sides
// warm up for at least 2 s whatever the run's timing asks.
function source({ warmupMs, sampleMs, rounds }) {
  warmupMs = Math.max(warmupMs, 2000);
  const prelude = `X0 = ${CHAIN.x0}\nMUL = ${CHAIN.mul}\nADD = ${CHAIN.add}\nLINKS = ${LINKS}\n` +
    `WARMUP_S = ${warmupMs / 1000}\nSAMPLE_S = ${sampleMs / 1000}\nROUNDS = ${rounds}\n`;
  return prelude + PROGRAM;
}

const lastJson = (stdout) => JSON.parse(stdout.trim().split('\n').pop());

/** {side: {first, us_per_op, samples} | {error}} for 'gradlab' (Python mode) and 'pytorch'. */
async function pythonChain(timing) {
  const code = source(timing);
  const out = {};
  try {
    const { loadPython } = await import(path.join(ROOT, 'wasm/python/index.js'));
    const py = await loadPython();
    const { stdout, error } = await py.run(code);
    out.gradlab = error ? { error: `${error.type}: ${error.message}` } : lastJson(stdout);
  } catch (err) {
    out.gradlab = { error: err.message };
  }
  try {
    const { stdout } = await promisify(execFile)(PYTHON, ['-c', code], { timeout: 600_000 });
    out.pytorch = lastJson(stdout);
  } catch (err) {
    out.pytorch = { error: err.message.split('\n')[0] };
  }
  return out;
}

/** The report row: µs per op on both sides, goal ≤ 2 × PyTorch; a gradient off the oracle is a warning. */
export async function pythonRow(timing, warn) {
  const results = await pythonChain(timing);
  const expected = chainGradOracle(LINKS);
  const values = {};
  const errors = {};
  const samples = {};
  for (const [side, r] of Object.entries(results)) {
    if (r.error) {
      errors[side] = r.error;
      continue;
    }
    const err = Math.abs(r.first - expected) / Math.abs(expected);
    if (!(err <= 1e-3)) warn(`B1 in Python, ${side}: gradient ${r.first} vs oracle ${expected} (relative error ${err})`);
    values[side] = r.us_per_op;
    samples[side] = r.samples;
  }
  return { id: 'B1-py', name: `B1 written in Python: Python mode (Pyodide, Node) vs CPython + PyTorch 1.13 (${PYTHON}, 1 thread)`,
    unit: 'µs/op', better: 'lower', values, errors, samples,
    goal: { ref: 'pytorch', op: '<=', limit: 2, text: '≤ 2 × PyTorch' } };
}
