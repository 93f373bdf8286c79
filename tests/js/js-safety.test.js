// JavaScript mode is safe: a tensor used as a number (operators, unary +,
// comparisons) is a GradlabError naming the methods to use, while String(x),
// template literals and console.log still print it; an options argument that
// is not an object (the `requires_grad=true` slip) is an error at that call.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspect } from 'node:util';
import { torch } from 'gradlab';
import { assertGradlabError } from './helpers.js';

const notANumber = /a Tensor is not a JavaScript number.*x\.add\(y\).*x\.mul\(y\).*x\.lt\(y\).*x\.item\(\).*String\(x\)/;

test('a tensor used as a number throws GradlabError naming the methods', () => {
  const x = torch.tensor([1, 2]);
  const y = torch.tensor([3, 4]);
  assertGradlabError(() => x * y, notANumber);
  assertGradlabError(() => x + 1, notANumber);
  assertGradlabError(() => 1 - x, notANumber);
  assertGradlabError(() => x < y, notANumber);
  assertGradlabError(() => x >= 0, notANumber);
  assertGradlabError(() => +x, notANumber);
  assertGradlabError(() => -x, notANumber);
  assertGradlabError(() => x ** 2, notANumber);
  assertGradlabError(() => x == 1, notANumber);
  assertGradlabError(() => Number(torch.tensor(3)), notANumber);
  assertGradlabError(() => Math.exp(torch.tensor(3)), notANumber);
  // Comparing objects by identity never converts.
  assert.equal(x === y, false);
  assert.equal(x == x, true);
});

test('String(x), template literals and console.log print a tensor', () => {
  const x = torch.tensor([1, 2]);
  assert.equal(String(x), 'tensor([1., 2.])');
  assert.equal(`${x}`, 'tensor([1., 2.])');
  assert.equal(`loss: ${torch.tensor(0.5)}`, 'loss: tensor(0.5000)');
  assert.equal(inspect(x), 'tensor([1., 2.])');
  assert.equal([x].join(), 'tensor([1., 2.])');
  const logged = [];
  const original = console.log;
  console.log = (...args) => logged.push(args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' '));
  try {
    console.log(x);
  } finally {
    console.log = original;
  }
  assert.deepEqual(logged, ['tensor([1., 2.])']);
  // A Parameter prints the same way as PyTorch's.
  assert.equal(`${torch.nn.Parameter(torch.tensor([1, 2]))}`, 'Parameter containing:\ntensor([1., 2.], requires_grad=True)');
});

test('an options argument that is not an object is an error at that call', () => {
  const expected = (where, got) => new RegExp(`^${where}: expected an options object such as \\{ requires_grad: true \\}, but got ${got} `);
  // What `torch.tensor([1, 2], requires_grad=true)` passes in JavaScript.
  assertGradlabError(() => torch.tensor([1, 2], true), expected('tensor\\(\\)', 'true'));
  assertGradlabError(() => torch.as_tensor([1, 2], 'float64'), expected('as_tensor\\(\\)', "'float64'"));
  assertGradlabError(() => torch.zeros(2, 3, true), expected('zeros\\(\\)', 'true'));
  assertGradlabError(() => torch.randn([2], false), expected('randn\\(\\)', 'false'));
  assertGradlabError(() => torch.arange(0, 3, 1, true), expected('arange\\(\\)', 'true'));
  assertGradlabError(() => torch.full([2], 1, true), expected('full\\(\\)', 'true'));
  assertGradlabError(() => torch.linspace(0, 1, 3, true), expected('linspace\\(\\)', 'true'));
  assertGradlabError(() => torch.eye(2, 2, true), expected('eye\\(\\)', 'true'));
  assertGradlabError(() => torch.ones_like(torch.ones(2), true), expected('ones_like\\(\\)', 'true'));
  assertGradlabError(() => torch.autograd.Variable(torch.ones(2), true), expected('Variable\\(\\)', 'true'));
  assertGradlabError(() => torch.nn.Linear(2, 3, false), expected('Linear\\(\\)', 'false'));
  assertGradlabError(() => torch.nn.MSELoss('sum'), expected('MSELoss\\(\\)', "'sum'"));
  assertGradlabError(() => torch.optim.SGD([torch.ones(1, { requires_grad: true })], 0.1), expected('SGD\\(\\)', '0.1'));
  const w = torch.ones(2, { requires_grad: true });
  assertGradlabError(() => w.sum().backward(undefined, true), expected('backward\\(\\)', 'true'));
  assertGradlabError(() => torch.autograd.grad([w.sum()], [w], true), expected('grad\\(\\)', 'true'));
  assertGradlabError(() => torch.tensor([1], new Map()), expected('tensor\\(\\)', 'a Map'));
  // Objects, null and omitted options still work.
  assert.equal(torch.tensor([1, 2], { requires_grad: true }).requires_grad, true);
  assert.equal(torch.tensor([1, 2], null).requires_grad, false);
  assert.deepEqual(torch.zeros(2, 3).shape, [2, 3]);
  assert.equal(torch.zeros(2, { dtype: 'float64' }).dtype, 'float64');
});
