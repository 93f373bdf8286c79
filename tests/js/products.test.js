// Matrix products in WebAssembly against PyTorch 1.13 bit for bit: the cases of
// tests/fixtures/products.json (tests/oracle/gen_products.py) that have a JS form
// (all but addmm, which the native Products test replays), forward and gradients.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { torch } from 'gradlab';

const F = torch.nn.functional;

const { cases } = JSON.parse(readFileSync(new URL('../fixtures/products.json', import.meta.url), 'utf8'));
const SCALES = [1e-3, 1e-2, 1e-1, 1, 1e1, 1e2, 1e3];
// gen_products.py's value(i); i * 2654435761 stays below 2^53 here, so every step is exact or exactly rounded.
const value = (i) => (((i * 2654435761) % 1000003) / 1000003 - 0.5) * SCALES[i % 7];

function operand(j, shape, transposed) {
  const stored = transposed ? [...shape.slice(0, -2), shape.at(-1), shape.at(-2)] : shape;
  const n = stored.reduce((a, b) => a * b, 1);
  let t = torch.tensor(Array.from({ length: n }, (_, i) => value(i + 7919 * j)), { dtype: 'float64' }).to('float32').reshape(stored);
  if (transposed) t = t.transpose(-1, -2);
  return t.detach().requires_grad_();
}

function expectBits(t, want, what) {
  const got = t.flatten().tolist();
  assert.equal(got.length, want.length, what);
  for (let i = 0; i < want.length; i++) assert.ok(Object.is(got[i], Math.fround(want[i])), `${what} [${i}]: ${got[i]} != ${want[i]}`);
}

test('every product of the fixture and its gradients have PyTorch\'s bits', () => {
  let checked = 0;
  for (const c of cases) {
    if (c.op === 'addmm') continue;
    torch.tidy(() => {
      const ins = c.shapes.map((s, j) => operand(j, s, c.transposed[j]));
      const out = c.op === 'linear' ? F.linear(...ins) : torch[c.op](...ins);
      const what = `${c.op} ${JSON.stringify(c.shapes)} ${JSON.stringify(c.transposed)}`;
      expectBits(out, c.out, what);
      const gradOut = operand(ins.length, out.dim() === 0 ? [] : out.shape, false).detach();
      const grads = torch.autograd.grad([out], ins, { grad_outputs: [gradOut] });
      grads.forEach((g, j) => expectBits(g, c.grads[j], `${what} grad ${j}`));
      checked++;
    });
  }
  assert.ok(checked >= 80);
});
