// sum and mean in WebAssembly against PyTorch 1.13 bit for bit: the cases of
// tests/fixtures/sums.json (tests/oracle/gen_sums.py), as the native
// CascadeSum test replays them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { torch } from 'gradlab';

const { cases } = JSON.parse(readFileSync(new URL('../fixtures/sums.json', import.meta.url), 'utf8'));
const SCALES = [1e-3, 1e-2, 1e-1, 1, 1e1, 1e2, 1e3];
// gen_sums.py's value(i); i * 2654435761 stays below 2^53 for these sizes, so every step is exact or exactly rounded.
const value = (i) => (((i * 2654435761) % 1000003) / 1000003 - 0.5) * SCALES[i % 7];

test('every sum and mean of the fixture has PyTorch\'s bits', () => {
  let checked = 0;
  for (const c of cases) {
    torch.tidy(() => {
      const n = c.shape.reduce((a, b) => a * b, 1);
      let x = torch.tensor(Array.from({ length: n }, (_, i) => value(i)), { dtype: 'float64' }).to(c.dtype).reshape(c.shape);
      if (c.perm) x = x.permute(...c.perm);
      if (c.step > 1) x = x.at(`::${c.step}`);
      const out = c.dims === null ? x[c.op]() : x[c.op](c.dims, { keepdim: c.keepdim });
      assert.deepEqual(out.shape, c.out_shape);
      const got = out.flatten().tolist();
      const want = c.dtype === 'float32' ? c.out.map(Math.fround) : c.out;
      for (let i = 0; i < want.length; i++) {
        assert.ok(Object.is(got[i], want[i]), `${c.op} ${c.dtype} ${JSON.stringify(c.shape)} dims ${JSON.stringify(c.dims)} [${i}]: ${got[i]} != ${want[i]}`);
      }
      checked++;
    });
  }
  assert.ok(checked >= 1000);
});
