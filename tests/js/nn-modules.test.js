// The torch.nn modules of issue 15 against PyTorch 1.13
// (tests/fixtures/nn_modules.json, from tests/oracle/gen_nn_modules.py):
// default initialisation drawn from the same seed (bit for bit), repr,
// state_dict keys, forward values, grad_fn, input and parameter gradients,
// BatchNorm's running statistics; gradcheck in float64 for modules with parameters.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { torch } from 'gradlab';
import { assertClose, assertGradlabError } from './helpers.js';

const { cases, init } = JSON.parse(readFileSync(new URL('../fixtures/nn_modules.json', import.meta.url), 'utf8'));
const nn = torch.nn;
const flat = (t) => t.reshape(-1).tolist();
const build = (c) => new nn[c.class](...c.args, c.kwargs);
const close = { rtol: 1e-4, atol: 1e-5 };

for (const [name, c] of Object.entries(cases)) {
  test(`nn.${c.class} (${name}): PyTorch's initialisation, repr and state_dict keys`, () => {
    torch.manual_seed(c.seed);
    const m = build(c);
    assert.equal(String(m), c.repr);
    const params = Object.fromEntries(m.named_parameters().map(([n, p]) => [n, flat(p)]));
    assert.deepEqual(params, c.params, 'parameters drawn bit for bit');
    assert.deepEqual(Object.fromEntries(m.named_buffers().map(([n, b]) => [n, flat(b)])), c.buffers);
    const sd = m.state_dict();
    assert.deepEqual(Object.keys(sd), c.state_dict_keys);
    for (const t of Object.values(sd)) t.dispose();
  });

  test(`nn.${c.class} (${name}): forward, grad_fn and gradients as PyTorch's`, () => {
    torch.manual_seed(c.seed);
    const m = build(c);
    const x = torch.tensor(c.input.values, { dtype: c.input.dtype }).reshape(c.input.shape);
    if (c.input.dtype === 'float32') x.requires_grad_();
    if (c.class === 'Dropout') m.eval();
    for (let i = 0; i < c.steps; i++) torch.tidy(() => { m(x.detach().mul(1.5).add(0.5)); });
    if (c.buffers_after) {
      const after = Object.fromEntries(m.named_buffers().map(([n, b]) => [n, flat(b)]));
      for (const [n, v] of Object.entries(c.buffers_after)) assertClose(after[n], v, close, n);
    }
    const y = m(x);
    assert.deepEqual(y.shape, c.output.shape);
    assertClose(flat(y), c.output.values, close, 'output');
    assert.equal(y.grad_fn === null ? null : y.grad_fn.name, c.grad_fn);
    if (y.requires_grad) {
      const g = torch.linspace(-1, 1, y.numel()).reshape(y.shape);
      y.mul(g).sum().backward();
      if (c.input_grad) assertClose(flat(x.grad), c.input_grad, close, 'input grad');
      for (const [n, p] of m.named_parameters()) assertClose(flat(p.grad), c.param_grads[n], close, `${n} grad`);
    }
    if (c.eval_output) {
      m.eval();
      assertClose(flat(m(x.detach())), c.eval_output, close, 'eval output');
    }
  });
}

test('gradcheck (float64) through modules with parameters: input and every parameter', () => {
  const specs = [
    [() => new nn.Conv2d(2, 3, 3, { padding: 1, stride: 2 }), [1, 2, 5, 5]],
    [() => new nn.Conv1d(2, 2, 2, { dilation: 2 }), [2, 2, 6]],
    [() => new nn.ConvTranspose2d(2, 2, 3, { stride: 2 }), [1, 2, 3, 3]],
    [() => new nn.BatchNorm2d(2), [3, 2, 2, 2]],
    [() => new nn.BatchNorm1d(3), [4, 3]],
    [() => new nn.LayerNorm(4), [3, 4]],
    [() => new nn.GroupNorm(2, 4), [2, 4, 3]],
    [() => new nn.Linear(3, 2), [4, 3]],
  ];
  torch.manual_seed(0);
  for (const [make, shape] of specs) {
    const m = make();
    const names = m.named_parameters().map(([n]) => n);
    const params = names.map((n) => m[n].detach().double().requires_grad_());
    for (const [n, b] of m.named_buffers()) {
      if (b.is_floating_point()) { m[n] = b.double(); b.dispose(); }
    }
    const x = torch.randn(shape, { dtype: 'float64' }).requires_grad_();
    const ok = torch.autograd.gradcheck((input, ...ps) => {
      names.forEach((n, i) => { m[n] = ps[i]; });
      return m(input);
    }, [x, ...params], { eps: 1e-6, atol: 1e-4 });
    assert.equal(ok, true, String(m));
  }
});

test('BatchNorm: buffers in state_dict, train()/eval(), load_state_dict, momentum null; errors', () => {
  torch.manual_seed(0);
  const bn = new nn.BatchNorm2d(2);
  const x = torch.randn(4, 2, 3, 3);
  for (let i = 0; i < 3; i++) torch.tidy(() => bn(x));
  assert.equal(bn.num_batches_tracked.item(), 3);
  assert.deepEqual(bn.parameters().length, 2);
  const sd = bn.state_dict();
  assert.deepEqual(Object.keys(sd), ['weight', 'bias', 'running_mean', 'running_var', 'num_batches_tracked']);
  const copy = new nn.BatchNorm2d(2);
  copy.load_state_dict(sd);
  assert.deepEqual(copy.running_mean.tolist(), bn.running_mean.tolist());
  assert.equal(copy.num_batches_tracked.item(), 3);
  bn.eval();
  const before = bn.running_mean.tolist();
  torch.tidy(() => bn(x));
  assert.deepEqual(bn.running_mean.tolist(), before, 'eval() uses the running statistics without updating them');
  assertGradlabError(() => bn(torch.zeros(2, 2)), 'expected 4D input (got 2D input)');
  assertGradlabError(() => copy.load_state_dict({ weight: torch.zeros(3) }),
    /^Error\(s\) in loading state_dict for BatchNorm2d:\n\tMissing key\(s\) in state_dict: "bias", "running_mean", "running_var", "num_batches_tracked". \n\tsize mismatch for weight/);
});

test('containers: ModuleList, ModuleDict, nested repr, named_parameters order, train/eval reach every module', () => {
  class Net extends nn.Module {
    constructor() {
      super();
      this.scale = nn.Parameter(torch.ones(1));
      this.features = nn.Sequential(nn.Conv2d(1, 2, 3), nn.BatchNorm2d(2), nn.ReLU(), nn.MaxPool2d(2));
      this.blocks = nn.ModuleList([nn.Linear(2, 2), nn.SiLU()]);
      this.heads = nn.ModuleDict({ cls: nn.Linear(2, 3), drop: nn.Dropout(0.25) });
    }
    forward(x) {
      let h = this.features(x).flatten(1);
      for (const b of this.blocks) h = b(h);
      return this.heads.get('cls')(this.heads.drop(h)).mul(this.scale);
    }
  }
  const net = new Net();
  assert.deepEqual(net.named_parameters().map(([n]) => n), ['scale', 'features.0.weight', 'features.0.bias',
    'features.1.weight', 'features.1.bias', 'blocks.0.weight', 'blocks.0.bias', 'heads.cls.weight', 'heads.cls.bias']);
  assert.equal(String(net), `Net(
  (features): Sequential(
    (0): Conv2d(1, 2, kernel_size=(3, 3), stride=(1, 1))
    (1): BatchNorm2d(2, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
    (2): ReLU()
    (3): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
  )
  (blocks): ModuleList(
    (0): Linear(in_features=2, out_features=2, bias=True)
    (1): SiLU()
  )
  (heads): ModuleDict(
    (cls): Linear(in_features=2, out_features=3, bias=True)
    (drop): Dropout(p=0.25, inplace=False)
  )
)`);
  assert.deepEqual(net(torch.randn(2, 1, 4, 4)).shape, [2, 3]);
  net.eval();
  assert.ok(net.modules().every((m) => m.training === false));
  assert.equal(net.blocks.length, 2);
  assert.deepEqual(net.heads.keys(), ['cls', 'drop']);
  assertGradlabError(() => new nn.Conv2d(3, 4, 3, { groups: 2 }), 'in_channels must be divisible by groups');
  assertGradlabError(() => new nn.Conv2d(2, 2, 3, { stride: 2, padding: 'same' }), "padding='same' is not supported for strided convolutions");
  assertGradlabError(() => new nn.GroupNorm(4, 6), 'num_channels must be divisible by num_groups');
});

test('nn.init: PyTorch\'s numbers for a seed, calculate_gain, and its errors', () => {
  const w = torch.empty(3, 5);
  const ref = { kaiming_normal_fan_out: [1.2582180500030518, -0.23958370089530945] };
  torch.manual_seed(0);
  const k = nn.init.kaiming_normal_(torch.empty(3, 4), { mode: 'fan_out', nonlinearity: 'relu' });
  assertClose(flat(k).slice(0, 2), ref.kaiming_normal_fan_out, { rtol: 0, atol: 0 });
  assert.equal(nn.init.calculate_gain('tanh'), 5 / 3);
  assert.equal(nn.init.calculate_gain('leaky_relu', 0.2), Math.sqrt(2 / (1 + 0.2 ** 2)));
  assertGradlabError(() => nn.init.xavier_uniform_(torch.empty(3)), 'Fan in and fan out can not be computed for tensor with fewer than 2 dimensions');
  assertGradlabError(() => nn.init.kaiming_uniform_(w, { mode: 'fan_avg' }), "Mode fan_avg not supported, please use one of ['fan_in', 'fan_out']");
  assertGradlabError(() => nn.init.calculate_gain('softsign'), 'Unsupported nonlinearity softsign');
  assertGradlabError(() => nn.init.constant_(w), "constant_() missing 1 required positional argument: 'val'");
  assertGradlabError(() => nn.init.uniform_(w, { low: 0 }), "uniform_() got an unexpected keyword argument 'low'");
  const p = nn.Parameter(torch.zeros(2, 2));
  nn.init.uniform_(p);
  assert.equal(p.grad_fn, null, 'initialisers do not record');
});

for (const [name, c] of Object.entries(init)) {
  test(`nn.init.${c.fn} (${name}) writes PyTorch's numbers for the same seed`, () => {
    torch.manual_seed(c.seed);
    const t = torch.empty(...c.shape);
    const args = Object.keys(c.kwargs).length ? [...c.args, c.kwargs] : c.args;
    assert.equal(nn.init[c.fn](t, ...args), t, 'in place, returning its tensor');
    // float32 bounds computed in float64 as PyTorch's Python does: bit for bit.
    assertClose(flat(t), c.values, { rtol: 0, atol: 0 });
    t.dispose();
  });
}

test('a training step through the new modules leaves no tensor behind', () => {
  torch.manual_seed(0);
  const model = nn.Sequential(nn.Conv2d(1, 2, 3), nn.BatchNorm2d(2), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
    nn.Dropout(0.5), nn.Linear(2, 3));
  const opt = torch.optim.Adam(model.parameters(), { lr: 0.01 });
  const x = torch.randn(4, 1, 4, 4);
  const y = torch.tensor([0, 1, 2, 1], { dtype: 'int64' });
  const step = () => torch.tidy(() => {
    opt.zero_grad();
    F_cross_entropy(model(x), y).backward();
    opt.step();
  });
  step();
  const before = torch.memory().tensors;
  for (let i = 0; i < 3; i++) step();
  assert.equal(torch.memory().tensors, before);
});
const F_cross_entropy = (a, b) => torch.nn.functional.cross_entropy(a, b);
