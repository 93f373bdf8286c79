// The package as a dependency of someone else's project: `npm pack`, then
// `npm install` of the tarball into an empty project (offline, from npm's
// cache, as CI without a network has it), and there: import it in Node,
// type-check a TypeScript program against its declarations with
// `tsc --strict --target ES2022` and no skipLibCheck (so the .d.ts must not
// need newer libs than the user's target), and bundle a page with Vite.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir;

function exec(file, args, cwd = dir) {
  try {
    return execFileSync(file, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (e) {
    throw new Error(`${[file, ...args].join(' ')} failed:\n${e.stdout}${e.stderr}`);
  }
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'gradlab-consumer-'));
  const tarball = exec('npm', ['pack', '--silent', '--pack-destination', dir], root).split('\n').pop();
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  exec('npm', ['install', '--offline', '--no-audit', '--no-fund', `./${tarball}`]);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('the installed package imports in Node and computes', () => {
  writeFileSync(join(dir, 'main.mjs'), `import { torch } from 'gradlab';
const x = torch.tensor([[1, 2], [3, 4]], { requires_grad: true });
x.mul(x).mean().backward();
console.log(JSON.stringify(x.grad.tolist()));`);
  assert.equal(exec(process.execPath, ['main.mjs']), '[[0.5,1],[1.5,2]]');
});

test('its types compile with tsc --strict at target ES2022, without skipLibCheck', () => {
  writeFileSync(join(dir, 'main.ts'), `import torch, { GradlabError, type Tensor } from 'gradlab';
const x: Tensor = torch.ones(2, 3, { requires_grad: true });
const loss: Tensor = torch.tidy(() => x.mul(2).tanh().sum());
loss.backward();
const g: number[][] = x.grad!.tolist() as number[][];
try { torch.ones(2).add(torch.ones(3)); } catch (e) { if (e instanceof GradlabError) console.log(e.message, g.length); }
x.dispose();
`);
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const args = [tsc, '--strict', '--target', 'ES2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--noEmit', 'main.ts'];
  assert.equal(exec(process.execPath, args), '');
});

test('a page that imports it bundles with Vite, the wasm emitted beside the code', () => {
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="./page.js"></script>');
  writeFileSync(join(dir, 'page.js'), "import { torch } from 'gradlab';\ndocument.title = String(torch.ones(2).sum().item());\n");
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  exec(process.execPath, [vite, 'build', '--logLevel', 'error', '--outDir', 'dist-page']);
  const assets = readdirSync(join(dir, 'dist-page', 'assets'));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `no .wasm among ${assets.join(', ')}`);
  const code = assets.filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dir, 'dist-page', 'assets', f), 'utf8')).join('\n');
  assert.match(code, /\.wasm/);
});
