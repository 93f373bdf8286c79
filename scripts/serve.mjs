// `npm start`'s static server for the built playground (web/dist). Plain
// Node, no dependencies: correct MIME types (application/wasm for streaming
// compilation), gzip for text, a Content-Security-Policy header, and
// cross-origin isolation for the playground (COOP/COEP on index.html and on
// scripts, so its worker may share memory with the page: Stop interrupts
// Python through a SharedArrayBuffer instead of killing the worker). Embeds
// are not isolated: the pages that frame them are not ours to configure.
//   PORT=8000 node scripts/serve.mjs [root]
import { createServer } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { PAGE_POLICY } from '../web/vite-plugins/csp.js';

const ROOT = resolve(process.argv[2] || fileURLToPath(new URL('../web/dist', import.meta.url)));
const PORT = Number(process.env.PORT ?? 8000);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
// .bin: Python mode's interpreter snapshot (31 MB of memory, 6 MB gzipped).
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.wasm', '.txt', '.map', '.bin']);

// Pages get the same policy as the built pages' meta tag: no eval, no
// network beyond this origin.
// Scripts: this header only takes effect when the script is a worker's main
// module, i.e. the runner. It must evaluate user code ('unsafe-eval'); its only
// network use is fetching the engine's .wasm from this origin.
const SCRIPT_POLICY = "default-src 'none'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; connect-src 'self'";

// Compressed once per file version, off the event loop (the runtime files
// take a while), shared by requests that arrive meanwhile. Level 6 for the
// multi-megabyte runtime files: 9 costs seconds there for a few percent.
const gzip = promisify(gzipCallback);
const gzipCache = new Map();

function gzipped(path, mtimeMs) {
  const hit = gzipCache.get(path);
  if (hit && hit.mtimeMs === mtimeMs) return hit.body;
  const body = fs.readFile(path).then((raw) => gzip(raw, { level: raw.length > 1 << 20 ? 6 : 9 }));
  gzipCache.set(path, { mtimeMs, body });
  body.catch(() => gzipCache.delete(path));
  return body;
}

async function resolvePath(urlPath) {
  const clean = normalize(decodeURIComponent(urlPath.split('?')[0])).replace(/^([/\\])+/, '');
  let path = join(ROOT, clean);
  if (path !== ROOT && !path.startsWith(ROOT + sep)) return null;
  let stat = await fs.stat(path).catch(() => null);
  if (stat && stat.isDirectory()) {
    path = join(path, 'index.html');
    stat = await fs.stat(path).catch(() => null);
  }
  return stat && stat.isFile() ? { path, stat } : null;
}

const server = createServer(async (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const found = await resolvePath(new URL(req.url, 'http://x').pathname).catch(() => null);
  if (!found) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  const ext = extname(found.path);
  const headers = {
    'Content-Type': TYPES[ext] || 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': ext === '.js' || ext === '.mjs' ? SCRIPT_POLICY : PAGE_POLICY,
    // Hashed assets never change; pages and the unhashed embed script do.
    'Cache-Control': found.path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    Vary: 'Accept-Encoding',
  };
  if (ext === '.js') headers['Access-Control-Allow-Origin'] = '*';
  if (found.path === join(ROOT, 'index.html')) headers['Cross-Origin-Opener-Policy'] = 'same-origin';
  // A worker of an isolated page must itself be served with COEP.
  if (found.path === join(ROOT, 'index.html') || ext === '.js' || ext === '.mjs') headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
  if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
    const body = await gzipped(found.path, found.stat.mtimeMs);
    res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': found.stat.size });
  if (req.method === 'HEAD') res.end();
  else createReadStream(found.path).pipe(res);
});

server.listen(PORT, () => {
  const { port } = server.address();
  console.log(`Gradlab playground: http://localhost:${port}/`);
});
