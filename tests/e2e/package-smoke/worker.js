// Module worker of the package smoke test: the package loads and computes
// the tutorial's gradient off the main thread.
import { torch } from '/wasm/dist/gradlab.js';

const x = torch.tensor([[1, 2], [3, 4]], { requires_grad: true });
x.mul(x).mean().backward();
postMessage({ grad: x.grad.tolist(), printed: String(x.grad) });
