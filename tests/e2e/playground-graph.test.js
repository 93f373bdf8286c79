// The Graph pane stays readable at any size: text never under 11 px on
// screen, parameters named by attribute path, the first and last backward in
// the picker, zoom by keys and buttons, resizable and maximisable panes, and
// a step-through that shows real gradients and explains each node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openPage } from './helpers/browser.js';
import { setCode, runAndWait, waitForEngine } from './helpers/editor.js';
import { useBrowserAndServer } from './helpers/fixture.js';
import { EXAMPLES } from '../../web/src/page/examples.js';

const ctx = useBrowserAndServer();
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });
const example = (id) => EXAMPLES.find((e) => e.id === id).code;

async function runInGraph(code, viewport) {
  const page = await openPage(ctx.browser, ctx.url, viewport ? { viewport } : undefined);
  await waitForEngine(page);
  await setCode(page, code);
  await runAndWait(page, { timeout: 40_000 });
  await page.click('#tab-graph');
  await page.waitForSelector('#graph .gnode');
  await page.waitForTimeout(100);
  return page;
}

// The smallest on-screen size of any text in the graph drawing.
const smallestText = (page) => page.$eval('#graph .graph-svg', (svgEl) => {
  const k = Number(svgEl.dataset.scale);
  const sizes = [...svgEl.querySelectorAll('text')].filter((t) => t.textContent).map((t) => parseFloat(getComputedStyle(t).fontSize) * k);
  return Math.min(...sizes);
});

const nodeTexts = (page) => page.$$eval('#graph .gnode', (gs) => gs.map((g) => g.textContent));

for (const viewport of [{ width: 1400, height: 900 }, { width: 390, height: 844 }]) {
  test(`the MLP example at ${viewport.width} px: text ≥ 11 px, parameters named, first and last backward`, async () => {
    const page = await runInGraph(example('xor'), viewport);
    assert.ok(await smallestText(page) >= 10.99, `smallest text ${await smallestText(page)} px`);
    const texts = (await nodeTexts(page)).join('\n');
    for (const name of ['0.weight', '0.bias', '2.weight', '2.bias']) assert.match(texts, new RegExp(name.replace('.', '\\.')));
    const options = await page.$$eval('#graph .graph-picker option', (os) => os.map((o) => o.textContent));
    assert.equal(options[0], 'backward #1 of loss');
    assert.equal(options.at(-1), 'backward #300 of loss');
    assert.equal(await page.textContent('#graph .graph-passes'), '300 passes');
    // Zooming out stops at the readable limit; zooming in grows the text.
    await page.focus('#graph .graph-canvas');
    for (let i = 0; i < 6; i++) await page.keyboard.press('-');
    assert.ok(await smallestText(page) >= 10.99);
    const before = await smallestText(page);
    await page.keyboard.press('+');
    assert.ok(await smallestText(page) > before);
    await page.click('#graph button[aria-label^="Fit"]');
    assert.ok(await smallestText(page) >= 10.99);
    // The engine's order, one step in: the loss's gradient on the edge it took.
    await page.click('#graph button[data-action="next"]');
    await page.click('#graph button[data-action="next"]');
    assert.match(await page.textContent('#graph .gedge-label.shown text'), /^\[|^-?\d/);
    // A shown gradient label covers no node's step badge ("#3", "waits for 1").
    const covered = await page.$$eval('#graph .gedge-label.shown rect', (rects) => {
      const badges = [...document.querySelectorAll('#graph .gnode-badge')].filter((b) => b.textContent);
      const meets = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      return rects.flatMap((r) => badges.filter((b) => meets(r.getBoundingClientRect(), b.getBoundingClientRect())).map((b) => b.textContent));
    });
    assert.deepEqual(covered, []);
    await page.screenshot({ path: `${SHOTS}${viewport.width}-mlp-graph-step.png`, fullPage: viewport.width < 500 });
    await page.close();
  });
}

test('each edge shows the gradient the engine sent along it, also where edges meet', async () => {
  const page = await runInGraph([
    'const x = torch.tensor([1, 2], { requires_grad: true });',
    'const y = x.mul(2).add(x.exp()).sum();',
    'y.backward();',
    '',
  ].join('\n'));
  const next = () => page.click('#graph button[data-action="next"]');
  const shown = () => page.$$eval('#graph .gedge-label.shown text', (ts) => ts.map((t) => t.textContent));
  await next();
  assert.deepEqual(await shown(), ['[1., 1.]']);
  await next();
  assert.deepEqual(await shown(), ['[1., 1.]', '[1., 1.]']);
  // The engine runs the later-made exp() first; its edge carries exp(x), not the leaf's sum.
  await next();
  assert.match(await page.textContent('.graph-detail'), /ExpBackward0/);
  assert.deepEqual(await shown(), ['[2.7183, 7.3891]']);
  await next();
  assert.match(await page.textContent('.graph-detail'), /MulBackward0/);
  assert.deepEqual(await shown(), ['[2., 2.]']);
  await next();
  assert.match(await page.textContent('.graph-detail'), /sum of 2 incoming gradients/);
  await page.close();
});

test('the retain_graph example shows both passes', async () => {
  const page = await runInGraph(example('retain-graph'));
  const options = await page.$$eval('#graph .graph-picker option', (os) => os.map((o) => o.textContent));
  assert.deepEqual(options, ['backward #1 of y', 'backward #2 of y']);
  assert.equal(await page.textContent('#graph .graph-passes'), '2 passes');
  await page.close();
});

test('the step-through: real gradients on edges, sums only where N > 1, the derivative, leaf gradients once computed', async () => {
  const page = await runInGraph([
    'const x = torch.tensor([1, 2], { requires_grad: true });',
    'const y = x.mul(x).sum();',
    'y.backward();',
    '',
  ].join('\n'));
  const leafGrad = () => page.textContent('#graph .gnode-leaf .node-grad');
  assert.equal(await leafGrad(), 'grad [2., 4.]', 'after backward every gradient is known');
  await page.click('#graph button[data-action="next"]');
  assert.match(await page.textContent('.graph-detail'), /Step 1 of 3[\s\S]*SumBackward0/);
  assert.equal(await page.textContent('#graph .gedge-label.shown text'), '[1., 1.]');
  assert.equal(await leafGrad(), 'grad —');
  await page.click('#graph button[data-action="next"]');
  const step2 = await page.textContent('.graph-detail');
  assert.match(step2, /MulBackward0: grad × other to self, grad × self to other/);
  assert.match(step2, /one incoming gradient/);
  assert.doesNotMatch(step2, /sum of/);
  // Two edges into x, one gradient each; the leaf gets their sum.
  assert.deepEqual(await page.$$eval('#graph .gedge-label.shown text', (ts) => ts.map((t) => t.textContent)), ['[1., 2.] + [1., 2.]']);
  assert.equal(await leafGrad(), 'grad [2., 4.]', 'both edges into x have run');
  await page.click('#graph button[data-action="next"]');
  assert.match(await page.textContent('.graph-detail'), /sum of 2 incoming gradients[\s\S]*x\.grad/);
  await page.close();
});

test('the panes resize with the separator and the results maximise', async () => {
  const page = await runInGraph('const a = torch.ones(2, { requires_grad: true });\na.sum().backward();\n');
  const editorWidth = () => page.$eval('#editor-pane', (e) => e.getBoundingClientRect().width);
  const w0 = await editorWidth();
  await page.focus('#splitter');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.ok(await editorWidth() < w0 - 100);
  const results = () => page.$eval('.results', (e) => e.getBoundingClientRect().width);
  await page.click('#maximise');
  assert.ok(await results() > 1300);
  assert.equal(await page.getAttribute('#maximise', 'aria-pressed'), 'true');
  await page.click('#maximise');
  assert.ok(await results() < 1000);
  await page.close();
});
