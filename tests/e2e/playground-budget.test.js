// Performance budgets, measured and printed: first-visit transfer (gzipped,
// every request including the worker and the .wasm), load to an editable
// editor, and Ctrl+Enter to the tutorial's output with a warm worker. Only the
// transfer size is asserted (generously); timings vary with the machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setCode, waitForEngine, runAndWait } from './helpers/editor.js';
import { useBrowserAndServer, TUTORIAL_CODE } from './helpers/fixture.js';

const ctx = useBrowserAndServer();
const TRANSFER_BUDGET = 600 * 1024;

test('budgets: transfer size, time to editable editor, tutorial output latency', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const sizes = [];
  context.on('requestfinished', async (req) => {
    const s = await req.sizes().catch(() => null);
    if (s) sizes.push({ url: req.url(), bytes: s.responseBodySize + s.responseHeadersSize });
  });
  const page = await context.newPage();
  await page.goto(ctx.url);
  await waitForEngine(page);
  await page.waitForTimeout(300);
  const transfer = sizes.reduce((a, s) => a + s.bytes, 0);
  const editorMs = await page.evaluate(() => performance.getEntriesByName('gradlab:editor-ready')[0].startTime);

  await setCode(page, TUTORIAL_CODE);
  await runAndWait(page); // warms the worker
  await waitForEngine(page);
  const latencies = [];
  for (let i = 0; i < 3; i++) {
    await page.evaluate(() => {
      window.__latency = new Promise((resolve) => {
        let t0 = 0;
        const onKey = (e) => {
          if (e.key !== 'Enter' || !e.ctrlKey) return;
          t0 = performance.now();
          removeEventListener('keydown', onKey, { capture: true });
        };
        addEventListener('keydown', onKey, { capture: true });
        new MutationObserver((_, obs) => {
          if (document.getElementById('output').textContent.includes('[[ 1.  2.]')) {
            obs.disconnect();
            resolve(performance.now() - t0);
          }
        }).observe(document.getElementById('output'), { childList: true, subtree: true, characterData: true });
      });
    });
    await page.click('.cm-content');
    await page.keyboard.press('Control+Enter');
    latencies.push(await page.evaluate(() => window.__latency));
    await page.waitForFunction(() => document.body.dataset.runner === 'ready');
  }
  const best = Math.min(...latencies);
  console.log(`# first-visit transfer: ${(transfer / 1024).toFixed(1)} KB gzipped over ${sizes.length} requests (budget 600 KB)`);
  for (const s of sizes.sort((a, b) => b.bytes - a.bytes).slice(0, 5)) console.log(`#   ${(s.bytes / 1024).toFixed(1)} KB  ${new URL(s.url).pathname}`);
  console.log(`# load to editable editor: ${editorMs.toFixed(0)} ms (target < 1500 ms)`);
  console.log(`# Ctrl+Enter to tutorial output, warm worker: ${latencies.map((l) => l.toFixed(1)).join(', ')} ms (best ${best.toFixed(1)}; target < 300 ms)`);
  assert.ok(transfer <= TRANSFER_BUDGET, `first visit transfers ${transfer} bytes`);
  await context.close();
});
