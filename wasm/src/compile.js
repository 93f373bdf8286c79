// Starts compiling the WebAssembly engine: Node reads the file with node:fs
// (fetch() cannot read file: URLs), browsers stream it from a URL next to
// this module, which bundlers such as Vite recognise and copy. The entry
// calls this before it loads the rest of the package, so V8 decodes and
// validates the wasm on its background threads while the main thread
// parses and evaluates the JavaScript (start-up, issue 14).
export function compileEngine() {
  const url = new URL('./gradlab.wasm', import.meta.url);
  if (url.protocol === 'file:' && typeof process === 'object' && typeof process.versions?.node === 'string') {
    // process.getBuiltinModule (Node 20.16+) reads the file synchronously,
    // without an asynchronous import first; a computed specifier keeps
    // browser bundlers from trying to resolve node:fs.
    const fs = process.getBuiltinModule?.('node:fs');
    if (fs) return WebAssembly.compile(fs.readFileSync(url));
    const fsName = 'node:fs/promises';
    return import(/* @vite-ignore */ fsName).then((fsp) => fsp.readFile(url)).then((bytes) => WebAssembly.compile(bytes));
  }
  const compileBytes = () => fetch(url, { credentials: 'same-origin' })
    .then((response) => response.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes));
  if (typeof WebAssembly.compileStreaming !== 'function') return compileBytes();
  // Served with the wrong MIME type: fall back to compiling the bytes.
  return WebAssembly.compileStreaming(fetch(url, { credentials: 'same-origin' })).catch(compileBytes);
}
