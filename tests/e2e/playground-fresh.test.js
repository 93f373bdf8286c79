// Every run starts from what a freshly loaded page has: nothing a previous run
// defined, set or made is visible to the next one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './helpers/browser.js';
import { setCode, runAndWait, waitForEngine, outputText } from './helpers/editor.js';
import { useBrowserAndServer } from './helpers/fixture.js';

const ctx = useBrowserAndServer();

async function runCode(page, code) {
  await setCode(page, code);
  await runAndWait(page);
  return outputText(page);
}

const PROBE = [
  'print(torch.memory().tensors);',
  'print(typeof a, typeof b, typeof c, torch.is_grad_enabled());',
  'print(torch.tensor([1.23456789]));',
  'print(torch.randn(3));',
  '',
].join('\n');

test('globals, grad mode, print options, the generator and memory counts do not carry over', async () => {
  const page = await openPage(ctx.browser, ctx.url);
  await waitForEngine(page);
  const first = await runCode(page, PROBE);
  assert.match(first, /^0\nundefined undefined undefined True\ntensor\(\[1\.2346\]\)\n/);

  await runCode(page, [
    'var a = 1;',
    'globalThis.b = torch.ones(1000);',
    'self.c = 3;',
    'const big = torch.randn(100, 100);',
    'torch.set_grad_enabled(false);',
    'torch.set_printoptions({ precision: 1 });',
    'torch.manual_seed(5); torch.randn(7);',
    'setInterval(() => print("tick"), 5);',
    '',
  ].join('\n'));
  const again = await runCode(page, PROBE);
  assert.equal(again, first, 'the second probe sees the state of a fresh page');
  await page.waitForTimeout(50);
  assert.doesNotMatch(await outputText(page), /tick/, "the previous run's timers are cancelled");
  await page.close();
});

test('user code runs in strict mode: assigning an undeclared name is an error on its line', async () => {
  const page = await openPage(ctx.browser, ctx.url);
  await waitForEngine(page);
  await setCode(page, 'let y = 1;\nx = 5;\n');
  await runAndWait(page);
  assert.match(await page.textContent('.out-error'), /ReferenceError: x is not defined/);
  assert.match(await page.textContent('.out-error-line'), /line 2/);
  await page.close();
});

test('print and show leave no engine handles behind', async () => {
  const page = await openPage(ctx.browser, ctx.url);
  await waitForEngine(page);
  const out = await runCode(page, [
    'const x = torch.ones(40, 30, { requires_grad: true });',
    'const y = x.mul(2).sum();',
    'y.backward();',
    'const g = x.grad;',
    'const before = torch.memory().tensors;',
    'print(x); print(g); print(y);',
    "show(y, 'y');",
    'print(torch.memory().tensors - before);',
    '',
  ].join('\n'));
  assert.match(out, /\n0\n$/);
  await page.close();
});
