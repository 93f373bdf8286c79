// Browser smoke test of the npm package: Debian's Chromium loads a page that
// imports the package as an ES module and in a module Web Worker; both must
// compute the tutorial's gradient (0.5, 1, 1.5, 2). Files come from a tiny
// static server on 127.0.0.1 that serves .wasm as application/wasm.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
let server;
let origin;
let context;
let userDataDir;

before(async () => {
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(root) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': MIME[extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  userDataDir = mkdtempSync(join(tmpdir(), 'gradlab-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await context?.close();
  await new Promise((resolve) => server.close(resolve));
  rmSync(userDataDir, { recursive: true, force: true });
});

test('the package computes the tutorial gradient in a page and in a module worker', async () => {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${origin}/tests/e2e/package-smoke/`);
  await page.waitForFunction(() => window.results !== undefined, null, { timeout: 30_000 });
  const results = await page.evaluate(() => window.results);
  assert.deepEqual(errors, []);
  assert.deepEqual(results.page.grad, [[0.5, 1], [1.5, 2]]);
  assert.equal(results.page.printed, 'Variable containing:\n 0.5000  1.0000\n 1.5000  2.0000\n[torch.FloatTensor of size 2x2]\n');
  assert.deepEqual(results.worker.grad, [[0.5, 1], [1.5, 2]]);
  assert.equal(results.worker.printed, 'tensor([[0.5000, 1.0000],\n        [1.5000, 2.0000]])');
  await page.close();
});
