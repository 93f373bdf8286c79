// Shared test helpers: approximate comparison of nested values and an
// assertion that a call throws GradlabError with a given message, and the inputs
// and documents of the bit-for-bit fixtures.
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { GradlabError } from 'gradlab';

/** Asserts nested arrays/numbers agree within rel/abs tolerance (NaN equals NaN). */
export function assertClose(actual, expected, { rtol = 1e-5, atol = 1e-6 } = {}, path = 'value') {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${path}: expected an array, got ${actual}`);
    assert.equal(actual.length, expected.length, `${path}: length`);
    expected.forEach((e, i) => assertClose(actual[i], e, { rtol, atol }, `${path}[${i}]`));
    return;
  }
  if (typeof expected === 'boolean') {
    assert.equal(actual, expected, path);
    return;
  }
  if (Number.isNaN(expected)) {
    assert.ok(Number.isNaN(actual), `${path}: expected NaN, got ${actual}`);
    return;
  }
  if (!Number.isFinite(expected)) {
    assert.equal(actual, expected, path);
    return;
  }
  const ok = Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
  assert.ok(ok, `${path}: expected ${expected}, got ${actual}`);
}

/** Asserts fn throws a GradlabError whose message matches (string = exact, RegExp = test). */
export function assertGradlabError(fn, message) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof GradlabError, `expected GradlabError, got ${e && e.constructor && e.constructor.name}: ${e && e.message}`);
    assert.ok(e instanceof Error);
    if (typeof message === 'string') assert.equal(e.message, message);
    else if (message) assert.match(e.message, message);
    return true;
  });
}

// The bit-for-bit fixtures (tests/oracle/bitexact.py): their input element i, computed as the
// generators compute it (i * 2654435761 stays below 2^53 for their sizes, so every step is exact or
// exactly rounded), and the document itself.
const SCALES = [1e-3, 1e-2, 1e-1, 1, 1e1, 1e2, 1e3];
export const fixtureValue = (i) => (((i * 2654435761) % 1000003) / 1000003 - 0.5) * SCALES[i % 7];
export function loadFixture(name) {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'));
}
