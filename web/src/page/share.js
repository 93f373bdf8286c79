// Code in the URL hash: #code=<lz-string, URI-safe>&lang=python&autorun=…&readonly=…&height=…
// A link without lang is JavaScript (every link made before Python mode is).
// Parsed by hand because lz-string's URI alphabet contains '+', which
// URLSearchParams would turn into a space.
import LZString from 'lz-string';

export function parseHash(hash = location.hash) {
  const params = {};
  for (const part of hash.replace(/^#/, '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = eq === -1 ? part : part.slice(0, eq);
    params[key] = eq === -1 ? '' : part.slice(eq + 1);
  }
  if (params.code !== undefined) {
    params.code = LZString.decompressFromEncodedURIComponent(params.code);
    if (params.code === null) delete params.code;
  }
  return params;
}

export function encodeCode(code) {
  return LZString.compressToEncodedURIComponent(code);
}

export const LANGUAGES = ['python', 'javascript'];

export function hashLanguage(params) {
  return params.lang === 'python' ? 'python' : 'javascript';
}

export function shareUrl(code, language = 'javascript', base = location.href) {
  const url = new URL(base);
  url.hash = `code=${encodeCode(code)}${language === 'python' ? '&lang=python' : ''}`;
  return url.toString();
}
