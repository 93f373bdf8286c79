// Gradlab's side of the benchmarks, written as a PyTorch user would: leaves
// with requires_grad, backward(), torch.optim.SGD, and torch.tidy around each
// step so the engine's memory stays flat.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CHAIN, MLP } from '../data.mjs';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const ENTRY = path.join(ROOT, 'wasm/dist/gradlab.js');

export const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

function side(torch) {
  const F = torch.nn.functional;
  return {
    name: 'gradlab',
    activate: () => {},
    memory: () => ({ ...torch.memory(), heapBytes: torch._heap_bytes() }),

    chain(links) {
      const x = torch.tensor(CHAIN.x0, { requires_grad: true });
      const mul = torch.tensor(CHAIN.mul);
      const add = torch.tensor(CHAIN.add);
      return {
        run: () => torch.tidy(() => {
          let y = x;
          for (let i = 0; i < links; i++) y = y.mul(mul).add(add).tanh();
          y.backward();
          const g = x.grad.item();
          x.grad = null;
          return g;
        }),
        dispose: () => [x, mul, add].forEach((t) => t.dispose()),
      };
    },

    mlp(p) {
      const { batch, inputs, hidden, classes, lr } = MLP;
      // tidy frees the flat tensors the reshaped views were made from.
      const [x, targets, ...params] = torch.tidy(() => {
        const leaf = (data, ...shape) => torch.tensor(data).reshape(...shape).requires_grad_();
        return [torch.tensor(p.x).reshape(batch, inputs), torch.tensor(Array.from(p.targets), { dtype: 'int64' }),
          leaf(p.w1, inputs, hidden), torch.tensor(p.b1).requires_grad_(), leaf(p.w2, hidden, classes),
          torch.tensor(p.b2).requires_grad_()];
      });
      const [w1, b1, w2, b2] = params;
      const sgd = new torch.optim.SGD(params, { lr });
      return {
        run: () => torch.tidy(() => {
          sgd.zero_grad();
          const logits = x.matmul(w1).add(b1).relu().matmul(w2).add(b2);
          const loss = F.cross_entropy(logits, targets);
          loss.backward();
          sgd.step();
          return loss.item();
        }),
        dispose: () => [x, targets, ...params].forEach((t) => t.dispose()),
      };
    },

    matmul({ n, a, b }) {
      const [ta, tb] = torch.tidy(() => [torch.tensor(a).reshape(n, n), torch.tensor(b).reshape(n, n)]);
      return {
        run: () => torch.tidy(() => ta.matmul(tb).numpy().data),
        dispose: () => [ta, tb].forEach((t) => t.dispose()),
      };
    },
  };
}

export async function open() {
  if (!existsSync(ENTRY)) {
    throw new Error('wasm/dist/gradlab.js is missing: build the package first (npm run build)');
  }
  const { torch } = await import('gradlab');
  return [side(torch)];
}
