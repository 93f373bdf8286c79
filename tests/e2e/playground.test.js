// The playground end to end in Chromium: the tutorial's exact output, the
// Tensors pane, the graph and its step-through, error lines, text-only output,
// and the editor draft surviving a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './helpers/browser.js';
import { setCode, runAndWait, waitForEngine } from './helpers/editor.js';
import { useBrowserAndServer, TUTORIAL_CODE, TUTORIAL_OUTPUT } from './helpers/fixture.js';

const ctx = useBrowserAndServer();

async function freshPage() {
  const page = await openPage(ctx.browser, ctx.url);
  await waitForEngine(page);
  return page;
}

const outputText = (page) => page.$eval('#output', (el) => [...el.querySelectorAll('.out-text')].map((p) => p.textContent).join(''));

test('the tutorial prints exactly what the package prints, in PyTorch 0.3 format', async () => {
  const page = await freshPage();
  await setCode(page, TUTORIAL_CODE);
  await runAndWait(page);
  assert.equal(await outputText(page), TUTORIAL_OUTPUT);
  assert.match(await page.textContent('#status'), /Finished in/);
  assert.deepEqual(page.errors, []);

  await page.click('#tab-tensors');
  const cards = await page.$$eval('.tensor-card', (els) => els.map((e) => e.dataset.name));
  assert.deepEqual(cards, ['tensor', 'variable', 't_out', 'v_out', 'variable.grad', 'variable.data']);
  const variable = await page.$eval('.tensor-card[data-name="variable"]', (e) => e.innerText);
  assert.match(variable, /requires_grad/);
  assert.match(variable, /torch\.Size\(\[2, 2\]\)/);
  assert.match(variable, /float32/);
  assert.match(variable, /0\.5/);
  assert.match(variable, /1\.5/);
  const vOut = await page.$eval('.tensor-card[data-name="v_out"]', (e) => e.innerText);
  assert.match(vOut, /MeanBackward0/);
  await page.close();
});

test('the graph shows the backward DAG and the step-through visits every node in order', async () => {
  const page = await freshPage();
  await setCode(page, TUTORIAL_CODE);
  await runAndWait(page);
  await page.click('#tab-graph');
  const names = await page.$$eval('.gnode', (els) => els.map((e) => e.dataset.name));
  assert.deepEqual([...names].sort(), ['AccumulateGrad', 'MeanBackward0', 'MulBackward0']);
  assert.equal(await page.$$eval('.gedge', (els) => els.length), 3);
  const leafGrad = await page.$eval('.gnode-leaf', (e) => e.textContent);
  assert.match(leafGrad, /grad/);

  const visited = [];
  for (;;) {
    await page.click('.stepper [data-action="next"]');
    visited.push(await page.$eval('.gnode.active', (e) => e.dataset.name));
    if (await page.$eval('.stepper [data-action="next"]', (b) => b.disabled)) break;
  }
  assert.deepEqual(visited, ['MeanBackward0', 'MulBackward0', 'AccumulateGrad']);
  assert.match(await page.textContent('.step-label'), /step 3 \/ 3/);
  assert.match(await page.textContent('.graph-detail'), /AccumulateGrad adds it into variable\.grad/);

  await page.click('.stepper [data-action="reset"]');
  await page.click('.gnode[data-name="MulBackward0"]');
  assert.match(await page.textContent('.graph-detail'), /MulBackward0/);
  await page.close();
});

test('a runtime error is shown in red with its line, and the line is marked', async () => {
  const page = await freshPage();
  await setCode(page, 'const x = torch.tensor([1, 2, 3]);\nprint(x.sum().item());\nx.backward();\n');
  await runAndWait(page);
  assert.equal(await outputText(page), '6\n');
  const err = await page.textContent('.out-error');
  assert.match(err, /line 3/);
  assert.equal(await page.$eval('.cm-error-line', (e) => e.textContent), 'x.backward();');
  assert.match(await page.textContent('#status'), /line 3/);
  await page.close();
});

test('printed markup stays text', async () => {
  const page = await freshPage();
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  await setCode(page, "print('<img src=x onerror=alert(1)>');\nconsole.log('<b>bold</b>');\n");
  await runAndWait(page);
  assert.equal(await outputText(page), '<img src=x onerror=alert(1)>\n<b>bold</b>\n');
  assert.equal(await page.$$eval('#output img, #output b', (els) => els.length), 0);
  await page.waitForTimeout(200);
  assert.equal(dialogs, 0);
  await page.close();
});

test('python-style print of numbers, lists and booleans', async () => {
  const page = await freshPage();
  await setCode(page, "print(7.5, 3, 1e-7, [1, 'a', true, null], {k: 2.5});\n");
  await runAndWait(page);
  assert.equal(await outputText(page), "7.5 3 1e-07 [1, 'a', True, None] {'k': 2.5}\n");
  await page.close();
});

test('the editor draft is saved and restored after a reload', async () => {
  const page = await freshPage();
  await setCode(page, 'print("kept across reloads");\n');
  await page.waitForTimeout(400);
  await page.reload();
  await page.waitForSelector('.cm-content');
  assert.equal(await page.$eval('.cm-content', (e) => e.innerText.trim()), 'print("kept across reloads");');
  await page.close();
});

test('Tab indents in the editor; Escape then Tab moves focus out of it', async () => {
  const page = await freshPage();
  await setCode(page, 'print(1);');
  await page.keyboard.press('Home');
  await page.keyboard.press('Tab');
  assert.equal(await page.$eval('.cm-content', (e) => e.innerText), '  print(1);');
  assert.ok(await page.evaluate(() => document.activeElement.closest('.cm-editor') !== null));
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.activeElement.closest('.cm-editor') === null), 'focus left the editor');
  assert.equal(await page.$eval('.cm-content', (e) => e.innerText), '  print(1);');
  await page.close();
});

test('the editor completes the torch API from the package declarations', async () => {
  const page = await freshPage();
  await setCode(page, '');
  await page.keyboard.type('torch.zer');
  await page.waitForSelector('.cm-tooltip-autocomplete');
  assert.match(await page.textContent('.cm-tooltip-autocomplete'), /zeros/);
  await page.keyboard.press('Escape');
  await setCode(page, 'const x = torch.ones(2);\n');
  await page.keyboard.type('x.back');
  await page.waitForSelector('.cm-tooltip-autocomplete');
  assert.match(await page.textContent('.cm-tooltip-autocomplete'), /backward/);
  await page.close();
});

test('a syntax error is reported and its line marked', async () => {
  const page = await freshPage();
  await setCode(page, 'print(1);\nconst = 2;\n');
  await runAndWait(page);
  assert.match(await page.textContent('.out-error'), /SyntaxError/);
  assert.equal(await page.$eval('.cm-error-line', (e) => e.textContent), 'const = 2;');
  await page.close();
});
