// What the step panel says at a tensor step: the matrix rule with shapes, the
// bias batch sum, the drill-down of one entry, the Jacobian view, and a bad
// shape keeping the last good graph.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { appUrl, expect, node, test } from './fixtures';

/** The Affine layer on a batch of two (study notes 003): Y = X·W + b, L = Σ Y². */
const AFFINE = 'X = [[1, 2, 3], [4, 5, 6]]\nW = randn(3, 2, std=0.5, seed=1)\nb = [0.1, -0.2]\nY = X @ W + b\nL = sum(Y * Y)';
// Steps: 1 X@W, 2 Y, 3 Y*Y, 4 L, 5 seed, 6 at L, 7 at Y*Y, 8 at Y (sends to X@W and b), 9 at X@W (sends to X and W).

const SOFTMAX = 'z = [1, 2, 0.5]\np = softmax(z)\nL = sum(p * [1, -1, 2])';

/** The TeX of every formula inside a locator, joined. */
async function texIn(page: Page, testId: string): Promise<string> {
  const texts = await page.getByTestId(testId).locator('[data-tex]').evaluateAll((els) => els.map((el) => el.getAttribute('data-tex') ?? ''));
  return texts.join('\n');
}

/** The step panel's formulas are typeset (KaTeX has loaded and rendered them). */
async function typeset(page: Page): Promise<void> {
  await expect(page.locator('.step-panel .katex').first()).toBeVisible();
  await expect(page.locator('.step-panel .formula-loading')).toHaveCount(0);
  await expect(page.locator('.step-panel .formula-fallback')).toHaveCount(0);
}

test.describe('a tensor step in the panel', () => {
  test('the Affine layer mid-backward: the matrix rule with shapes under each factor, and the numbers', async ({ page }) => {
    await page.goto(appUrl(AFFINE, { step: '9' }));
    await typeset(page);
    const panel = page.locator('.step-panel');
    await expect(panel).toContainText('Local rule in matrix form');
    await expect(panel).toContainText('Matrix product C = A·B');
    // ∂L/∂W = Xᵀ · ∂L/∂(XW): (3×2) = (3×2)(2×2), and ∂L/∂X = ∂L/∂(XW) · Wᵀ: (2×3) = (2×2)(2×3).
    const toW = page.locator('[data-testid^="tensor-contribution-"][data-to="W"]');
    await expect(toW).toContainText('To W (a 3×2 matrix)');
    const rule = await toW.getByTestId('matrix-rule').locator('[data-tex]').getAttribute('data-tex');
    expect(rule).toBe(
      '\\underset{3 \\times 2}{\\frac{\\partial L}{\\partial W}} = \\underset{3 \\times 2}{X^{\\top}}\\,\\underset{2 \\times 2}{\\frac{\\partial L}{\\partial (X\\,W)}}',
    );
    const numbers = await toW.getByTestId('matrix-numbers').locator('[data-tex]').getAttribute('data-tex');
    expect(numbers).toContain('\\begin{bmatrix} 1 & 4 \\\\ 2 & 5 \\\\ 3 & 6 \\end{bmatrix}');
    expect(numbers).toMatch(/= \\begin\{bmatrix\} 37\.84 & 64\.82 \\\\ 49\.18 & 86\.33 \\\\ 60\.52 & 107\.8 \\end\{bmatrix\}$/);
    const toX = await texIn(page, 'tensor-contribution-0');
    expect(toX).toContain('\\underset{2 \\times 3}{W^{\\top}}');
    // Shapes are drawn under the factors: KaTeX typesets the \underset as real text in the panel.
    await expect(toW.getByTestId('matrix-rule')).toContainText('3×2');
    await expect(page.getByTestId('announcer')).toHaveText('Backward at [@] (2×2): sends a 2×3 matrix to X; sends a 3×2 matrix to W.');
    await expect(panel).not.toContainText('NaN');
  });

  test('the bias gradient is the batch sum over the rows, written out', async ({ page }) => {
    await page.goto(appUrl(AFFINE, { step: '8' }));
    await typeset(page);
    const toB = page.locator('[data-testid^="tensor-contribution-"][data-to="b"]');
    await expect(toB).toHaveAttribute('data-summed', '0');
    const sum = toB.getByTestId('batch-sum');
    await expect(sum).toContainText('b was added to every row of Y, so its gradient sums over the rows (axis 0)');
    // ∂L/∂Y = 2Y = [[2.505, 7.068], [8.834, 14.44]]: b receives the column sums.
    expect(await sum.locator('[data-tex]').getAttribute('data-tex')).toBe(
      '\\frac{\\partial L}{\\partial b} = \\sum_{n} \\left(\\frac{\\partial L}{\\partial Y}\\right)_{n,:} = \\begin{bmatrix} 2.505 + 8.834 & 7.068 + 14.44 \\end{bmatrix} = \\begin{bmatrix} 11.34 & 21.51 \\end{bmatrix}',
    );
    await expect(page.getByTestId('announcer')).toHaveText(
      'Backward at Y (2×2): sends a 2×2 matrix to [@]; sends a vector of length 2 to b, summed over the rows.',
    );
    await expect(page.locator('.step-panel')).not.toContainText('NaN');
  });

  test('a forward step writes the matrices out: Y = X W + b = […] + […] = […]', async ({ page }) => {
    await page.goto(appUrl(AFFINE, { step: '2' }));
    await typeset(page);
    expect(await texIn(page, 'tensor-shapes')).toBe('\\underset{2 \\times 2}{Y} = \\underset{2 \\times 2}{X\\,W} + \\underset{2}{b}');
    expect(await texIn(page, 'tensor-numbers')).toContain('Y = X\\,W + b = \\begin{bmatrix} 1.152 & 3.734 \\\\ 4.317 & 7.419 \\end{bmatrix} + \\begin{bmatrix} 0.1 & -0.2 \\end{bmatrix}');
    await expect(page.getByTestId('announcer')).toHaveText('Forward: Y is computed, a 2×2 matrix.');
  });
});

test('a layer too large to write out keeps its shapes and says why the numbers are left out', async ({ page }) => {
  const program = 'X = randn(16, 8, seed=1)\nW = randn(8, 10, std=0.3, seed=2)\nb = zeros(10)\nY = X @ W + b\nL = mean(Y * Y)';
  // Steps: 1 X@W, 2 Y, 3 Y*Y, 4 L, 5 seed, 6 at L, 7 at Y*Y, 8 at Y, 9 at X@W.
  await page.goto(appUrl(program, { step: '9' }));
  await typeset(page);
  const toW = page.locator('[data-testid^="tensor-contribution-"][data-to="W"]');
  await expect(toW.getByTestId('matrix-rule').locator('[data-tex]')).toHaveAttribute(
    'data-tex',
    '\\underset{8 \\times 10}{\\frac{\\partial L}{\\partial W}} = \\underset{8 \\times 16}{X^{\\top}}\\,\\underset{16 \\times 10}{\\frac{\\partial L}{\\partial (X\\,W)}}',
  );
  await expect(toW.getByTestId('matrix-numbers')).toHaveCount(0);
  await expect(toW).toContainText('too large to write out');
  await page.screenshot({ path: 'screenshots/tensor-steps-large.png' });
});

test.describe('drill-down into one entry', () => {
  test('picking W, row 1, column 2 shows its own chain rule: Σₙ Xₙ₁ ∂L/∂Yₙ₂ with numbers', async ({ page }) => {
    await page.goto(appUrl(AFFINE, { step: '9' }));
    await typeset(page);
    const drill = page.getByTestId('entry-drill');
    await drill.getByTestId('entry-node').selectOption({ label: 'W (3×2)' });
    await drill.getByTestId('entry-col').selectOption({ label: '2' });
    await expect(drill.getByTestId('entry-row')).toHaveValue('0');
    const grad = drill.getByTestId('entry-grad');
    await expect(grad.locator('.katex')).toBeVisible();
    expect(await grad.locator('[data-tex]').getAttribute('data-tex')).toBe(
      '\\frac{\\partial L}{\\partial W_{12}} = \\sum_{n} X_{n1}\\,\\frac{\\partial L}{\\partial {(X\\,W)}_{n2}} = X_{11}\\,\\frac{\\partial L}{\\partial {(X\\,W)}_{12}} + X_{21}\\,\\frac{\\partial L}{\\partial {(X\\,W)}_{22}} = 1 \\cdot 7.068 + 4 \\cdot 14.44 = 64.82',
    );
    expect(await drill.getByTestId('entry-value').locator('[data-tex]').getAttribute('data-tex')).toBe('W_{12} = 0.01207');
    await expect(drill).toContainText('final');

    // The keyboard reaches the same picker: the row select moves to row 3.
    await drill.getByTestId('entry-row').focus();
    await page.keyboard.press('End');
    await expect(drill.getByTestId('entry-row')).toHaveValue('2');
    await expect(grad.locator('[data-tex]')).toHaveAttribute('data-tex', /\\frac\{\\partial L\}\{\\partial W_\{32\}\}.* = 3 \\cdot 7\.068 \+ 6 \\cdot 14\.44 = 107\.8$/);

    // An entry of a forward value: (XW)₁₂ = Σₖ X₁ₖ Wₖ₂.
    await drill.getByTestId('entry-node').selectOption({ label: '[@] (2×2)' });
    await drill.getByTestId('entry-col').selectOption({ label: '2' });
    expect(await drill.getByTestId('entry-value').locator('[data-tex]').getAttribute('data-tex')).toBe(
      '{(X\\,W)}_{12} = \\sum_{k} X_{1k}\\,W_{k2} = X_{11}\\,W_{12} + X_{12}\\,W_{22} + X_{13}\\,W_{32} = 1 \\cdot 0.01207 + 2 \\cdot (-0.07272) + 3 \\cdot 1.289 = 3.734',
    );
  });

  test('before the gradient arrives the entry says so, and it fills in as the backward pass reaches it', async ({ page }) => {
    await page.goto(appUrl(AFFINE, { step: '7' }));
    const drill = page.getByTestId('entry-drill');
    await drill.getByTestId('entry-node').selectOption({ label: 'b (2)' });
    await drill.getByTestId('entry-index').selectOption({ label: '2' });
    await expect(drill).toContainText('No gradient has reached it yet.');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowRight');
    await expect(drill.getByTestId('entry-grad').locator('[data-tex]')).toHaveAttribute(
      'data-tex',
      '\\frac{\\partial L}{\\partial b_{2}} = \\frac{\\partial L}{\\partial Y_{12}} + \\frac{\\partial L}{\\partial Y_{22}} = 7.068 + 14.44 = 21.51',
    );
  });
});

test.describe('the Jacobian view', () => {
  test('p = softmax(z): the full Jacobian diag(p) − ppᵀ in numerator layout, and gᵀJ equal to what was sent', async ({ page }) => {
    await page.goto(appUrl(SOFTMAX, { step: 'end' }));
    await page.getByTestId('tab-jacobian').click();
    const panel = page.getByTestId('jacobian-panel');
    await panel.getByTestId('jacobian-node').selectOption({ label: 'p (3)' });
    await expect(panel.locator('.katex').first()).toBeVisible();
    await expect(panel).toContainText('The order of a derivative is the sum of the orders');
    await expect(panel.getByTestId('jacobian-order')).toContainText('order 1 + 1 = 2');
    // Independently: p = softmax(z), J_ij = p_i([i = j] − p_j).
    const z = [1, 2, 0.5];
    const e = z.map((v) => Math.exp(v));
    const total = e.reduce((a, b) => a + b, 0);
    const p = e.map((v) => v / total);
    const expected = p.map((pi, i) => p.map((pj, j) => pi * ((i === j ? 1 : 0) - pj)));
    const shown = JSON.parse((await panel.getByTestId('jacobian-matrix').getAttribute('data-jacobian')) ?? 'null') as number[][];
    expect(shown.length).toBe(3);
    shown.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 12)));
    const form = (await panel.getByTestId('jacobian-form').locator('[data-tex]').getAttribute('data-tex')) ?? '';
    expect(form).toContain('\\operatorname{diag}(p) - p\\,p^{\\top}');
    // gᵀJ with g = ∂L/∂p = [1, −1, 2], and the backward step sent the same numbers to z.
    const g = [1, -1, 2];
    const vjp = JSON.parse((await panel.getByTestId('jacobian-vjp').getAttribute('data-values')) ?? '[]') as number[];
    const sent = JSON.parse((await panel.getByTestId('jacobian-sent').getAttribute('data-values')) ?? '[]') as number[];
    vjp.forEach((v, j) => {
      expect(v).toBeCloseTo(g.reduce((acc, gi, i) => acc + gi * expected[i][j], 0), 12);
      expect(v).toBeCloseTo(sent[j], 12);
    });
    await expect(panel).not.toContainText('NaN');
  });

  test('a vector by a matrix shows its slices and says it is order 3', async ({ page }) => {
    await page.goto(appUrl('W = [[1, 2], [3, 4], [5, 6]]\nx = [0.5, -1]\ny = W @ x\nL = sum(y * y)', { step: 'end' }));
    await page.getByTestId('tab-jacobian').click();
    const panel = page.getByTestId('jacobian-panel');
    await panel.getByTestId('jacobian-node').selectOption({ label: 'y (3)' });
    await panel.getByTestId('jacobian-input').selectOption({ label: 'W (3×2)' });
    await expect(panel.getByTestId('jacobian-order')).toContainText('order 1 + 2 = 3');
    const slices = panel.getByTestId('jacobian-slices');
    // ∂y₁/∂W holds x in its first row, zeros elsewhere.
    await expect(slices.locator('[data-tex]').first()).toHaveAttribute(
      'data-tex',
      '\\frac{\\partial y_{1}}{\\partial W} = \\begin{bmatrix} 0.5 & -1 \\\\ 0 & 0 \\\\ 0 & 0 \\end{bmatrix}',
    );
    await expect(slices.locator('[data-tex]')).toHaveCount(3);
  });
});

test('practice at a tensor step: the shape of what each input receives and one entry of it', async ({ page }) => {
  await page.goto(appUrl(AFFINE, { step: '8' }));
  await page.getByTestId('practice-toggle').click();
  const card = page.getByTestId('practice-card');
  await expect(card).toContainText('visits [@] (2×2)');
  // The entries asked: X₂₁ (∂L/∂X = [[1.844, 1.009, 8.472], [6.377, 4.32, 16.36]]) and W₂₁ (49.18).
  await expect(card.locator('[data-tex]').first()).toHaveAttribute('data-tex', '\\frac{\\partial L}{\\partial X_{21}} =');
  await page.getByTestId('practice-shape-0').fill('2x3');
  await page.getByTestId('practice-entry-0').fill('6.38');
  await page.getByTestId('practice-shape-1').fill('2 × 3');
  await page.getByTestId('practice-entry-1').fill('49.18');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('practice-working-0')).toContainText('Right');
  await expect(page.getByTestId('practice-working-1')).toContainText('Not quite');
  await expect(page.getByTestId('practice-score')).toHaveText('Score 3/4');
  // The working shows the matrix rule and the entry's own chain rule.
  await expect(page.getByTestId('practice-working-1').locator('[data-tex]').last()).toHaveAttribute('data-tex', /\\partial W_\{21\}\} = \\sum_\{n\} X_\{n2\}.* = 49\.18$/);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 9 of 12');
});

test('a bad shape shows its alert with line, column and both shapes, and the last good graph stays', async ({ page }) => {
  await page.goto(appUrl(AFFINE, { step: '9' }));
  await expect(node(page, 'W')).toBeVisible();
  await page.getByRole('textbox', { name: 'Program' }).fill(AFFINE.replace('Y = X @ W + b', 'Y = X @ X + b'));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('line 4, col');
  await expect(alert).toContainText('cannot multiply a 2×3 matrix by a 2×3 matrix with @ (inner sizes 3 and 2 differ)');
  await expect(alert).toContainText('The graph shows the last program that worked.');
  // The old graph and its step are still there, explained as before.
  await expect(node(page, 'W')).toBeVisible();
  await expect(node(page, 'b')).toBeVisible();
  await expect(page.locator('[data-testid^="tensor-contribution-"][data-to="W"]')).toBeVisible();
});

test('axe finds no serious or critical violation in the tensor step, the entry picker and the Jacobian tab', async ({ page }) => {
  test.setTimeout(90_000);
  // The right-hand panel, without the inside of KaTeX's formulas (thousands of spans, KaTeX's own markup).
  const serious = async () =>
    (await new AxeBuilder({ page }).include('.right-panel').exclude('.katex').analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  await page.goto(appUrl(AFFINE, { step: '9' }));
  await typeset(page);
  await page.getByTestId('entry-node').selectOption({ label: 'W (3×2)' });
  await expect(page.getByTestId('entry-grad').locator('.katex')).toBeVisible();
  expect(await serious()).toEqual([]);
  await page.getByTestId('tab-jacobian').click();
  await expect(page.getByTestId('jacobian-panel').locator('.katex').first()).toBeVisible();
  expect(await serious()).toEqual([]);
});

test.describe('screenshots of a matrix program mid-backward', () => {
  test('1280×800, the Affine layer at the bias step', async ({ page }) => {
    await page.goto(appUrl(AFFINE, { step: '8' }));
    await typeset(page);
    await page.screenshot({ path: 'screenshots/tensor-steps-1280.png' });
    // Nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  });

  test('1920×1080 in presentation mode', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(appUrl(AFFINE, { step: '9', mode: 'present' }));
    await typeset(page);
    await page.screenshot({ path: 'screenshots/tensor-steps-present-1920.png' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1920);
  });

  test('in zh-CN, with an entry drilled into', async ({ page }) => {
    await page.goto(appUrl(AFFINE, { step: '8', lang: 'zh-CN' }));
    await typeset(page);
    await expect(page.getByTestId('batch-sum')).toContainText('b 被加到了 Y 的每一行上');
    await expect(page.getByTestId('announcer')).toHaveText('反向传播到 Y（2×2）：向 [@] 传递2×2 矩阵；向 b 传递长度为 2 的向量，对各行求和。');
    await page.getByTestId('entry-node').selectOption({ label: 'b (2)' });
    await expect(page.getByTestId('entry-grad').locator('.katex')).toBeVisible();
    await page.screenshot({ path: 'screenshots/tensor-steps-zh.png' });
    await page.getByTestId('entry-drill').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'screenshots/tensor-steps-zh-entry.png' });
  });

  test('the Jacobian tab for softmax', async ({ page }) => {
    await page.goto(appUrl(SOFTMAX, { step: 'end' }));
    await page.getByTestId('tab-jacobian').click();
    await page.getByTestId('jacobian-node').selectOption({ label: 'p (3)' });
    await expect(page.getByTestId('jacobian-panel').locator('.katex').first()).toBeVisible();
    await page.screenshot({ path: 'screenshots/tensor-jacobian.png' });
  });
});
