// jax-js sides of the benchmarks: eager (no jit), on its WebAssembly CPU
// device. jax-js arrays are reference counted: every op consumes its
// arguments, so an array used again is passed as `.ref`.
import { numpy as np, nn, tree, grad, valueAndGrad, init, defaultDevice } from '@jax-js/jax';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CHAIN, MLP } from '../data.mjs';

// The package exports no ./package.json; find it beside the resolved entry.
const entry = createRequire(import.meta.url).resolve('@jax-js/jax');
export const version = JSON.parse(readFileSync(path.join(entry, '../../package.json'), 'utf8')).version;

const side = {
  name: 'jax-js',
  activate: () => {},

  chain(links) {
    const x = np.array(CHAIN.x0);
    const mul = np.array(CHAIN.mul);
    const add = np.array(CHAIN.add);
    const dydx = grad((y) => {
      for (let i = 0; i < links; i++) y = np.tanh(y.mul(mul.ref).add(add.ref));
      return y;
    });
    return {
      run: () => dydx(x.ref).item(),
      dispose: () => tree.dispose([x, mul, add]),
    };
  },

  mlp(p) {
    const { batch, inputs, hidden, classes, lr } = MLP;
    const x = np.array(p.x).reshape([batch, inputs]);
    const labels = nn.oneHot(np.array(p.targets, { dtype: np.int32 }), classes).astype(np.float32);
    let params = {
      w1: np.array(p.w1).reshape([inputs, hidden]),
      b1: np.array(p.b1),
      w2: np.array(p.w2).reshape([hidden, classes]),
      b2: np.array(p.b2),
    };
    const lossAndGrads = valueAndGrad(({ w1, b1, w2, b2 }) => {
      const h = nn.relu(np.matmul(x.ref, w1).add(b1));
      const logits = np.matmul(h, w2).add(b2);
      return nn.logSoftmax(logits, -1).mul(labels.ref).sum().mul(-1 / batch);
    });
    return {
      run() {
        const [loss, grads] = lossAndGrads(tree.ref(params));
        params = tree.map((w, g) => w.sub(g.mul(lr)), params, grads);
        return loss.item();
      },
      dispose: () => tree.dispose([x, labels, params]),
    };
  },

  matmul({ n, a, b }) {
    const ja = np.array(a).reshape([n, n]);
    const jb = np.array(b).reshape([n, n]);
    return {
      run: () => np.matmul(ja.ref, jb.ref).dataSync(),
      dispose: () => tree.dispose([ja, jb]),
    };
  },
};

export async function open() {
  const devices = await init('wasm');
  if (!devices.includes('wasm')) throw new Error('jax-js: the wasm device failed to start');
  defaultDevice('wasm');
  return [side];
}
