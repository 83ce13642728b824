// The parts of the page that load as scripts of their own after the first paint
// (CONTRACTS: the page runs from file:// too, where module chunks are refused):
// the lessons, the exports and the expansion, and the in-page trainer.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, replaceProgram, test } from './fixtures';

const DIST = resolve(process.cwd(), 'dist');
const fileUrl = (query = '') => `file://${join(DIST, 'index.html')}${query}`;

test('from file://: a link to a lesson opens it, the picker fills, and the summary shows', async ({ page }) => {
  await page.goto(fileUrl('?lesson=affine-batch'));
  await expect(page.getByTestId('lesson-picker')).toHaveValue('affine-batch');
  await expect(page.locator('.lesson-summary h2')).toHaveText('The Affine layer on a batch');
  await expect(page.locator('[data-label="Y"]')).toHaveAttribute('data-shape', '3x2');
  // Picking another lesson replaces the program.
  await page.getByTestId('lesson-picker').selectOption('circuit');
  await expect(page.locator('[data-label="q"]')).toBeVisible();
});

test('from file://: a first visit opens the circuit (in the first script), and the picker names it once the lessons load', async ({ page }) => {
  await page.goto(fileUrl());
  await expect(page.locator('[data-label="f"]')).toBeVisible();
  await expect(page.getByTestId('lesson-picker')).toHaveValue('circuit');
});

test('from file://: the handout export and the expansion load when asked for', async ({ page }) => {
  await page.goto(fileUrl('?lesson=affine-batch'));
  await page.getByTestId('expand-scalars').click();
  await expect(page.getByTestId('expand-status')).toContainText('Expanded to');
  await page.locator('.export-menu summary').click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Handout/ }).click();
  expect((await download).suggestedFilename()).toBe('chainstep-handout.tex');
});

test('from file://, where not even a blob: worker starts, a training lesson trains in the page', async ({ page }) => {
  // A browser that starts no worker for a file:// page, from any address (some lock such pages down further).
  await page.addInitScript(`(() => {
    window.Worker = class {
      constructor() {
        throw new DOMException('workers refused', 'SecurityError');
      }
    };
  })()`);
  await page.goto(fileUrl('?lesson=moons-mlp'));
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'paused', { timeout: 30_000 });
  for (let i = 0; i < 3; i++) await page.getByTestId('train-step').click();
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-iteration', '3');
  await expect(page.getByTestId('train-status')).toContainText('in this page');
  // The page's own thread compiled the product kernel under the page's CSP.
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-kernel', 'wasm');
});

test('from file://: a page in Chinese starts in Chinese, and switching languages loads the texts', async ({ page }) => {
  await page.goto(fileUrl('?lang=zh-CN&lesson=circuit'));
  await expect(page.locator('h1')).toContainText('Chainstep 链步');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.goto(fileUrl('?lang=en&lesson=circuit'));
  await expect(page.locator('h1')).not.toContainText('链步');
  await page.getByTestId('lang-switch').selectOption('zh-CN');
  await expect(page.locator('h1')).toContainText('Chainstep 链步');
  await expect(page.locator('.lesson-summary h2')).toHaveText('电路 (x + y) · z');
});

test('the first script stays under 200 KB gzipped (README, Performance); the rest loads later', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*src="\.\/([^"]+)"/g)].map((m) => m[1]);
  expect(scripts).toHaveLength(1);
  const gzip = gzipSync(readFileSync(join(DIST, scripts[0])), { level: 9 }).length;
  expect(gzip / 1024).toBeLessThan(200);
  // What is loaded later is not in it: a lesson's explanation, the Chinese texts, the handout's preamble.
  const code = readFileSync(join(DIST, scripts[0]), 'utf8');
  expect(code).not.toContain('The classic first graph.');
  expect(code).not.toContain('逐个节点地走完反向传播');
  expect(code).not.toContain('\\documentclass');
  // Nor the Python reader (§11), whose own messages are in its script only.
  expect(code).not.toContain('chainstepPython =');
  const python = readdirSync(join(DIST, 'assets')).find((f) => f.startsWith('pythonScript'));
  expect(python).toBeDefined();
  expect(readFileSync(join(DIST, 'assets', python!), 'utf8')).toContain('chainstepPython');
});

test('from file://: a Python program loads the reader, then draws, keeping a native graph until then', async ({ page }) => {
  await page.goto(fileUrl('?lesson=circuit'));
  await expect(page.locator('[data-label="f"]')).toBeVisible();
  expect(await page.evaluate(() => typeof (globalThis as { chainstepPython?: unknown }).chainstepPython)).toBe('undefined');
  // Typed in, a micrograd program loads the reader and is drawn; no error is shown meanwhile.
  await replaceProgram(page, "from micrograd.engine import Value\na = Value(-4.0)\nb = Value(2.0)\nc = a * b + b\nc.backward()");
  await expect(page.locator('[data-label="a"]')).toHaveAttribute('data-op', 'input');
  await page.keyboard.press('Escape');
  await page.locator('.graph-view').click({ position: { x: 3, y: 3 } });
  await page.keyboard.press('End');
  await expect(page.locator('[data-label="a"]')).toHaveAttribute('data-grad', '2');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await page.evaluate(() => typeof (globalThis as { chainstepPython?: unknown }).chainstepPython)).toBe('function');
  // A link straight to a PyTorch program's last step: the step is kept across the reader's load.
  await page.goto(fileUrl(`?step=end&program=${encodeURIComponent('import torch\nx = torch.tensor(3.0, requires_grad=True)\ny = x * x\ny.backward()')}`));
  await expect(page.locator('[data-label="x"]')).toHaveAttribute('data-grad', '6');
  await expect(page.locator('[data-label="x"]')).toHaveAttribute('data-grad-final', '');
});

test('when the Python reader cannot load, the text stays and the error says so', async ({ page, pageErrors }) => {
  await page.route('**/pythonScript-*.js', (route) => route.abort());
  await page.goto(`/?program=${encodeURIComponent("from micrograd.engine import Value\na = Value(2.0)\nb = a * a")}`);
  await expect(page.getByRole('alert')).toContainText('the Python reader did not load');
  await expect(page.getByRole('alert')).toContainText('line 1');
  await expect(page.locator('.cm-content')).toContainText('a = Value(2.0)');
  // The refused request is the one console error; anything else still fails the test.
  const refused = pageErrors.filter((e) => /Failed to load resource: net::ERR_FAILED/.test(e));
  expect(refused.length).toBe(1);
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !refused.includes(e)));
});

test('from file://: the layout runs in a worker started from a blob: URL, not on the page', async ({ page }) => {
  // A worker cannot start from a file: address; the layout used to run on the page there (0.1–0.4 s at 500–2,000 nodes).
  const program = ['x = 0.5', ...Array.from({ length: 60 }, (_, i) => `a${i + 1} = tanh(${i === 0 ? 'x' : `a${i}`} * 0.9 + x)`)].join('\n');
  await page.goto(fileUrl(`?program=${encodeURIComponent(program)}`));
  await expect(page.locator('[data-label="a60"]')).toBeAttached();
  const where = await page.evaluate(() => ({
    inline: typeof (globalThis as { chainstepInlineLayout?: unknown }).chainstepInlineLayout,
    onPage: typeof (globalThis as { chainstepLayout?: unknown }).chainstepLayout,
  }));
  expect(where).toEqual({ inline: 'function', onPage: 'undefined' });
  // A new shape is laid out by the same worker.
  await page.goto(fileUrl(`?program=${encodeURIComponent(`${program}\nb = a60 * a59`)}`));
  await expect(page.locator('[data-label="b"]')).toBeAttached();
  expect(await page.evaluate(() => typeof (globalThis as { chainstepLayout?: unknown }).chainstepLayout)).toBe('undefined');
});
