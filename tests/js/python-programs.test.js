// Python mode against real PyTorch 1.13: every program in tests/python/programs/
// runs in one shared Pyodide and must print byte for byte what PyTorch printed
// (tests/fixtures/python_programs.json, written by tests/python/generate.py);
// a program that failed there must fail here with the same last traceback line.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadPython } from 'gradlab/python';

const root = new URL('../../', import.meta.url);
const { programs } = JSON.parse(readFileSync(new URL('tests/fixtures/python_programs.json', root), 'utf8'));
const py = await loadPython();

const lastLine = (text) => text.replace(/\n+$/, '').split('\n').pop();

for (const [name, expected] of Object.entries(programs)) {
  test(name, async () => {
    const code = readFileSync(new URL(`tests/python/programs/${name}.py`, root), 'utf8');
    const { stdout, error } = await py.run(code);
    assert.equal(stdout, expected.stdout);
    assert.equal(error === null ? null : lastLine(error.traceback), expected.error);
  });
}

test('at least 150 programs are compared', () => {
  assert.ok(Object.keys(programs).length >= 150, `${Object.keys(programs).length} programs`);
});
