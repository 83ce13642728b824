import AxeBuilder from '@axe-core/playwright';
import { expect, programEditor, test } from './fixtures';

for (const [name, url] of [
  ['main page', './?lesson=two-paths&step=6'],
  ['presentation mode', './?lesson=two-paths&step=6&mode=present'],
  ['embed mode', './?lesson=two-paths&step=6&mode=embed'],
  ['Chinese', './?lesson=circuit&step=5&lang=zh-CN'],
  ['an error', './?program=x%20%3D%20%2B'],
] as const) {
  test(`axe finds no serious or critical violation: ${name}`, async ({ page }) => {
    await page.goto(url);
    await expect(page.locator('[data-node-id]').first().or(page.getByRole('alert'))).toBeVisible();
    // The page with an editor is checked with CodeMirror in place (it loads after the graph).
    if (!url.includes('mode=')) await programEditor(page);
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    expect(bad).toEqual([]);
  });
}

test('graph nodes are reachable by keyboard and named with value and gradient', async ({ page }) => {
  await page.goto('./?lesson=circuit&step=5');
  const x = page.locator('[data-label="x"]');
  await expect(x).toHaveAttribute('aria-label', /x, value −2, gradient −4/);
  await x.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('selected-node')).toContainText('Selected: x');
  // Stepping keys still work while a node has focus.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-counter')).toHaveText('Step 6 of 8');
});
