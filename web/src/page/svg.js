// A tiny helper for building SVG elements: attributes are set one by one and
// text goes through textContent, so nothing user-supplied is parsed as markup.
const NS = 'http://www.w3.org/2000/svg';

export function svg(tag, attrs = {}, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}
