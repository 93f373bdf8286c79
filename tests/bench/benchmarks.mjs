// The timed benchmarks B1-B3 (and B4, the LeNet step, in b4.mjs): what each side runs, the unit each is reported
// in, the goal from issue 6, and the check that every library computed the
// same numbers as the plain-JS float64 oracle.
import { b4 } from './b4.mjs';
import { measure } from './harness.mjs';
import {
  chainGradOracle, mlpProblem, mlpLossOracle, matmulProblem, matmulProbeOracle, probe,
} from './data.mjs';

// Relative agreement asked of float32 libraries against the float64 oracle;
// `floor` keeps near-zero matmul entries from demanding absolute precision.
const TOLERANCE = 1e-3;

function disagreement(value, expected, floor = 0) {
  const err = Math.abs(value - expected) / Math.max(Math.abs(expected), floor);
  return err > TOLERANCE || Number.isNaN(err) ? err : null;
}

function row(id, name, unit, better, results, toValue, goal) {
  const values = {};
  const errors = {};
  const samples = {};
  for (const [side, r] of Object.entries(results)) {
    if (r.error) errors[side] = r.error;
    else {
      values[side] = toValue(side, r.ms);
      samples[side] = r.samples.map((ms) => toValue(side, ms));
    }
  }
  return { id, name, unit, better, values, errors, goal, samples };
}

// jax-js's eager autodiff grows faster than linearly with chain length, so it
// runs a chain a tenth as long; the cost is still reported per op.
const chainLinks = (side) => (side === 'jax-js' ? 33 : 333);

async function b1(sides, timing, warn) {
  const results = await measure(sides, (s) => s.chain(chainLinks(s.name)), timing);
  for (const [side, r] of Object.entries(results)) {
    if (r.error) continue;
    const expected = chainGradOracle(chainLinks(side));
    const err = disagreement(r.first, expected);
    if (err != null) warn(`B1 ${side}: gradient ${r.first} vs oracle ${expected} (relative error ${err})`);
  }
  return [row('B1', '333 × (mul, add, tanh) on a scalar, then its gradient (jax-js: 33 ×)', 'µs/op', 'lower',
    results, (side, ms) => (ms * 1000) / (3 * chainLinks(side)),
    { ref: 'tfjs-wasm', op: '<=', limit: 1 / 15, text: '≤ 1/15 × tfjs-wasm' })];
}

async function b2(sides, timing, warn) {
  const problem = mlpProblem();
  const expected = mlpLossOracle(problem);
  const results = await measure(sides, (s) => s.mlp(problem), timing);
  for (const [side, r] of Object.entries(results)) {
    if (r.error) continue;
    const err = disagreement(r.first, expected);
    if (err != null) warn(`B2 ${side}: first-step loss ${r.first} vs oracle ${expected} (relative error ${err})`);
  }
  return [row('B2', 'MLP 784-128-10, batch 64: forward, cross-entropy, backward, SGD', 'ms/step', 'lower',
    results, (side, ms) => ms,
    { ref: 'tfjs-wasm', op: '<=', limit: 0.5, text: '≤ 0.5 × tfjs-wasm' })];
}

async function b3(sides, timing, warn) {
  const rows = [];
  for (const n of [128, 512, 1024]) {
    const problem = matmulProblem(n);
    const expected = matmulProbeOracle(problem);
    const results = await measure(sides, (s) => s.matmul(problem), timing);
    for (const [side, r] of Object.entries(results)) {
      if (r.error) continue;
      const got = probe(r.first, n);
      got.forEach((v, i) => {
        const err = disagreement(v, expected[i], 1);
        if (err != null) warn(`B3 ${side} n=${n}: probe ${i} is ${v}, oracle ${expected[i]}`);
      });
    }
    const least = n === 128 ? 1.0 : 1.2;
    rows.push(row('B3', `matmul ${n}×${n} float32, result read back`, 'GFLOP/s', 'higher',
      results, (side, ms) => (2 * n ** 3) / (ms * 1e6),
      { ref: 'tfjs-wasm', op: '>=', limit: least, text: `≥ ${least.toFixed(1)} × tfjs-wasm` }));
  }
  return rows;
}

export const BENCHMARKS = { B1: b1, B2: b2, B3: b3, B4: b4 };
