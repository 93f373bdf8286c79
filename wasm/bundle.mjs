// Bundles the JS package into two ES modules: dist/gradlab.js, the entry,
// which only starts compiling the wasm and then imports dist/gradlab-api.js:
// the wrapper in src/, Emscripten's loader (made an ES module by
// glue-to-esm.cmake) and the op table from engine/ops.def (as the module
// `gradlab:op-table`). The API is one file because one file parses and links
// once at import, where 14 separate modules cost 16-27 ms; it is apart from
// the entry so the wasm compiles while it parses.
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

// Two separate bundles, so each carries its own few lines of rolldown's
// runtime instead of both importing a third file.
async function build(input, file, resolveId) {
  const bundle = await rolldown({
    input: path.join(here, input),
    platform: 'neutral',
    logLevel: 'warn',
    plugins: [{ name: 'gradlab', resolveId, load(id) { return id === TABLE_ID ? tableModule : null; } }],
  });
  // Class and function names stay: error messages name a value's class (`a Tensor`).
  await bundle.write({ file: path.join(dist, file), format: 'esm', minify: true, keepNames: true });
  await bundle.close();
}
const API = 'gradlab-api.js';
await build('src/gradlab.js', 'gradlab.js', (id) => (id === './api.js' ? { id: `./${API}`, external: true } : null));
await build('src/api.js', API, (id) => {
  if (id === 'gradlab:op-table') return TABLE_ID;
  if (id === './gradlab-glue.js') return path.resolve(glue);
  return null;
});

// Earlier builds copied each source file into dist/; only the bundle and the wasm ship now.
for (const f of readdirSync(dist)) if (f.endsWith('.js') && f !== 'gradlab.js' && f !== API) rmSync(path.join(dist, f));
