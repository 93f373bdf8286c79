// Accessibility (axe-core: no serious or critical violation, in both themes)
// and the screenshots a human reviews: light and dark, 1400 px and 390 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openPage } from './helpers/browser.js';
import { setCode, runAndWait, waitForEngine } from './helpers/editor.js';
import { PYTHON_MLP, useBrowserAndServer, TUTORIAL_CODE } from './helpers/fixture.js';

const ctx = useBrowserAndServer();
const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });

async function ranTutorial(viewport, colorScheme) {
  // bypassCSP: axe is injected as an inline script, which the page's policy forbids.
  const page = await openPage(ctx.browser, null, { viewport, colorScheme });
  await page.context().close();
  const context = await ctx.browser.newContext({ viewport, colorScheme, bypassCSP: true });
  const p = await context.newPage();
  await p.goto(ctx.url);
  await waitForEngine(p);
  await p.click('#language [data-language="javascript"]');
  await setCode(p, TUTORIAL_CODE);
  await runAndWait(p);
  await p.evaluate(() => document.activeElement.blur());
  return p;
}

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

for (const scheme of ['light', 'dark']) {
  test(`axe finds no serious or critical violation (${scheme}, every pane)`, async () => {
    const page = await ranTutorial({ width: 1400, height: 900 }, scheme);
    const found = [];
    for (const tab of ['#tab-output', '#tab-tensors', '#tab-graph']) {
      await page.click(tab);
      if (tab === '#tab-graph') await page.click('.stepper [data-action="next"]');
      found.push(...await axe(page));
    }
    assert.deepEqual([...new Set(found)], []);
    await page.context().close();
  });
}


// One page (Python loads once); the viewport and the colour scheme change under it.
test('screenshots in Python: the tutorial and an MLP with its graph, light and dark, 1400 px and 390 px', async () => {
  const page = await openPage(ctx.browser, ctx.url, { language: null });
  await waitForEngine(page);
  await runAndWait(page, { timeout: 60_000 });
  for (const [width, height] of [[1400, 900], [390, 844]]) {
    for (const scheme of ['light', 'dark']) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.click('#tab-output');
      await page.evaluate(() => scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}${width}-${scheme}-python-tutorial.png`, fullPage: width < 500 });
    }
  }
  await setCode(page, `${PYTHON_MLP}print(loss)\n`);
  await runAndWait(page);
  await page.click('#tab-graph');
  await page.waitForSelector('#graph .gnode');
  for (const [width, height] of [[1400, 900], [390, 844]]) {
    for (const scheme of ['light', 'dark']) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.click('#graph button[aria-label^="Fit"]');
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${SHOTS}${width}-${scheme}-python-mlp-graph.png`, fullPage: width < 500 });
    }
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('screenshots: light and dark, 1400 px and 390 px', async () => {
  for (const [width, height] of [[1400, 900], [390, 844]]) {
    for (const scheme of ['light', 'dark']) {
      const page = await ranTutorial({ width, height }, scheme);
      const name = `${width}-${scheme}`;
      await page.screenshot({ path: `${SHOTS}${name}-output.png`, fullPage: width < 500 });
      await page.click('#tab-tensors');
      await page.screenshot({ path: `${SHOTS}${name}-tensors.png`, fullPage: width < 500 });
      await page.click('#tab-graph');
      await page.click('.stepper [data-action="next"]');
      await page.click('.stepper [data-action="next"]');
      await page.waitForTimeout(400);
      if (width < 500) await page.$eval('.results', (e) => e.scrollIntoView());
      await page.screenshot({ path: `${SHOTS}${name}-graph-step.png` });
      await page.context().close();
    }
  }
  const page = await openPage(ctx.browser, `${ctx.url}tutorial-demo.html`, { viewport: { width: 1000, height: 1100 } });
  await page.waitForFunction(() => document.querySelectorAll('iframe.gradlab-embed').length >= 2, null, { timeout: 10_000 });
  const first = await (await page.$('iframe.gradlab-embed')).contentFrame();
  await first.waitForFunction(() => document.body?.dataset.runs === '1', null, { timeout: 20_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}tutorial-demo.png` });
  await page.close();
});

test('the time limit shows all three digits of 600 at 390 px', async () => {
  const page = await openPage(ctx.browser, ctx.url, { viewport: { width: 390, height: 844 } });
  await waitForEngine(page);
  await page.fill('#time-limit', '600');
  await page.dispatchEvent('#time-limit', 'change');
  // A narrow field has no spin buttons (they took a digit's room: 600 read as 60), and the text fits.
  const { appearance, text, room } = await page.$eval('#time-limit', (e) => {
    const style = getComputedStyle(e);
    const canvas = document.createElement('canvas').getContext('2d');
    canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    return {
      appearance: style.appearance,
      text: canvas.measureText(e.value).width,
      room: e.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
    };
  });
  assert.equal(appearance, 'textfield');
  assert.ok(text <= room, `600 needs ${text.toFixed(1)} px, the field has ${room.toFixed(1)} px`);
  await page.close();
});
