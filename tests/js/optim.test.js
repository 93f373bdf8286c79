// torch.optim's optimizers and lr_scheduler's schedules against PyTorch 1.13:
// tests/fixtures/optim.json (tests/oracle/gen_optim.py) holds the parameters
// after every step and the learning rate sequences.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { torch } from 'gradlab';
import { assertClose, assertGradlabError } from './helpers.js';

const fx = JSON.parse(readFileSync(new URL('../fixtures/optim.json', import.meta.url), 'utf8'));
const LAMBDAS = { inv: (e) => 1 / (e + 1), poly: (e) => 0.95 ** e };

function params() {
  return [torch.tensor(fx.w0, { requires_grad: true }), torch.tensor(fx.b0, { requires_grad: true })];
}
// The gradient of step k: G * (k + 1) - 0.3 * param, as the generator sets it.
function setGrads(w, b, k) {
  for (const [p, g] of [[w, fx.gw], [b, fx.gb]]) {
    const grad = torch.tidy(() => torch.tensor(g).mul(k + 1).sub(p.detach().mul(0.3)));
    p.grad = grad; // the parameter keeps the gradient; this handle is ours to free
    grad.dispose();
  }
}
const exact = { rtol: 0, atol: 0 };

for (const [name, c] of Object.entries(fx.optimizers)) {
  test(`optim.${c.optimizer} follows PyTorch's trajectory (${name})`, () => {
    const [w, b] = params();
    const groups = c.groups === null ? [w, b] : [{ params: [w], ...c.groups[0] }, { params: [b], ...c.groups[1] }];
    const opt = new torch.optim[c.optimizer](groups, c.options);
    // Bit for bit: the fused kernels round as PyTorch's CPU build does.
    for (const [i, step] of c.steps.entries()) {
      setGrads(w, b, i);
      opt.step();
      assertClose(w.tolist(), step.w, exact, `step ${i + 1} w`);
      assertClose(b.tolist(), step.b, exact, `step ${i + 1} b`);
    }
    const sd = opt.state_dict();
    assert.deepEqual(Object.fromEntries(Object.entries(sd.state).map(([k, s]) => [k, Object.keys(s).sort()])), c.state_keys);
    assert.deepEqual(sd.param_groups.map((g) => g.params), c.param_groups);
  });
}

for (const [name, c] of Object.entries(fx.schedulers)) {
  test(`lr_scheduler.${c.scheduler} gives PyTorch's learning rates (${name})`, () => {
    const [w, b] = params();
    const opt = torch.optim.SGD([w, b], { lr: 0.1 });
    const args = c.args.map((a) => (typeof a === 'string' ? LAMBDAS[a] : a));
    const sched = new torch.optim.lr_scheduler[c.scheduler](opt, ...args, c.options);
    const lrs = [sched.get_last_lr()[0]];
    for (let i = 1; i < c.lrs.length; i++) {
      opt.step();
      sched.step();
      lrs.push(sched.get_last_lr()[0]);
    }
    // Math.cos (V8) and glibc's cos may differ in the last bit.
    assertClose(lrs, c.lrs, { rtol: 1e-14, atol: 1e-17 });
    assert.equal(opt.param_groups[0].lr, lrs[lrs.length - 1]);
    assert.equal(opt.param_groups[0].initial_lr, 0.1);
  });
}

test('Adam under a StepLR: parameters follow the schedule (optimizer.step, then scheduler.step)', () => {
  const [w, b] = params();
  const opt = torch.optim.Adam([w, b], { lr: 0.1 });
  const sched = torch.optim.lr_scheduler.StepLR(opt, 2, { gamma: 0.5 });
  for (const [k, step] of fx.adam_steplr.entries()) {
    setGrads(w, b, k);
    opt.step();
    sched.step();
    assertClose(w.tolist(), step.w, exact);
    assertClose(b.tolist(), step.b, exact);
    assert.equal(sched.get_last_lr()[0], step.lr);
  }
});

test('optimizer state_dict/load_state_dict: a copy continues the same trajectory', () => {
  const c = fx.optimizers.adam_amsgrad_wd;
  const [w, b] = params();
  const opt = torch.optim.Adam([w, b], c.options);
  const run = (o, p, q, k) => { setGrads(p, q, k); o.step(); };
  for (let i = 0; i < 3; i++) run(opt, w, b, i);
  const [w2, b2] = [w.detach().clone().requires_grad_(), b.detach().clone().requires_grad_()];
  const opt2 = torch.optim.Adam([w2, b2], { lr: 1 });
  opt2.load_state_dict(opt.state_dict());
  assert.equal(opt2.param_groups[0].lr, c.options.lr);
  assert.equal(opt2.state.get(w2).step, 3);
  assert.notEqual(opt2.state.get(w2).exp_avg, opt.state.get(w).exp_avg, 'the state is copied');
  for (let i = 3; i < 6; i++) {
    run(opt2, w2, b2, i);
    assertClose(w2.tolist(), c.steps[i].w, exact);
  }
  assert.equal(opt.state_dict().state[0].max_exp_avg_sq.shape.join(), '3,2');
});

test('optimizer argument checks and repr are PyTorch\'s', () => {
  const [w, b] = params();
  assertGradlabError(() => torch.optim.Adam([w], { lr: -1 }), 'Invalid learning rate: -1');
  assertGradlabError(() => torch.optim.Adam([w], { betas: [1, 0.9] }), 'Invalid beta parameter at index 0: 1');
  assertGradlabError(() => torch.optim.RMSprop([w], { alpha: -0.5 }), 'Invalid alpha value: -0.5');
  assertGradlabError(() => torch.optim.Adagrad([w], { lr_decay: -0.5 }), 'Invalid lr_decay value: -0.5');
  assertGradlabError(() => torch.optim.SGD([{ params: [w] }, { params: [w, b] }], { lr: 0.1 }),
    'some parameters appear in more than one parameter group');
  assertGradlabError(() => torch.optim.SGD([], { lr: 0.1 }), 'optimizer got an empty parameter list');
  assert.equal(String(torch.optim.SGD([w], { lr: 0.1 })), 'SGD (\nParameter Group 0\n    dampening: 0\n    lr: 0.1\n' +
    '    maximize: False\n    momentum: 0\n    nesterov: False\n    weight_decay: 0\n)');
  assertGradlabError(() => torch.optim.lr_scheduler.LambdaLR(torch.optim.SGD([{ params: [w] }, { params: [b] }], { lr: 0.1 }), [(e) => e]),
    'Expected 2 lr_lambdas, but got 1');
});

test('optimizers leave no tensors behind but their state', () => {
  const [w, b] = params();
  const before = torch.memory().tensors;
  const opt = torch.optim.RMSprop([w, b], { momentum: 0.5, centered: true });
  for (let i = 0; i < 3; i++) {
    setGrads(w, b, i);
    opt.step();
  }
  opt.zero_grad();
  // square_avg, momentum_buffer and grad_avg for each of the two parameters.
  assert.equal(torch.memory().tensors - before, 6);
});

// The same steps as tests/python/programs/optim_reduce_lr_on_plateau.py, checked
// against what PyTorch 1.13 printed for it (tests/fixtures/python_programs.json).
test('lr_scheduler.ReduceLROnPlateau follows PyTorch\'s patience, cooldown, threshold and min_lr', () => {
  const programs = JSON.parse(readFileSync(new URL('../fixtures/python_programs.json', import.meta.url), 'utf8'));
  const { stdout } = programs.programs.optim_reduce_lr_on_plateau;
  const expected = stdout.split('\n').filter((line) => /^(Epoch|[01]\.\d+ \d+ \d+ )/.test(line));
  const printed = [];
  const log = console.log;
  console.log = (line) => printed.push(line);
  try {
    const opt = torch.optim.SGD([torch.zeros(1, { requires_grad: true })], { lr: 1.0 });
    const sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, { patience: 1, factor: 0.5, verbose: true, cooldown: 1 });
    assert.equal(sched.get_last_lr, undefined);
    for (const m of [1, 1, 1, 1, 0.5, 0.6, 0.7, 0.8]) {
      sched.step(m);
      const g = opt.param_groups[0].lr;
      printed.push(`${g === 1 ? '1.0' : g} ${sched.num_bad_epochs} ${sched.cooldown_counter} ${sched.best === 1 ? '1.0' : sched.best}`);
    }
    const opt2 = torch.optim.Adam([torch.zeros(1, { requires_grad: true })], { lr: 0.1 });
    const s2 = torch.optim.lr_scheduler.ReduceLROnPlateau(opt2, { mode: 'max', threshold: 0.1, threshold_mode: 'abs', patience: 0, min_lr: 0.02 });
    const lrs = [0.5, 0.55, 0.7, 0.71, 0.72, 0.73].map((a) => { s2.step(torch.tensor(a)); return Number(opt2.param_groups[0].lr.toFixed(6)); });
    assert.equal(`${lrs.join(' ')} `, stdout.split('\n')[12]);
  } finally {
    console.log = log;
  }
  assert.deepEqual(printed, expected);
  for (const [options, message] of [[{ factor: 1.0 }, 'Factor should be < 1.0.'], [{ mode: 'x' }, 'mode x is unknown!'],
    [{ threshold_mode: 'x' }, 'threshold mode x is unknown!'], [{ min_lr: [0, 1] }, 'expected 1 min_lrs, got 2']]) {
    const opt = torch.optim.SGD([torch.zeros(1, { requires_grad: true })], { lr: 1.0 });
    assert.throws(() => torch.optim.lr_scheduler.ReduceLROnPlateau(opt, options), { message });
  }
});
