// Launches Debian's Chromium through playwright-core with the flags the
// sandboxed test machine needs (no GPU, no background network).
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// A page that fails the test on any uncaught page error or CSP violation.
// language: the editor language the visitor chose earlier (the playground
// tests written for JavaScript say so); null for a first visit (Python).
export async function openPage(browser, url, { viewport = { width: 1400, height: 900 }, colorScheme = 'light', language = 'javascript' } = {}) {
  const context = await browser.newContext({ viewport, colorScheme });
  if (language) {
    await context.addInitScript((lang) => {
      try {
        if (localStorage.getItem('gradlab.language') === null) localStorage.setItem('gradlab.language', lang);
      } catch { /* opaque origins (about:blank, file:) have no storage */ }
    }, language);
  }
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') page.errors.push(m.text());
  });
  if (url) await page.goto(url);
  return page;
}
