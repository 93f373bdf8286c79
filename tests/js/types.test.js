// The hand-written declarations (wasm/gradlab.d.ts) type-check a realistic
// program: tsc --noEmit on tests/js/types-example.ts, resolved through the
// package's own "types" export.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('tsc --noEmit accepts types-example.ts', () => {
  const tsc = `${root}node_modules/typescript/bin/tsc`;
  const args = [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext',
    '--lib', 'es2022,esnext.disposable,dom', 'tests/js/types-example.ts'];
  let output = '';
  try {
    execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  } catch (e) {
    output = `${e.stdout}${e.stderr}`;
  }
  assert.equal(output, '');
});
