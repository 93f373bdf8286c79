// Type-checked (tsc --noEmit) use of the package's declarations: the tutorial,
// a model with an optimizer, and memory scopes.
import torch, { GradlabError, NDArray, Variable, datasets, torch as named } from 'gradlab';
import type { Module, Tensor } from 'gradlab';

const tensor: Tensor = torch.FloatTensor([[1, 2], [3, 4]]);
const variable = Variable(tensor, { requires_grad: true });
const vOut = torch.mean(variable.mul(variable)) as Tensor;
vOut.backward();
const grad: Tensor | null = variable.grad;
const values: NDArray = variable.data.numpy();
console.log(String(grad), values.repr(), values.shape, named === torch);

const model: Module = torch.nn.Sequential(torch.nn.Linear(2, 4), new torch.nn.ReLU(), torch.nn.Linear(4, 1));
const opt = torch.optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
const x = torch.randn(8, 2);
const y = torch.randn(8, 1);
for (let i = 0; i < 2; i++) {
  torch.tidy(() => {
    opt.zero_grad();
    const loss: Tensor = torch.nn.functional.mse_loss(model(x), y);
    loss.backward();
    opt.step();
  });
}
const { values: maxValues, indices } = x.max(1);
const [g] = torch.autograd.grad(x.mul(2).sum(), [x.requires_grad_()]);
const part: Tensor = x.at(0, '1:');
const memory: { tensors: number; bytes: number } = torch.memory();
try {
  torch.ones(3).add(torch.ones(2));
} catch (e) {
  if (e instanceof GradlabError) console.log(e.message);
}
console.log(maxValues.shape, indices.dtype, g?.shape, part.ndim, memory.tensors);

// datasets.mnist: an awaited split, owned tensors.
const digits = await datasets.mnist({ train: false, limit: 10 });
const digitShape: number[] = digits.images.shape;
digits.labels.dispose();
void digitShape;
