// Packaging: `npm pack` the package, unpack the tarball into a fresh folder's
// node_modules, and import it from an ES module and from CommonJS (through
// dynamic import), as a user who installed it would.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'gradlab-pack-'));
  const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: root, encoding: 'utf8' });
  const tarball = join(dir, out.trim().split('\n').pop());
  mkdirSync(join(dir, 'node_modules'));
  execFileSync('tar', ['-xzf', tarball, '-C', join(dir, 'node_modules')]);
  renameSync(join(dir, 'node_modules', 'package'), join(dir, 'node_modules', 'gradlab'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const program = `
const x = torch.tensor([[1, 2], [3, 4]], { requires_grad: true });
x.mul(x).mean().backward();
console.log(JSON.stringify(x.grad.tolist()));`;

function run(file) {
  return execFileSync(process.execPath, [file], { cwd: dir, encoding: 'utf8' }).trim();
}

test('the tarball holds the bundled entry, the wasm, the types and Python mode, and nothing else', () => {
  // The entry (it starts compiling the wasm) and one ES module with the wrapper, Emscripten's
  // loader and the op table bundled, beside the wasm.
  assert.deepEqual(readdirSync(join(dir, 'node_modules', 'gradlab', 'wasm', 'dist')).sort(),
    ['gradlab-api.js', 'gradlab.js', 'gradlab.wasm']);
  assert.ok(readdirSync(join(dir, 'node_modules', 'gradlab', 'wasm')).includes('gradlab.d.ts'));
  assert.deepEqual(readdirSync(join(dir, 'node_modules', 'gradlab')).sort(), ['bin', 'package.json', 'python', 'wasm'].concat(
    readdirSync(join(dir, 'node_modules', 'gradlab')).filter((f) => /^(README|LICENSE)/i.test(f))).sort());
});

test('import from an ES module', () => {
  writeFileSync(join(dir, 'main.mjs'), `import { torch } from 'gradlab';${program}`);
  assert.equal(run('main.mjs'), '[[0.5,1],[1.5,2]]');
});

test('import from CommonJS with await import()', () => {
  writeFileSync(join(dir, 'main.cjs'), `(async () => { const { torch } = await import('gradlab');${program}})();`);
  assert.equal(run('main.cjs'), '[[0.5,1],[1.5,2]]');
});

test('the default export and the wasm subpath', () => {
  writeFileSync(join(dir, 'default.mjs'), `import torch from 'gradlab';
import { createRequire } from 'node:module';
const wasmPath = createRequire(import.meta.url).resolve('gradlab/gradlab.wasm');
console.log(torch.ones(2).sum().item(), wasmPath.endsWith('gradlab.wasm'));`);
  assert.equal(run('default.mjs'), '2 true');
});

test('the MNIST digits ship as their own file (wasm/data/) and load when a program asks', () => {
  assert.deepEqual(readdirSync(join(dir, 'node_modules', 'gradlab', 'wasm', 'data')), ['mnist.bin.gz']);
  writeFileSync(join(dir, 'digits.mjs'), `import { datasets } from 'gradlab';
import { createRequire } from 'node:module';
const { images, labels } = await datasets.mnist({ train: false, limit: 3 });
const file = createRequire(import.meta.url).resolve('gradlab/data/mnist.bin.gz');
console.log(JSON.stringify(images.shape), labels.dtype, file.endsWith('mnist.bin.gz'));`);
  assert.equal(run('digits.mjs'), '[3,1,28,28] int64 true');
});
