// Performance budgets, measured and printed: a JavaScript-mode first visit's
// transfer (a shared JavaScript link; gzipped, every request including the
// worker and the .wasm; no Python file among them), load to an editable
// editor, Ctrl+Enter to the tutorial's output with a warm worker, and the
// first switch to Python from a warm HTTP cache to the Python tutorial's
// output. The transfer size, the absence of Python and the first switch to
// Python (best of five fresh pages: ≤ 3 s) are asserted, and so are the
// capture budget's ratios against Node (below); the other timings vary with
// the machine and are printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setCode, waitForEngine, runAndWait } from './helpers/editor.js';
import LZString from 'lz-string';
import { useBrowserAndServer, TUTORIAL_CODE, TUTORIAL_OUTPUT } from './helpers/fixture.js';

const ctx = useBrowserAndServer();
const TRANSFER_BUDGET = 600 * 1024;
// Issue 13's goal for the first switch to Python from a warm HTTP cache: the best of
// five trials, as this shared machine's load (other jobs) adds seconds to some.
const PYTHON_BUDGET_MS = 3000;
const PYTHON_TRIALS = 5;
// Pyodide's files and the worker's Python chunk.
const PYTHON_ASSET = /\/pyodide-[\d.]+\/|\/python-run-[\w-]+\.js$/;

// One first switch to Python on a new page of `context` (a fresh worker, the
// HTTP cache as warm as the context's): the ms from the click on the switch,
// followed at once by a click on Run, to the tutorial's output; and where the
// time went, from the worker's marks (wasm/python/index.js,
// web/src/worker/python-runtime.js), in ms since the click.
async function firstSwitchToPython(context) {
  const page = await context.newPage();
  await page.goto(ctx.url);
  await waitForEngine(page);
  assert.equal(await page.evaluate(() => document.body.dataset.language), 'javascript', 'the page opens in JavaScript mode (Python not loading yet)');
  await armLatency(page, '[[ 1.  2.]', '#language [data-language="python"]');
  await page.evaluate(() => {
    document.querySelector('#language [data-language="python"]').addEventListener('click', () => {
      window.__clickedAt = performance.timeOrigin + performance.now();
    }, { capture: true, once: true });
  });
  await page.click('#language [data-language="python"]');
  await page.click('#run');
  const ms = await page.evaluate(() => window.__latency);
  await page.waitForFunction(() => document.body.dataset.runner === 'ready');
  assert.equal(await page.$eval('#output', (el) => [...el.querySelectorAll('.out-text')].map((p) => p.textContent).join('')), TUTORIAL_OUTPUT);
  const t0 = await page.evaluate(() => window.__clickedAt);
  const marks = await Promise.all(page.workers().map((w) => w.evaluate(() => performance.getEntriesByType('mark')
    .filter((m) => m.name.startsWith('python:')).map((m) => [m.name.slice('python:'.length), performance.timeOrigin + m.startTime]))));
  const phases = [...marks.flat().map(([name, at]) => `${name} ${(at - t0).toFixed(0)}`), `output ${ms.toFixed(0)}`].join(', ');
  await page.evaluate(() => localStorage.setItem('gradlab.language', 'javascript')); // for the next trial
  await page.close();
  return { ms, phases };
}

// Resolves with the ms from the next Ctrl+Enter (or click on `from`) to output containing `marker`.
function armLatency(page, marker, from = '#run') {
  return page.evaluate(([text, selector]) => {
    window.__latency = new Promise((resolve) => {
      let t0 = 0;
      const start = () => { t0 ||= performance.now(); };
      addEventListener('keydown', (e) => { if (e.key === 'Enter' && e.ctrlKey) start(); }, { capture: true });
      document.querySelector(selector).addEventListener('click', start, { capture: true });
      new MutationObserver((_, obs) => {
        if (t0 && document.getElementById('output').textContent.includes(text)) {
          obs.disconnect();
          resolve(performance.now() - t0);
        }
      }).observe(document.getElementById('output'), { childList: true, subtree: true, characterData: true });
    });
  }, [marker, from]);
}

test('budgets: transfer size, time to editable editor, tutorial output latency', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const sizes = [];
  context.on('requestfinished', async (req) => {
    const s = await req.sizes().catch(() => null);
    if (s) sizes.push({ url: req.url(), bytes: s.responseBodySize + s.responseHeadersSize });
  });
  const page = await context.newPage();
  await page.goto(`${ctx.url}#code=${LZString.compressToEncodedURIComponent(TUTORIAL_CODE)}`);
  await waitForEngine(page);
  await page.waitForTimeout(300);
  const firstVisit = sizes.slice();
  const transfer = firstVisit.reduce((a, s) => a + s.bytes, 0);
  const editorMs = await page.evaluate(() => performance.getEntriesByName('gradlab:editor-ready')[0].startTime);
  const python = sizes.filter((s) => PYTHON_ASSET.test(new URL(s.url).pathname));
  assert.deepEqual(python.map((s) => s.url), [], 'a JavaScript-mode first load fetches no Python asset');

  await setCode(page, TUTORIAL_CODE);
  await runAndWait(page); // warms the worker
  await waitForEngine(page);
  const latencies = [];
  for (let i = 0; i < 3; i++) {
    await armLatency(page, '[[ 1.  2.]');
    await page.click('.cm-content');
    await page.keyboard.press('Control+Enter');
    latencies.push(await page.evaluate(() => window.__latency));
    await page.waitForFunction(() => document.body.dataset.runner === 'ready');
  }
  const best = Math.min(...latencies);
  assert.equal(python.length + sizes.filter((s) => PYTHON_ASSET.test(new URL(s.url).pathname)).length, 0, 'JavaScript runs fetch no Python asset');

  // Python once, to warm the HTTP cache; then new pages (each a fresh worker)
  // switch to Python for the first time (loading starts at the switch) and run
  // the tutorial. The best of the trials is held to the budget.
  await page.click('#language [data-language="python"]');
  await runAndWait(page, { timeout: 60_000 });
  await page.click('#language [data-language="javascript"]');
  await page.waitForTimeout(400);
  // The trials open the playground itself (not the shared link) as a visitor
  // who chose JavaScript: Python is the default on a first visit.
  await page.evaluate(() => localStorage.setItem('gradlab.language', 'javascript'));
  const pythonTrials = [];
  for (let i = 0; i < PYTHON_TRIALS; i++) pythonTrials.push(await firstSwitchToPython(context));
  const pythonBest = Math.min(...pythonTrials.map((t) => t.ms));
  console.log(`# JavaScript-mode first-visit transfer: ${(transfer / 1024).toFixed(1)} KB gzipped over ${firstVisit.length} requests (budget 600 KB)`);
  for (const s of firstVisit.sort((a, b) => b.bytes - a.bytes).slice(0, 5)) console.log(`#   ${(s.bytes / 1024).toFixed(1)} KB  ${new URL(s.url).pathname}`);
  console.log(`# load to editable editor: ${editorMs.toFixed(0)} ms (target < 1500 ms)`);
  console.log(`# Ctrl+Enter to tutorial output, warm worker: ${latencies.map((l) => l.toFixed(1)).join(', ')} ms (best ${best.toFixed(1)}; target < 300 ms)`);
  console.log(`# first switch to Python, warm HTTP cache, to the tutorial's output: ${pythonTrials.map((t) => t.ms.toFixed(0)).join(', ')} ms (best ${pythonBest.toFixed(0)}; budget ${PYTHON_BUDGET_MS} ms)`);
  for (const t of pythonTrials) console.log(`#   ${t.phases}`);
  assert.ok(transfer <= TRANSFER_BUDGET, `first visit transfers ${transfer} bytes`);
  assert.ok(pythonBest <= PYTHON_BUDGET_MS, `the first switch to Python took ${pythonTrials.map((t) => t.ms.toFixed(0)).join(', ')} ms`);
  await context.close();
});

// Capture from the engine (issue 16): the same code timed in Node (the bare
// package) and in the playground with the Graph pane capturing. Each figure
// is the best of the runs, Node and the playground taking turns (six turns, up
// to eighteen while a ratio is over the goal: a loaded machine's noise), each
// run the best of five repetitions timed inside the program; the
// run's own "Finished in" (which adds reading and drawing the graphs) is
// logged too.
const CAPTURE_BENCH = `const best = (fn) => {
  let ms = Infinity;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    torch.tidy(fn);
    ms = Math.min(ms, performance.now() - t0);
  }
  return ms;
};
const big = best(() => { torch.randn(1000, 1000, { requires_grad: true }).tanh().sum().backward(); });
const forward = best(() => {
  let y = torch.tensor([0.5]);
  for (let i = 0; i < 1000; i++) y = y.mul(1.001).add(0.001);
});
const x = torch.tensor([0.5], { requires_grad: true });
const chain = best(() => {
  let y = x;
  for (let i = 0; i < 1000; i++) y = y.mul(1.001).add(0.001);
  y.backward();
});
// The same chain without torch.tidy: every tensor is left to the garbage
// collector (and, in the playground, to the next run), as most programs do.
const loose = (() => {
  let ms = Infinity;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    let y = x;
    for (let i = 0; i < 1000; i++) y = y.mul(1.001).add(0.001);
    y.backward();
    ms = Math.min(ms, performance.now() - t0);
  }
  return ms;
})();
print(JSON.stringify({ big, forward, chain, loose }));
`;

async function benchInNode() {
  const { torch } = await import('gradlab');
  const AsyncFunction = (async () => {}).constructor;
  let printed = '';
  await new AsyncFunction('torch', 'print', CAPTURE_BENCH)(torch, (s) => { printed = s; });
  return JSON.parse(printed);
}

// Issue 16's goal: the playground's per-op overhead at most 1.5 × the bare package's.
const GOAL = 1.5;
const RUNS = 6;
const MAX_RUNS = 18;
const minOf = (a, b) => (a ? Object.fromEntries(Object.keys(b).map((k) => [k, Math.min(a[k], b[k])])) : b);

test('capture budget: the 1000 × 1000 example and 2,000 small ops, playground (capturing) against Node', async () => {
  // Node and the playground take turns, so that both see the machine's load alike.
  let node = null;
  const page = await (await ctx.browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  // A JavaScript link: the page never loads Python, which would compete for the CPU.
  await page.goto(`${ctx.url}#code=${LZString.compressToEncodedURIComponent(CAPTURE_BENCH)}`);
  await waitForEngine(page);
  await page.click('#tab-graph');
  let playground = null;
  let finished = '';
  const ratio = (k) => playground[k] / node[k];
  const KEYS = ['big', 'forward', 'chain', 'loose'];
  // Best of RUNS turns; under load, up to MAX_RUNS while a ratio is over the goal.
  let turns = 0;
  while (turns < RUNS || (turns < MAX_RUNS && KEYS.some((k) => ratio(k) > GOAL))) {
    turns += 1;
    node = minOf(node, await benchInNode());
    await runAndWait(page, { timeout: 60_000 });
    const got = JSON.parse(await page.$eval('#output', (el) => el.innerText.split('\n').find((l) => l.startsWith('{'))));
    finished = await page.textContent('#status');
    playground = minOf(playground, got);
  }
  node = minOf(node, await benchInNode());
  // The pane drew what the engine captured: the example's pass and the chain's.
  await page.waitForSelector('#graph .gnode');
  const options = await page.$$eval('#graph .graph-picker option', (os) => os.map((o) => o.textContent));
  assert.ok(options.length >= 2, options.join(', '));
  console.log(`# ${turns} turns`);
  console.log(`# randn(1000, 1000).tanh().sum().backward(): playground ${playground.big.toFixed(1)} ms, Node ${node.big.toFixed(1)} ms: ${ratio('big').toFixed(2)} × (goal ≤ ${GOAL} ×)`);
  console.log(`# 2,000 small ops forward: playground ${(playground.forward * 1000 / 2000).toFixed(2)} µs/op, Node ${(node.forward * 1000 / 2000).toFixed(2)} µs/op: ${ratio('forward').toFixed(2)} × (goal ≤ ${GOAL} ×)`);
  console.log(`# 2,000 small ops + backward: playground ${(playground.chain * 1000 / 2000).toFixed(2)} µs/op, Node ${(node.chain * 1000 / 2000).toFixed(2)} µs/op: ${ratio('chain').toFixed(2)} × (goal ≤ ${GOAL} ×)`);
  console.log(`# 2,000 small ops + backward, no tidy: playground ${(playground.loose * 1000 / 2000).toFixed(2)} µs/op, Node ${(node.loose * 1000 / 2000).toFixed(2)} µs/op: ${ratio('loose').toFixed(2)} × (goal ≤ ${GOAL} ×)`);
  console.log(`# the whole run in the playground: ${finished}`);
  for (const k of KEYS) assert.ok(ratio(k) <= GOAL, `${k}: ${ratio(k).toFixed(2)} × Node after ${turns} turns`);
  await page.context().close();
});
