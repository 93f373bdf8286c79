// torch.nn modules and torch.optim against values PyTorch 1.13 computed
// (the generator lines are in each test's comment).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { torch } from 'gradlab';
import { assertClose } from './helpers.js';

const F = torch.nn.functional;
const x = () => torch.tensor([[1, 2, 3], [0.5, -1, 2]]);
const target = () => torch.tensor([[1, 0], [0, 1]]);

test('Linear initialises like PyTorch from the same seed; modules are callable', () => {
  torch.manual_seed(0); // torch.manual_seed(0); torch.nn.Linear(3, 2)
  const lin = torch.nn.Linear(3, 2);
  assertClose(lin.weight.tolist(), [[-0.004322517663240433, 0.3097158372402191, -0.4751853346824646],
    [-0.4248946011066437, -0.2223689705133438, 0.15482072532176971]], { rtol: 1e-6 });
  assertClose(lin.bias.tolist(), [-0.011439144611358643, 0.45777493715286255], { rtol: 1e-6 });
  assert.deepEqual(lin(x()).shape, [2, 2]);
  assert.deepEqual(lin.forward(x()).tolist(), lin(x()).tolist());
  assert.deepEqual(lin.parameters().length, 2);
  assert.deepEqual(lin.named_parameters().map(([n]) => n), ['weight', 'bias']);
  const noBias = new torch.nn.Linear(3, 2, { bias: false });
  assert.equal(noBias.parameters().length, 1);
  assert.ok(lin instanceof torch.nn.Linear);
  assert.ok(lin instanceof torch.nn.Module);
});

test('Sequential, activations, train/eval, zero_grad and repr', () => {
  const model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), new torch.nn.Linear(4, 2),
    torch.nn.Tanh(), torch.nn.Sigmoid(), torch.nn.Softmax(1));
  const y = model(x());
  assert.deepEqual(y.shape, [2, 2]);
  assertClose(y.sum(1).tolist(), [1, 1]);
  assert.deepEqual(model.named_parameters().map(([n]) => n), ['0.weight', '0.bias', '2.weight', '2.bias']);
  model.eval();
  assert.equal(model[0].training, false);
  model.train();
  assert.equal(model[2].training, true);
  y.sum().backward();
  assert.ok(model[0].weight.grad !== null);
  model.zero_grad();
  assert.equal(model[0].weight.grad, null);
  assert.equal(String(torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.ReLU())),
    'Sequential(\n  (0): Linear(in_features=3, out_features=2, bias=True)\n  (1): ReLU()\n)');
});

test('a module shared in a Sequential is one set of parameters, updated once per step', () => {
  // torch.manual_seed(0); lin = nn.Linear(2, 2); seq = nn.Sequential(lin, nn.ReLU(), lin)
  // opt = torch.optim.SGD(seq.parameters(), lr=0.1); seq(x).sum().backward(); opt.step()
  torch.manual_seed(0);
  const lin = torch.nn.Linear(2, 2);
  const seq = torch.nn.Sequential(lin, new torch.nn.ReLU(), lin);
  assert.deepEqual(seq.named_parameters().map(([n]) => n), ['0.weight', '0.bias']);
  assert.equal(seq.parameters().length, 2);
  assert.equal(seq.parameters()[0], lin.weight);
  const opt = torch.optim.SGD(seq.parameters(), { lr: 0.1 });
  seq(torch.tensor([[1, 2], [0.5, -1]])).sum().backward();
  opt.step();
  assertClose(lin.weight.tolist(), [[0.005332835949957371, 0.45487654209136963], [-0.6230282187461853, -0.5763952136039734]]);
  assertClose(lin.bias.tolist(), [-0.4136177599430084, 0.0037223519757390022]);
});

test('nn.Parameter: shares storage, requires grad, prints as PyTorch 1.13', () => {
  // torch.manual_seed(0); l = nn.Linear(3, 2); str(l.weight); str(l.bias)
  torch.manual_seed(0);
  const lin = torch.nn.Linear(3, 2);
  assert.equal(String(lin.weight),
    'Parameter containing:\ntensor([[-0.0043,  0.3097, -0.4752],\n        [-0.4249, -0.2224,  0.1548]], requires_grad=True)');
  assert.equal(`${lin.bias}`, 'Parameter containing:\ntensor([-0.0114,  0.4578], requires_grad=True)');
  assert.ok(lin.weight instanceof torch.nn.Parameter);
  assert.ok(lin.weight instanceof torch.Tensor);
  assert.equal(lin.weight.mul(2) instanceof torch.nn.Parameter, false, 'ops on a Parameter give plain tensors');
  // str(nn.Parameter(torch.tensor(3.))); str(nn.Parameter(torch.tensor([1., 2.]), requires_grad=False))
  const data = torch.tensor(3);
  const p = torch.nn.Parameter(data);
  assert.equal(String(p), 'Parameter containing:\ntensor(3., requires_grad=True)');
  assert.equal(p.is_leaf, true);
  data.fill_(5);
  assert.equal(p.item(), 5, 'a Parameter shares its data');
  assert.equal(String(new torch.nn.Parameter(torch.tensor([1, 2]), false)), 'Parameter containing:\ntensor([1., 2.])');
  assert.equal(torch.nn.Parameter(torch.tensor([1, 2]), { requires_grad: false }).requires_grad, false);
  class Net extends torch.nn.Module {
    constructor() {
      super();
      this.scale = torch.nn.Parameter(torch.ones(1), false);
    }
  }
  assert.deepEqual(new Net().named_parameters().map(([n]) => n), ['scale'], 'a Parameter is a parameter even without grad');
  assert.throws(() => torch.nn.Parameter(torch.tensor([1, 2], { dtype: 'int64' })),
    { name: 'GradlabError', message: 'Only Tensors of floating point and complex dtype can require gradients' });
  assert.throws(() => torch.nn.Parameter([1, 2]), { name: 'GradlabError', message: /argument 'data' must be Tensor/ });
});

test('torch.zero_, torch.fill_ and torch.clamp_ change their tensor in place', () => {
  // torch.zero_(z), torch.fill_(z, 2), torch.clamp_(z, -1, 1), torch.clamp_(z, min=0) with z = [1., -2., 3.]
  const z = () => torch.tensor([1, -2, 3]);
  const a = z();
  assert.equal(torch.zero_(a), a);
  assert.deepEqual(a.tolist(), [0, 0, 0]);
  assert.deepEqual(torch.fill_(z(), 2).tolist(), [2, 2, 2]);
  assert.deepEqual(torch.clamp_(z(), -1, 1).tolist(), [1, -1, 1]);
  assert.deepEqual(torch.clamp_(z(), { min: 0 }).tolist(), [1, 0, 3]);
  assert.throws(() => torch.zero_(5), { name: 'GradlabError', message: "zero_(): argument 'input' (position 1) must be Tensor, not number" });
});

test('user modules subclass torch.nn.Module', () => {
  class Net extends torch.nn.Module {
    constructor() {
      super();
      this.fc = torch.nn.Linear(3, 2);
      this.name = 'net';
    }
    forward(input) { return this.fc(input).relu(); }
  }
  const net = new Net();
  assert.deepEqual(net(x()).shape, [2, 2]);
  assert.deepEqual(net.named_parameters().map(([n]) => n), ['fc.weight', 'fc.bias']);
  assert.equal(net.name, 'net');
});

test('losses and functional', () => {
  // F.cross_entropy(torch.tensor([[1.,2.,0.5],[0.1,0.2,3.]]), torch.tensor([1,2]))
  const logits = torch.tensor([[1, 2, 0.5], [0.1, 0.2, 3]]);
  const labels = torch.tensor([1, 2], { dtype: 'int64' });
  assertClose(F.cross_entropy(logits, labels).item(), 0.2869851291179657, { rtol: 1e-6 });
  assertClose(new torch.nn.CrossEntropyLoss()(logits, labels).item(), 0.2869851291179657, { rtol: 1e-6 });
  assertClose(F.nll_loss(F.log_softmax(logits, 1), labels).item(), 0.2869851291179657, { rtol: 1e-6 });
  assert.deepEqual(F.cross_entropy(logits, labels, { reduction: 'none' }).shape, [2]);
  const a = torch.tensor([1, 2, 3]);
  const b = torch.tensor([1, 0, 5]);
  assertClose(F.mse_loss(a, b).item(), 8 / 3);
  assert.equal(torch.nn.MSELoss({ reduction: 'sum' })(a, b).item(), 8);
  assertClose(F.l1_loss(a, b).item(), 4 / 3);
  const p = torch.tensor([0.25, 0.75]);
  const t = torch.tensor([0, 1]);
  assertClose(F.binary_cross_entropy(p, t).item(), -Math.log(0.75));
  assertClose(F.binary_cross_entropy_with_logits(torch.tensor([0, 0]), t).item(), Math.log(2));
  assertClose(F.softmax(torch.tensor([0, 0]), 0).tolist(), [0.5, 0.5]);
  assert.deepEqual(F.relu(torch.tensor([-1, 1])).tolist(), [0, 1]);
  assert.deepEqual(F.dropout(torch.ones(4), 0.5, false).tolist(), [1, 1, 1, 1]);
  const dropped = F.dropout(torch.ones(1000), 0.5).tolist();
  assert.ok(dropped.every((v) => v === 0 || v === 2));
  assert.deepEqual(F.linear(torch.ones(1, 2), torch.ones(3, 2), torch.ones(3)).tolist(), [[3, 3, 3]]);
});

function train(makeOptimizer) {
  torch.manual_seed(0);
  const lin = torch.nn.Linear(3, 2);
  const opt = makeOptimizer(lin.parameters());
  let loss;
  for (let i = 0; i < 3; i++) {
    opt.zero_grad();
    loss = F.mse_loss(lin(x()), target());
    loss.backward();
    opt.step();
  }
  return { loss: loss.item(), weight: lin.weight.tolist(), bias: lin.bias.tolist() };
}

test('SGD with momentum and weight decay matches PyTorch', () => {
  // torch.optim.SGD(lin.parameters(), lr=0.1, momentum=0.9, weight_decay=0.01), 3 steps of mse_loss
  const r = train((params) => torch.optim.SGD(params, { lr: 0.1, momentum: 0.9, weight_decay: 0.01 }));
  assertClose(r.loss, 0.745858907699585, { rtol: 1e-5 });
  assertClose(r.weight, [[0.2603909373283386, 0.48003819584846497, 0.41087573766708374],
    [-0.415648490190506, -0.30842411518096924, 0.19980399310588837]], { rtol: 1e-5 });
  assertClose(r.bias, [0.34264427423477173, 0.4873311221599579], { rtol: 1e-5 });
});

test('Adam matches PyTorch', () => {
  // torch.optim.Adam(lin.parameters(), lr=0.01, weight_decay=0.01), 3 steps
  const r = train((params) => new torch.optim.Adam(params, { lr: 0.01, weight_decay: 0.01 }));
  assertClose(r.loss, 1.0891190767288208, { rtol: 1e-5 });
  assertClose(r.weight, [[0.025638926774263382, 0.33965545892715454, -0.44522231817245483],
    [-0.40360698103904724, -0.25239667296409607, 0.1793699413537979]], { rtol: 1e-5 });
  assertClose(r.bias, [0.01852612942457199, 0.48512548208236694], { rtol: 1e-5 });
});

test('an optimizer step leaves no tensors behind', () => {
  const lin = torch.nn.Linear(3, 2);
  const opt = torch.optim.Adam(lin.parameters());
  const step = () => torch.tidy(() => {
    opt.zero_grad();
    F.mse_loss(lin(x()), target()).backward();
    opt.step();
  });
  step();
  const before = torch.memory();
  for (let i = 0; i < 5; i++) step();
  assert.deepEqual(torch.memory(), before);
});
