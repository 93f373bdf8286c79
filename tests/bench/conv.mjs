// LeNet-size convolutions, forward + backward, in Node: batch 64,
// conv 1->6 5x5 on 28x28 and conv 6->16 5x5 on 12x12 (LeNet-5's two layers).
// The backward starts from a dense gradient g (y.backward(g)) and computes the
// weight's and bias's gradients, and the input's for the second layer only
// (the first layer's input is the images, which need none, as in training). Gradlab against tfjs-wasm
// (tf.conv2d under tf.grads) when it loads; CPU milliseconds per step, median.
//
//   node tests/bench/conv.mjs            (after npm run build)
import { register, createRequire } from 'node:module';
import path from 'node:path';
import { torch } from 'gradlab';
import { median } from './harness.mjs';

// tfjs-core with its wasm backend, set up as refs/tfjs.mjs does.
async function loadTfjs() {
  register('./refs/tfjs-resolve-hook.mjs', import.meta.url);
  const tf = await import('@tensorflow/tfjs-core');
  await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');
  const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
  const require = createRequire(import.meta.url);
  setWasmPaths(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + path.sep);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  tf.enableProdMode();
  if (!(await tf.setBackend('wasm'))) throw new Error('tfjs-wasm failed to start');
  return tf;
}
let tfPromise = null;

const F = torch.nn.functional;
const LAYERS = [
  { name: 'conv 1->6 5x5, 28x28', n: 64, c: 1, o: 6, k: 5, hw: 28, inputGrad: false },
  { name: 'conv 6->16 5x5, 12x12', n: 64, c: 6, o: 16, k: 5, hw: 12, inputGrad: true },
];

// CPU time of this process per step (process.cpuUsage), median of the samples:
// on a shared machine wall time mostly measures the other processes.
function timeIt(step, ms = 1500) {
  for (let i = 0; i < 5; i++) step();
  const samples = [];
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < 3; i++) step();
    const c = process.cpuUsage(c0);
    samples.push((c.user + c.system) / 3000);
  }
  return median(samples);
}

function gradlabStep({ n, c, o, k, hw, inputGrad }, part) {
  torch.manual_seed(0);
  const x = torch.randn(n, c, hw, hw, { requires_grad: inputGrad });
  const w = torch.randn(o, c, k, k, { requires_grad: true });
  const b = torch.randn(o, { requires_grad: true });
  const g = torch.randn(n, o, hw - k + 1, hw - k + 1);
  return () => torch.tidy(() => {
    const y = F.conv2d(x, w, b);
    if (part === 'forward') { y.dispose(); return; }
    y.backward(g);
    for (const t of [x, w, b]) {
      if (t.grad) t.grad.dispose();
      t.grad = null;
    }
  });
}

async function tfjsStep({ n, c, o, k, hw, inputGrad }, part) {
  tfPromise ??= loadTfjs();
  const tf = await tfPromise;
  const x = tf.randomNormal([n, hw, hw, c]);
  const w = tf.randomNormal([k, k, c, o]);
  const b = tf.randomNormal([o]);
  const g = tf.randomNormal([n, hw - k + 1, hw - k + 1, o]);
  const y = (xx, ww, bb) => tf.add(tf.conv2d(xx, ww, 1, 'valid'), bb);
  const grads = inputGrad ? tf.grads((xx, ww, bb) => tf.sum(tf.mul(y(xx, ww, bb), g)))
    : tf.grads((ww, bb) => tf.sum(tf.mul(y(x, ww, bb), g)));
  return () => {
    // The wasm backend runs eagerly: nothing is read back on either side.
    if (part === 'forward') { tf.tidy(() => { y(x, w, b); }); return; }
    tf.tidy(() => { grads(inputGrad ? [x, w, b] : [w, b]); });
  };
}

const rows = [];
for (const layer of LAYERS) {
  for (const part of ['forward', 'forward+backward']) {
    const ours = timeIt(gradlabStep(layer, part));
    let theirs = null;
    try {
      theirs = timeIt(await tfjsStep(layer, part));
    } catch (e) {
      console.error(`tfjs-wasm: ${e.message}`);
    }
    rows.push({ layer: layer.name, part, gradlab_ms: +ours.toFixed(3), tfjs_wasm_ms: theirs && +theirs.toFixed(3) });
  }
}
console.table(rows);
