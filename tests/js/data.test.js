// torch.randperm, torch.multinomial, Tensor.random_, DataLoader and
// random_split against PyTorch 1.13 for the same seeds (tests/fixtures/data.json,
// from tests/oracle/gen_data.py). Each case also checks the generator's next
// draws (`then`), so a case that consumed a different number of draws fails.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { torch } from 'gradlab';
import { assertGradlabError } from './helpers.js';

const fx = JSON.parse(readFileSync(new URL('../fixtures/data.json', import.meta.url), 'utf8'));
const { DataLoader, TensorDataset, random_split } = torch.utils.data;
const then = () => torch.rand(2).tolist();

test('torch.randperm: PyTorch 1.13\'s permutation and generator state for the same seed', () => {
  for (const c of fx.randperm) {
    torch.manual_seed(c.seed);
    const p = torch.randperm(c.n);
    assert.equal(p.dtype, 'int64');
    assert.deepEqual(p.tolist(), c.perm, `seed ${c.seed}, n ${c.n}`);
    assert.deepEqual(then(), c.then);
  }
  assert.equal(torch.randperm(4, { dtype: 'float32' }).dtype, 'float32');
  assertGradlabError(() => torch.randperm(-1), 'Trying to create tensor with negative dimension -1: [-1]');
});

test('torch.multinomial with and without replacement, float32 and float64', () => {
  for (const c of fx.multinomial) {
    torch.manual_seed(c.seed);
    const p = torch.tensor(c.probs, { dtype: c.dtype });
    assert.deepEqual(torch.multinomial(p, c.n, c.replacement).tolist(), c.samples, JSON.stringify(c));
    assert.deepEqual(then(), c.then);
  }
  const p = torch.tensor([0.2, 0.8]);
  assert.deepEqual(p.multinomial(3, { replacement: true }).shape, [3]);
  assertGradlabError(() => p.multinomial(3), 'cannot sample n_sample > prob_dist.size(-1) samples without replacement');
  assertGradlabError(() => p.multinomial(0), 'cannot sample n_sample <= 0 samples');
  assertGradlabError(() => torch.tensor([1, 2], { dtype: 'int64' }).multinomial(1), 'multinomial only supports floating-point dtypes for input, got: Long');
  assertGradlabError(() => torch.tensor([-1, 2]).multinomial(1), 'probability tensor contains either `inf`, `nan` or element < 0');
  assertGradlabError(() => torch.tensor([0, 0]).multinomial(2, true), 'invalid multinomial distribution (sum of probabilities <= 0)');
  assertGradlabError(() => torch.zeros(2, 2, 2).multinomial(1), 'prob_dist must be 1 or 2 dim');
});

test('Tensor.random_: full range, [0, to) and [from, to) as PyTorch draws them', () => {
  for (const c of fx.random_) {
    torch.manual_seed(c.seed);
    const t = torch.empty([6], { dtype: c.dtype }).random_(...c.args);
    assert.deepEqual(t.tolist(), c.values.map(Number), JSON.stringify(c));
    assert.deepEqual(then(), c.then);
  }
  assertGradlabError(() => torch.empty(2).random_(3, 1), "random_ expects 'from' to be less than 'to', but got from=3 >= to=1");
});

test('DataLoader: PyTorch\'s batches for the same seed, epoch after epoch; drop_last; length', () => {
  for (const c of fx.loader) {
    torch.manual_seed(c.seed);
    const x = torch.arange(c.n * 2).reshape(c.n, 2);
    const y = torch.arange(c.n);
    const loader = new DataLoader(new TensorDataset(x, y), { batch_size: c.batch_size, shuffle: c.shuffle, drop_last: c.drop_last });
    assert.equal(loader.length, c.length);
    for (const expected of c.epochs) {
      const got = [];
      for (const [xb, yb] of loader) {
        assert.deepEqual(xb.tolist(), yb.tolist().map((i) => [2 * i, 2 * i + 1]), 'rows stay paired');
        got.push(yb.tolist());
        xb.dispose();
        yb.dispose();
      }
      assert.deepEqual(got, expected, JSON.stringify(c));
    }
    assert.deepEqual(then(), c.then);
  }
});

test('random_split: lengths or fractions, PyTorch\'s indices', () => {
  for (const c of fx.random_split) {
    torch.manual_seed(c.seed);
    const parts = random_split(new TensorDataset(torch.arange(c.n)), c.lengths);
    assert.deepEqual(parts.map((p) => p.indices), c.indices);
    assert.deepEqual(then(), c.then);
  }
  const ds = new TensorDataset(torch.arange(4), torch.arange(4).mul(10));
  const [a] = random_split(ds, [4]);
  const [xi, yi] = a.getitem(0);
  assert.equal(yi.item(), xi.item() * 10);
  assertGradlabError(() => random_split(ds, [2, 1]), 'Sum of input lengths does not equal the length of the input dataset!');
});

test('a DataLoader pass leaves no tensor behind but its batches', () => {
  const ds = new TensorDataset(torch.randn(20, 3), torch.arange(20));
  const loader = DataLoader(ds, { batch_size: 8, shuffle: true });
  const before = torch.memory().tensors;
  let batches = 0;
  for (const [xb, yb] of loader) {
    batches += 1;
    xb.dispose();
    yb.dispose();
  }
  assert.equal(batches, 3);
  assert.equal(torch.memory().tensors, before);
});

test('DataLoader over a custom dataset: getitem/length, arrays and numbers collated as default_collate does', () => {
  const dataset = { length: 5, getitem: (i) => [torch.tensor([i, i * 2]), i] };
  const loader = new DataLoader(dataset, { batch_size: 2 });
  const batches = [...loader];
  assert.equal(batches.length, 3);
  assert.deepEqual(batches[0][0].tolist(), [[0, 0], [1, 2]]);
  assert.equal(batches[0][1].dtype, 'int64');
  assert.deepEqual(batches[2][1].tolist(), [4]);
  assert.equal(new DataLoader(dataset, { batch_size: 2, drop_last: true }).length, 2);
  assertGradlabError(() => new DataLoader(dataset, { batch_size: 0 }), 'batch_size should be a positive integer value, but got batch_size=0');
});
