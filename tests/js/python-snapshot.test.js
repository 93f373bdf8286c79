// What the playground's build gives its worker to load Python fast (see
// web/vite-plugins/python-runtime.js): a memory snapshot of Pyodide's started
// interpreter and the torch package compiled to .pyc files. Loaded here as the
// worker loads them, with every .py source replaced by text that does not
// compile, so the seed tutorial can only print its output if the restored
// interpreter runs the build's bytecode; a torch error still shows the user's
// line and none of the package's frames.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadPython } from 'gradlab/python';
import { interpreterSnapshot, pythonBytecode, pythonSources } from '../../web/vite-plugins/python-runtime.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

const sources = pythonSources(join(root, 'python'));
const bytecode = await pythonBytecode(sources);
const uncompilable = Object.fromEntries(Object.keys(sources).map((name) => [name, 'not Python (\n']));
const compiled = Object.fromEntries(Object.entries(bytecode).map(([name, base64]) => [name, new Uint8Array(Buffer.from(base64, 'base64'))]));
const py = await loadPython({ snapshot: interpreterSnapshot(), sources: { ...uncompilable, ...compiled } });

test('the build compiles every python/ file, next to its source', () => {
  assert.deepEqual(Object.keys(bytecode).map((name) => name.replace(/__pycache__\/(\w+)\.cpython-\d+\.pyc$/, '$1.py')).sort(), Object.keys(sources).sort());
});

test('restored from the snapshot, on the build\'s bytecode alone, the seed tutorial prints PyTorch 0.3\'s output', async () => {
  const seed = JSON.parse(readFileSync(join(root, 'tests/fixtures/python_seed_tutorial.json'), 'utf8'));
  const blocks = seed.printed.split('\n\n');
  const [tensorBlock, variableBlock] = blocks;
  const expected = `\n${blocks.slice(0, -1).join('\n\n')}\n\n${variableBlock}\n\n\n${tensorBlock}\n\n${blocks[blocks.length - 1]}`;
  const { stdout, stderr, error } = await py.run(seed.code);
  assert.equal(error, null);
  assert.equal(stderr, '');
  assert.equal(stdout, expected);
});

test('an engine error from compiled torch code names the user\'s line and no package frame', async () => {
  const { error } = await py.run('import torch\nx = torch.ones(2)\ny = x + torch.ones(3)\n');
  assert.equal(error.type, 'RuntimeError');
  assert.match(error.message, /^The size of tensor a \(2\) must match the size of tensor b \(3\)/);
  assert.match(error.traceback, /File "<exec>", line 3/);
  assert.doesNotMatch(error.traceback, /torch\//);
});
