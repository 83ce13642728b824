import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function exported(page: Page, button: string): Promise<{ name: string; data: Buffer }> {
  // The layout arrives from a worker: export once the graph is drawn.
  await expect(page.locator('[data-node-id]').first()).toBeVisible();
  await page.locator('.export-menu summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), data: readFileSync(path) };
}

test.describe('export', () => {
  test('SVG of the current step keeps node attributes and numbers', async ({ page }) => {
    await page.goto('./?lesson=circuit&step=5');
    const { name, data } = await exported(page, 'SVG');
    expect(name).toBe('chainstep-step-5.svg');
    const svg = data.toString('utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('data-label="x"');
    expect(svg).toContain('data-grad="-4"');
    expect(svg).toContain('.node-shape');
  });

  test('PNG is a real image', async ({ page }) => {
    await page.goto('./?lesson=circuit&step=5');
    const { name, data } = await exported(page, 'PNG');
    expect(name).toBe('chainstep-step-5.png');
    expect(data.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(data.length).toBeGreaterThan(5000);
  });

  test('LaTeX of the derivation and the PyTorch snippet', async ({ page }) => {
    await page.goto('./?lesson=circuit&step=5');
    const latex = await exported(page, 'LaTeX (this step)');
    expect(latex.data.toString('utf8')).toContain('\\frac{\\partial f}{\\partial x} &= \\frac{\\partial f}{\\partial q}');
    await page.locator('.export-menu summary').click();
    const py = await exported(page, 'PyTorch');
    expect(py.data.toString('utf8')).toContain('f.backward()');
    await page.locator('.export-menu summary').click();
    const dot = await exported(page, 'Graphviz DOT');
    expect(dot.data.toString('utf8')).toContain('rankdir=LR');
  });
});
