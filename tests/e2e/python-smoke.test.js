// Python mode in a browser: Debian's Chromium opens a page whose module Worker
// loads Pyodide from this origin (a static server on 127.0.0.1, never a CDN)
// and runs the seed tutorial, which must print exactly its PyTorch 0.3 output.
// The page is loaded twice: cold, then from a warm HTTP cache, and the time
// from the worker's start to the tutorial's output is reported for both. The
// page is cross-origin isolated, so it then stops `while True: pass` through
// Pyodide's interrupt buffer.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { pythonSources } from '../../web/vite-plugins/python-runtime.js';
import { CHROMIUM_ARGS } from './helpers/browser.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MIME = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.json': 'application/json', '.zip': 'application/zip',
};
// Cross-origin isolation (SharedArrayBuffer for Pyodide's interrupt buffer),
// and files a browser may keep for an hour (the warm-cache load).
const HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cache-Control': 'max-age=3600',
};

// The seed tutorial's expected stdout, as tests/js/python-runtime.test.js builds it.
function expectedTutorial() {
  const seed = JSON.parse(readFileSync(join(root, 'tests/fixtures/python_seed_tutorial.json'), 'utf8'));
  const blocks = seed.printed.split('\n\n');
  const [tensorBlock, variableBlock] = blocks;
  return `\n${blocks.slice(0, -1).join('\n\n')}\n\n${variableBlock}\n\n\n${tensorBlock}\n\n${blocks[blocks.length - 1]}`;
}

let server;
let origin;
let context;
let userDataDir;
const served = [];

before(async () => {
  // The torch package's files as loadPython's `sources` (a site's bundler does this at build time).
  const sources = JSON.stringify(pythonSources(join(root, 'python')));
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    served.push(path);
    if (path === '/python-sources.json') {
      res.writeHead(200, { ...HEADERS, 'Content-Type': 'application/json' }).end(sources);
      return;
    }
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(root) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404, HEADERS).end('not found');
      return;
    }
    res.writeHead(200, { ...HEADERS, 'Content-Type': MIME[extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  userDataDir = mkdtempSync(join(tmpdir(), 'gradlab-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  // Nothing may leave this origin (Pyodide must never reach for a CDN). Watched,
  // not routed: routing would turn Chromium's HTTP cache off.
  context.on('request', (request) => {
    if (!request.url().startsWith(origin)) served.push(`elsewhere ${request.url()}`);
  });
});

after(async () => {
  await context?.close();
  await new Promise((resolve) => server.close(resolve));
  rmSync(userDataDir, { recursive: true, force: true });
});

async function loadTutorial() {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${origin}/tests/e2e/python-smoke/`);
  await page.waitForFunction(() => window.results !== undefined, null, { timeout: 120_000 });
  const results = await page.evaluate(() => window.results);
  await page.close();
  assert.deepEqual(errors, []);
  return results;
}

test('Python mode in a module worker prints the seed tutorial exactly, cold and from a warm HTTP cache; the interrupt buffer stops while True: pass', async (t) => {
  const expected = expectedTutorial();
  const cold = await loadTutorial();
  assert.equal(cold.isolated, true);
  assert.deepEqual(cold.tutorial, { stdout: expected, stderr: '', error: null });
  // Streamed as it printed (each print's completed lines), adding up to the same text.
  assert.equal(cold.chunks.join(''), expected);
  assert.ok(cold.chunks.length > 10 && cold.chunks.every((c) => c.endsWith('\n')), JSON.stringify(cold.chunks));
  const requestsCold = served.length;
  const warm = await loadTutorial();
  assert.deepEqual(warm.tutorial, { stdout: expected, stderr: '', error: null });
  assert.deepEqual(served.filter((p) => p.startsWith('elsewhere')), []);
  assert.ok(served.includes('/node_modules/pyodide/pyodide.asm.wasm'));
  for (const { loop, stopMs } of [cold, warm]) {
    assert.equal(loop.error?.type, 'KeyboardInterrupt');
    assert.match(loop.error.traceback, /^Traceback \(most recent call last\):\n  File "<exec>", line 1, in <module>\n    while True: pass\n(.*\n)*KeyboardInterrupt\n$/);
    assert.ok(stopMs < 1000, `while True: pass stopped ${stopMs} ms after the interrupt`);
  }
  const ms = (r) => `${r.ms.toFixed(0)} ms (loadPython ${r.loadedMs.toFixed(0)} ms; page ${r.pageMs.toFixed(0)} ms)`;
  t.diagnostic(`worker start -> tutorial output: cold ${ms(cold)}, warm ${ms(warm)}; ` +
    `requests ${requestsCold} cold, ${served.length - requestsCold} warm; ` +
    `while True: pass stopped ${cold.stopMs.toFixed(0)} / ${warm.stopMs.toFixed(0)} ms after the interrupt`);
});
