// Autograd as PyTorch 1.13 does it, where learners see it: a leaf's .grad
// takes in-place ops after backward(), create_graph frees the graph unless
// retain_graph asks otherwise, views keep their base (the answer does not
// depend on when the base is disposed), and the ambiguous view cases get
// PyTorch's errors. Expected values were checked against PyTorch 1.13.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { torch } from 'gradlab';
import { assertClose, assertGradlabError } from './helpers.js';

const SECOND_BACKWARD =
  'Trying to backward through the graph a second time (or directly access saved tensors after they have already ' +
  'been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). ' +
  'Specify retain_graph=True if you need to backward through the graph a second time or if you need to access ' +
  'saved tensors after calling backward.';
const NO_GRAD_VIEW_INPLACE =
  'A view was created in no_grad mode and is being modified inplace with grad mode enabled. Given that this use ' +
  "case is ambiguous and error-prone, it is forbidden. You can clarify your code by moving both the view and the " +
  "inplace either both inside the no_grad block (if you don't want the inplace to be tracked) or both outside (if " +
  'you want the inplace to be tracked).';
const DETACH_VIEW =
  "Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel (DDP) for " +
  'training, and gradient_as_bucket_view is set as True, gradients are views of DDP buckets, and hence detach_() ' +
  'cannot be called on these gradients. To fix this error, please refer to the Optimizer.zero_grad() function in ' +
  'torch/optim/optimizer.py as the solution.';

test('leaf .grad after backward() accumulates and takes in-place ops', () => {
  const x = torch.tensor([1, 2, 3], { requires_grad: true });
  x.sum().backward();
  x.sum().backward();
  assert.deepEqual(x.grad.tolist(), [2, 2, 2]);

  const m = torch.tensor([1, 2, 3, 4], { requires_grad: true });
  m.mean().backward();
  m.grad.zero_();
  assert.deepEqual(m.grad.tolist(), [0, 0, 0, 0]);

  const r = torch.tensor([1, 2], { requires_grad: true });
  const y = r.add(2).sum();
  y.backward({ retain_graph: true });
  y.backward({ retain_graph: true });
  assert.deepEqual(r.grad.tolist(), [2, 2]);

  const held = r.grad;
  r.sum().backward();
  assert.deepEqual(held.tolist(), [3, 3]);  // in place: a handle on .grad sees the sum
});

test('a hand-written SGD step after backward()', () => {
  const b = torch.tensor([1, 2], { requires_grad: true });
  b.sum().backward();
  torch.no_grad(() => {
    b.sub_(b.grad.mul(0.1));
    b.grad.zero_();
  });
  assertClose(b.tolist(), [0.9, 1.9]);
  assert.deepEqual(b.grad.tolist(), [0, 0]);
});

test('create_graph: .grad keeps history; the graph is freed unless retain_graph', () => {
  const x = torch.ones(3, { requires_grad: true });
  x.mul(x).sum().backward({ create_graph: true });
  assert.equal(x.grad.requires_grad, true);
  assert.equal(x.grad.grad_fn.name, 'CopyBackwards');
  x.mul(2).sum().backward();
  assert.deepEqual(x.grad.tolist(), [4, 4, 4]);
  assert.equal(x.grad.requires_grad, true);
  x.grad = null;  // .grad's history leads back to x: PyTorch's create_graph cycle, broken as it advises

  const z = torch.tensor([1, 2], { requires_grad: true });
  const y = z.mul(z).sum();
  y.backward({ retain_graph: false, create_graph: true });
  assertGradlabError(() => y.backward(), SECOND_BACKWARD);
  z.grad = null;

  const y2 = z.mul(z).sum();
  torch.autograd.grad([y2], [z], { retain_graph: false, create_graph: true });
  assertGradlabError(() => torch.autograd.grad([y2], [z]), SECOND_BACKWARD);
});

test('views keep their base: disposing the base changes nothing', () => {
  const x = torch.tensor([0, 1, 2, 3], { requires_grad: true });
  const base = x.mul(1);
  const v1 = base.narrow(0, 0, 2);
  const v2 = base.narrow(0, 1, 2);
  base.dispose();
  v1.mul_(10);
  v2.sum().backward();
  assert.deepEqual(x.grad.tolist(), [0, 10, 1, 0]);
});

test('a view of a tensor without history follows history its base gains', () => {
  const a = torch.tensor([1, 2, 3, 4]);
  const v = a.narrow(0, 1, 2);
  const w = torch.tensor([1, 2, 3, 4], { requires_grad: true });
  a.mul_(w);
  assert.equal(v.requires_grad, true);
  assert.equal(v.grad_fn.name, 'AsStridedBackward0');
  v.sum().backward();
  assert.deepEqual(w.grad.tolist(), [0, 2, 3, 0]);
});

test('a view made under no_grad refuses a tracked in-place change', () => {
  const b = torch.tensor([1, 2, 3, 4], { requires_grad: true }).clone();
  const v = torch.no_grad(() => b.narrow(0, 0, 2));
  assertGradlabError(() => v.mul_(2), NO_GRAD_VIEW_INPLACE);
  torch.no_grad(() => v.mul_(2));
  assert.deepEqual(b.tolist(), [2, 4, 3, 4]);
});

test('detach_() on a view is refused; detach() works', () => {
  const y = torch.tensor([1, 2, 3], { requires_grad: true }).mul(2);
  const v = y.narrow(0, 0, 2);
  assertGradlabError(() => v.detach_(), DETACH_VIEW);
  assert.equal(v.detach().requires_grad, false);
  assert.equal(v.requires_grad, true);
});
