// Instantiates the WebAssembly engine in Node, a page or a (module) worker.
// The Emscripten glue is built for the web only; we do the instantiation
// ourselves through its instantiateWasm hook: Node reads the file with
// node:fs (no fetch of a file path), browsers stream it from a URL next to
// this module, which bundlers such as Vite recognise and copy.
import GradlabModule from './gradlab-glue.js';

async function instantiate(imports) {
  const url = new URL('./gradlab.wasm', import.meta.url);
  // fetch() cannot read file: URLs; that is the case node:fs is for.
  if (url.protocol === 'file:' && typeof process === 'object' && typeof process.versions?.node === 'string') {
    // A computed specifier keeps browser bundlers from trying to resolve node:fs.
    const fsName = 'node:fs/promises';
    const fs = await import(/* @vite-ignore */ fsName);
    return WebAssembly.instantiate(await fs.readFile(url), imports);
  }
  if (typeof WebAssembly.instantiateStreaming === 'function') {
    try {
      return await WebAssembly.instantiateStreaming(fetch(url, { credentials: 'same-origin' }), imports);
    } catch {
      // Served with the wrong MIME type: fall back to compiling the bytes.
    }
  }
  const bytes = await (await fetch(url, { credentials: 'same-origin' })).arrayBuffer();
  return WebAssembly.instantiate(bytes, imports);
}

export function loadEngine() {
  let fail;
  const failed = new Promise((_, reject) => { fail = reject; });
  const ready = GradlabModule({
    instantiateWasm(imports, receiveInstance) {
      instantiate(imports).then((result) => receiveInstance(result.instance, result.module), fail);
      return {};
    },
  });
  return Promise.race([ready, failed]);
}
