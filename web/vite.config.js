// Vite build of the playground: four pages (playground, embed, the embeds'
// shared engine, tutorial demo), the runner worker as an ES module (the package uses top-level await),
// and 'gradlab' resolved to the package's build output.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import torchCompletions from './vite-plugins/torch-completions.js';
import contentSecurityPolicy from './vite-plugins/csp.js';
import buildEmbedScript from './vite-plugins/embed-script.js';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  resolve: { alias: { gradlab: here('../wasm/dist/gradlab.js') } },
  plugins: [torchCompletions(here('../wasm/gradlab.d.ts')), contentSecurityPolicy(), buildEmbedScript(here('embed.js'))],
  worker: { format: 'es' },
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
