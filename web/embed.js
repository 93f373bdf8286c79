// Turns every <pre data-gradlab> block of a tutorial page into a live Gradlab
// editor: an iframe of embed.html, created only when the block scrolls near
// the viewport, and resized to its content from the iframe's height messages.
// Options per block: data-autorun="1", data-readonly="1", data-height="320".
// Built to dist/embed.js as a standalone script (see vite-plugins/embed-script.js).
import LZString from 'lz-string';

const script = document.currentScript;
const base = new URL('.', script ? script.src : location.href);
const frames = new Map();

function frameFor(pre) {
  const code = pre.textContent.replace(/^\n/, '').replace(/\s+$/, '');
  const params = [`code=${LZString.compressToEncodedURIComponent(code)}`];
  for (const key of ['autorun', 'readonly', 'height']) {
    if (pre.dataset[key]) params.push(`${key}=${encodeURIComponent(pre.dataset[key])}`);
  }
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
