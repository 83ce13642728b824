import { expect, expectEditorText, test } from './fixtures';

test.describe('training, gradient checking and forward mode', () => {
  test('gradient descent on x² + y² + 2x + 2 from (1, 4) at rate 0.01 converges to (−1, 0)', async ({ page }) => {
    await page.goto('./?lesson=paraboloid');
    await page.getByTestId('tab-train').click();
    const panel = page.getByTestId('training-panel');
    await expect(page.getByTestId('train-rate')).toHaveValue('0.01');
    await panel.getByRole('button', { name: '1 step', exact: true }).click();
    await expect(panel.locator('[data-param="x"] .update')).toHaveText('1 − 0.01·4 = 0.96');
    await expect(panel.locator('[data-param="y"] .update')).toHaveText('4 − 0.01·8 = 3.92');
    for (let i = 0; i < 10; i++) await panel.getByRole('button', { name: '100 steps' }).click();
    const x = Number(await panel.locator('[data-param="x"]').getAttribute('data-value'));
    const y = Number(await panel.locator('[data-param="y"]').getAttribute('data-value'));
    expect(x).toBeCloseTo(-1, 5);
    expect(y).toBeCloseTo(0, 5);
    await expect(page.getByTestId('train-status')).toContainText('after 1001 steps, L = 1');
    await expect(page.getByTestId('loss-chart')).toBeVisible();
    await panel.getByRole('button', { name: 'Write the trained values into the program' }).click();
    await expectEditorText(page, /x = -1\ny = [0-9.e-]+\n/);
  });

  test('a learning rate that is too large is explained', async ({ page }) => {
    await page.goto('./?lesson=paraboloid');
    await page.getByTestId('tab-train').click();
    await page.getByTestId('train-rate').fill('1.5');
    await page.getByRole('button', { name: '100 steps' }).click();
    await expect(page.getByTestId('train-divergence')).toContainText('too large');
  });

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
