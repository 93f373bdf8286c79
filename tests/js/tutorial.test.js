// The seed tutorial end to end through the package: its values, gradient and
// the exact text PyTorch 0.3 printed (shared/seed-tutorial.md), and the same
// objects in PyTorch 1.13's format.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspect } from 'node:util';
import { torch, Variable } from 'gradlab';

test('the tutorial prints what PyTorch 0.3 printed', () => {
  const tensor = torch.FloatTensor([[1, 2], [3, 4]]);
  const variable = Variable(tensor, { requires_grad: true });
  assert.equal(String(tensor), '\n 1  2\n 3  4\n[torch.FloatTensor of size 2x2]\n');
  assert.equal(String(variable), 'Variable containing:\n 1  2\n 3  4\n[torch.FloatTensor of size 2x2]\n');

  const t_out = torch.mean(tensor.mul(tensor));
  const v_out = torch.mean(variable.mul(variable));
  assert.equal(String(t_out), '7.5');
  assert.equal(String(v_out), 'Variable containing:\n 7.5000\n[torch.FloatTensor of size 1]\n');
  assert.equal(t_out.item(), 7.5);

  v_out.backward();
  assert.deepEqual(variable.grad.tolist(), [[0.5, 1], [1.5, 2]]);
  assert.equal(String(variable.grad),
    'Variable containing:\n 0.5000  1.0000\n 1.5000  2.0000\n[torch.FloatTensor of size 2x2]\n');
  assert.equal(String(variable), 'Variable containing:\n 1  2\n 3  4\n[torch.FloatTensor of size 2x2]\n');
  assert.equal(String(variable.data), '\n 1  2\n 3  4\n[torch.FloatTensor of size 2x2]\n');
  assert.equal(String(variable.data.numpy()), '[[ 1.  2.]\n [ 3.  4.]]');
  assert.equal(inspect(variable), String(variable));
});

test('the tutorial rules: requires_grad and volatile propagate, volatile wins', () => {
  const tensor = torch.FloatTensor([[1, 2], [3, 4]]);
  assert.equal(tensor.requires_grad, false);
  const a = Variable(tensor, { requires_grad: true });
  const b = Variable(tensor);
  assert.equal(a.mul(b).requires_grad, true);
  assert.equal(b.mul(b).requires_grad, false);
  const v = Variable(tensor, { volatile: true });
  assert.equal(v.volatile, true);
  const mixed = a.mul(v);
  assert.equal(mixed.volatile, true);
  assert.equal(mixed.requires_grad, false);
  assert.equal(mixed.grad_fn, null);
});

test('retain_graph: a second backward needs it, and gradients accumulate', () => {
  const x = Variable(torch.FloatTensor([[1, 2], [3, 4]]), { requires_grad: true });
  const out = torch.mean(x.mul(x));
  out.backward({ retain_graph: true });
  out.backward();
  assert.deepEqual(x.grad.tolist(), [[1, 2], [3, 4]]);
  assert.throws(() => out.backward(), { name: 'GradlabError', message: /^Trying to backward through the graph a second time/ });
});

test('modern printing of the same objects', () => {
  const x = torch.tensor([[1, 2], [3, 4]], { requires_grad: true });
  assert.equal(String(x), 'tensor([[1., 2.],\n        [3., 4.]], requires_grad=True)');
  const out = x.mul(x).mean();
  assert.equal(String(out), 'tensor(7.5000, grad_fn=<MeanBackward0>)');
  assert.equal(inspect(out), 'tensor(7.5000, grad_fn=<MeanBackward0>)');
  out.backward();
  assert.equal(String(x.grad), 'tensor([[0.5000, 1.0000],\n        [1.5000, 2.0000]])');
  assert.equal(String(x.detach().numpy()), '[[1. 2.]\n [3. 4.]]');
  assert.equal(x.detach().numpy().repr(), 'array([[1., 2.],\n       [3., 4.]], dtype=float32)');
});
