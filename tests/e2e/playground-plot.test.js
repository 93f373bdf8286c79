// plot(): ys alone, xs and ys, several series with a legend, nice ticks on
// both axes, no label outside the drawing, and a hover / keyboard read-out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './helpers/browser.js';
import { setCode, runAndWait, waitForEngine } from './helpers/editor.js';
import { useBrowserAndServer } from './helpers/fixture.js';

const ctx = useBrowserAndServer();

async function runPlot(code) {
  const page = await openPage(ctx.browser, ctx.url);
  await waitForEngine(page);
  await setCode(page, code);
  await runAndWait(page);
  await page.waitForSelector('#output svg.chart');
  return page;
}

// Every text's box lies inside the chart's own box.
const clipped = (page) => page.$$eval('#output svg.chart', (charts) => charts.flatMap((c) => {
  const r = c.getBoundingClientRect();
  return [...c.querySelectorAll('.chart-axes text, .chart-legend text, .chart-title')].filter((t) => {
    const b = t.getBoundingClientRect();
    return b.left < r.left - 0.5 || b.right > r.right + 0.5 || b.top < r.top - 0.5 || b.bottom > r.bottom + 0.5;
  }).map((t) => t.textContent);
}));

const tickTexts = (page) => page.$$eval('#output svg.chart .chart-axes text', (ts) => ts.map((t) => t.textContent));

test('plot(ys): ticks on both axes, nothing clipped, even for wide numbers', async () => {
  const page = await runPlot('plot([-123456.5, 20000, 98765.25, 5000]);\n');
  const ticks = await tickTexts(page);
  assert.ok(ticks.includes('0') && ticks.includes('3'), `x ticks: ${ticks}`);
  assert.ok(ticks.filter((t) => /^-?\d+$/.test(t)).length >= 6, `ticks: ${ticks}`);
  assert.deepEqual(await clipped(page), []);
  assert.equal(await page.$$eval('#output .chart-legend', (l) => l.length), 0, 'one unnamed series needs no legend');
  await page.close();
});

test('plot(xs, ys) uses the x values; several series get a legend; the read-out follows the pointer and keys', async () => {
  const page = await runPlot([
    'const xs = torch.linspace(-2, 2, 41);',
    'plot(xs, xs.tanh(), { title: "tanh", xlabel: "x", ylabel: "tanh(x)" });',
    'plot(xs, { sigmoid: xs.sigmoid(), relu: xs.relu() });',
    '',
  ].join('\n'));
  const charts = await page.$$('#output svg.chart');
  assert.equal(charts.length, 2);
  const first = await charts[0].$$eval('.chart-axes text', (ts) => ts.map((t) => t.textContent));
  for (const t of ['-2', '-1', '0', '1', '2', 'x', 'tanh(x)']) assert.ok(first.includes(t), `${t} in ${first}`);
  const legend = await charts[1].$$eval('.chart-legend text', (ts) => ts.map((t) => t.textContent));
  assert.deepEqual(legend, ['sigmoid', 'relu']);
  assert.deepEqual(await clipped(page), []);

  const box = await charts[1].boundingBox();
  await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
  assert.match(await charts[1].getAttribute('data-readout'), /^x = 2; sigmoid = 0\.8808; relu = 2$/);
  await charts[0].focus();
  await page.keyboard.press('Home');
  assert.match(await charts[0].getAttribute('data-readout'), /^x = -2; y = -0\.96403$/);
  await page.keyboard.press('ArrowRight');
  assert.match(await charts[0].getAttribute('data-readout'), /^x = -1\.9; y = -0\.95624$/);
  await page.close();
});

test('plot() with mismatched lengths is an error on its line', async () => {
  const page = await openPage(ctx.browser, ctx.url);
  await waitForEngine(page);
  await setCode(page, 'plot([1, 2, 3], [1, 2]);\n');
  await runAndWait(page);
  assert.match(await page.textContent('.out-error'), /RangeError: plot: x has 3 values but y has 2/);
  await page.close();
});

test('Python: from gradlab import plot draws the same chart, after the text printed before it', async () => {
  const page = await openPage(ctx.browser, ctx.url, { language: 'python' });
  await waitForEngine(page);
  await setCode(page, [
    'import torch',
    'from gradlab import plot',
    'xs = torch.linspace(-2, 2, 41)',
    'print("before")',
    'plot(xs, {"sigmoid": xs.sigmoid(), "relu": xs.relu()}, title="activations")',
    'plot([1.0, float("nan"), 3.0])',
    'print("after")',
    '',
  ].join('\n'));
  await runAndWait(page, { timeout: 60_000 });
  await page.waitForSelector('#output svg.chart');
  const order = await page.$eval('#output', (el) => [...el.children].map((c) => (c.querySelector('svg.chart') ? 'chart' : c.textContent.trim())).filter(Boolean));
  assert.deepEqual(order.filter((o) => o === 'chart' || /before|after/.test(o)).map((o) => (o === 'chart' ? o : o.replace(/\s+/g, ''))), ['before', 'chart', 'chart', 'after']);
  const charts = await page.$$('#output svg.chart');
  assert.deepEqual(await charts[0].$$eval('.chart-legend text', (ts) => ts.map((t) => t.textContent)), ['sigmoid', 'relu']);
  const box = await charts[0].boundingBox();
  await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
  assert.match(await charts[0].getAttribute('data-readout'), /^x = 2; sigmoid = 0\.8808; relu = 2$/);
  assert.deepEqual(await clipped(page), []);

  await setCode(page, 'from gradlab import plot\nplot([1, 2, 3], [1, 2])\n');
  await runAndWait(page, { timeout: 60_000 });
  assert.match(await page.textContent('.out-error'), /ValueError: plot: x has 3 values but y has 2/);
  await page.close();
});
