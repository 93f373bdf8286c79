// Page helpers shared by the playground tests: replace the editor's code the
// way a user would (select all, type), run, and wait for the run to end.
export async function setCode(page, code, selector = '.cm-content') {
  await page.click(selector);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // insertText skips CodeMirror's auto-indent and bracket closing, like a paste.
  await page.keyboard.insertText(code);
}

export async function runsCompleted(page) {
  return Number(await page.evaluate(() => document.body.dataset.runs || 0));
}

// Presses Ctrl+Enter in the editor and waits for done / error / stopped.
export async function runAndWait(page, { timeout = 20_000 } = {}) {
  const before = await runsCompleted(page);
  await page.click('.cm-content');
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction((n) => Number(document.body.dataset.runs || 0) > n, before, { timeout });
}

export async function waitForEngine(page, timeout = 20_000) {
  await page.waitForFunction(() => document.body.dataset.runner === 'ready', null, { timeout });
}

export function outputText(page) {
  return page.evaluate(() => document.getElementById('output').innerText);
}
