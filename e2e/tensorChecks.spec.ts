// Tensor programs in the page: expand to scalars, links with a step, the iframe
// `state` message, and the size limits (SECURITY.md).
import type { Page } from '@playwright/test';
import { hostApp, receivedMessages, sendToApp } from './embedHost';
import { appUrl, expect, expectEditorText, replaceProgram, test } from './fixtures';

const AFFINE = ['X = [[1, 2, 3], [4, 5, 6]]', 'W = [[0.5, -1], [0, 2], [1, 0.25]]', 'b = [0.1, -0.2]', 'Y = X @ W + b', 's = sum(Y * Y)', 'L = s / 2'].join('\n');
/** ∂L/∂Y = Y = [[3.6, 3.55], [8.1, 7.3]]; the bias receives its column sums. */
const BIAS_GRAD = [3.6 + 8.1, 3.55 + 7.3];
const nodes = (page: Page) => page.locator('[data-node-id]');

test.describe('expand to scalars', () => {
  test('rewrites the program entry by entry, with the same gradients; Undo brings the tensor program back', async ({ page }) => {
    await page.goto(appUrl(AFFINE, { step: 'end' }));
    await expect(nodes(page)).toHaveCount(9);
    // Undo is CodeMirror's: an expansion before the editor has loaded would not be in its history.
    await expect(page.locator('.editor-host .cm-content')).toBeVisible();
    await page.getByRole('button', { name: 'Expand to scalars' }).click();
    await expectEditorText(page, /^# X = \[\[1, 2, 3\], \[4, 5, 6\]\]\nX_11 = 1\n/);
    await expectEditorText(page, /\nY_21 = X_21 \* W_11 \+ X_22 \* W_21 \+ X_23 \* W_31 \+ b_1\n/);
    // 6 + 6 + 2 inputs, 4 × (3 products + 3 sums), then s (4 squares, 3 sums), L (a division and its 2).
    await expect(page.getByTestId('expand-status')).toHaveText('Expanded to 47 scalar nodes. Undo (Ctrl+Z) brings the tensor program back.');
    await expect(nodes(page)).toHaveCount(47);
    await page.keyboard.press('End');
    await expect(page.locator('[data-label="b_1"]')).toHaveAttribute('data-grad', /^11\.7/);
    const grads = await Promise.all(['b_1', 'b_2'].map((label) => page.locator(`[data-label="${label}"]`).getAttribute('data-grad')));
    grads.forEach((g, k) => expect(Number(g)).toBeCloseTo(BIAS_GRAD[k], 12));
    // No tensors left: the button goes; the note stays until the text changes.
    await expect(page.getByRole('button', { name: 'Expand to scalars' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expectEditorText(page, AFFINE);
    await expect(nodes(page)).toHaveCount(9);
    await expect(page.getByRole('button', { name: 'Expand to scalars' })).toBeVisible();
    await expect(page.getByTestId('expand-status')).toHaveText('');
  });

  test('a program too big to expand says so and keeps the program', async ({ page }) => {
    const big = 'X = randn(64, 784)\nW = randn(784, 10, std=0.05)\nL = sum(X @ W)';
    await page.goto(appUrl(big));
    await expect(nodes(page)).toHaveCount(4);
    await page.getByRole('button', { name: 'Expand to scalars' }).click();
    await expect(page.getByTestId('expand-status')).toContainText('Too big to expand: the scalar program would have more than 3,000 nodes (at least 58,657)');
    await expectEditorText(page, big);
    await page.screenshot({ path: 'screenshots/expand-too-big.png' });
  });

  test('is in Chinese too, and is not offered for a program of numbers', async ({ page }) => {
    await page.goto(appUrl(AFFINE, { lang: 'zh-CN' }));
    await page.getByRole('button', { name: '展开为标量' }).click();
    await expect(page.getByTestId('expand-status')).toContainText('已展开为 47 个标量节点');
    await page.screenshot({ path: 'screenshots/expand-zh-CN.png' });
    await page.goto(appUrl('x = 2\nf = x * x'));
    await expect(nodes(page)).toHaveCount(2);
    await expect(page.getByTestId('expand-scalars')).toHaveCount(0);
  });
});

test.describe('a tensor program in a link', () => {
  test('?program= with step= opens at that step, and stepping keeps the link in step', async ({ page }) => {
    await page.goto(appUrl(AFFINE, { step: 'forward' }));
    await expect(page.getByTestId('step-counter')).toHaveText('Step 5 of 15');
    // Forward done: s and L have values, no gradient yet.
    await expect(page.locator('[data-label="L"]')).toHaveAttribute('data-value', String((3.6 ** 2 + 3.55 ** 2 + 8.1 ** 2 + 7.3 ** 2) / 2));
    await expect(page.locator('[data-label="L"]')).not.toHaveAttribute('data-grad', /.*/);
    await page.goto(appUrl(AFFINE, { step: '9' }));
    await expect(page.getByTestId('step-counter')).toHaveText('Step 9 of 15');
    // Seed at 6; L visited at 7, its constant 2 at 8, s at 9: s has sent its gradient on to the squares.
    await expect(page.locator('[data-label="s"]')).toHaveAttribute('data-grad', '0.5');
    await expect(page.locator('[data-op="mul"]')).toHaveAttribute('data-grad-final', '');
    await expect(page.locator('[data-label="Y"]')).not.toHaveAttribute('data-grad', /.*/);
    await page.keyboard.press('End');
    await expect(page.getByTestId('step-counter')).toHaveText('Step 15 of 15');
    await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('end');
    expect(new URL(page.url()).searchParams.get('program')).toBe(AFFINE);
    for (const label of ['X', 'W', 'b', 'Y']) await expect(page.locator(`[data-label="${label}"]`)).toHaveAttribute('data-grad-final', '');
  });
});

test.describe('the iframe state message of a tensor program', () => {
  interface StateNode {
    id: string;
    op: string;
    shape?: number[];
    value: unknown;
    grad: unknown;
  }
  const states = async (page: Page) =>
    (await receivedMessages<{ type: string; step?: number; nodes?: StateNode[] }>(page)).filter((m) => m.type === 'state');

  test('carries each tensor node’s shape and its value and gradient as nested arrays', async ({ page }) => {
    await hostApp(page, `./?mode=embed&program=${encodeURIComponent(AFFINE)}`);
    await expect.poll(async () => (await states(page)).length).toBeGreaterThan(0);
    const first = (await states(page)).at(-1)!;
    expect(first.step).toBe(0);
    expect(first.nodes!.find((n) => n.id === 'X')).toEqual({ id: 'X', label: 'X', op: 'input', shape: [2, 3], value: [[1, 2, 3], [4, 5, 6]], grad: null });
    expect(first.nodes!.find((n) => n.id === 'Y')).toMatchObject({ shape: [2, 2], value: null, grad: null });
    await sendToApp(page, { source: 'chainstep', type: 'goToStep', step: 'end' });
    await expect.poll(async () => (await states(page)).at(-1)?.step).toBe(15);
    const end = (await states(page)).at(-1)!.nodes!;
    const b = end.find((n) => n.id === 'b')!;
    expect(b.shape).toEqual([2]);
    (b.grad as number[]).forEach((g, k) => expect(g).toBeCloseTo(BIAS_GRAD[k], 12));
    const y = end.find((n) => n.id === 'Y')!;
    expect(y).toMatchObject({ op: 'add', shape: [2, 2] });
    expect(y.value).toEqual(y.grad); // ∂(½ Σ Y²)/∂Y = Y
    expect((y.value as number[][]).flat().map((v) => Math.round(v * 100) / 100)).toEqual([3.6, 3.55, 8.1, 7.3]);
    // A number node is as before: no shape, plain numbers.
    expect(end.find((n) => n.id === 'L')).toEqual({ id: 'L', label: 'L', op: 'div', value: 72.23125, grad: 1 });
  });
});

test.describe('tensor limits (SECURITY.md)', () => {
  const HUGE = 'A = zeros(100000, 100000)\nL = sum(A)';

  test('zeros(100000, 100000) in a link is an alert at once; the page stays alive and the saved work comes back', async ({ page }) => {
    // The student's own program, typed (so saved in the browser).
    await page.goto('./');
    await replaceProgram(page, AFFINE);
    await expect(nodes(page)).toHaveCount(9);
    const started = Date.now();
    await page.goto(appUrl(HUGE));
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('line 1, col 5: zeros(100000, 100000) would hold 10,000,000,000 numbers; the limit is 1,000,000');
    expect(Date.now() - started).toBeLessThan(5000);
    await expectEditorText(page, HUGE);
    // The tab answers: the program saved before the link is offered back, and restoring it draws it.
    await page.getByTestId('restore-notice').getByRole('button', { name: 'Restore my program' }).click();
    await expectEditorText(page, AFFINE);
    await expect(nodes(page)).toHaveCount(9);
    await expect(alert).toHaveCount(0);
  });

  test('typed into the editor, the alert shows and the last good graph stays', async ({ page }) => {
    await page.goto(appUrl(AFFINE, { step: 'end' }));
    await expect(nodes(page)).toHaveCount(9);
    await replaceProgram(page, 'A = ones(1000, 1000)\nB = A @ transpose(A)\nL = sum(B)');
    await expect(page.getByRole('alert')).toContainText('line 2');
    await expect(page.getByRole('alert')).toContainText('more than 200000000 multiply-adds');
    await replaceProgram(page, HUGE);
    await expect(page.getByRole('alert')).toContainText('10,000,000,000 numbers');
    await expect(page.getByRole('alert')).toContainText('The graph shows the last program that worked.');
    await expect(nodes(page)).toHaveCount(9);
    await expect(page.locator('[data-label="Y"]')).toHaveAttribute('data-op', 'add');
  });
});

test.describe('how it looks', () => {
  for (const [name, width, height] of [
    ['laptop', 1280, 800],
    ['phone', 390, 844],
  ] as const) {
    test(`the expand button and its note fit the sidebar (${name}, ${width}×${height})`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.goto(appUrl(AFFINE, { step: 'end' }));
      const button = page.getByRole('button', { name: 'Expand to scalars' });
      await expect(button).toBeVisible();
      await page.screenshot({ path: `screenshots/expand-before-${name}.png` });
      await button.click();
      await expect(nodes(page)).toHaveCount(47);
      await page.keyboard.press('End');
      await expect(page.locator('[data-label="b_1"]')).toHaveAttribute('data-grad-final', '');
      await page.screenshot({ path: `screenshots/expand-after-${name}.png` });
      const status = await page.getByTestId('expand-status').boundingBox();
      const sidebar = await page.locator('.sidebar').boundingBox();
      if (!status || !sidebar) throw new Error('no status or sidebar');
      expect(status.x + status.width).toBeLessThanOrEqual(Math.min(width, sidebar.x + sidebar.width) + 1);
      // The sidebar does not scroll sideways (the note wraps).
      expect(await page.locator('.sidebar').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    });
  }
});
