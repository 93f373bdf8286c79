// Replays tests/fixtures/nn_ops.json (PyTorch 1.13: convolution, pooling,
// padding, normalisation, lookups, dropout, sorting, extra losses; written by
// tests/oracle/gen_nn_ops.py) through the JavaScript function forms with
// PyTorch's keyword names as the options object: values, running statistics,
// gradients of sum(output * grad_output), grad_fn names and error texts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { torch } from 'gradlab';
import { assertClose, assertGradlabError } from './helpers.js';

const F = torch.nn.functional;
const fixture = JSON.parse(readFileSync(new URL('../fixtures/nn_ops.json', import.meta.url), 'utf8'));

const number = (v) => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v);

function build(spec) {
  const flat = torch.tensor(spec.data.map(number), { dtype: spec.dtype });
  const t = flat.reshape(spec.shape).detach();
  flat.dispose();
  if (spec.requires_grad) t.requires_grad_();
  return t;
}

// The function form for one fixture op; kwargs are PyTorch's keyword arguments.
function call(op, inputs, kwargs) {
  const kw = { ...kwargs };
  const [x] = inputs;
  switch (op) {
    case 'conv1d': case 'conv2d': case 'conv_transpose2d': {
      const bias = kw.bias ? inputs[2] : null;
      delete kw.bias;
      return F[op](x, inputs[1], bias, kw);
    }
    case 'pad': {
      const { pad, ...rest } = kw;
      return F.pad(x, pad, rest);
    }
    case 'batch_norm': {
      const rest = inputs.slice(1);
      const [rm, rv] = kw.running ? [rest.shift(), rest.shift()] : [null, null];
      const [weight, bias] = kw.affine ? rest : [null, null];
      delete kw.running;
      delete kw.affine;
      const y = F.batch_norm(x, rm ?? null, rv ?? null, { weight, bias, ...kw });
      return rm ? [y, rm, rv] : y;
    }
    case 'layer_norm': case 'group_norm': {
      const [weight, bias] = kw.affine ? inputs.slice(1) : [null, null];
      const first = op === 'layer_norm' ? kw.normalized_shape : kw.num_groups;
      delete kw.affine;
      delete kw.normalized_shape;
      delete kw.num_groups;
      return F[op](x, first, { weight, bias, ...kw });
    }
    case 'embedding': return F.embedding(inputs[1], x, kw);
    case 'adaptive_avg_pool2d': case 'adaptive_max_pool2d': {
      const { output_size: size, ...rest } = kw;
      return F[op](x, size, rest);
    }
    case 'cumsum': case 'cumprod': case 'flip': case 'sort': case 'argsort': case 'topk': return torch[op](x, kw);
    case 'prod': return kw.dim === undefined ? x.prod() : x.prod(kw);
    case 'bincount': return torch.bincount(x, inputs[1] ?? null, kw);
    case 'smooth_l1_loss': case 'huber_loss': case 'kl_div': case 'cosine_similarity': return F[op](x, inputs[1], kw);
    default: return F[op](x, kw);
  }
}

const tolerance = (dtype) => (dtype === 'float32' ? { rtol: 1e-4, atol: 1e-5 } : { rtol: 1e-6, atol: 1e-9 });
const values = (t) => t.reshape(-1).tolist();

for (const c of fixture.cases) {
  test(`${c.op}: ${c.name}`, () => {
    torch.tidy(() => {
      const inputs = c.inputs.map(build);
      if (c.seed !== undefined) torch.manual_seed(c.seed); // dropout: PyTorch's mask for this seed
      const result = call(c.op, inputs, c.kwargs);
      const outs = Array.isArray(result) ? [...result] : [result];
      assert.equal(outs.length, c.output.length, 'number of outputs');
      c.output.forEach((want, i) => {
        assert.deepEqual(outs[i].shape, want.shape, `output ${i} shape`);
        assert.equal(outs[i].dtype, want.dtype, `output ${i} dtype`);
        assertClose(values(outs[i]), want.data.map(number), tolerance(want.dtype), `output ${i}`);
      });
      assert.equal(outs[0].grad_fn?.name ?? null, c.grad_fn, 'grad_fn');
      if (!c.grads) return;
      outs[0].mul(build(c.grad_output)).sum().backward();
      c.grads.forEach((want, i) => {
        if (want === null) return;
        assertClose(values(inputs[i].grad), want.data.map(number), tolerance(want.dtype), `grad of input ${i}`);
      });
    });
  });
}

for (const e of fixture.errors) {
  test(`error: ${e.name}`, () => {
    torch.tidy(() => {
      const inputs = e.inputs.map(build);
      assertGradlabError(() => call(e.op, inputs, e.kwargs), e.message);
    });
  });
}

// PyTorch's UserWarning when a loss broadcasts a target of another size: once
// per message here (Python shows it once per calling line), the value still computed.
test('mse_loss, l1_loss, smooth_l1_loss and huber_loss warn about a target of another size, once', () => {
  const warned = [];
  const original = console.warn;
  console.warn = (m) => warned.push(m);
  try {
    torch.tidy(() => {
      const x = torch.zeros(3, 1);
      const y = torch.ones(3);
      for (let i = 0; i < 3; i++) F.mse_loss(x, y);
      F.l1_loss(x, torch.ones(2, 1, 1));
      F.smooth_l1_loss(x, torch.ones(3, 1));
      assert.equal(F.huber_loss(torch.zeros(2), torch.ones(1)).item(), 0.5);
    });
  } finally {
    console.warn = original;
  }
  assert.deepEqual(warned, [
    'UserWarning: Using a target size (torch.Size([3])) that is different to the input size (torch.Size([3, 1])). This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.',
    'UserWarning: Using a target size (torch.Size([2, 1, 1])) that is different to the input size (torch.Size([3, 1])). This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.',
    'UserWarning: Using a target size (torch.Size([1])) that is different to the input size (torch.Size([2])). This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.',
  ]);
});
