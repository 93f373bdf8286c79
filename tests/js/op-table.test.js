// The op table (engine/ops.def) is the one list of ops; the hand-written
// declarations in wasm/gradlab.d.ts must agree with it, and the package must
// install every surface it names (STYLE.md habit 13).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { torch } from 'gradlab';
import { readOpTable, surfaceNames } from '../../scripts/op-table.mjs';

const table = readOpTable();
const names = surfaceNames(table);
const dts = readFileSync(new URL('../../wasm/gradlab.d.ts', import.meta.url), 'utf8')
  .replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/.*$/gm, ' ').replace(/=>/g, ' ');

// Member names declared in `export (declare class|interface) <name> { ... }` of the .d.ts.
function members(kind, name) {
  const start = dts.search(new RegExp(`^export (?:declare )?${kind} ${name}\\b[^{]*\\{`, 'm'));
  assert.ok(start >= 0, `gradlab.d.ts declares ${kind} ${name}`);
  let i = dts.indexOf('{', start) + 1;
  // Keep only what sits at the top level of the body (nested types and parameter lists are skipped).
  let depth = 1;
  let body = '';
  for (; depth > 0; i++) {
    const c = dts[i];
    if (depth === 1) body += c;
    if ('{([<'.includes(c)) depth++;
    else if ('})]>'.includes(c)) depth--;
  }
  const out = new Set();
  for (const m of body.matchAll(/(?:^|[;\n])\s*(?:readonly\s+|static\s+|get\s+|set\s+)*([A-Za-z_$][\w$]*)\s*[?!]?\s*[:(]/g)) out.add(m[1]);
  return out;
}

const declared = { m: members('class', 'Tensor'), t: members('interface', 'Torch'), F: members('interface', 'Functional') };
const where = { m: 'class Tensor', t: 'interface Torch', F: 'interface Functional' };

test('every surface of the op table is declared in gradlab.d.ts', () => {
  for (const s of ['m', 't', 'F']) {
    const missing = names[s].filter((n) => !declared[s].has(n));
    assert.deepEqual(missing, [], `in the table with "${s}" but not in ${where[s]} of gradlab.d.ts`);
  }
});

test('every torch.nn.functional entry of gradlab.d.ts is in the op table', () => {
  const extra = [...declared.F].filter((n) => !names.F.includes(n));
  assert.deepEqual(extra, [], 'declared in interface Functional but not in engine/ops.def with "F"');
});

test('every function form declared as Fn1 in gradlab.d.ts is in the op table', () => {
  const forms = [...dts.matchAll(/([A-Za-z_$][\w$]*): Fn1;/g)].map((m) => m[1]);
  assert.ok(forms.length > 50);
  const extra = forms.filter((n) => !names.t.includes(n));
  assert.deepEqual(extra, [], 'torch.<name> function forms declared in gradlab.d.ts but not in engine/ops.def with "t"');
});

test('the package installs every surface the table names', () => {
  const F = torch.nn.functional;
  for (const n of names.m) assert.equal(typeof torch.Tensor.prototype[n], 'function', `Tensor.prototype.${n}`);
  for (const n of names.t) assert.equal(typeof torch[n], 'function', `torch.${n}`);
  for (const n of names.F) assert.equal(typeof F[n], 'function', `torch.nn.functional.${n}`);
});

test('op rows have unique names and known signature classes, aliases known targets', () => {
  const rows = table.ops.map((o) => o.name);
  assert.deepEqual(rows.filter((n, i) => rows.indexOf(n) !== i), []);
  for (const a of table.aliases) assert.ok(rows.includes(a.target), `${a.name} -> ${a.target}`);
  const sigs = new Set(table.ops.map((o) => o.sig));
  const known = ['unary', 'binary', 'binary_number', 'binary_num', 'ternary', 'num', 'num2', 'num_flag', 'int1', 'int2',
    'int3', 'int_flag', 'sizes', 'dims_flag', 'dims_2flags', 'dim_index', 'dim_index_src', 'loss', 'creation', 'custom'];
  for (const s of sigs) assert.ok(known.includes(s), s);
});

test('an op reaches the engine function its row names (ids agree on both sides)', () => {
  // One op from each part of the table: a wrong id would run a neighbour.
  const x = torch.tensor([0.5, -1.5]);
  const close = (t, want) => t.tolist().forEach((v, i) => assert.ok(Math.abs(v - want[i]) < 1e-6, `${v} vs ${want[i]}`));
  close(x.tanh(), [Math.tanh(0.5), Math.tanh(-1.5)]);
  close(x.exp(), [Math.exp(0.5), Math.exp(-1.5)]);
  close(x.mul(3), [1.5, -4.5]);
  close(x.sub(1), [-0.5, -2.5]);
  close(x.abs(), [0.5, 1.5]);
  assert.equal(x.sum().item(), -1);
  assert.deepEqual(x.unsqueeze(0).shape, [1, 2]);
  assert.deepEqual(torch.zeros(2, 3).shape, [2, 3]);
  assert.deepEqual(torch.nn.functional.softmax(torch.zeros(2), 0).tolist(), [0.5, 0.5]);
  assert.deepEqual(x.lt(0).tolist(), [false, true]);
  assert.deepEqual(x.zero_().tolist(), [0, 0]);
});
