import { appUrl, CIRCUIT, expect, expectEditorText, node, press, test } from './fixtures';

test.describe('lessons', () => {
  test('a lesson opens by URL, and at the end its input has the summed gradient', async ({ page }) => {
    await page.goto('./?lesson=two-paths&step=end');
    await expect(page.getByTestId('lesson-picker')).toHaveValue('two-paths');
    await expect(page.locator('.lesson-summary')).toContainText('two paths');
    // z = s² · 3s = 3s³, ∂z/∂s = 9s² = 36 at s = 2
    await expect(node(page, 's')).toHaveAttribute('data-grad', '36');
    await expect(node(page, 's')).toHaveAttribute('data-grad-final', '');
  });

  test('picking a lesson replaces the program and starts at step 0', async ({ page }) => {
    await page.goto('./?lesson=circuit&step=end');
    await page.getByTestId('lesson-picker').selectOption('paraboloid');
    await expectEditorText(page, /x\^2 \+ y\^2 \+ 2\*x \+ 2/);
    await expect(page.getByTestId('step-counter')).toContainText('Step 0');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await press(page, 'End');
    await expect(node(page, 'x')).toHaveAttribute('data-grad', '4');
    await expect(node(page, 'y')).toHaveAttribute('data-grad', '8');
  });

  test('the chain-rule formula is typeset with the numbers filled in', async ({ page }) => {
    await page.goto('./?lesson=circuit&step=5');
    const formula = page.getByTestId('formula').locator('[data-tex]').first();
    await expect(formula).toHaveAttribute(
      'data-tex',
      '\\frac{\\partial f}{\\partial x} = \\frac{\\partial f}{\\partial q} \\cdot \\frac{\\partial q}{\\partial x} = (-4) \\cdot 1 = -4',
    );
    await expect(formula.locator('.katex')).toBeVisible();
    await page.goto('./?lesson=circuit&step=1');
    await expect(page.getByTestId('formula').locator('[data-tex]').first()).toHaveAttribute('data-tex', 'q = x + y = -2 + 5 = 3');
  });

  test('every lesson draws and reaches the end without errors', async ({ page }) => {
    // Twenty-odd lessons, two of them on image sets that load and decode first.
    test.setTimeout(120_000);
    await page.goto('./?lesson=circuit');
    const ids = await page.getByTestId('lesson-picker').locator('option').evaluateAll((opts) => opts.map((o) => (o as HTMLOptionElement).value));
    expect(ids.length).toBeGreaterThanOrEqual(11);
    for (const id of ids) {
      await page.goto(`./?lesson=${id}&step=end`);
      const nodes = page.locator('[data-node-id]');
      await expect(nodes.first()).toBeVisible();
      expect(await page.locator('[data-node-id]:not([data-grad-final])').count(), id).toBe(0);
    }
  });

  test('an unknown lesson is reported and the page still loads', async ({ page }) => {
    await page.goto('./?lesson=nope&step=zzz');
    await expect(page.getByRole('status').first()).toContainText('lesson=nope');
    await expect(page.locator('[data-node-id]').first()).toBeVisible();
  });
});

test('clicking a node shows how its gradient is summed', async ({ page }) => {
  await page.goto('./?lesson=reuse&step=end');
  await node(page, 'x').click();
  const selected = page.getByTestId('selected-node');
  await expect(selected).toContainText('Selected: x');
  // ∂f/∂x = y + z + 1 = 3 + (−1) + 1 = 3, from three consumers
  await expect(selected.locator('[data-tex]')).toHaveAttribute('data-tex', /= 3$/);
  expect(((await selected.locator('[data-tex]').getAttribute('data-tex')) ?? '').match(/\\underbrace/g)).toHaveLength(3);
});

test("a selected input's value can be set: the program text and the graph follow, and the program is kept", async ({ page }) => {
  await page.goto(appUrl(CIRCUIT, { step: 'end' }));
  await node(page, 'x').click();
  const selected = page.getByTestId('selected-node');
  await selected.getByTestId('input-value').fill('3');
  await selected.getByRole('button', { name: 'Set' }).click();
  await expectEditorText(page, 'x = 3\ny = 5\nz = -4\nq = x + y\nf = q * z');
  // f = (3 + 5)·(−4) = −32
  await expect(node(page, 'f')).toContainText('−32');
  // A second edit starts from the text as it is now, not as it was when the panel drew.
  await node(page, 'y').click();
  await selected.getByTestId('input-value').fill('1');
  await selected.getByRole('button', { name: 'Set' }).click();
  await expectEditorText(page, 'x = 3\ny = 1\nz = -4\nq = x + y\nf = q * z');
});
