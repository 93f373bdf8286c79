// Turns every <pre data-gradlab> block of a tutorial page into a live Gradlab
// editor: an iframe of embed.html, created only when the block scrolls near
// the viewport, and resized to its content from the iframe's height messages.
// Options per block: data-autorun="1", data-readonly="1", data-height="320",
// data-panes="tensors,graph", data-lang="python" (JavaScript otherwise). All blocks share one engine: a hidden
// engine.html iframe, added with the first block, runs every block's code in
// one worker (see src/page/engine-host.js).
// Built to dist/embed.js as a standalone script (see vite-plugins/embed-script.js).
import LZString from 'lz-string';

const script = document.currentScript;
const base = new URL('.', script ? script.src : location.href);
const frames = new Map();
const engineId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
let engineFrame = null;

function ensureEngine() {
  if (engineFrame) return;
  engineFrame = document.createElement('iframe');
  engineFrame.src = new URL(`engine.html#engine=${engineId}`, base).href;
  engineFrame.title = 'Gradlab engine';
  engineFrame.className = 'gradlab-engine';
  engineFrame.setAttribute('aria-hidden', 'true');
  engineFrame.tabIndex = -1;
  engineFrame.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden;';
  document.body.append(engineFrame);
}

function frameFor(pre) {
  const code = pre.textContent.replace(/^\n/, '').replace(/\s+$/, '');
  const params = [`code=${LZString.compressToEncodedURIComponent(code)}`];
  for (const key of ['lang', 'autorun', 'readonly', 'height', 'panes']) {
    if (pre.dataset[key]) params.push(`${key}=${encodeURIComponent(pre.dataset[key])}`);
  }
  params.push(`engine=${engineId}`);
  const iframe = document.createElement('iframe');
  iframe.src = new URL(`embed.html#${params.join('&')}`, base).href;
  iframe.title = pre.getAttribute('aria-label') || 'Live Gradlab code example';
  iframe.loading = 'lazy';
  iframe.className = 'gradlab-embed';
  iframe.style.cssText = 'display:block;width:100%;border:0;background:transparent;';
  iframe.style.height = `${Number(pre.dataset.height) || Math.max(120, pre.getBoundingClientRect().height + 48)}px`;
  return iframe;
}

function activate(pre) {
  ensureEngine();
  const iframe = frameFor(pre);
  frames.set(iframe, Boolean(pre.dataset.height));
  pre.replaceWith(iframe);
}

addEventListener('message', (e) => {
  if (!e.data || e.data.type !== 'gradlab:height') return;
  for (const [iframe, fixed] of frames) {
    if (iframe.contentWindow === e.source && !fixed) iframe.style.height = `${Math.ceil(e.data.height) + 2}px`;
  }
});

function start() {
  const blocks = document.querySelectorAll('pre[data-gradlab]');
  if (!('IntersectionObserver' in window)) {
    blocks.forEach(activate);
    return;
  }
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      activate(entry.target);
    }
  }, { rootMargin: '200px 0px' });
  blocks.forEach((pre) => observer.observe(pre));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
