// Node module-resolution hook for tfjs-core's ES build, whose files import
// each other without the ".js" extension (written for bundlers). Only the
// gradient registrations need that build: tfjs-core's Node bundle ships
// without them. Both builds keep kernels, gradients and the engine in one
// global namespace, so gradients registered here serve the Node bundle.
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (err) {
    const retry = (err.code === 'ERR_MODULE_NOT_FOUND' || err.code === 'ERR_UNSUPPORTED_DIR_IMPORT')
      && specifier.startsWith('.') && context.parentURL?.includes('/@tensorflow/');
    if (!retry) throw err;
    return nextResolve(`${specifier}.js`, context);
  }
}
