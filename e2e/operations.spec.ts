// The graph shows its operations; constants are drawn but not presented as variables;
// the Neurons tab reads the two-layer lesson.
import { appUrl, expect, node, test } from './fixtures';

test('the circuit lesson shows the add gate beside q and the multiply gate beside f', async ({ page }) => {
  await page.goto('./?lesson=circuit');
  await expect(node(page, 'q')).toBeVisible();
  await expect(node(page, 'q').locator('.node-gate-symbol')).toHaveText('+');
  await expect(node(page, 'f').locator('.node-gate-symbol')).toHaveText('×');
  await expect(node(page, 'q').locator('.node-title')).toHaveText('q');
  await expect(node(page, 'f').locator('.node-title')).toHaveText('f');
  // Inputs compute nothing: no gate.
  for (const input of ['x', 'y', 'z']) await expect(node(page, input).locator('.node-gate')).toHaveCount(0);
  // The gate sits inside q's box, left of its name, and the two do not overlap.
  const [box, gate, title] = await Promise.all(
    ['.node-shape', '.node-gate', '.node-title'].map((s) => node(page, 'q').locator(s).boundingBox()),
  );
  if (!box || !gate || !title) throw new Error('q is not drawn');
  expect(gate.x).toBeGreaterThan(box.x);
  expect(gate.y).toBeGreaterThan(box.y);
  expect(gate.x + gate.width).toBeLessThan(title.x);
  await expect(node(page, 'q')).toHaveAttribute('aria-label', /^q, \+ \(add\)/);
});

test('every computed node shows its operation, named or not', async ({ page }) => {
  await page.goto(appUrl('x = 0.5\nh = tanh(x * 3)\ns = sigmoid(h) + relu(h) ^ 2\nL = s - 1'));
  await expect(node(page, 'L')).toBeVisible();
  const shown = await page.locator('[data-node-id]').evaluateAll((els) =>
    els.map((el) => ({
      op: el.getAttribute('data-op'),
      label: el.getAttribute('data-label'),
      symbol: (el.querySelector('.node-gate-symbol') ?? (el.getAttribute('data-label') ? null : el.querySelector('.node-title')))?.textContent ?? '',
    })),
  );
  const computed = shown.filter((n) => n.op !== 'input' && n.op !== 'const');
  expect(computed.length).toBe(7);
  for (const n of computed) expect(n.symbol, `${n.op} ${n.label}`).not.toBe('');
  expect(shown.find((n) => n.label === 'h')?.symbol).toBe('tanh');
  expect(shown.find((n) => n.label === 'L')?.symbol).toBe('−');
  expect(shown.filter((n) => n.op === 'relu').map((n) => n.symbol)).toEqual(['ReLU']);
});

test('a literal 3 keeps data-grad but is drawn muted, and the step panel never writes ∂y/∂3', async ({ page }) => {
  // Steps of two-paths: 1 x, 2 y, 3 z, 4 seed, 5 visit z, 6 visit y (sends to 3 and to s).
  await page.goto('./?lesson=two-paths&step=6');
  const three = page.locator('[data-op="const"]');
  await expect(three).toHaveAttribute('data-grad', '8');
  await expect(three).toHaveAttribute('data-grad-final', '');
  await expect(three).toHaveClass(/node-const/);
  const colours = await page.evaluate(() => {
    const fill = (sel: string) => getComputedStyle(document.querySelector(sel)!).fill;
    const stroke = (sel: string) => getComputedStyle(document.querySelector(sel)!).stroke;
    return {
      constGrad: fill('[data-op="const"] .node-grad'),
      inputGrad: fill('[data-label="x"] .node-grad'),
      constShape: stroke('[data-op="const"] .node-shape'),
      finalShape: stroke('[data-label="x"] .node-shape'),
    };
  });
  expect(colours.constGrad).not.toBe(colours.inputGrad);
  expect(colours.constShape).not.toBe(colours.finalShape);
  const panel = page.locator('.step-panel');
  await expect(panel.getByTestId('rule').locator('[data-tex]')).toHaveCount(1);
  await expect(panel.getByTestId('rule').locator('[data-tex]').first()).toHaveAttribute('data-tex', '\\frac{\\partial y}{\\partial s} = 3');
  const texts = await panel.locator('[data-tex]').evaluateAll((els) => els.map((el) => el.getAttribute('data-tex') ?? ''));
  expect(texts.length).toBeGreaterThan(1);
  for (const tex of texts) expect(tex).not.toMatch(/\\partial \(?-?[\d.]+\)?\}/);
  // Its own backward step (step 7: nodes are visited in reverse program order z, y, 3, x, s) says what it is.
  await page.goto('./?lesson=two-paths&step=7');
  await expect(panel).toContainText('3 is a constant, not a variable');
  await expect(panel.locator('[data-tex]')).toHaveCount(0);
  // The graph marks where the step is, at a constant as at any node (its gradient stays muted).
  await expect(three).toHaveClass(/role-visit/);
  const marks = await page.evaluate(() => {
    const shape = (sel: string) => getComputedStyle(document.querySelector(sel)!);
    return { visited: [shape('[data-op="const"] .node-shape').stroke, shape('[data-op="const"] .node-shape').strokeWidth] };
  });
  await page.goto('./?lesson=two-paths&step=6'); // y is visited
  await expect(page.locator('[data-label="y"]')).toHaveClass(/role-visit/);
  const current = await page.evaluate(() => {
    const shape = getComputedStyle(document.querySelector('[data-label="y"] .node-shape')!);
    return [shape.stroke, shape.strokeWidth];
  });
  expect(marks.visited).toEqual(current);
});

test('the Neurons tab reads the two-layer lesson and explains itself without stray braces elsewhere', async ({ page }) => {
  await page.goto('./?lesson=two-layer&step=end');
  await page.getByTestId('tab-neurons').click();
  const panel = page.getByTestId('neuron-panel');
  await expect(panel.locator('[data-neuron]')).toHaveCount(4);
  const hidden = panel.locator('[data-neuron="z1_1"]');
  // δ of hidden unit 1: ReLU' = 1 times w2_11·1.5 + w2_21·2 = 0.5.
  await expect(hidden).toHaveAttribute('data-delta', '0.5');
  await expect(hidden.locator('[data-tex]')).toHaveAttribute('data-tex', /\\sum_k w\^\{\(2\)\}_\{k1\} \\delta\^\{\(2\)\}_k = 1 \\cdot \(1 \\cdot 1\.5 \+ \(-0\.5\) \\cdot 2\) = 0\.5/);
  await expect(panel.locator('[data-neuron="z2_2"]')).toHaveAttribute('data-delta', '2');
  // A program without neurons says so, with no {placeholder} left in the text.
  await page.goto('./?lesson=circuit');
  await page.getByTestId('tab-neurons').click();
  const none = page.locator('.tab-body');
  await expect(none).toContainText('Build a network');
  expect(await none.textContent()).not.toMatch(/\{[a-z]\}/);
  await page.goto('./?lesson=circuit&lang=zh-CN');
  await page.getByTestId('tab-neurons').click();
  await expect(page.locator('.tab-body')).toContainText('搭建神经网络');
  expect(await page.locator('.tab-body').textContent()).not.toMatch(/\{[a-z]\}/);
});
