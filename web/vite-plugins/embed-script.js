// Builds web/embed.js as one self-contained classic script at dist/embed.js:
// tutorial pages on any site include it with a plain <script> tag, so it must
// have a stable URL, no imports and no module/CORS requirements.
import { build } from 'vite';

export default function buildEmbedScript(entry) {
  return {
    name: 'gradlab-embed-script',
    apply: 'build',
    async generateBundle() {
      const result = await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          write: false,
          minify: true,
          lib: { entry, formats: ['iife'], name: 'GradlabEmbed', fileName: () => 'embed.js' },
        },
      });
      const chunk = [result].flat()[0].output.find((o) => o.type === 'chunk');
      this.emitFile({ type: 'asset', fileName: 'embed.js', source: chunk.code });
    },
  };
}
