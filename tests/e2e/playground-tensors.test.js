// The Tensors pane: cards titled by what was printed, with shape, dtype,
// min / max / mean, a heat map for matrices, rows that never wrap, and large
// tensors summarised as NumPy does instead of cut off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './helpers/browser.js';
import { setCode, runAndWait, waitForEngine } from './helpers/editor.js';
import { useBrowserAndServer } from './helpers/fixture.js';

const ctx = useBrowserAndServer();

async function runInTensors(code) {
  const page = await openPage(ctx.browser, ctx.url);
  await waitForEngine(page);
  await setCode(page, code);
  await runAndWait(page, { timeout: 40_000 });
  await page.click('#tab-tensors');
  return page;
}

const card = (page, name) => `.tensor-card[data-name="${name}"]`;

test('cards are titled by the printed expression and show shape, dtype, min, max, mean and a heat map', async () => {
  const page = await runInTensors([
    'const m = torch.arange(64).reshape(4, 16).float().sub(20).div(3);',
    "print('the matrix', m);",
    'print(m.sum(0));',
    '',
  ].join('\n'));
  const names = await page.$$eval('.tensor-card', (els) => els.map((e) => e.dataset.name));
  assert.deepEqual(names, ['m', 'm.sum(0)']);
  const text = await page.$eval(card(page, 'm'), (e) => e.innerText);
  assert.match(text, /torch\.Size\(\[4, 16\]\)/);
  assert.match(text, /float32/);
  assert.match(text, /MIN\s+-6\.6667/i);
  assert.match(text, /MAX\s+14\.3333/i);
  assert.match(text, /MEAN\s+3\.8333/i);
  assert.equal(await page.$$eval(`${card(page, 'm')} .heat-map canvas`, (c) => c.length), 1);
  assert.equal(await page.$$eval(`${card(page, 'm.sum(0)')} .heat-map`, (c) => c.length), 0, 'no heat map for a vector');
  // One row per line: the 4 × 16 matrix is four lines that scroll sideways.
  const pre = await page.$eval(`${card(page, 'm')} .tensor-array pre`, (p) => ({ lines: p.textContent.split('\n').length, scrolls: p.scrollWidth > p.clientWidth }));
  assert.deepEqual(pre, { lines: 4, scrolls: true });
  await page.close();
});

test('a 1000 × 1000 gradient is summarised as NumPy does, never cut off, and quickly', async () => {
  const t0 = Date.now();
  const page = await runInTensors([
    'const w = torch.randn(1000, 1000, { requires_grad: true });',
    'w.tanh().sum().backward();',
    'print(w.grad);',
    '',
  ].join('\n'));
  console.log(`# 1000 x 1000 run with the Tensors pane: ${Date.now() - t0} ms`);
  const text = await page.$eval(`${card(page, 'w.grad')} .tensor-array pre`, (p) => p.textContent);
  assert.match(text, /^tensor\(\[\[/);
  assert.match(text, /\.\.\./);
  assert.match(text, /\]\]\)$/);
  assert.ok(text.split('\n').length <= 8, `${text.split('\n').length} lines`);
  assert.match(await page.$eval(`${card(page, 'w.grad')} figcaption`, (e) => e.textContent), /sampled 48 × 48 of 1000 × 1000/);
  await page.close();
});
