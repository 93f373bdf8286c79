// The Output pane prints as PyTorch does: modules, torch.Size, one number
// format in every pane, a notebook's value of the last line, late prints, and
// a flood's head and tail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './helpers/browser.js';
import { setCode, runAndWait, waitForEngine, outputText } from './helpers/editor.js';
import { useBrowserAndServer } from './helpers/fixture.js';

const ctx = useBrowserAndServer();

async function run(code) {
  const page = await openPage(ctx.browser, ctx.url);
  await waitForEngine(page);
  await setCode(page, code);
  await runAndWait(page, { timeout: 40_000 });
  return page;
}

const textOf = (page) => page.$eval('#output', (el) => [...el.querySelectorAll('.out-text')].map((p) => p.textContent).join(''));

test('print(module) prints the PyTorch repr; shapes print as torch.Size', async () => {
  const page = await run([
    'const model = new torch.nn.Sequential(new torch.nn.Linear(2, 3), new torch.nn.ReLU());',
    'print(model);',
    'const x = torch.ones(3, 2);',
    'print(x.shape);',
    "print('size', x.size(), x.shape[0]);",
    '',
  ].join('\n'));
  assert.equal(await textOf(page), [
    'Sequential(',
    '  (0): Linear(in_features=2, out_features=3, bias=True)',
    '  (1): ReLU()',
    ')',
    'torch.Size([3, 2])',
    'size torch.Size([3, 2]) 3',
    '',
  ].join('\n'));
  await page.close();
});

test('one number format: Output, Tensors and Graph all print as PyTorch does', async () => {
  const page = await run([
    'const w = torch.tensor([0.5, 1], { requires_grad: true });',
    'w.mul(3).sum().backward();',
    'print(w);',
    '',
  ].join('\n'));
  assert.equal(await textOf(page), 'tensor([0.5000, 1.0000], requires_grad=True)\n');
  await page.click('#tab-tensors');
  assert.match(await page.textContent('.tensor-card[data-name="w"] .tensor-arrays'), /tensor\(\[0\.5000, 1\.0000\], requires_grad=True\)/);
  assert.match(await page.textContent('.tensor-card[data-name="w"] .tensor-arrays'), /tensor\(\[3\., 3\.\]\)/);
  await page.click('#tab-graph');
  assert.match(await page.textContent('#graph .graph-svg'), /\[3\., 3\.\]/);
  await page.click('#graph .gnode-leaf');
  assert.match(await page.textContent('.graph-detail'), /tensor\(\[0\.5000, 1\.0000\], requires_grad=True\)/);
  await page.close();
});

test('the value of a bare last line is shown as a notebook shows it; declarations show nothing', async () => {
  let page = await run('const x = torch.ones(2);\nx.sum()\n');
  assert.equal(await page.textContent('.out-result'), 'tensor(2.)');
  await page.close();
  page = await run('const x = torch.ones(2);\nx.shape;\n');
  assert.equal(await page.textContent('.out-result'), 'torch.Size([2])');
  await page.close();
  page = await run("'a' + 'b'\n");
  assert.equal(await page.textContent('.out-result'), "'ab'");
  await page.close();
  page = await run('let s = 0;\nfor (let i = 0; i < 3; i++)\n  s += i\nprint(s)\n');
  assert.equal(await textOf(page), '3\n');
  assert.equal(await page.$('.out-result'), null);
  await page.close();
});

test('prints from a timer after the program ends are kept', async () => {
  const page = await run("print('first');\nsetTimeout(() => print('late', torch.ones(1)), 200);\n");
  await page.waitForFunction(() => document.getElementById('output').textContent.includes('late'), null, { timeout: 5000 });
  assert.equal(await textOf(page), 'first\nlate tensor([1.])\n');
  await page.close();
});

test('a print flood keeps its head and tail with a count of the lines skipped', async () => {
  const page = await run('for (let i = 0; i < 1e6; i++) print(i);\nprint("end");\n');
  const text = await outputText(page);
  assert.ok(text.startsWith('0\n1\n2\n'));
  assert.match(text, /… 994,501 lines skipped …/);
  assert.ok(text.trimEnd().endsWith('999999\nend'), text.slice(-40));
  assert.ok(text.split('\n').length < 6000);
  await page.close();
});
