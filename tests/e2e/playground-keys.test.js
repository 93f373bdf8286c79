// Keyboard, layout, links and help: the Examples menu loads only on Enter or
// a click and asks before replacing edits; Ctrl+Enter runs from anywhere;
// focus rings show; a phone sees the start of the output; Limit stays
// visible at 390 px; the tab row does not shift; opening the build from disk
// says what to do; a shared link keeps its own edits; ? opens the help.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import LZString from 'lz-string';
import { openPage } from './helpers/browser.js';
import { setCode, runAndWait, waitForEngine, runsCompleted } from './helpers/editor.js';
import { useBrowserAndServer } from './helpers/fixture.js';
import { EXAMPLES } from '../../web/src/page/examples.js';

const ctx = useBrowserAndServer();
// The editor's text, blank lines aside (innerText renders them unevenly).
const code = (page) => page.$eval('.cm-content', (e) => e.innerText.replace(/\n+/g, '\n').trim());
const same = (text) => text.replace(/\n+/g, '\n').trim();

async function freshPage(options) {
  const page = await openPage(ctx.browser, ctx.url, options);
  await waitForEngine(page);
  return page;
}

test('the Examples menu: arrows only move, Enter loads, edited code is replaced only after asking', async () => {
  const page = await freshPage();
  await setCode(page, EXAMPLES[0].code);
  await page.focus('#examples');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.getAttribute('#examples', 'aria-expanded'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), EXAMPLES[1].id);
  assert.equal(await code(page), same(EXAMPLES[0].code), 'moving through the menu loads nothing');
  await page.keyboard.press('Enter');
  assert.equal(await code(page), same(EXAMPLES[1].code));

  await setCode(page, 'print("my own work");');
  let asked = null;
  page.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
  await page.click('#examples');
  await page.click(`#examples-menu [data-id="${EXAMPLES[2].id}"]`);
  assert.match(asked, /Replace your code/);
  assert.equal(await code(page), 'print("my own work");');
  page.once('dialog', (d) => d.accept());
  await page.click('#examples');
  await page.click(`#examples-menu [data-id="${EXAMPLES[2].id}"]`);
  assert.equal(await code(page), same(EXAMPLES[2].code));
  await page.close();
});

test('Ctrl+Enter runs from anywhere on the page', async () => {
  const page = await freshPage();
  await setCode(page, 'print("ran");');
  await page.focus('#share');
  const before = await runsCompleted(page);
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction((n) => Number(document.body.dataset.runs || 0) === n + 1, before);
  await page.click('#pane-output');
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction((n) => Number(document.body.dataset.runs || 0) === n + 2, before);
  assert.equal(await page.textContent('#output .out-text'), 'ran\n');
  await page.close();
});

test('focus rings are visible on graph nodes, tabs and the separator', async () => {
  const page = await freshPage();
  await setCode(page, 'const a = torch.ones(2, { requires_grad: true });\na.sum().backward();\n');
  await runAndWait(page);
  await page.click('#tab-graph');
  await page.waitForSelector('#graph .gnode');
  await page.focus('#graph .gnode');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.$eval('#graph .gnode:focus .gnode-box', (b) => getComputedStyle(b).strokeWidth), '3px');
  await page.focus('#splitter');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.$eval('#splitter', (s) => getComputedStyle(s, '::after').backgroundColor !== getComputedStyle(document.body).backgroundColor), true);
  await page.close();
});

test('at 390 px: Limit is visible, and after Run the output shows from its start', async () => {
  const page = await freshPage({ viewport: { width: 390, height: 844 } });
  const limit = await page.$eval('.limit', (l) => {
    const r = l.getBoundingClientRect();
    return { text: l.innerText.replace(/\s+/g, ' ').trim(), right: r.right, visible: r.width > 0 };
  });
  assert.match(limit.text, /^Limit/);
  assert.ok(limit.visible && limit.right <= 390, JSON.stringify(limit));
  await setCode(page, 'for (let i = 0; i < 300; i++) print("line", i);\n');
  await runAndWait(page);
  await page.waitForTimeout(300);
  assert.equal(await page.$eval('#pane-output', (p) => p.scrollTop), 0);
  // The tabs and the first printed line are on screen.
  const [tabs, first] = await page.$eval('#output', (o) => {
    const range = document.createRange();
    range.setStart(o.querySelector('.out-text').firstChild.firstChild, 0);
    range.setEnd(o.querySelector('.out-text').firstChild.firstChild, 4);
    return [document.querySelector('.tabs').getBoundingClientRect().top, range.getBoundingClientRect().bottom];
  });
  assert.ok(tabs >= 0 && first <= 844, `tabs at ${tabs}, first line ends at ${first}`);
  assert.ok(await page.evaluate(() => scrollY) > 0, 'the page scrolled down to the results');
  await page.close();
});

test('the tab row does not shift when the Tensors count appears', async () => {
  const page = await freshPage();
  const graphTabX = () => page.$eval('#tab-graph', (t) => t.getBoundingClientRect().left);
  const x0 = await graphTabX();
  await setCode(page, 'print(torch.ones(2));\n');
  await runAndWait(page);
  assert.equal(await page.textContent('#tensor-count'), '1');
  assert.equal(await graphTabX(), x0);
  await page.close();
});

test('opening the built page from disk explains that it needs a web server', async () => {
  const file = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url));
  const page = await openPage(ctx.browser, `file://${file}`);
  await page.waitForSelector('#disk-message:not([hidden])');
  assert.match(await page.textContent('#disk-message'), /needs a web server/);
  assert.equal(await page.$eval('.topbar', (t) => getComputedStyle(t).display), 'none');
  await page.close();
});

test("a shared link's code is a draft of its own: reloading keeps the edits, the user's draft is untouched", async () => {
  const page = await freshPage();
  await setCode(page, 'print("my draft");');
  await page.waitForTimeout(400);
  const link = `${ctx.url}#code=${LZString.compressToEncodedURIComponent('print("from a link");')}`;
  await page.goto('about:blank');
  await page.goto(link);
  await waitForEngine(page);
  assert.equal(await code(page), 'print("from a link");');
  await setCode(page, 'print("from a link, edited");');
  await page.waitForTimeout(400);
  await page.reload();
  await waitForEngine(page);
  assert.equal(await code(page), 'print("from a link, edited");');
  await page.goto(ctx.url);
  await page.reload();
  await waitForEngine(page);
  assert.equal(await code(page), 'print("my draft");');
  await page.close();
});

test('? opens the help: shortcuts, the language, the helpers and the API reference from the .d.ts', async () => {
  const page = await freshPage();
  await page.focus('#run');
  await page.keyboard.press('?');
  await page.waitForSelector('#help-dialog[open]');
  const text = await page.textContent('#help-dialog');
  for (const s of ['Ctrl+Enter', 'Python runs PyTorch code as written', 'JavaScript', 'strict mode', 'print(...values)', 'show(t, name?)', 'plot(ys)', 'API reference']) assert.ok(text.includes(s), s);
  await page.fill('#help-dialog input[type="search"]', 'retain_grad');
  const shown = await page.$$eval('#help-dialog details[open] dt:not([hidden])', (dts) => dts.map((d) => d.textContent));
  assert.ok(shown.some((t) => t.startsWith('retain_grad(')), shown.join(', '));
  // The first Escape clears the filter (a search field's own behaviour), the next closes.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  assert.equal(await page.$('#help-dialog[open]'), null);
  await page.close();
});
