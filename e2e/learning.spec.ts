import { expect, expectEditorText, test } from './fixtures';

test.describe('gradient checking and forward mode', () => {
  // Training has its own spec now: e2e/training.spec.ts.
  test('gradient check: ΔL / 2h agrees with backprop', async ({ page }) => {
    await page.goto('./?lesson=circuit');
    await page.getByTestId('tab-check').click();
    const row = page.getByTestId('gradcheck-panel').locator('tr[data-input="x"]');
    await expect(row).toContainText('−4');
    const quotient = Number(await row.locator('[data-quotient]').getAttribute('data-quotient'));
    expect(quotient).toBeCloseTo(-4, 8);
    const rel = Number(await row.locator('[data-relative]').getAttribute('data-relative'));
    expect(rel).toBeLessThan(1e-8);
    await page.getByTestId('gradcheck-h').selectOption('0.01');
    await expect(row.locator('[data-relative]')).toContainText('✓');
  });

  test('forward mode carries ∂/∂x along the forward pass and ends at the backprop gradient', async ({ page }) => {
    await page.goto('./?lesson=circuit&step=forward');
    await page.getByTestId('tab-forward').click();
    const panel = page.getByTestId('forward-panel');
    await expect(panel.locator('tr[data-node="q"]')).toHaveAttribute('data-tangent', '1');
    await expect(panel.locator('tr[data-node="f"]')).toHaveAttribute('data-tangent', '-4');
    await page.getByTestId('forward-wrt').selectOption('z');
    await expect(panel.locator('tr[data-node="f"]')).toHaveAttribute('data-tangent', '3');
    await expect(panel).toContainText('3 inputs, so forward mode needs 3 passes');
  });
});
