// The parts of the page that load as scripts of their own after the first paint
// (CONTRACTS: the page runs from file:// too, where module chunks are refused):
// the lessons, the exports and the expansion, and the in-page trainer.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from './fixtures';

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
