// One server and one browser per test file, plus the tutorial program and the
// exact text the package prints for it (PyTorch 0.3's format; see
// shared/seed-tutorial.md and the engine's tests/cpp/tutorial_test.cpp).
import { before, after } from 'node:test';
import { launchBrowser } from './browser.js';
import { startServer } from './server.js';

export function useBrowserAndServer() {
  const ctx = {};
  before(async () => {
    ctx.server = await startServer();
    ctx.browser = await launchBrowser();
    ctx.url = ctx.server.url;
  });
  after(async () => {
    await ctx.browser?.close();
    ctx.server?.close();
  });
  return ctx;
}

export const TUTORIAL_CODE = `const tensor = torch.FloatTensor([[1, 2], [3, 4]]);
const variable = Variable(tensor, { requires_grad: true });
print(tensor);
print(variable);
const t_out = torch.mean(tensor.mul(tensor)); // x^2
const v_out = torch.mean(variable.mul(variable));
print(t_out);
print(v_out);
v_out.backward();
print(variable.grad);
print(variable);
print(variable.data);
print(variable.data.numpy());
`;

const TENSOR_2x2 = '\n 1  2\n 3  4\n[torch.FloatTensor of size 2x2]\n';
const VARIABLE_2x2 = `Variable containing:${TENSOR_2x2}`;

export const TUTORIAL_OUTPUT = [
  `${TENSOR_2x2}\n`,
  `${VARIABLE_2x2}\n`,
  '7.5\n',
  'Variable containing:\n 7.5000\n[torch.FloatTensor of size 1]\n\n',
  'Variable containing:\n 0.5000  1.0000\n 1.5000  2.0000\n[torch.FloatTensor of size 2x2]\n\n',
  `${VARIABLE_2x2}\n`,
  `${TENSOR_2x2}\n`,
  '[[ 1.  2.]\n [ 3.  4.]]\n',
].join('');

/** A Python nn.Module subclass trained one step (its graph names fc1.weight); callers add their print. */
export const PYTHON_MLP = `import torch
import torch.nn as nn
import torch.nn.functional as F

class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(3, 4)
        self.fc2 = nn.Linear(4, 1)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))

torch.manual_seed(0)
model = MLP()
x = torch.randn(2, 3)
loss = model(x).pow(2).mean()
loss.backward()
`;
