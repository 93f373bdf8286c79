// Adds the playground's Content-Security-Policy meta tag to built pages (not
// in dev, where Vite's client needs inline scripts and a websocket). The page
// itself never evaluates code; the runner worker gets its own, looser policy
// from the server header (see scripts/serve.mjs), still without network.
export const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  // 'self' only: the worker fetches the engine's .wasm from this origin.
  "connect-src 'self'",
  "worker-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export default function contentSecurityPolicy() {
  return {
    name: 'gradlab-csp',
    apply: 'build',
    transformIndexHtml() {
      return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: PAGE_POLICY }, injectTo: 'head-prepend' }];
    },
  };
}
