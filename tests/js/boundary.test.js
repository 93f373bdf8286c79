// The per-op cost rule of DESIGN.md: an op is one call into the engine (the
// error check reads linear memory, shapes travel as one array). Counts the
// engine calls each op makes by wrapping the module's bound functions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { _engine as M, torch } from 'gradlab';

function countCalls(fn) {
  const names = Object.keys(M).filter((k) => k.startsWith('_') && typeof M[k] === 'function' && k !== '_free');
  const originals = new Map(names.map((k) => [k, M[k]]));
  const calls = [];
  for (const [k, f] of originals) M[k] = (...args) => { calls.push(k); return f(...args); };
  try {
    fn();
  } finally {
    for (const [k, f] of originals) M[k] = f;
  }
  return calls;
}

test('each op is one engine call', () => {
  const a = torch.ones(2, 2);
  const b = torch.ones(2, 2);
  const ops = {
    'add tensor': () => a.add(b),
    'add number': () => a.add(1),
    'mul tensor': () => a.mul(b),
    'div number': () => a.div(2),
    'pow number': () => a.pow(2),
    'gt number': () => a.gt(0),
    exp: () => a.exp(),
    'sum all': () => a.sum(),
    'mean dim': () => a.mean(1, true),
    matmul: () => a.matmul(b),
    reshape: () => a.reshape(4),
    transpose: () => a.transpose(0, 1),
    'F.relu': () => torch.nn.functional.relu(a),
    'torch.zeros': () => torch.zeros(2, 3),
    'torch.tensor': () => torch.tensor([[1, 2], [3, 4]]),
  };
  for (const [name, op] of Object.entries(ops)) {
    const calls = countCalls(op);
    assert.equal(calls.length, 1, `${name}: ${calls.join(', ')}`);
  }
});

// PyTorch's Python layer compares the shapes of input and target for its
// target-size warning; so does the package: one metadata read per tensor
// whose shape it has not read before, then the op.
test("F.mse_loss reads each operand's shape once, then is one engine call", () => {
  const a = torch.ones(2, 2);
  const b = torch.ones(2, 2);
  assert.deepEqual(countCalls(() => torch.nn.functional.mse_loss(a, b)), ['_meta', '_meta', '_mse_loss']);
  assert.deepEqual(countCalls(() => torch.nn.functional.mse_loss(a, b)), ['_mse_loss']);
});

test('metadata is cached: shape and dtype cost one call, once', () => {
  const t = torch.ones(2, 3);
  assert.equal(countCalls(() => t.shape).length, 1);
  assert.equal(countCalls(() => [t.shape, t.dtype, t.ndim, t.numel(), t.size(1)]).length, 0);
});
