// Sharing and embedding: a share link restores the code without running it;
// embed.html runs only with autorun=1 or on Run; the tutorial demo page turns
// its two <pre data-gradlab> blocks into live editors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import LZString from 'lz-string';
import { openPage } from './helpers/browser.js';
import { setCode, waitForEngine } from './helpers/editor.js';
import { useBrowserAndServer } from './helpers/fixture.js';

const ctx = useBrowserAndServer();
const SNIPPET = "const x = Variable(torch.FloatTensor([[1, 2], [3, 4]]), { requires_grad: true });\nconst out = torch.mean(x.mul(x));\nout.backward();\nprint(x.grad);\n";
const GRAD_TEXT = 'Variable containing:\n 0.5000  1.0000\n 1.5000  2.0000\n[torch.FloatTensor of size 2x2]\n\n';

const frameOutput = (frame) => frame.$eval('#output', (el) => [...el.querySelectorAll('.out-text')].map((p) => p.textContent).join(''));

test('a share link round-trips the code and does not run it', async () => {
  const page = await openPage(ctx.browser, ctx.url);
  await waitForEngine(page);
  await setCode(page, 'print("shared!");\n');
  await page.click('#share');
  const link = page.url();
  assert.match(link, /#code=/);

  const other = await openPage(ctx.browser, link);
  await waitForEngine(other);
  assert.equal(await other.$eval('.cm-content', (e) => e.innerText.trim()), 'print("shared!");');
  await other.waitForTimeout(800);
  assert.equal(await other.evaluate(() => document.body.dataset.runs), undefined);
  assert.equal(await other.$$eval('#output .out-text', (els) => els.length), 0);
  await other.click('#run');
  await other.waitForFunction(() => document.body.dataset.runs === '1');
  assert.equal(await other.textContent('#output .out-text'), 'shared!\n');
  await page.close();
  await other.close();
});

test('embed.html with autorun=1 runs at once', async () => {
  const page = await openPage(ctx.browser, `${ctx.url}embed.html#code=${LZString.compressToEncodedURIComponent(SNIPPET)}&autorun=1&readonly=1`);
  await page.waitForFunction(() => document.body.dataset.runs === '1', null, { timeout: 20_000 });
  assert.equal(await frameOutput(page), GRAD_TEXT);
  assert.equal(await page.$eval('.cm-content', (e) => e.getAttribute('contenteditable')), 'false');
  await page.close();
});

test('embed.html without autorun waits for Run', async () => {
  const page = await openPage(ctx.browser, `${ctx.url}embed.html#code=${LZString.compressToEncodedURIComponent(SNIPPET)}`);
  await waitForEngine(page);
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => document.body.dataset.runs), undefined);
  assert.equal(await page.$eval('#output-wrap', (e) => e.hidden), true);
  await page.click('#run');
  await page.waitForFunction(() => document.body.dataset.runs === '1');
  assert.equal(await frameOutput(page), GRAD_TEXT);
  await page.close();
});

test('the tutorial demo page turns its <pre data-gradlab> blocks into live editors', async () => {
  const page = await openPage(ctx.browser, `${ctx.url}tutorial-demo.html`, { viewport: { width: 1000, height: 700 } });
  await page.waitForSelector('iframe.gradlab-embed');
  const frames = async () => page.$$('iframe.gradlab-embed');
  // The second block is below the fold: it becomes an iframe only when scrolled to.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForFunction(() => document.querySelectorAll('iframe.gradlab-embed').length === 4);
  assert.equal(await page.$$eval('pre[data-gradlab]', (els) => els.length), 0);

  const [first, second] = await Promise.all((await frames()).slice(0, 2).map((f) => f.contentFrame()));
  await first.waitForFunction(() => document.body?.dataset.runs === '1', null, { timeout: 20_000 });
  assert.match(await frameOutput(first), /^Variable containing:\n 1  2\n 3  4\n/);

  await second.waitForFunction(() => document.body?.dataset.runner === 'ready', null, { timeout: 20_000 });
  assert.equal(await second.evaluate(() => document.body.dataset.runs), undefined);
  await second.click('#run');
  await second.waitForFunction(() => document.body.dataset.runs === '1');
  assert.equal(await frameOutput(second), GRAD_TEXT);

  // The iframe grows to fit its content (height reported by postMessage).
  await page.waitForTimeout(300);
  const height = await page.$$eval('iframe.gradlab-embed', (els) => els[1].getBoundingClientRect().height);
  const inner = await second.evaluate(() => document.querySelector('.embed-frame').getBoundingClientRect().height);
  assert.ok(Math.abs(height - inner) <= 4, `iframe ${height}px vs content ${inner}px`);
  assert.deepEqual(page.errors, []);
  await page.close();
});
