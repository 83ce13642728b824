// The handout export and the print stylesheet.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test('Export has a Handout (LaTeX) button whose document pdflatex compiles', async ({ page }) => {
  await page.goto('./?lesson=two-paths&step=6');
  await expect(page.locator('[data-node-id]').first()).toBeVisible();
  await page.locator('.export-menu summary').click();
  const button = page.getByRole('button', { name: /Handout/ });
  await expect(button).toHaveCount(1);
  await expect(button).toHaveAccessibleName('Handout (LaTeX)');
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toBe('chainstep-handout.tex');
  const tex = readFileSync(await download.path(), 'utf8');
  expect(tex).toContain('\\section*{One input along two paths}');
  expect(tex).toContain('\\begin{alltt}\n# s reaches z along two paths\ns = 2');
  expect(tex).toContain('\\underbrace{12}_{y} + \\underbrace{24}_{x} = 36');
  // Every step of the lesson, whatever step the page is on.
  expect(tex).toContain('\\paragraph{Step 9: $s$ is an input.}');
  const dir = mkdtempSync(join(tmpdir(), 'chainstep-e2e-'));
  writeFileSync(join(dir, 'handout.tex'), tex);
  execFileSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', 'handout.tex'], { cwd: dir, stdio: 'pipe' });
  expect(readFileSync(join(dir, 'handout.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  // The step's own LaTeX is still there, named for what it is.
  await expect(page.getByRole('button', { name: 'LaTeX (this step)' })).toBeVisible();
});

/** What the printed page shows and hides. */
async function printedPage(page: Page) {
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const svg = document.querySelector('.graph-svg')!;
    const graph = svg.getBoundingClientRect();
    const nodes = [...document.querySelectorAll('[data-node-id] .node-shape')].map((el) => el.getBoundingClientRect());
    return {
      buttons: [...document.querySelectorAll('button, select, textarea, input')].filter(visible).length,
      graphWidth: graph.width,
      pageWidth: document.documentElement.clientWidth,
      scrollWidth: document.documentElement.scrollWidth,
      nodesInside: nodes.every((r) => r.left >= graph.left - 1 && r.right <= graph.right + 1 && r.top >= graph.top - 1 && r.bottom <= graph.bottom + 1),
      nodes: nodes.length,
      panel: document.querySelector('.step-panel')?.textContent ?? '',
      panelClipped: [...document.querySelectorAll('.step-panel, .tab-body, .right-panel')].some((el) => el.scrollHeight > el.clientHeight + 1),
      counter: document.querySelector('[data-testid="step-counter"]')?.textContent ?? '',
      background: getComputedStyle(document.querySelector('.app')!).backgroundColor,
    };
  });
}

for (const { lang, step, title } of [
  { lang: 'en', step: 'Step 6 of 9', title: 'This step' },
  { lang: 'zh-CN', step: '第 6 步，共 9 步', title: '本步' },
]) {
  test(`printing gives the graph and the step's explanation without chrome (${lang})`, async ({ page }) => {
    await page.goto(`./?lesson=two-paths&step=6&lang=${lang}`);
    await expect(page.locator('[data-node-id]').first()).toBeVisible();
    await expect(page.locator('.step-panel [data-tex]').first()).toBeVisible();
    // Zoomed in and panned: the print still shows the whole graph.
    await page.getByRole('button', { name: lang === 'en' ? 'Zoom in' : /放大/ }).click();
    await page.getByRole('button', { name: lang === 'en' ? 'Zoom in' : /放大/ }).click();
    await page.emulateMedia({ media: 'print' });
    await page.waitForTimeout(200);
    const printed = await printedPage(page);
    expect(printed.buttons, 'no buttons or fields in print').toBe(0);
    expect(printed.nodes).toBe(5);
    expect(printed.nodesInside, 'the whole graph is inside its box').toBe(true);
    expect(printed.scrollWidth).toBeLessThanOrEqual(printed.pageWidth);
    expect(printed.panelClipped, 'the explanation is not clipped').toBe(false);
    expect(printed.panel).toContain(title);
    expect(printed.counter).toBe(step);
    await page.screenshot({ path: `screenshots/print-${lang}.png`, fullPage: true });
    // Back on screen, the zoom is as it was.
    await page.emulateMedia({ media: 'screen' });
    await expect.poll(() => page.evaluate(() => document.querySelector('.graph-svg')!.hasAttribute('viewBox'))).toBe(false);
    // A PDF of the page (headless Chromium prints it, in print media) for people to look at.
    await page.emulateMedia({ media: null });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(`screenshots/print-${lang}.pdf`, pdf);
  });
}

test('printing in the dark theme uses light colours', async ({ page }) => {
  await page.goto('./?lesson=circuit&step=5');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.emulateMedia({ media: 'print' });
  expect((await printedPage(page)).background).toBe('rgb(255, 255, 255)');
});
