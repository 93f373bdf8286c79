// Reads engine/ops.def, the op table, for the JS side: the bundle step
// (wasm/bundle.mjs), the op-table test, the playground's completions and the
// Python layer's method list. Op ids are the OP rows' positions, as the C++
// X-macro in wasm/adapters/dispatch.cpp numbers them.
//
//   node scripts/op-table.mjs        prints the table as JSON
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const OPS_DEF = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../engine/ops.def');

const ROW = /^(OP|ALIAS|JS)\((.*)\)\s*$/;

/** { ops: [{id, name, sig, surfaces}], aliases: [{name, target, surfaces}], js: [{name, surfaces}] } */
export function parseOpTable(text) {
  const table = { ops: [], aliases: [], js: [] };
  text.split('\n').forEach((line, i) => {
    const m = ROW.exec(line.trim());
    if (!m) return;
    const fields = m[2].split(',').map((f) => f.trim());
    const surfaces = JSON.parse(fields[fields.length - 1]).split(' ').filter(Boolean);
    const where = `engine/ops.def:${i + 1}`;
    if (m[1] === 'OP') {
      if (fields.length !== 4) throw new Error(`${where}: OP takes (name, signature, function, surfaces)`);
      table.ops.push({ id: table.ops.length, name: fields[0], sig: fields[1], surfaces });
    } else if (m[1] === 'ALIAS') {
      table.aliases.push({ name: fields[0], target: fields[1], surfaces });
    } else {
      table.js.push({ name: fields[0], surfaces });
    }
  });
  return table;
}

export function readOpTable(file = OPS_DEF) {
  return parseOpTable(readFileSync(file, 'utf8'));
}

/** Public names by surface: { m: [...], t: [...], F: [...] }, each sorted. */
export function surfaceNames(table) {
  const out = { m: new Set(), t: new Set(), F: new Set() };
  for (const row of [...table.ops, ...table.aliases, ...table.js]) for (const s of row.surfaces) out[s].add(row.name);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(readOpTable(), null, 1)}\n`);
}
