// B4 (issue 15): one LeNet-5 training step on a batch of 64 28×28 images —
// conv 1→6 5×5, ReLU, max pool 2, conv 6→16 5×5, ReLU, max pool 2, linear
// 256→120→84→10 (ReLU between), mean cross-entropy, backward, SGD — in
// Gradlab and TensorFlow.js (refs/lenet.mjs, in this process) and in PyTorch
// 1.13 on one thread (refs/python_lenet.py, /usr/bin/python3), from the same
// seeded weights and batch, each checked against a float64 oracle of the
// first step's loss.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { measure } from './harness.mjs';
import { prng } from './data.mjs';
import { lenetSteps } from './refs/lenet.mjs';

export const LENET = { batch: 64, size: 28, classes: 10, lr: 0.01 };
// [name, shape] in PyTorch's layouts: conv weights (out, in, kh, kw), linear weights (out, in).
export const LENET_PARAMS = [
  ['conv1.weight', [6, 1, 5, 5]], ['conv1.bias', [6]],
  ['conv2.weight', [16, 6, 5, 5]], ['conv2.bias', [16]],
  ['fc1.weight', [120, 256]], ['fc1.bias', [120]],
  ['fc2.weight', [84, 120]], ['fc2.bias', [84]],
  ['fc3.weight', [10, 84]], ['fc3.bias', [10]],
];
const PYTHON = '/usr/bin/python3';
const TOLERANCE = 1e-3;

/** The batch (x: 64×1×28×28 in U(0, 1), int targets) and weights drawn as PyTorch's defaults: U(±1/√fan_in). */
export function lenetProblem(seed = 4321) {
  const rand = prng(seed);
  const { batch, size, classes } = LENET;
  const uniform = (n, lo, hi) => Float32Array.from({ length: n }, () => lo + (hi - lo) * rand());
  const targets = Int32Array.from({ length: batch }, () => Math.floor(rand() * classes));
  const x = uniform(batch * size * size, 0, 1);
  const params = {};
  for (const [name, shape] of LENET_PARAMS) {
    const weightShape = LENET_PARAMS.find(([n]) => n === name.replace('bias', 'weight'))[1];
    const k = 1 / Math.sqrt(weightShape.slice(1).reduce((a, b) => a * b, 1));
    params[name] = uniform(shape.reduce((a, b) => a * b, 1), -k, k);
  }
  return { x, targets, params };
}

// Plain float64 NCHW layers for the oracle.
function conv(input, [n, c, h, w], weight, bias, out, k) {
  const oh = h - k + 1;
  const ow = w - k + 1;
  const y = new Float64Array(n * out * oh * ow);
  for (let b = 0; b < n; b++) {
    for (let o = 0; o < out; o++) {
      for (let i = 0; i < oh; i++) {
        for (let j = 0; j < ow; j++) {
          let s = bias[o];
          for (let ci = 0; ci < c; ci++) {
            for (let di = 0; di < k; di++) {
              for (let dj = 0; dj < k; dj++) {
                s += input[((b * c + ci) * h + i + di) * w + j + dj] * weight[((o * c + ci) * k + di) * k + dj];
              }
            }
          }
          y[((b * out + o) * oh + i) * ow + j] = Math.max(0, s);
        }
      }
    }
  }
  return [y, [n, out, oh, ow]];
}

function pool([input, [n, c, h, w]]) {
  const oh = h >> 1;
  const ow = w >> 1;
  const y = new Float64Array(n * c * oh * ow);
  for (let p = 0; p < n * c; p++) {
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        const at = (di, dj) => input[(p * h + 2 * i + di) * w + 2 * j + dj];
        y[(p * oh + i) * ow + j] = Math.max(at(0, 0), at(0, 1), at(1, 0), at(1, 1));
      }
    }
  }
  return [y, [n, c, oh, ow]];
}

function dense(input, n, weight, bias, relu) {
  const out = bias.length;
  const inputs = input.length / n;
  const y = new Float64Array(n * out);
  for (let b = 0; b < n; b++) {
    for (let o = 0; o < out; o++) {
      let s = bias[o];
      for (let i = 0; i < inputs; i++) s += input[b * inputs + i] * weight[o * inputs + i];
      y[b * out + o] = relu ? Math.max(0, s) : s;
    }
  }
  return y;
}

/** Mean cross-entropy of the first forward pass, in float64. */
export function lenetLossOracle({ x, targets, params: p }) {
  const { batch, size, classes } = LENET;
  let [h, shape] = pool(conv(x, [batch, 1, size, size], p['conv1.weight'], p['conv1.bias'], 6, 5));
  [h] = pool(conv(h, shape, p['conv2.weight'], p['conv2.bias'], 16, 5));
  h = dense(h, batch, p['fc1.weight'], p['fc1.bias'], true);
  h = dense(h, batch, p['fc2.weight'], p['fc2.bias'], true);
  const z = dense(h, batch, p['fc3.weight'], p['fc3.bias'], false);
  let total = 0;
  for (let b = 0; b < batch; b++) {
    const row = z.subarray(b * classes, (b + 1) * classes);
    const max = Math.max(...row);
    total += max + Math.log(row.reduce((s, v) => s + Math.exp(v - max), 0)) - row[targets[b]];
  }
  return total / batch;
}

/** PyTorch's side: refs/python_lenet.py reads the problem and the timing on stdin and prints {first, ms, samples}. */
async function pytorch(problem, { warmupMs, sampleMs, rounds }) {
  const input = JSON.stringify({
    ...LENET, warmup_s: warmupMs / 1000, sample_s: sampleMs / 1000, rounds,
    x: Array.from(problem.x), targets: Array.from(problem.targets),
    params: LENET_PARAMS.map(([name, shape]) => [name, shape, Array.from(problem.params[name])]),
  });
  const script = path.join(import.meta.dirname, 'refs/python_lenet.py');
  const child = promisify(execFile)(PYTHON, [script], { timeout: 600_000, maxBuffer: 1 << 20 });
  child.child.stdin.end(input);
  const { stdout } = await child;
  return JSON.parse(stdout.trim().split('\n').pop());
}

/** The report row: ms per step for every side that has a LeNet (jax-js has none), goal ≤ 0.5 × tfjs-wasm. */
export async function b4(sides, timing, warn) {
  const problem = lenetProblem();
  const expected = lenetLossOracle(problem);
  const steps = await lenetSteps();
  const results = await measure(sides.filter((s) => steps[s.name]), (s) => steps[s.name](problem), timing);
  try {
    results.pytorch = await pytorch(problem, timing);
  } catch (err) {
    results.pytorch = { error: err.message.split('\n')[0] };
  }
  const values = {};
  const errors = {};
  const samples = {};
  for (const [side, r] of Object.entries(results)) {
    if (r.error) {
      errors[side] = r.error;
      continue;
    }
    const err = Math.abs(r.first - expected) / Math.abs(expected);
    if (!(err <= TOLERANCE)) warn(`B4 ${side}: first-step loss ${r.first} vs oracle ${expected} (relative error ${err})`);
    values[side] = r.ms;
    samples[side] = r.samples;
  }
  return [{
    id: 'B4', name: 'LeNet-5 step, batch 64 of 28×28: conv 5×5 ×2, max pool ×2, 3 linear, cross-entropy, backward, SGD (PyTorch: 1 thread)',
    unit: 'ms/step', better: 'lower', values, errors, samples,
    goal: { ref: 'tfjs-wasm', op: '<=', limit: 0.5, text: '≤ 0.5 × tfjs-wasm' },
  }];
}
