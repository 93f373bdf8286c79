// Vite build of the playground: four pages (playground, embed, the embeds'
// shared engine, tutorial demo), the runner worker as an ES module (the package uses top-level await),
// 'gradlab' and 'gradlab/python' resolved to the package's build output, and
// Python mode's runtime files copied from node_modules/pyodide.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import torchCompletions from './vite-plugins/torch-completions.js';
import contentSecurityPolicy from './vite-plugins/csp.js';
import buildEmbedScript from './vite-plugins/embed-script.js';
import pythonRuntime from './vite-plugins/python-runtime.js';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  resolve: {
    alias: [
      { find: /^gradlab$/, replacement: here('../wasm/dist/gradlab.js') },
      { find: /^gradlab\/python$/, replacement: here('../wasm/python/index.js') },
    ],
  },
  plugins: [
    torchCompletions(here('../wasm/gradlab.d.ts')), contentSecurityPolicy(), buildEmbedScript(here('embed.js')),
    pythonRuntime(here('../python'), { emit: true }),
  ],
  worker: { format: 'es', plugins: () => [pythonRuntime(here('../python'))] },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    target: 'es2022',
    // The editor (CodeMirror) and the graph layout (dagre) make one ~520 kB chunk; it is cached after the first visit.
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      input: {
        main: here('index.html'),
        embed: here('embed.html'),
        demo: here('tutorial-demo.html'),
        engine: here('engine.html'),
      },
    },
  },
});
