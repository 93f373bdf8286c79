// Embeds on a tutorial page: one engine (one worker) for every block, each
// block's run isolated from the others, Tensors / Graph panes where a block
// asks for them (and no graph recording where it does not), and a visible
// read-only state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './helpers/browser.js';
import { useBrowserAndServer } from './helpers/fixture.js';

const ctx = useBrowserAndServer();
const frameOutput = (frame) => frame.$eval('#output', (el) => [...el.querySelectorAll('.out-text')].map((p) => p.textContent).join(''));

async function openDemo() {
  const page = await openPage(ctx.browser, `${ctx.url}tutorial-demo.html`, { viewport: { width: 1000, height: 700 } });
  page.workerCount = 0;
  page.on('worker', () => { page.workerCount += 1; });
  await page.waitForSelector('iframe.gradlab-embed');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  // Three JavaScript blocks, then a Python one (playground-python.test.js runs it).
  await page.waitForFunction(() => document.querySelectorAll('iframe.gradlab-embed').length === 4);
  const frames = await Promise.all((await page.$$('iframe.gradlab-embed')).map((f) => f.contentFrame()));
  for (const f of frames) await f.waitForFunction(() => ['ready', 'running'].includes(document.body?.dataset.runner) || document.body?.dataset.runs, null, { timeout: 20_000 });
  return { page, frames };
}

async function runIn(frame, code) {
  const before = Number(await frame.evaluate(() => document.body.dataset.runs || 0));
  if (code !== undefined) {
    const { keyboard } = frame.page();
    await frame.click('.cm-content');
    await keyboard.press('Control+A');
    await keyboard.press('Delete');
    await keyboard.insertText(code);
  }
  await frame.click('#run');
  await frame.waitForFunction((n) => Number(document.body.dataset.runs || 0) > n, before, { timeout: 20_000 });
}

test('every block of a page shares one engine, and each run is isolated', async () => {
  const { page, frames } = await openDemo();
  const [first, second, third] = frames;
  await first.waitForFunction(() => document.body.dataset.runs === '1', null, { timeout: 20_000 });
  await runIn(second);
  await runIn(third);
  assert.equal(await frameOutput(third), 'tensor([2., 4., 6.])\n');
  assert.equal(await page.$$eval('iframe.gradlab-engine', (f) => f.length), 1);
  assert.equal(page.workerCount, 1, 'one worker for three blocks');

  await runIn(second, 'globalThis.leak = 1;\nvar declared = 2;\nprint("set");\n');
  await runIn(first, 'print(typeof leak, typeof declared);\n');
  assert.equal(await frameOutput(first), 'undefined undefined\n');
  assert.equal(page.workerCount, 1);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a block with data-panes shows Tensors and Graph; a block without them has only Output and records no graph', async () => {
  const { page, frames } = await openDemo();
  const [first, second] = frames;
  await runIn(second);
  assert.equal(await second.isVisible('#tab-graph'), true);
  assert.equal(await second.isVisible('#tab-tensors'), true);
  await second.click('#tab-graph');
  await second.waitForSelector('#graph .gnode');
  assert.ok((await second.$$('#graph .gnode')).length >= 3);
  await second.click('#tab-tensors');
  assert.ok((await second.$$('.tensor-card')).length >= 1);

  assert.equal(await first.isVisible('#embed-tabs'), false);
  // Recording names declared variables by rewriting `const s = <expr>` around <expr>,
  // which moves the column a stack trace reports; without a Graph pane nothing is rewritten.
  const probe = "print(1);\nconst s = new Error().stack.split('\\n')[1];\nprint(s.slice(s.lastIndexOf(':') + 1));\n";
  await runIn(first, probe);
  assert.equal(await frameOutput(first), '1\n11)\n');
  await runIn(second, probe);
  assert.equal(await frameOutput(second), '1\n26)\n', 'the block with a Graph pane records');
  await page.close();
});

test('a read-only block says so and cannot be edited, but runs', async () => {
  const { page, frames } = await openDemo();
  const third = frames[2];
  assert.equal(await third.isVisible('#readonly'), true);
  assert.equal(await third.textContent('#readonly'), 'Read-only');
  assert.equal(await third.$eval('.cm-content', (e) => e.getAttribute('contenteditable')), 'false');
  await runIn(third);
  assert.equal(await frameOutput(third), 'tensor([2., 4., 6.])\n');
  await page.close();
});
