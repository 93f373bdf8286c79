// Errors (API.md "Errors"): every engine failure is a GradlabError with
// PyTorch's message, and the engine stays usable and leak-free afterwards.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GradlabError, torch } from 'gradlab';
import { assertGradlabError } from './helpers.js';

test('GradlabError is an exported Error subclass', () => {
  const e = new GradlabError('x');
  assert.ok(e instanceof Error);
  assert.equal(e.name, 'GradlabError');
  assert.equal(torch.GradlabError, GradlabError);
});

test('engine errors carry PyTorch\'s messages', () => {
  assertGradlabError(() => torch.ones(3).add(torch.ones(2)),
    'The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0');
  assertGradlabError(() => torch.ones(2, 3).mm(torch.ones(2, 3)),
    'mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)');
  assertGradlabError(() => torch.ones(6).view(4, -1), "shape '[4, -1]' is invalid for input of size 6");
  assertGradlabError(() => torch.ones(2, 2).sum(2), 'Dimension out of range (expected to be in range of [-2, 1], but got 2)');
  assertGradlabError(() => torch.ones(2, { requires_grad: true }).mul(2).backward(),
    'grad can be implicitly created only for scalar outputs');
  assertGradlabError(() => torch.ones(2).sum().backward(),
    'element 0 of tensors does not require grad and does not have a grad_fn');
  assertGradlabError(() => torch.zeros(2, { dtype: 'float16' }), /unknown dtype 'float16'/);
});

test('after 1,000 errors the module still computes correctly and has leaked nothing', () => {
  const a = torch.ones(3);
  const b = torch.ones(2);
  const before = torch.memory();
  for (let i = 0; i < 1000; i++) {
    try {
      a.add(b);
      assert.fail('expected an error');
    } catch (e) {
      assert.ok(e instanceof GradlabError);
    }
  }
  assert.deepEqual(torch.memory(), before);
  const x = torch.tensor([[1, 2], [3, 4]], { requires_grad: true });
  x.mul(x).mean().backward();
  assert.deepEqual(x.grad.tolist(), [[0.5, 1], [1.5, 2]]);
});

test('errors inside no_grad restore grad mode', () => {
  assert.throws(() => torch.no_grad(() => torch.ones(3).add(torch.ones(2))), GradlabError);
  assert.equal(torch.is_grad_enabled(), true);
});
