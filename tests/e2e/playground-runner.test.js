// The runner's guarantees: an infinite loop never freezes the page and Stop
// ends it at once; a flood of prints is capped; console.log is captured; the
// time limit stops a run and the next run works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './helpers/browser.js';
import { setCode, runAndWait, waitForEngine, runsCompleted } from './helpers/editor.js';
import { useBrowserAndServer } from './helpers/fixture.js';

const ctx = useBrowserAndServer();

async function freshPage() {
  const page = await openPage(ctx.browser, ctx.url);
  await waitForEngine(page);
  return page;
}

const outputText = (page) => page.$eval('#output', (el) => [...el.querySelectorAll('.out-text')].map((p) => p.textContent).join(''));

test('while (true) {}: the page stays responsive, Stop ends it within 1 s, the next run works', async () => {
  const page = await freshPage();
  await setCode(page, 'while (true) {}\n');
  const before = await runsCompleted(page);
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => document.body.dataset.runner === 'running');
  await page.waitForTimeout(500);

  const t0 = Date.now();
  assert.equal(await page.evaluate(() => 1 + 1), 2);
  await page.click('#tab-tensors');
  await page.click('#tab-output');
  assert.ok(Date.now() - t0 < 1000, 'the page answers while the loop runs');

  const stopAt = Date.now();
  await page.click('#stop');
  await page.waitForFunction((n) => Number(document.body.dataset.runs || 0) > n, before);
  const stopMs = Date.now() - stopAt;
  console.log(`# stop took ${stopMs} ms`);
  assert.ok(stopMs < 1000, `Stop took ${stopMs} ms`);
  assert.match(await page.textContent('#output'), /Stopped/);

  await setCode(page, 'print(1 + 1);\n');
  await runAndWait(page);
  assert.equal(await outputText(page), '2\n');
  await page.close();
});

test('the time limit stops a run and restarts the worker', async () => {
  const page = await freshPage();
  await page.fill('#time-limit', '1');
  await page.dispatchEvent('#time-limit', 'change');
  await setCode(page, 'print("start");\nwhile (true) {}\n');
  const t0 = Date.now();
  await runAndWait(page);
  assert.ok(Date.now() - t0 < 3000);
  assert.match(await page.textContent('.out-error'), /time limit/);
  assert.equal(await outputText(page), 'start\n');
  await page.fill('#time-limit', '30');
  await page.dispatchEvent('#time-limit', 'change');
  await setCode(page, 'print("again");\n');
  await runAndWait(page);
  assert.equal(await outputText(page), 'again\n');
  await page.close();
});

test('a million prints are capped with a notice and the page stays usable', async () => {
  const page = await freshPage();
  await setCode(page, 'for (let i = 0; i < 1e6; i++) print(i);\nprint("end");\n');
  await runAndWait(page, { timeout: 30_000 });
  const text = await outputText(page);
  const lines = text.split('\n').length - 1;
  assert.ok(lines <= 5500, `${lines} lines shown`);
  assert.ok(text.startsWith('0\n1\n2\n'));
  assert.match(await page.textContent('#output'), /lines skipped/);
  assert.equal(await page.evaluate(() => 1 + 1), 2);
  await page.close();
});

test('console.log is captured, async code and top-level await work', async () => {
  const page = await freshPage();
  await setCode(page, "console.log('hi', 1.5, [2]);\nawait new Promise((r) => setTimeout(r, 10));\nprint('after await');\n");
  await runAndWait(page);
  assert.equal(await outputText(page), 'hi 1.5 [2]\nafter await\n');
  await page.close();
});

test('plot() draws an SVG line chart', async () => {
  const page = await freshPage();
  await setCode(page, "plot({ loss: [3, 2, 1.5, 1.2, 1] });\n");
  await runAndWait(page);
  assert.equal(await page.$$eval('#output svg.chart polyline', (els) => els.length), 1);
  await page.close();
});

test('the Content-Security-Policy keeps user code off the network', async () => {
  const page = await freshPage();
  await setCode(page, [
    'let blocked = false;',
    "self.addEventListener('securitypolicyviolation', () => { blocked = true; });",
    "try { await fetch('http://example.com/'); } catch (e) { print(e.name); }",
    'await new Promise((r) => setTimeout(r, 50));',
    "print('blocked:', blocked);",
    '',
  ].join('\n'));
  await runAndWait(page);
  assert.equal(await outputText(page), 'TypeError\nblocked: True\n');
  await page.close();
});
