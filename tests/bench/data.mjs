// Inputs shared by every library (seeded, so all sides start from the same
// numbers) and plain-JS float64 oracles that the measured results are checked
// against, so a fast wrong answer cannot pass unnoticed.

// mulberry32: tiny, seedable and identical on every JS engine.
export function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uniform(rand, n, lo, hi) {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = lo + (hi - lo) * rand();
  return out;
}

// B1: y <- tanh(y * MUL + ADD), repeated; constants chosen so the gradient
// neither vanishes nor explodes over 333 links, and neither is an identity
// that a library could fold away.
export const CHAIN = { x0: 0.5, mul: 1.001, add: 0.001 };

export function chainGradOracle(links) {
  let y = CHAIN.x0;
  let g = 1;
  for (let i = 0; i < links; i++) {
    y = Math.tanh(y * CHAIN.mul + CHAIN.add);
    g *= CHAIN.mul * (1 - y * y);
  }
  return g;
}

// B2: an MNIST-shaped batch and a 784-128-10 MLP. Weights are stored [in, out]
// row-major (x @ W + b) and drawn like PyTorch's nn.Linear default,
// U(-1/sqrt(in), 1/sqrt(in)).
export const MLP = { batch: 64, inputs: 784, hidden: 128, classes: 10, lr: 0.01 };

export function mlpProblem(seed = 1234) {
  const rand = prng(seed);
  const { batch, inputs, hidden, classes } = MLP;
  const k1 = 1 / Math.sqrt(inputs);
  const k2 = 1 / Math.sqrt(hidden);
  const targets = new Int32Array(batch);
  for (let i = 0; i < batch; i++) targets[i] = Math.floor(rand() * classes);
  return {
    x: uniform(rand, batch * inputs, 0, 1),
    targets,
    w1: uniform(rand, inputs * hidden, -k1, k1),
    b1: uniform(rand, hidden, -k1, k1),
    w2: uniform(rand, hidden * classes, -k2, k2),
    b2: uniform(rand, classes, -k2, k2),
  };
}

// Mean cross-entropy of the first forward pass, before any SGD step.
export function mlpLossOracle(p) {
  const { batch, inputs, hidden, classes } = MLP;
  let total = 0;
  const h = new Float64Array(hidden);
  const z = new Float64Array(classes);
  for (let r = 0; r < batch; r++) {
    for (let j = 0; j < hidden; j++) {
      let s = p.b1[j];
      for (let i = 0; i < inputs; i++) s += p.x[r * inputs + i] * p.w1[i * hidden + j];
      h[j] = Math.max(0, s);
    }
    let max = -Infinity;
    for (let c = 0; c < classes; c++) {
      let s = p.b2[c];
      for (let j = 0; j < hidden; j++) s += h[j] * p.w2[j * classes + c];
      z[c] = s;
      max = Math.max(max, s);
    }
    let sumExp = 0;
    for (let c = 0; c < classes; c++) sumExp += Math.exp(z[c] - max);
    total += max + Math.log(sumExp) - z[p.targets[r]];
  }
  return total / batch;
}

// B3: two n x n matrices with entries in U(-1, 1).
export function matmulProblem(n, seed = 42) {
  const rand = prng(seed + n);
  return { n, a: uniform(rand, n * n, -1, 1), b: uniform(rand, n * n, -1, 1) };
}

// A few entries of a @ b, enough to catch a transposed or garbled result
// without an O(n^3) oracle.
export const PROBES = [[0, 0], [1, 2], [-1, -1], [-2, 3]];

export function matmulProbeOracle({ n, a, b }) {
  return PROBES.map(([i, j]) => {
    const r = (i + n) % n;
    const c = (j + n) % n;
    let s = 0;
    for (let k = 0; k < n; k++) s += a[r * n + k] * b[k * n + c];
    return s;
  });
}

export function probe(data, n) {
  return PROBES.map(([i, j]) => data[((i + n) % n) * n + ((j + n) % n)]);
}
