import { expect, expectEditorText, test } from './fixtures';

test.describe('network builder and neuron view', () => {
  test('builds a 2-3-2 tanh network that steps to the end with every gradient final', async ({ page }) => {
    await page.goto('./?lesson=circuit');
    await page.locator('.network-builder summary').click();
    await page.getByTestId('net-hidden').fill('3');
    await page.getByTestId('net-seed').fill('5');
    await page.getByTestId('net-build').click();
    await expectEditorText(page, /# network 2-3-2, seed 5/);
    await expect(page.locator('[data-label="w1_11"]')).toBeVisible();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('End');
    expect(await page.locator('[data-node-id]:not([data-grad-final])').count()).toBe(0);
  });

  test('the neuron view assembles δ of a hidden neuron from the next layer', async ({ page }) => {
    await page.goto('./?lesson=circuit');
    await page.locator('.network-builder summary').click();
    await page.getByTestId('net-build').click();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('End');
    await page.getByTestId('tab-neurons').click();
    const hidden = page.getByTestId('neuron-panel').locator('[data-neuron="z1_1"]');
    await expect(hidden.locator('[data-tex]')).toHaveAttribute('data-tex', /\\delta\^\{\(1\)\}_\{1\} = f'\(z\^\{\(1\)\}_\{1\}\) \\sum_k/);
    const delta = Number(await hidden.getAttribute('data-delta'));
    expect(Number.isFinite(delta)).toBe(true);
    // At step 0 no δ has arrived yet.
    await page.keyboard.press('Home');
    await expect(hidden).toContainText('not reached yet');
  });

  test('softmax with cross-entropy and a batch of 3 rows', async ({ page }) => {
    await page.goto('./?lesson=circuit');
    await page.locator('.network-builder summary').click();
    await page.getByTestId('net-loss').selectOption('softmax-ce');
    await page.getByTestId('net-outputs').fill('3');
    await page.getByTestId('net-batch').fill('3');
    await page.getByTestId('net-build').click();
    await expectEditorText(page, /L = \(lossr1 \+ lossr2 \+ lossr3\) \/ 3/);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test('a weight is edited by clicking its node and typing a value', async ({ page }) => {
  await page.goto('./?lesson=circuit');
  await page.locator('.network-builder summary').click();
  await page.getByTestId('net-build').click();
  await page.locator('[data-label="w1_11"]').click();
  await page.getByTestId('input-value').fill('0.5');
  await page.getByRole('button', { name: 'Set', exact: true }).click();
  await expectEditorText(page, /\nw1_11 = 0\.5\n/);
  await expect(page.locator('[data-label="w1_11"]')).toHaveAttribute('data-value', '0.5');
});

test('each hidden layer has its own activation', async ({ page }) => {
  await page.goto('./?lesson=circuit');
  await page.locator('.network-builder summary').click();
  await page.getByTestId('net-hidden').fill('2, 2');
  await page.getByTestId('net-activation-1').selectOption('relu');
  await page.getByTestId('net-activation-2').selectOption('sigmoid');
  await page.getByTestId('net-build').click();
  await expectEditorText(page, /a1_1 = relu\(z1_1\)/);
  await expectEditorText(page, /a2_1 = sigmoid\(z2_1\)/);
});

test('neuron view: one node per neuron with its δ, expandable; softmax output δ = p − y', async ({ page }) => {
  await page.goto('./?lesson=circuit');
  await page.locator('.network-builder summary').click();
  await page.getByTestId('net-loss').selectOption('softmax-ce');
  await page.getByTestId('net-outputs').fill('3');
  await page.getByTestId('net-build').click();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('End');
  await page.getByTestId('tab-neurons').click();
  const diagram = page.getByTestId('neuron-diagram');
  await expect(diagram.locator('[data-neuron-node="z2_1"]')).toHaveAttribute('data-delta', /.+/);
  await diagram.locator('[data-neuron-node="z1_2"]').click();
  await expect(page.getByTestId('neuron-expanded').locator('[data-tex]').first()).toHaveAttribute('data-tex', /^z\^\{\(1\)\}_\{2\} = /);
  const out = page.getByTestId('neuron-panel').locator('[data-neuron="z2_1"] [data-tex]');
  await expect(out).toHaveAttribute('data-tex', /p_\{1\} - y_\{1\}/);
  // p − y equals what backprop found the long way.
  const tex = (await out.getAttribute('data-tex')) ?? '';
  const m = /= (-?[0-9.e-]+) \\quad \(\\text\{backprop: \} (-?[0-9.e-]+)\)/.exec(tex);
  expect(m).not.toBeNull();
  expect(Number(m?.[1])).toBeCloseTo(Number(m?.[2]), 3);
  await page.screenshot({ path: 'screenshots/neuron-view.png' });
});

test('with a batch, each bias gradient is shown as the sum of the rows’ δs', async ({ page }) => {
  await page.goto('./?lesson=circuit');
  await page.locator('.network-builder summary').click();
  await page.getByTestId('net-batch').fill('3');
  await page.getByTestId('net-build').click();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('End');
  await page.getByTestId('tab-neurons').click();
  const bias = page.getByTestId('batch-sums').locator('[data-bias="b2_1"]');
  const tex = (await bias.locator('[data-tex]').getAttribute('data-tex')) ?? '';
  expect(tex.match(/\\underbrace/g)).toHaveLength(3);
  const parts = [...tex.matchAll(/\\underbrace\{\(?(-?[0-9.]+(?:\\times 10\^\{-?\d+\})?)\)?\}/g)].map((m) => Number(m[1]));
  const grad = Number(await bias.getAttribute('data-grad'));
  expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(grad, 3);
});

test('neurons and the softmax block collapse into single nodes and expand again', async ({ page }) => {
  await page.goto('./?lesson=circuit');
  await page.locator('.network-builder summary').click();
  await page.getByTestId('net-loss').selectOption('softmax-ce');
  await page.getByTestId('net-outputs').fill('3');
  await page.getByTestId('net-build').click();
  const nodes = page.locator('[data-node-id]');
  await expect(page.locator('[data-label="w1_11"]')).toBeVisible();
  const full = await nodes.count();
  await page.getByTestId('collapse-toggle').click();
  await expect(page.locator('[data-group="softmax"]')).toHaveCount(1);
  await expect(page.locator('[data-group="neuron"]')).toHaveCount(6);
  expect(await nodes.count()).toBeLessThan(full);
  await page.screenshot({ path: 'screenshots/collapsed.png' });
  // Stepping still ends with every drawn node final, and the block's rule is p − y.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('End');
  expect(await page.locator('[data-node-id]:not([data-grad-final])').count()).toBe(0);
  await page.keyboard.press('Home');
  // Through the forward pass at full speed; in the backward pass, one step at a time
  // (the explanation waits while steps come in a quick burst).
  const phase = page.locator('.phase-label');
  for (let i = 0; i < 200 && (await phase.getAttribute('data-phase')) !== 'seed'; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 60 && (await page.getByTestId('softmax-rule').count()) === 0; i++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(200);
  }
  await expect(page.getByTestId('softmax-rule').locator('[data-tex]').first()).toHaveAttribute('data-tex', /= p_\{1\} - y_\{1\} = /);
  // Clicking a group opens it up.
  await page.locator('[data-group="softmax"]').click();
  await expect(page.locator('[data-group="softmax"]')).toHaveCount(0);
  await expect(page.locator('[data-label="total"]')).toBeVisible();
});
