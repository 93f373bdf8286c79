// Getting values out (API.md): numpy() and NDArray, tolist/item, printing in
// PyTorch 1.13 / NumPy formats and their print options (expected strings
// from PyTorch 1.13 and NumPy on this machine).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { inspect } from 'node:util';
import { NDArray, torch, Variable } from 'gradlab';
import { assertGradlabError } from './helpers.js';

after(() => {
  torch.set_printoptions({ profile: 'default', sci_mode: null, style: 'auto' });
  NDArray.set_printoptions({ precision: 8, legacy: false });
});

test('numpy() copies into an NDArray; requires grad is PyTorch\'s error', () => {
  const x = torch.tensor([[1, 2], [3, 4]], { requires_grad: true });
  assertGradlabError(() => x.numpy(),
    "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
  const a = x.data.numpy();
  assert.ok(a instanceof NDArray);
  assert.ok(a instanceof torch.NDArray);
  assert.deepEqual(a.shape, [2, 2]);
  assert.equal(a.dtype, 'float32');
  assert.equal(a.ndim, 2);
  assert.equal(a.size, 4);
  assert.ok(a.data instanceof Float32Array);
  assert.deepEqual(Array.from(a.data), [1, 2, 3, 4]);
  x.data.add_(1);
  assert.deepEqual(a.tolist(), [[1, 2], [3, 4]], 'the array does not follow the tensor');
  // As NumPy's a.data, a view of the array's own buffer: writes show in the array.
  a.data[0] = 100;
  assert.deepEqual(a.tolist(), [[100, 2], [3, 4]]);
  assert.equal(torch.tensor([[5]]).numpy().item(), 5);
  assert.equal(torch.tensor([1, 2], { dtype: 'int64' }).numpy().data.constructor, BigInt64Array);
  assert.equal(torch.tensor([true]).numpy().item(), true);
});

test('NDArray str/repr as NumPy prints them', () => {
  const a = torch.tensor([1.5, 2.25]).numpy();
  assert.equal(String(a), '[1.5  2.25]');
  assert.equal(a.repr(), 'array([1.5 , 2.25], dtype=float32)');
  assert.equal(inspect(a), a.repr());
  assert.equal(torch.tensor([[1, 2], [3, 4]], { dtype: 'int64' }).numpy().repr(), 'array([[1, 2],\n       [3, 4]])');
  assert.equal(torch.tensor([true, false]).numpy().repr(), 'array([ True, False])');
  NDArray.set_printoptions({ precision: 2 });
  assert.equal(String(torch.tensor([1.23456, 2.5], { dtype: 'float64' }).numpy()), '[1.23 2.5 ]');
  NDArray.set_printoptions({ precision: 8, legacy: '1.13' });
  assert.equal(String(torch.tensor([[1, 2], [3, 4]]).numpy()), '[[ 1.  2.]\n [ 3.  4.]]');
  NDArray.set_printoptions({ legacy: false });
  assert.equal(String(torch.tensor([[1, 2], [3, 4]]).numpy()), '[[1. 2.]\n [3. 4.]]');
  const legacy = Variable(torch.FloatTensor([[1, 2], [3, 4]])).data.numpy();
  assert.equal(String(legacy), '[[ 1.  2.]\n [ 3.  4.]]');
});

test('tolist, item, toString and console.log', () => {
  const x = torch.tensor([[1, 2], [3, 4]]);
  assert.deepEqual(x.tolist(), [[1, 2], [3, 4]]);
  assert.equal(torch.tensor(2.5).tolist(), 2.5);
  assert.equal(x.sum().item(), 10);
  assertGradlabError(() => x.item(), 'a Tensor with 4 elements cannot be converted to Scalar');
  assert.equal(String(torch.arange(3)), 'tensor([0, 1, 2])');
  assert.equal(String(torch.tensor([true])), 'tensor([True])');
  assert.equal(inspect(x), 'tensor([[1., 2.],\n        [3., 4.]])');
  assert.equal(`${x.mul(2).sum()}`, 'tensor(20.)');
});

test('torch.set_printoptions: precision, sci_mode, style', () => {
  torch.set_printoptions({ precision: 2 });
  assert.equal(String(torch.tensor([1.23456, 2.5])), 'tensor([1.23, 2.50])');
  torch.set_printoptions({ precision: 4 });
  assert.equal(String(torch.tensor([1e-5, 1])), 'tensor([1.0000e-05, 1.0000e+00])');
  torch.set_printoptions({ sci_mode: false });
  assert.equal(String(torch.tensor([1e-5, 1])), 'tensor([    0.0000,     1.0000])');
  torch.set_printoptions({ sci_mode: null, style: 'legacy' });
  assert.equal(String(torch.tensor([[1, 2], [3, 4]])), '\n 1  2\n 3  4\n[torch.FloatTensor of size 2x2]\n');
  torch.set_printoptions({ style: 'modern' });
  assert.equal(String(Variable(torch.FloatTensor([1, 2]))), 'tensor([1., 2.])');
  torch.set_printoptions({ style: 'auto' });
  assertGradlabError(() => torch.set_printoptions({ colour: 1 }), "set_printoptions() got an unexpected keyword argument 'colour'");
});
