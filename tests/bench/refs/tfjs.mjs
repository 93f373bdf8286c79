// TensorFlow.js sides of the benchmarks: the wasm backend (XNNPACK, SIMD,
// one thread) and the pure-JS cpu backend, both from one tfjs-core instance.
import { register, createRequire } from 'node:module';
import path from 'node:path';
import { CHAIN, MLP } from '../data.mjs';

register('./tfjs-resolve-hook.mjs', import.meta.url);
const tf = await import('@tensorflow/tfjs-core');
await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');
await import('@tensorflow/tfjs-backend-cpu');
const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');

// In Node the wasm backend reads its binary from a file path; with
// multithreading off it picks the non-threaded SIMD build.
const require = createRequire(import.meta.url);
setWasmPaths(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + path.sep);
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
// Production mode: no debug checks, and no "install tfjs-node" banner.
tf.enableProdMode();

export const version = tf.version_core;

// tf.variable copies its initial tensor's data reference; drop the tensor.
function variable(initial) {
  const v = tf.variable(initial);
  initial.dispose();
  return v;
}

function side(backend) {
  return {
    name: `tfjs-${backend}`,
    activate: () => tf.setBackend(backend),
    // Live tensors and the wasm heap; the cpu backend's numbers are only an
    // upper bound (JS garbage collection), so it reports none.
    memory: backend === 'wasm' ? () => ({
      tensors: tf.memory().numTensors,
      bytes: tf.memory().numBytes,
      heapBytes: tf.backend().wasm.HEAPU8.byteLength,
    }) : undefined,

    chain(links) {
      const x = tf.scalar(CHAIN.x0);
      const mul = tf.scalar(CHAIN.mul);
      const add = tf.scalar(CHAIN.add);
      const dydx = tf.grad((y) => {
        for (let i = 0; i < links; i++) y = tf.tanh(tf.add(tf.mul(y, mul), add));
        return y;
      });
      return {
        run: () => tf.tidy(() => dydx(x).dataSync()[0]),
        dispose: () => tf.dispose([x, mul, add]),
      };
    },

    mlp(p) {
      const { batch, inputs, hidden, classes, lr } = MLP;
      const x = tf.tensor2d(p.x, [batch, inputs]);
      const labels = tf.tidy(() => tf.oneHot(tf.tensor1d(p.targets, 'int32'), classes));
      const params = [
        variable(tf.tensor2d(p.w1, [inputs, hidden])),
        variable(tf.tensor1d(p.b1)),
        variable(tf.tensor2d(p.w2, [hidden, classes])),
        variable(tf.tensor1d(p.b2)),
      ];
      const [w1, b1, w2, b2] = params;
      const sgd = tf.train.sgd(lr);
      const loss = () => {
        const h = tf.relu(tf.add(tf.matMul(x, w1), b1));
        return tf.losses.softmaxCrossEntropy(labels, tf.add(tf.matMul(h, w2), b2));
      };
      return {
        run() {
          const cost = sgd.minimize(loss, true, params);
          const value = cost.dataSync()[0];
          cost.dispose();
          return value;
        },
        dispose: () => { tf.dispose([x, labels, ...params]); sgd.dispose(); },
      };
    },

    matmul({ n, a, b }) {
      const ta = tf.tensor2d(a, [n, n]);
      const tb = tf.tensor2d(b, [n, n]);
      return {
        run() {
          const c = tf.matMul(ta, tb);
          const data = c.dataSync();
          c.dispose();
          return data;
        },
        dispose: () => tf.dispose([ta, tb]),
      };
    },
  };
}

export async function open() {
  for (const backend of ['wasm', 'cpu']) {
    if (!(await tf.setBackend(backend))) throw new Error(`tfjs: backend ${backend} failed to start`);
  }
  return [side('wasm'), side('cpu')];
}
