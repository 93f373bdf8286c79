// Bundles the JS package into one ES module, dist/gradlab.js: the wrapper in
// src/, Emscripten's loader (made an ES module by glue-to-esm.cmake) and the
// op table from engine/ops.def (as the module `gradlab:op-table`). One file
// parses and links once at import, where 14 separate modules cost 16-27 ms.
//
//   node wasm/bundle.mjs <gradlab-glue.js> <dist dir>
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';
import { readOpTable } from '../scripts/op-table.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [glue, dist] = process.argv.slice(2);
if (!glue || !dist) throw new Error('usage: node wasm/bundle.mjs <gradlab-glue.js> <dist dir>');

const table = readOpTable();
const TABLE_ID = '\0gradlab:op-table';
const tableModule = [
  `export const OPS = ${JSON.stringify(table.ops.map(({ id, name, sig, surfaces }) => ({ id, name, sig, surfaces })))};`,
  `export const ALIASES = ${JSON.stringify(table.aliases)};`,
  `export const JS_OPS = ${JSON.stringify(table.js)};`,
].join('\n');

const bundle = await rolldown({
  input: path.join(here, 'src/gradlab.js'),
  platform: 'neutral',
  logLevel: 'warn',
  plugins: [{
    name: 'gradlab',
    resolveId(id) {
      if (id === 'gradlab:op-table') return TABLE_ID;
      if (id === './gradlab-glue.js') return path.resolve(glue);
      return null;
    },
    load(id) { return id === TABLE_ID ? tableModule : null; },
  }],
});
// Class and function names stay: error messages name a value's class (`a Tensor`).
await bundle.write({ file: path.join(dist, 'gradlab.js'), format: 'esm', minify: true, keepNames: true });
await bundle.close();

// Earlier builds copied each source file into dist/; only the bundle and the wasm ship now.
for (const f of readdirSync(dist)) if (f.endsWith('.js') && f !== 'gradlab.js') rmSync(path.join(dist, f));
