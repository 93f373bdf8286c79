// Instantiates the WebAssembly engine in Node, a page or a (module) worker.
// The Emscripten glue is built for the web only; we do the instantiation
// ourselves through its instantiateWasm hook, from the module compile.js
// started.
import GradlabModule from './gradlab-glue.js';

/** The Emscripten module over an instance of `compiled` (a promise of a WebAssembly.Module). */
export function loadEngine(compiled) {
  let fail;
  const failed = new Promise((_, reject) => { fail = reject; });
  const ready = GradlabModule({
    instantiateWasm(imports, receiveInstance) {
      compiled
        .then((module) => WebAssembly.instantiate(module, imports).then((instance) => receiveInstance(instance, module)))
        .catch(fail);
      return {};
    },
  });
  return Promise.race([ready, failed]);
}
