// The playground's "BatchNorm and Dropout: train() vs eval()" example in
// JavaScript computes what PyTorch 1.13 printed for the Python text of the
// same example (tests/e2e/helpers/python-examples.json): dropout masks and
// running statistics for the seed, switched by train()/eval(). print joins
// String() of its arguments; JS booleans print as true/false where Python
// prints True/False.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { torch } from 'gradlab';
import { TRAINING_JAVASCRIPT } from '../../web/src/page/examples-training.js';

const oracle = JSON.parse(readFileSync(new URL('../e2e/helpers/python-examples.json', import.meta.url), 'utf8'));

test('BatchNorm and Dropout example: the JavaScript text prints PyTorch\'s numbers', () => {
  const example = TRAINING_JAVASCRIPT.find((e) => e.id === 'batchnorm-dropout');
  let out = '';
  const print = (...args) => { out += `${args.map(String).join(' ')}\n`; };
  new Function('torch', 'print', example.code)(torch, print);
  const expected = oracle['py-batchnorm-dropout'].stdout.replaceAll('True', 'true').replaceAll('False', 'false');
  assert.equal(out, expected);
});
