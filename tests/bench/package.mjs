// Measures of the shipped package itself: its gzipped download size and the
// start-up cost of importing it in a fresh Node process.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { median } from './harness.mjs';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const DIST = path.join(ROOT, 'wasm/dist');

// Every file a user downloads: wasm/dist/* without source maps.
export function size() {
  if (!existsSync(DIST)) throw new Error('wasm/dist/ does not exist: build the package first (npm run build)');
  const files = readdirSync(DIST)
    .filter((f) => !f.endsWith('.map') && statSync(path.join(DIST, f)).isFile())
    .map((f) => {
      const raw = readFileSync(path.join(DIST, f));
      return { file: f, bytes: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
    });
  return { files, gzip: files.reduce((s, f) => s + f.gzip, 0) };
}

const IMPORT = "import('gradlab').then(({ torch }) => torch.ones(1).add(1).item())";

function wallMs(code) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-e', code], { cwd: ROOT, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`start-up probe failed: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return ms;
}

// Alternates the empty process and the one that imports Gradlab, so both see
// the same file cache and machine load.
export function startup(runs) {
  const empty = [];
  const loaded = [];
  wallMs(IMPORT);
  for (let i = 0; i < runs; i++) {
    empty.push(wallMs(''));
    loaded.push(wallMs(IMPORT));
  }
  return { emptyMs: median(empty), gradlabMs: median(loaded), runs };
}
