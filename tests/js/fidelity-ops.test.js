// Op fidelity decided by the package: a JS number becomes a tensor operand by
// one rule (the engine's wrapped_number) in every method and function form,
// and torch.full takes its dtype from the number. Expected values and dtypes
// are PyTorch 1.13's, where -0 and fractions play Python floats and other
// integral numbers Python ints.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { torch } from 'gradlab';
import { assertGradlabError } from './helpers.js';

const signs = (t) => Array.from(t._values(), (x) => (Object.is(x, -0) ? '-0' : x));

function operands() {
  return {
    int64: torch.tensor([1, 2], { dtype: 'int64' }),
    bool: torch.tensor([true, false]),
    float32: torch.tensor([1, 2]),
    float64: torch.tensor([1, 2], { dtype: 'float64' }),
  };
}

test('two plain floats in where give the default float32, two ints int64', () => {
  const m = torch.tensor([true, false]);
  const r = torch.where(m, 1.5, 0.5);
  assert.equal(r.dtype, 'float32');
  assert.deepEqual(r.tolist(), [1.5, 0.5]);
  assert.equal(torch.where(m, 1, 0).dtype, 'int64');
  assert.equal(torch.where(m, 1, 0.5).dtype, 'float32');
  assert.equal(m.where(m, 2.5).dtype, 'float32');
});

test('-0 is a float and keeps its sign in the method and the function form', () => {
  const want = { int64: 'float32', bool: 'float32', float32: 'float32', float64: 'float64' };
  for (const [name, t] of Object.entries(operands())) {
    const method = t.mul(-0);
    const fn = torch.mul(-0, t);
    assert.equal(method.dtype, want[name], `${name}.mul(-0)`);
    assert.equal(fn.dtype, want[name], `torch.mul(-0, ${name})`);
    assert.deepEqual(signs(method), ['-0', '-0']);
    assert.deepEqual(signs(fn), ['-0', '-0']);
  }
});

// [op, {int64, bool, float32, float64} -> dtype or error fragment], from PyTorch 1.13.
const TABLE = [
  ['where(m, t, 1.5)', (t) => torch.where(torch.tensor([true, false]), t, 1.5), ['float32', 'float32', 'float32', 'float64']],
  ['where(m, t, 2)', (t) => torch.where(torch.tensor([true, false]), t, 2), ['int64', 'int64', 'float32', 'float64']],
  ['clamp(0.5, 1.5)', (t) => t.clamp(0.5, 1.5), ['float32', 'float32', 'float32', 'float64']],
  ['clamp(0, 1)', (t) => t.clamp(0, 1), ['int64', 'int64', 'float32', 'float64']],
  ['clamp({min: 0.5})', (t) => t.clamp({ min: 0.5 }), ['float32', 'float32', 'float32', 'float64']],
  ['masked_fill(m, 1.5)', (t) => t.masked_fill(torch.tensor([true, false]), 1.5), ['int64', 'bool', 'float32', 'float64']],
  ['fill_(1.5)', (t) => t.clone().fill_(1.5), ['int64', 'bool', 'float32', 'float64']],
  ['maximum(1.5)', (t) => t.maximum(1.5), ['float32', 'float32', 'float32', 'float64']],
  ['pow(2)', (t) => t.pow(2), ['int64', 'int64', 'float32', 'float64']],
  ['pow(-1)', (t) => t.pow(-1), ['!Integers to negative integer powers are not allowed.',
    '!Integers to negative integer powers are not allowed.', 'float32', 'float64']],
  ['pow(0.5)', (t) => t.pow(0.5), ['float32', 'float32', 'float32', 'float64']],
  ['torch.pow(2, t)', (t) => torch.pow(2, t), ['int64', 'int64', 'float32', 'float64']],
  ['torch.pow(2.5, t)', (t) => torch.pow(2.5, t), ['float32', 'float32', 'float32', 'float64']],
  ['eq(1.5)', (t) => t.eq(1.5), ['bool', 'bool', 'bool', 'bool']],
  ['add(true)', (t) => t.add(true), ['int64', 'bool', 'float32', 'float64']],
  ['add(2)', (t) => t.add(2), ['int64', 'int64', 'float32', 'float64']],
  ['add(1.5, {alpha: 2})', (t) => t.add(1.5, { alpha: 2 }), ['float32', 'float32', 'float32', 'float64']],
  ['add(1, {alpha: 0.5})', (t) => t.add(1, { alpha: 0.5 }), [
    '!For integral input tensors, argument alpha must not be a floating point number.',
    '!For integral input tensors, argument alpha must not be a floating point number.', 'float32', 'float64']],
  ['sub(int64, {alpha: 0.5})', (t) => t.sub(torch.ones(2, { dtype: 'int64' }), { alpha: 0.5 }), [
    '!For integral input tensors, argument alpha must not be a floating point number.',
    '!with a bool tensor is not supported', 'float32', 'float64']],
  ['sub(1)', (t) => t.sub(1), ['int64', '!Subtraction, the `-` operator, with a bool tensor is not supported. ' +
    'If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.', 'float32', 'float64']],
  ['torch.sub(1, t)', (t) => torch.sub(1, t), ['int64', '!with a bool tensor is not supported', 'float32', 'float64']],
  ['div(2)', (t) => t.div(2), ['float32', 'float32', 'float32', 'float64']],
  ['div_(2)', (t) => t.clone().div_(2), ['!result type Float can\'t be cast to the desired output type Long',
    '!result type Float can\'t be cast to the desired output type Bool', 'float32', 'float64']],
  ['mul_(1.5)', (t) => t.clone().mul_(1.5), ['!result type Float can\'t be cast to the desired output type Long',
    '!result type Float can\'t be cast to the desired output type Bool', 'float32', 'float64']],
];

test('every op that takes a number promotes as PyTorch on int64, bool, float32 and float64', () => {
  for (const [label, op, expected] of TABLE) {
    Object.values(operands()).forEach((t, k) => {
      const want = expected[k];
      if (want.startsWith('!')) {
        assert.throws(() => op(t), (e) => e.name === 'GradlabError' && e.message.includes(want.slice(1)), `${label} on ${t.dtype}`);
      } else {
        assert.equal(op(t).dtype, want, `${label} on ${t.dtype}`);
      }
    });
  }
});

test('values where promotion matters', () => {
  const i = torch.tensor([1, 2], { dtype: 'int64' });
  assert.deepEqual(i.clamp(0.5, 1.5).tolist(), [1, 1.5]);
  assert.deepEqual(torch.tensor([true, false]).add(true).tolist(), [true, true]);
  assert.deepEqual(i.add(1.5, { alpha: 2 }).tolist(), [4, 5]);
  assert.deepEqual(i.clone().add_(2, { alpha: 3 }).tolist(), [7, 8]);
  assert.deepEqual(i.pow(torch.tensor(-1, { dtype: 'int64' })).tolist(), [1, 0]);
  assertGradlabError(() => i.clone().div_(torch.tensor([2, 2])),
    "result type Float can't be cast to the desired output type Long");
  assertGradlabError(() => i.clone().div_(torch.tensor([2, 2], { dtype: 'int64' })),
    "result type Float can't be cast to the desired output type Long");
  assert.deepEqual(i.tolist(), [1, 2]);
});

test('torch.full takes its dtype from the number as PyTorch does', () => {
  assert.equal(torch.full([2], 1.5).dtype, 'float32');
  assert.equal(torch.full([2], 2).dtype, 'int64');
  assert.equal(torch.full([2], true).dtype, 'bool');
  assert.deepEqual(signs(torch.full([1], -0)), ['-0']);
  assert.equal(torch.full([1], -0).dtype, 'float32');
  assert.equal(torch.full([2], 2, { dtype: 'float64' }).dtype, 'float64');
});

test('linspace of one step is [start]; sign(nan) is 0', () => {
  assert.deepEqual(torch.linspace(2, 5, 1).tolist(), [2]);
  assert.deepEqual(signs(torch.tensor([NaN, -0, 0, -2]).sign()), [0, 0, 0, -1]);
});

test('broadcast errors name the rightmost mismatch', () => {
  assertGradlabError(() => torch.ones(2, 3).add(torch.ones(3, 2)),
    'The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1');
  assertGradlabError(() => torch.ones(4, 2, 3).add(torch.ones(5, 1, 2)),
    'The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 2');
});

// "Name(child, ...)" of a grad_fn and its next_functions, depth levels down (None: no gradient).
function describe(node, depth) {
  if (!node) return 'None';
  const kids = node.next_functions;
  if (depth === 0 || kids.length === 0) return node.name;
  return `${node.name}(${kids.map(([n]) => describe(n, depth - 1)).join(', ')})`;
}

test('nn.Linear on a matrix is AddmmBackward0 and batched matmul ends in UnsafeViewBackward0, as PyTorch', () => {
  const lin = new torch.nn.Linear(3, 4);
  assert.equal(describe(lin(torch.ones(2, 3)).grad_fn, 2), 'AddmmBackward0(AccumulateGrad, None, TBackward0(AccumulateGrad))');
  assert.equal(describe(torch.nn.functional.linear(torch.ones(5, 2, 3), lin.weight, lin.bias).grad_fn, 1),
    'ViewBackward0(AddmmBackward0)');
  assert.equal(describe(torch.nn.functional.linear(torch.ones(2, 3), lin.weight).grad_fn, 1), 'MmBackward0(None, TBackward0)');
  const a = torch.ones(4, 2, 3, { requires_grad: true });
  assert.equal(describe(a.matmul(torch.ones(4, 3, 2)).grad_fn, 1), 'UnsafeViewBackward0(BmmBackward0)');
  assert.equal(describe(a.matmul(torch.ones(3, 2)).grad_fn, 1), 'UnsafeViewBackward0(MmBackward0)');
  // Gradients are unchanged: d sum(x W^T + b) / dW = column sums of x per output row.
  const x = torch.tensor([[1, 2, 3], [4, 5, 6]]);
  lin(x).sum().backward();
  assert.deepEqual(lin.weight.grad.tolist(), Array(4).fill([5, 7, 9]));
  assert.deepEqual(lin.bias.grad.tolist(), [2, 2, 2, 2]);
});

test('F.cross_entropy and nn.CrossEntropyLoss take weight, ignore_index, reduction and label_smoothing', () => {
  const F = torch.nn.functional;
  // PyTorch 1.13 values for these inputs.
  const x = torch.tensor([[1.0, 2.0, 0.5], [0.1, -1.0, 2.0], [0.3, 0.3, 0.3]], { requires_grad: true });
  const t = torch.tensor([1, 2, 0], { dtype: 'int64' });
  const w = torch.tensor([1.0, 2.0, 0.5]);
  const opts = { weight: w, ignore_index: 0, label_smoothing: 0.1 };
  const loss = F.cross_entropy(x, t, opts);
  const viaModule = new torch.nn.CrossEntropyLoss(opts)(x, t);
  assert.ok(Math.abs(loss.item() - viaModule.item()) < 1e-7);
  assert.ok(Math.abs(loss.item() - 0.5258872509002686) < 1e-6, `${loss.item()}`);
  assert.equal(loss.grad_fn.name, 'AddBackward0');
  const none = F.cross_entropy(x, t, { ...opts, reduction: 'none' });
  assert.deepEqual(none.shape, [3]);
  assert.equal(none.tolist()[2], 0);
  // (N, C, d1) input with (N, d1) targets, and nll_loss's options.
  const x3 = torch.zeros(2, 3, 4);
  const t3 = torch.tensor([[0, 1, 2, -100], [2, 2, 1, 0]], { dtype: 'int64' });
  assert.ok(Math.abs(F.cross_entropy(x3, t3).item() - Math.log(3)) < 1e-6);
  assert.equal(F.nll_loss(x3, t3, { reduction: 'none' }).shape.join(), '2,4');
  const xa = torch.arange(24).reshape(2, 3, 4).float();
  const tb = torch.tensor([[0, 1, 2, 2], [2, 2, 1, 0]], { dtype: 'int64' });
  assert.equal(new torch.nn.NLLLoss({ ignore_index: 2 })(xa, tb).item(), -9.5);
  assert.equal(new torch.nn.NLLLoss({ ignore_index: 2, reduction: 'sum' })(xa, tb).item(), -38);
  assertGradlabError(() => F.cross_entropy(x, t, { label_smoothing: 1.5 }), 'label_smoothing must be between 0.0 and 1.0. Got: 1.5');
  assertGradlabError(() => F.cross_entropy(x, torch.ones(3)), 'expected scalar type Long but found Float');
  assertGradlabError(() => F.cross_entropy(x, torch.rand(3, 3), { ignore_index: 1 }),
    'ignore_index is not supported for floating point target');
});

test('clamp: a missing bound (null, undefined) is no bound, a NaN bound is a bound, as PyTorch 1.13', () => {
  const i = torch.tensor([1, 7, -3], { dtype: 'int64' });
  assert.equal(i.clamp(null, 1).dtype, 'int64');
  assert.equal(i.clamp({ max: 1 }).dtype, 'int64');
  const alone = i.clamp(NaN);
  assert.equal(alone.dtype, 'float32');
  assert.deepEqual(alone.tolist(), [1, 7, -3]);
  assert.ok(torch.clamp(i, NaN, 5).tolist().every(Number.isNaN));
  assert.ok(torch.tensor([0.5]).clamp(0, NaN).tolist().every(Number.isNaN));
  assertGradlabError(() => i.clamp_(NaN), "result type Float can't be cast to the desired output type long int");
  assertGradlabError(() => i.clamp_(null, null), "torch.clamp: At least one of 'min' or 'max' must not be None");
  assert.deepEqual(torch.zeros(0).clamp_(NaN).shape, [0]);
  // The leaf check of an in-place op comes before the bounds, as PyTorch's.
  assertGradlabError(() => torch.zeros(2, { requires_grad: true }).clamp_(),
    'a leaf Variable that requires grad is being used in an in-place operation.');
});

test("at('...') makes a tuple index whatever the ellipsis stands for, as x[..., i] in PyTorch", () => {
  const s = torch.tensor(1);
  assertGradlabError(() => s.at('...', 0), 'too many indices for tensor of dimension 0');
  assertGradlabError(() => s.at(null, '...'), 'too many indices for tensor of dimension 0');
  assertGradlabError(() => s.at(null), 'slice() cannot be applied to a 0-dim tensor.');
  assertGradlabError(() => s.at(-1), 'index -1 is out of bounds for dimension 0 with size 0');
  assertGradlabError(() => s.at('...', '...'), "an index can only have a single ellipsis ('...')");
  assert.deepEqual(s.at('...').shape, []);
  const x = torch.tensor([[0, 1, 2], [3, 4, 5]]);
  assert.deepEqual(x.at('...', 1).tolist(), [1, 4]);
  assert.deepEqual(x.at(0, '...', 'None').shape, [3, 1]);
});

// torch.pow(number, tensor) is PyTorch's pow(Scalar, Tensor): PowBackward2, and an
// int base over an int64 exponent stays int64. The lines are what PyTorch 1.13
// printed for tests/python/programs/scalars_pow_nodes.py.
test('torch.pow(number, tensor) prints and promotes as PyTorch\'s pow(Scalar, Tensor)', () => {
  const fixture = JSON.parse(readFileSync(new URL('../fixtures/python_programs.json', import.meta.url), 'utf8'));
  const lines = fixture.programs.scalars_pow_nodes.stdout.split('\n');
  torch.tidy(() => {
    const x = torch.tensor([0.5, 2], { requires_grad: true });
    const y = torch.pow(2, x);
    assert.equal(`${y} ${y.grad_fn.name}`, lines[7]);
    const ints = torch.pow(2, torch.arange(3));
    assert.equal(ints.dtype, 'int64');
    assert.equal(lines[10].startsWith(String(ints)), true);
  });
});
