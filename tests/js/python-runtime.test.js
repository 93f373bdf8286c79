// The Python mode contract in Node: the seed tutorial's exact PyTorch 0.3
// output, a fresh process per run, the error object and traceback lines,
// PyTorch's exception classes, memory returning to baseline, and the
// gradlab-python command.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { loadPython } from 'gradlab/python';

const root = new URL('../../', import.meta.url);
// Pyodide's interrupt buffer, as the playground's worker passes one (SIGINT is 2).
const interrupt = new Int32Array(new SharedArrayBuffer(4));
const py = await loadPython({ interruptBuffer: interrupt });

test('the seed tutorial, verbatim, prints exactly what PyTorch 0.3 printed', async () => {
  // Both texts are copied verbatim from shared/seed-tutorial.md. Its output block
  // drops the newline 0.3 printed before every tensor at the very start, and
  // leaves out the repeated print(variable) and print(variable.data) after
  // backward, whose text the tutorial's original gives: the same blocks as
  // print(variable) and print(tensor) at the start.
  const seed = JSON.parse(readFileSync(new URL('tests/fixtures/python_seed_tutorial.json', root), 'utf8'));
  const blocks = seed.printed.split('\n\n');
  const [tensorBlock, variableBlock] = blocks;
  const numpyBlock = blocks[blocks.length - 1];
  const expected = `\n${blocks.slice(0, -1).join('\n\n')}\n\n${variableBlock}\n\n\n${tensorBlock}\n\n${numpyBlock}`;
  const { stdout, stderr, error } = await py.run(seed.code);
  assert.equal(error, null);
  assert.equal(stderr, '');
  assert.equal(stdout, expected);
  assert.ok(stdout.includes('7.5\nVariable containing:\n 7.5000\n[torch.FloatTensor of size 1]\n'));
});

test('each run is a fresh process: globals, grad mode, print options, generator', async () => {
  const first = await py.run([
    'import torch',
    'leaked = 1',
    'torch.set_grad_enabled(False)',
    'torch.set_printoptions(precision=1)',
    'print(torch.rand(3).tolist())',
  ].join('\n'));
  assert.equal(first.error, null);
  const second = await py.run([
    'import torch',
    "print('leaked' in globals(), __name__)",
    'print(torch.is_grad_enabled())',
    'print(torch.tensor([1.23456]))',
    'print(torch.rand(3).tolist())',
  ].join('\n'));
  assert.equal(second.error, null);
  const lines = second.stdout.split('\n');
  assert.deepEqual(lines.slice(0, 3), ['False __main__', 'True', 'tensor([1.2346])']);
  // The same fixed default seed at the start of every run: the same numbers.
  assert.equal(lines[3], first.stdout.trim());
});

test('an uncaught exception: error object, traceback at the user\'s lines, stdout before it kept', async () => {
  const { stdout, stderr, error } = await py.run('import torch\nprint("before")\n\nx = torch.ones(2, 3)\ny = x.view(4)\n');
  assert.equal(stdout, 'before\n');
  assert.equal(error.type, 'RuntimeError');
  assert.equal(error.message, "shape '[4]' is invalid for input of size 6");
  assert.match(error.traceback, /^Traceback \(most recent call last\):\n  File "<exec>", line 5, in <module>\n    y = x.view\(4\)\n/);
  assert.ok(error.traceback.endsWith("RuntimeError: shape '[4]' is invalid for input of size 6\n"));
  assert.doesNotMatch(error.traceback, /torch\/|_gradlab_run/);
  assert.equal(stderr, error.traceback);
});

test('tracebacks follow the user\'s calls through functions', async () => {
  const { error } = await py.run('import torch\n\ndef f(t):\n    return t[7]\n\nf(torch.zeros(3))\n');
  assert.equal(error.type, 'IndexError');
  assert.equal(error.message, 'index 7 is out of bounds for dimension 0 with size 3');
  assert.match(error.traceback, /line 6, in <module>\n    f\(torch.zeros\(3\)\)\n(.*\n)*  File "<exec>", line 4, in f\n    return t\[7\]\n/);
});

test('engine errors raise PyTorch\'s exception classes, and the engine keeps working', async () => {
  const cases = [
    ['torch.ones(2) + torch.ones(3)', 'RuntimeError'],
    ['torch.ones(2).sum(5)', 'IndexError'],
    ['torch.ones(2)[9]', 'IndexError'],
    ['float(torch.ones(2))', 'ValueError'],
    ["torch.nn.functional.mse_loss(torch.ones(1), torch.ones(1), reduction='x')", 'ValueError'],
    ['len(torch.tensor(1.0))', 'TypeError'],
    // PyTorch computes the tanh form; Gradlab has only the erf form and says so rather than differ silently.
    ["torch.nn.functional.gelu(torch.ones(2), approximate='tanh')", 'NotImplementedError'],
    ["torch.nn.GELU('tanh')", 'NotImplementedError'],
  ];
  const code = ['import torch', 'out = []'];
  for (const [expr] of cases) code.push(`try:\n    ${expr}\nexcept Exception as e:\n    out.append(type(e).__name__)`);
  code.push('print(out)', 'print(torch.ones(2) * 3)');
  const { stdout, error } = await py.run(code.join('\n'));
  assert.equal(error, null);
  assert.equal(stdout, `${JSON.stringify(cases.map((c) => c[1])).replaceAll('"', "'").replaceAll(',', ', ')}\ntensor([3., 3.])\n`);
});

test('memory is Python\'s: 10,000 ops in a loop leave the engine\'s counts at baseline', async () => {
  const { stdout, error } = await py.run([
    'import torch',
    'before = torch.memory()',
    'x = torch.tensor(0.5, requires_grad=True)',
    'handle = x.register_hook(lambda g: g * 2)',
    'for i in range(10000):',
    '    y = (x * 1.0001 + 0.1).tanh()',
    '    if i % 1000 == 0:',
    '        y.backward()',
    'handle.remove()',
    'x.grad = None',
    'del x, y',
    'after = torch.memory()',
    'print(before == after, before["tensors"], after["tensors"])',
  ].join('\n'));
  assert.equal(error, null);
  assert.match(stdout, /^True (\d+) \1\n$/);
});

test('x.grad and y.grad_fn are one object each while the engine keeps them, freed with their owner', async () => {
  const { stdout, error } = await py.run([
    'import torch',
    'base = torch.memory()',
    'x = torch.ones(3, requires_grad=True)',
    'y = x * 2',
    '(y * y).sum().backward(retain_graph=True)',
    'print(x.grad is x.grad, y.grad_fn is y.grad_fn, y.grad_fn.next_functions[0][0] is y.grad_fn.next_functions[0][0])',
    'node = y.grad_fn',
    'held = torch.memory()',
    'print(held["nodes"] - base["nodes"], held["tensors"] - base["tensors"])',
    'del x, y, node',
    'print(torch.memory() == base)',
  ].join('\n'));
  assert.equal(error, null);
  // Held: one node (node), three tensors (x, y, x's cached grad).
  assert.equal(stdout, 'True True True\n1 3\nTrue\n');
});

test('hooks go by id: a tensor that dies with hooks registered frees them and what they hold', async () => {
  const { stdout, error } = await py.run([
    'import torch',
    'base = torch.memory()',
    'x = torch.ones(3, requires_grad=True)',
    'big = torch.ones(1000)',
    'seen = []',
    'h = x.register_hook(lambda g: g + big[0])',
    'x.register_hook(lambda g: seen.append(g.tolist()))',
    '(x * 2).sum().backward()',
    'mid = torch.memory()',
    'print(x.grad, seen, mid["hooks"] - base["hooks"])',
    'del big, x',
    'print(torch.memory() == base, torch.memory()["hooks"])',
    'h.remove()',
    'y = torch.ones(2, requires_grad=True)',
    'y.register_hook(lambda g: g * 0).remove()',
    'print(torch.memory()["hooks"] - base["hooks"])',
  ].join('\n'));
  assert.equal(error, null);
  // Hooks run in registration order, each on what the one before returned (as PyTorch's).
  assert.equal(stdout, 'tensor([3., 3., 3.]) [[3.0, 3.0, 3.0]] 2\nTrue 0\n0\n');
});

test('a custom autograd.Function is held by id: 1,000 calls, backward or not, leave tensors, bytes and hooks at baseline', async () => {
  const { stdout, error } = await py.run([
    'import torch',
    'class Cube(torch.autograd.Function):',
    '    @staticmethod',
    '    def forward(ctx, x):',
    '        ctx.save_for_backward(x)',
    '        return x ** 3',
    '    @staticmethod',
    '    def backward(ctx, g):',
    '        x, = ctx.saved_tensors',
    '        return 3 * x ** 2 * g',
    'base = torch.memory()',
    'x = torch.ones(100, requires_grad=True)',
    'for i in range(1000):',
    '    y = Cube.apply(x)',
    '    if i % 2:',
    '        y.sum().backward()',
    'print(x.grad[0].item())',
    'del x, y',
    'print(torch.memory() == base, torch.memory()["hooks"] - base["hooks"])',
  ].join('\n'));
  assert.equal(error, null, error && error.traceback);
  assert.equal(stdout, '1500.0\nTrue 0\n');
});

test('Python and JavaScript hooks share the engine: each is called with its own tensors', async () => {
  const { torch } = await import('gradlab');
  const base = torch.memory().hooks;
  const x = torch.ones([2], { requires_grad: true });
  x.register_hook((g) => g.mul(3));
  const r = await py.run('import torch\nx = torch.ones(2, requires_grad=True)\nx.register_hook(lambda g: g * 5)\n(x * 1).sum().backward()\nprint(x.grad)');
  torch.tidy(() => x.mul(1).sum().backward());
  assert.equal(r.stdout, 'tensor([5., 5.])\n');
  assert.deepEqual(x.grad.tolist(), [3, 3]);
  assert.equal(torch.memory().hooks, base + 1);
  x.grad.dispose();
  x.dispose();
  assert.equal(torch.memory().hooks, base);
});

test('tensors a run leaves in its globals are freed when the run ends', async () => {
  const probe = 'import torch\nprint(torch.memory()["tensors"], torch.memory()["bytes"])';
  const baseline = (await py.run(probe)).stdout;
  await py.run('import torch\nimport torch.nn as nn\nkept = [torch.ones(100) for _ in range(50)]\nmodel = nn.Linear(10, 10)\n');
  assert.equal((await py.run(probe)).stdout, baseline);
});

test('a program that does not compile: CPython\'s SyntaxError text, no traceback header', async () => {
  const { stdout, error } = await py.run('import torch\nx = = 1\n');
  assert.equal(stdout, '');
  assert.equal(error.type, 'SyntaxError');
  assert.equal(error.traceback, '  File "<exec>", line 2\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n');
});

test('sys.exit: status 0 is no error; another status or a message is, as CPython exits', async () => {
  assert.equal((await py.run('import sys\nprint(1)\nsys.exit(0)\nprint(2)')).error, null);
  const three = await py.run('import sys\nsys.exit(3)');
  assert.deepEqual([three.error.type, three.error.message, three.stderr], ['SystemExit', '3', '']);
  const text = await py.run('import sys\nsys.exit("bye")');
  assert.deepEqual([text.error.message, text.stderr], ['bye', 'bye\n']);
});

test('onStdout and onStderr receive the output as it is printed; the result is unchanged', async () => {
  const seen = [];
  const at = [];
  const code = [
    'import sys, time, torch',
    'print("a", end="")',
    'print("b")',
    'print("c\\nd", end="")',
    'sys.stdout.write("e\\n")',
    'end = time.time() + 0.3',
    'while time.time() < end:',
    '    pass',
    'print(torch.ones(2), flush=True)',
    'print("tail", end="")',
    'print("warn", file=sys.stderr)',
    'torch.ones(2).view(3)',
  ].join('\n');
  const result = await py.run(code, {
    onStdout: (text) => { seen.push(['out', text]); at.push(Date.now()); },
    onStderr: (text) => seen.push(['err', text]),
  });
  const traceback = result.error.traceback;
  assert.deepEqual(seen, [
    ['out', 'ab\n'], ['out', 'c\n'], ['out', 'de\n'], ['out', 'tensor([1., 1.])\n'],
    ['err', 'warn\n'], ['out', 'tail'], ['err', traceback],
  ]);
  // Delivered while the program ran: the busy 0.3 s lies between the chunks.
  assert.ok(at[3] - at[2] >= 250, `${at[3] - at[2]} ms between chunks`);
  assert.equal(result.stdout, 'ab\nc\nde\ntensor([1., 1.])\ntail');
  assert.equal(result.stderr, `warn\n${traceback}`);
  assert.equal(result.error.type, 'RuntimeError');
});

test('a callback that throws rejects run() after the program ended; the next run is unaffected', async () => {
  const ran = [];
  await assert.rejects(py.run('print(1)\nprint(2)', { onStdout: (text) => { ran.push(text); throw new Error('callback broke'); } }),
    /callback broke/);
  assert.deepEqual(ran, ['1\n', '2\n']);
  assert.deepEqual(await py.run('print(3)'), { stdout: '3\n', stderr: '', error: null });
});

/** Runs `code` while another thread writes SIGINT into the buffer after 300 ms; how late the run ended after it. */
async function interrupted(code) {
  const clock = new Float64Array(new SharedArrayBuffer(8));
  const stopper = new Worker(`
    const { workerData: { interrupt, clock } } = require('node:worker_threads');
    setTimeout(() => { clock[0] = Date.now(); Atomics.store(interrupt, 0, 2); }, 300);
  `, { eval: true, workerData: { interrupt, clock } });
  await new Promise((resolve) => stopper.once('online', resolve));
  const result = await py.run(code);
  const late = Date.now() - clock[0];
  await stopper.terminate();
  return { ...result, late };
}

// The loops end by themselves after 10 s, so a missing interrupt fails the test instead of hanging it.
test('the interrupt buffer stops a busy loop (`while ...: pass`) within 1 s with KeyboardInterrupt', async () => {
  const { stdout, error, late } = await interrupted('import time\nprint("start")\nend = time.time() + 10\nwhile time.time() < end:\n    pass\n');
  assert.equal(stdout, 'start\n');
  assert.equal(error?.type, 'KeyboardInterrupt');
  assert.equal(error.message, '');
  assert.match(error.traceback, /^Traceback \(most recent call last\):\n  File "<exec>", line [45], in <module>\n/);
  assert.ok(error.traceback.endsWith('\nKeyboardInterrupt\n'), error.traceback);
  assert.ok(late < 1000, `stopped ${late} ms after the interrupt`);
});

test('an interrupt never lands between an engine call and its owner: training loops stopped 4 times leak nothing', async () => {
  const probe = 'import torch\nprint(torch.memory())';
  const baseline = (await py.run(probe)).stdout;
  for (let i = 0; i < 4; i += 1) {
    const { stderr, error, late } = await interrupted([
      'import time, torch',
      'w = torch.ones(3, requires_grad=True)',
      'end = time.time() + 10',
      'while time.time() < end:',
      '    loss = (w * torch.rand(3)).tanh().sum()',
      '    loss.backward()',
    ].join('\n'));
    assert.equal(error?.type, 'KeyboardInterrupt');
    assert.ok(late < 1000, `stopped ${late} ms after the interrupt`);
    // Only the traceback: no "Exception ignored in __del__" from an interrupted free.
    assert.equal(stderr, error.traceback);
    assert.match(error.traceback, /File "<exec>", line [456], in <module>\n/);
  }
  assert.equal((await py.run(probe)).stdout, baseline);
});

test('a Stop that arrives after a program ended does not stop the next one', async () => {
  interrupt[0] = 2;
  assert.deepEqual(await py.run('print(sum(range(10)))'), { stdout: '45\n', stderr: '', error: null });
});

const run = promisify(execFile);
const bin = fileURLToPath(new URL('bin/gradlab-python.mjs', root));

test('gradlab-python FILE.py prints stdout exactly; an exception goes to stderr with status 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradlab-python-'));
  const ok = join(dir, 'ok.py');
  writeFileSync(ok, 'import torch\nprint(torch.tensor([1.0, 2.0]) * 2, end="")\n');
  const good = await run(process.execPath, [bin, ok]);
  assert.equal(good.stdout, 'tensor([2., 4.])');
  assert.equal(good.stderr, '');

  const bad = join(dir, 'bad.py');
  writeFileSync(bad, 'import torch\nprint("partial")\ntorch.ones(2) @ torch.ones(3)\n');
  await assert.rejects(run(process.execPath, [bin, bad]), (e) => {
    assert.equal(e.code, 1);
    assert.equal(e.stdout, 'partial\n');
    assert.ok(e.stderr.startsWith(`Traceback (most recent call last):\n  File "${bad}", line 3, in <module>\n`), e.stderr);
    assert.ok(e.stderr.endsWith('RuntimeError: inconsistent tensor size, expected tensor [2] and src [3] to have the same number of elements, but got 2 and 3 elements respectively\n'), e.stderr);
    return true;
  });

  const exit = join(dir, 'exit.py');
  writeFileSync(exit, 'import sys\nprint("a")\nsys.exit(3)\n');
  await assert.rejects(run(process.execPath, [bin, exit]), (e) => e.code === 3 && e.stdout === 'a\n' && e.stderr === '');
});
