// Rules about the engine's C++ sources that keep the shipped wasm small.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');

function cppFiles(dir) {
  return readdirSync(path.join(ROOT, dir), { recursive: true })
    .filter((f) => /\.(h|cpp)$/.test(f))
    .map((f) => path.join(dir, f));
}

// One std::ostringstream links libc++'s locale machinery (money_get, time_get,
// num_get, scanf's float parser...): 39 kB of the gzipped wasm in Nov 2026.
// gradlab/error.h formats message parts without it; use std::string and
// std::to_string instead.
test('the engine and its wasm adapters include no iostreams', () => {
  const banned = /^\s*#\s*include\s*<(sstream|iostream|ostream|istream|fstream|iomanip|locale)>/m;
  const offenders = [...cppFiles('engine/src'), ...cppFiles('engine/include'), ...cppFiles('wasm')]
    .filter((f) => banned.test(readFileSync(path.join(ROOT, f), 'utf8')));
  assert.deepEqual(offenders, []);
});

// CPython frees a temporary as soon as its attribute is read: in
// `M._mul_(self._h, as_tensor_operand(x)._h)` the operand's handle is freed
// before the engine runs, which then reads freed memory (a wasm trap that
// ends every later op). Such results are held in a variable first.
test('the Python layer passes no temporary tensor\'s handle to the engine', () => {
  const files = readdirSync(path.join(ROOT, 'python'), { recursive: true }).filter((f) => f.endsWith('.py'));
  const offenders = files.flatMap((f) => readFileSync(path.join(ROOT, 'python', f), 'utf8').split('\n')
    .map((line, i) => [`python/${f}:${i + 1}`, line])
    .filter(([, line]) => /\w\([^()]*\)\._h\b/.test(line) && !/^\s*#/.test(line)));
  assert.deepEqual(offenders, []);
});
