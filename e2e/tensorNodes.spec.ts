// Tensor nodes in the graph: the §9 attributes, grids and heatmaps, a cell's
// number on hover and focus, selecting an entry and the cells it came from.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { compile, type Compiled } from '../src/engine';
import { tensorJson } from '../src/engine/tensor/tensor';
import { formatNumber } from '../src/formulas/number';
import { appUrl, expect, press, test } from './fixtures';
import { AFFINE, TWO_LAYER_BATCH4 } from './tensorPrograms';

const indexOf = (c: Compiled, label: string) => c.graph.nodes.findIndex((n) => n.label === label);

/** The centre of cell (row, col) of a block, in page pixels, from its frame. */
async function cellPoint(block: Locator, rows: number, cols: number, row: number, col: number): Promise<{ x: number; y: number }> {
  const box = await block.locator('.block-frame').boundingBox();
  if (!box) throw new Error('block not drawn');
  return { x: box.x + ((col + 0.5) / cols) * box.width, y: box.y + ((row + 0.5) / rows) * box.height };
}

/** Shows the whole graph (the view follows the step when the whole graph would be too small to read). */
async function showWhole(page: Page): Promise<void> {
  // A layout that arrives after the click would bring the default view back: wait for it first.
  await expect(page.locator('[data-node-id]').first()).toBeVisible();
  await expect(page.getByTestId('layout-progress')).toHaveCount(0);
  await page.getByTestId('fit-all').click();
  // The view may glide there: wait until it has stopped.
  const transform = () => page.evaluate(() => document.querySelector('.graph-svg > g')?.getAttribute('transform') ?? '');
  let last = '';
  await expect.poll(async () => {
    const now = await transform();
    const still = now === last;
    last = now;
    return still;
  }, { intervals: [120] }).toBe(true);
}

async function clickCell(page: Page, block: Locator, rows: number, cols: number, row: number, col: number): Promise<void> {
  const p = await cellPoint(block, rows, cols, row, col);
  await page.mouse.click(p.x, p.y);
}

test('every node carries the §9 attributes at the end: data-shape and JSON values and gradients for tensors, numbers as before', async ({ page }) => {
  const c = compile(AFFINE);
  await page.goto(appUrl(AFFINE, { step: 'end' }));
  await expect(page.locator('[data-node-id]')).toHaveCount(c.graph.nodes.length);
  for (const node of c.graph.nodes) {
    const el = page.locator(`[data-node-id="${node.id}"]`);
    if (node.shape.length === 0) {
      await expect(el).not.toHaveAttribute('data-shape');
      await expect(el).toHaveAttribute('data-value', String(node.value));
      await expect(el).toHaveAttribute('data-grad', String(c.trace.grads[node.index]));
    } else {
      await expect(el).toHaveAttribute('data-shape', node.shape.join('x'));
      await expect(el).toHaveAttribute('data-value', tensorJson(node.tensor));
      await expect(el).toHaveAttribute('data-grad', tensorJson(c.trace.finalGrads[node.index]));
    }
    await expect(el).toHaveAttribute('data-grad-final', '');
  }
  // The values as JSON are the nested arrays themselves.
  expect(JSON.parse((await page.locator('[data-label="X"]').getAttribute('data-value')) ?? '')).toEqual([[1, 2, 3], [4, 5, 6]]);
  await expect(page.locator('[data-label="b"]')).toHaveAttribute('data-shape', '2');
  // ∂L/∂b is the column sums of ∂L/∂Y (b was added to every row).
  const dY = JSON.parse((await page.locator('[data-label="Y"]').getAttribute('data-grad')) ?? '') as number[][];
  const db = JSON.parse((await page.locator('[data-label="b"]').getAttribute('data-grad')) ?? '') as number[];
  expect(db[0]).toBeCloseTo(dY[0][0] + dY[1][0], 12);
  expect(db[1]).toBeCloseTo(dY[0][1] + dY[1][1], 12);
});

test('non-finite entries are written as the strings of §7 in the JSON and flagged in the grid and the heatmap', async ({ page }) => {
  const program = 'A = [[1, 0], [-1, 2]]\nB = log(A)\nC = log(uniform(8, 8, low=-1, high=1, seed=3))\nL = sum(B) + sum(C)';
  await page.goto(appUrl(program, { step: 'end' }));
  const b = page.locator('[data-label="B"]');
  await expect(b).toHaveAttribute('data-value', '[[0,"-Infinity"],["NaN",0.6931471805599453]]');
  await expect(b).toHaveClass(/non-finite/);
  await expect(b.locator('[data-block="value"] .cell-text.non-finite')).toHaveText(['−∞', 'NaN']);
  // In a heatmap they are black, and the block says so.
  await expect(page.locator('[data-label="C"] [data-block="value"]')).toHaveAttribute('aria-label', /black cells: ∞ or NaN/);
});

test('a big tensor gets its JSON attributes too, a moment after it is drawn', async ({ page }) => {
  // uniform, not randn: Box–Muller's Math.log, sin and cos differ in the last digit between Node's V8 and Chromium's.
  const program = 'A = uniform(70, 70, seed=5)\nL = sum(A * A)';
  const c = compile(program);
  await page.goto(appUrl(program, { step: 'end' }));
  const a = page.locator('[data-label="A"]');
  await expect(a).toHaveAttribute('data-shape', '70x70');
  await expect(a).toHaveAttribute('data-value', tensorJson(c.graph.nodes[0].tensor));
  await expect(a).toHaveAttribute('data-grad', tensorJson(c.trace.finalGrads[0]));
});

test('a small tensor is a grid of its numbers with a shape badge; its gradient grid appears once a gradient arrives', async ({ page }) => {
  const c = compile(AFFINE);
  const W = indexOf(c, 'W');
  const first = c.trace.gradSteps[W][0];
  await page.goto(appUrl(AFFINE, { step: String(first - 1) }));
  const w = page.locator('[data-label="W"]');
  await expect(w.locator('.shape-badge')).toHaveText('3×2');
  await expect(w.locator('[data-block="value"] .cell-text')).toHaveText(Array.from(c.graph.nodes[W].tensor.data, formatNumber));
  await expect(w.locator('[data-block="grad"]')).toHaveClass(/empty/);
  await expect(w.locator('[data-block="grad"] .cell-text')).toHaveCount(0);
  await expect(w).not.toHaveAttribute('data-grad');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await press(page, 'ArrowRight');
  await expect(w.locator('[data-block="grad"] .cell-text')).toHaveText(Array.from(c.trace.finalGrads[W].data, formatNumber));
});

test('zoomed out too far to read, a grid shows its numbers’ colours; zooming in brings the digits back', async ({ page }) => {
  // Seven layers of 4×5 grids fit 1280×800 only at about a quarter of their size.
  await page.goto(appUrl(TWO_LAYER_BATCH4, { step: 'end' }));
  // The view follows the step at a readable size, digits and all; the whole graph is much smaller.
  const w = page.locator('[data-label="W1"] [data-block="value"]');
  await showWhole(page);
  await expect(w.locator('image.heatmap')).toHaveCount(1);
  await expect(w.locator('.cell-text')).toHaveCount(0);
  // Each number is still there on hover.
  await page.mouse.move(...Object.values(await cellPoint(w, 3, 5, 1, 2)) as [number, number]);
  const c = compile(TWO_LAYER_BATCH4);
  await expect(page.getByTestId('tensor-tip')).toContainText(`row 2, column 3: ${formatNumber(c.graph.nodes[indexOf(c, 'W1')].tensor.data[7])}`);
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(w.locator('.cell-text')).toHaveCount(15);
  await expect(w.locator('image.heatmap')).toHaveCount(0);
});

test('heatmap colours are scaled per matrix, or shared by all values and by all gradients', async ({ page }) => {
  const program = 'A = uniform(8, 8, low=-1, high=1, seed=1)\nB = uniform(8, 8, low=-10, high=10, seed=2)\nL = sum(A * B)';
  const c = compile(program);
  // The legend's right end, or ±max written once under a node too narrow for both ends.
  const max = (data: Float64Array) => new RegExp(`^±?${formatNumber(Math.max(...Array.from(data, Math.abs))).replace(/[.]/g, '\\.')}$`);
  const [A, B] = [indexOf(c, 'A'), indexOf(c, 'B')];
  await page.goto(appUrl(program, { step: 'end' }));
  const legendMax = (label: string, block: string) => page.locator(`[data-label="${label}"] [data-block="${block}"] .heat-legend text`).last();
  await expect(legendMax('A', 'value')).toHaveText(max(c.graph.nodes[A].tensor.data));
  await expect(legendMax('B', 'value')).toHaveText(max(c.graph.nodes[B].tensor.data));
  const toggle = page.getByTestId('tensor-scale-toggle');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // One range for the values (B's, the larger) and one for the gradients (∂L/∂A = B, ∂L/∂B = A).
  await expect(legendMax('A', 'value')).toHaveText(max(c.graph.nodes[B].tensor.data));
  await expect(legendMax('B', 'value')).toHaveText(max(c.graph.nodes[B].tensor.data));
  await expect(legendMax('B', 'grad')).toHaveText(max(c.trace.finalGrads[A].data));
  await expect(legendMax('A', 'grad')).toHaveText(max(c.trace.finalGrads[A].data));
  // A scalar program has no such switch.
  await page.goto(appUrl('x = 2\nf = x * x'));
  await expect(page.locator('[data-node-id]').first()).toBeVisible();
  await expect(toggle).toHaveCount(0);
});

test('a tensor gradient still being summed is partial (dashed, no data-grad-final), then final', async ({ page }) => {
  const program = 'A = [[1, 2], [3, 4]]\nB = A * 2\nL = sum(A * B)';
  const c = compile(program);
  const A = indexOf(c, 'A');
  const [first, last] = c.trace.gradSteps[A];
  await page.goto(appUrl(program, { step: String(first) }));
  const a = page.locator('[data-label="A"]');
  await expect(a).toHaveClass(/grad-partial/);
  await expect(a).not.toHaveAttribute('data-grad-final');
  await expect(a).toHaveAttribute('data-grad', tensorJson(c.trace.gradTensors[A][0]));
  await expect(a.locator('[data-block="grad"]')).toHaveClass(/partial/);
  await expect(a.locator('[data-block="grad"] .block-mark.partial')).toHaveText('…');
  await expect(a).toHaveAttribute('aria-label', /more to come/);
  await page.goto(appUrl(program, { step: String(last) }));
  await expect(a).toHaveClass(/grad-final/);
  await expect(a).toHaveAttribute('data-grad-final', '');
  await expect(a).toHaveAttribute('data-grad', tensorJson(c.trace.finalGrads[A]));
  await expect(a.locator('[data-block="grad"]')).toHaveClass(/final/);
  await expect(a.locator('[data-block="grad"] .block-mark.partial')).toHaveCount(0);
});

test('a step touches only the tensor nodes it changes: the others keep every element and attribute', async ({ page }) => {
  const c = compile(AFFINE);
  const Y = indexOf(c, 'Y');
  const visitY = c.trace.visitStep[Y];
  // One step before Y's visit the product Y * Y is visited; at it, Y sends to X @ W and to b.
  await page.goto(appUrl(AFFINE, { step: String(visitY - 1) }));
  await expect(page.locator('[data-label="Y"]')).toHaveClass(/role-receive/);
  await page.evaluate(() => {
    const w = window as unknown as { touched: Set<string> };
    w.touched = new Set();
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target instanceof Element ? r.target : r.target.parentElement;
        const node = el?.closest('[data-node-id]');
        if (node) w.touched.add(node.getAttribute('data-node-id') ?? '');
      }
    }).observe(document.querySelector('.graph-svg')!, { subtree: true, attributes: true, childList: true, characterData: true });
  });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await press(page, 'ArrowRight');
  await expect(page.locator('[data-label="Y"]')).toHaveClass(/role-visit/);
  await page.waitForTimeout(200);
  const touched = await page.evaluate(() => [...(window as unknown as { touched: Set<string> }).touched].sort());
  const product = c.graph.nodes.find((n) => n.op === 'matmul')!.id;
  const square = c.graph.nodes.find((n) => n.op === 'mul')!.id;
  expect(touched).toEqual([product, square, 'Y', 'b'].sort());
});

test('a 784×10 matrix is drawn as one image per block, not thousands of SVG elements', async ({ page }) => {
  const program = 'W = randn(784, 10, seed=4)\nL = sum(W * W)';
  await page.goto(appUrl(program, { step: 'end' }));
  const w = page.locator('[data-label="W"]');
  await expect(w).toHaveAttribute('data-shape', '784x10');
  await expect(w.locator('image.heatmap')).toHaveCount(2);
  // The whole node, both heatmaps, legends and badge included, is a few dozen elements.
  expect(await w.locator('*').count()).toBeLessThan(40);
  expect(await page.locator('.graph-svg *').count()).toBeLessThan(150);
  // Each image has one pixel per element: 10 wide, 784 high.
  const href = (await w.locator('[data-block="value"] image.heatmap').getAttribute('href')) ?? '';
  expect(href.startsWith('data:image/png')).toBe(true);
  const size = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  }, href);
  expect(size).toEqual([10, 784]);
  await expect(w.locator('[data-block="value"] image.heatmap')).toHaveCSS('image-rendering', 'pixelated');
});

test('stepping back and forth paints each heatmap once: shown again, it comes from the cache', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { paints: number };
    w.paints = 0;
    const original = HTMLCanvasElement.prototype.toDataURL;
    HTMLCanvasElement.prototype.toDataURL = function (this: HTMLCanvasElement, ...args: Parameters<HTMLCanvasElement['toDataURL']>) {
      w.paints++;
      return original.apply(this, args);
    };
  });
  const program = 'A = randn(12, 12, seed=1)\nB = randn(12, 12, seed=2)\nP = A @ B\nQ = P * A\nL = sum(Q)';
  await page.goto(appUrl(program, { step: 'end' }));
  await expect(page.locator('[data-label="A"] image.heatmap')).toHaveCount(2);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const paints = () => page.evaluate(() => (window as unknown as { paints: number }).paints);
  await press(page, 'ArrowLeft', 4);
  await press(page, 'ArrowRight', 4);
  await expect(page.getByTestId('step-counter')).toContainText(String(compile(program).trace.end));
  const after = await paints();
  expect(after).toBeGreaterThan(0);
  for (let round = 0; round < 2; round++) {
    await press(page, 'ArrowLeft', 4);
    await press(page, 'ArrowRight', 4);
  }
  await page.waitForTimeout(100);
  expect(await paints()).toBe(after);
});

test('hovering a heatmap cell shows its number; focused, arrow keys move a cell cursor and name the cell', async ({ page }) => {
  const program = 'A = randn(12, 12, seed=1)\nL = sum(A * A)';
  const c = compile(program);
  const data = c.graph.nodes[indexOf(c, 'A')].tensor.data;
  await page.goto(appUrl(program, { step: '1' }));
  await showWhole(page);
  const block = page.locator('[data-label="A"] [data-block="value"]');
  await expect(block.locator('image.heatmap')).toHaveCount(1);
  const p = await cellPoint(block, 12, 12, 4, 7);
  await page.mouse.move(p.x, p.y);
  const tip = page.getByTestId('tensor-tip');
  await expect(tip).toContainText(`row 5, column 8: ${formatNumber(data[4 * 12 + 7])}`);
  await page.mouse.move(5, 5);
  await expect(tip).toHaveCount(0);

  const counter = await page.getByTestId('step-counter').textContent();
  // Reached with Tab from the node (keyboard focus), the cursor starts at the cell looked at last.
  await page.locator('[data-label="A"]').focus();
  await press(page, 'Tab');
  await expect(block).toBeFocused();
  await expect(tip).toContainText(`row 5, column 8: ${formatNumber(data[4 * 12 + 7])}`);
  await press(page, 'ArrowRight');
  await press(page, 'ArrowDown');
  await press(page, 'ArrowLeft', 8);
  await press(page, 'ArrowUp', 6);
  // Up 6 from row 6 and left 8 from column 9 stop at row 1, column 1: the cursor stays inside.
  await expect(tip).toContainText(`row 1, column 1: ${formatNumber(data[0])}`);
  await press(page, 'ArrowDown');
  await press(page, 'ArrowRight');
  await expect(tip).toContainText(`row 2, column 2: ${formatNumber(data[13])}`);
  await expect(block).toHaveAttribute('aria-label', new RegExp(`row 2, column 2: ${formatNumber(data[13])}`));
  await expect(block).toHaveAttribute('aria-label', /colours from −\d/);
  // The arrows moved the cursor, not the step.
  await expect(page.getByTestId('step-counter')).toHaveText(counter ?? '');
  // Enter selects that entry.
  await press(page, 'Enter');
  await expect(page.locator('[data-label="A"]')).toHaveAttribute('data-selected-entry', '13');
});

test('clicking an entry of ∂L/∂W selects it and marks the cells it came from: a column of the product’s gradient and a column of X', async ({ page }) => {
  const c = compile(AFFINE);
  const product = c.graph.nodes.find((n) => n.op === 'matmul')!;
  await page.goto(appUrl(AFFINE, { step: 'end' }));
  await showWhole(page);
  const w = page.locator('[data-label="W"]');
  // ∂L/∂W₁₂: row 1, column 2 of the 3×2 gradient, element 1.
  await clickCell(page, w.locator('[data-block="grad"]'), 3, 2, 0, 1);
  await expect(w).toHaveAttribute('data-selected-entry', '1');
  await expect(w.locator('.cell-selected')).toHaveCount(2);
  const p = page.locator(`[data-node-id="${product.id}"]`);
  // Column 2 of ∂L/∂(X @ W) (2×2: elements 1 and 3), drawn as one rectangle.
  await expect(p.locator('[data-block="grad"]')).toHaveAttribute('data-marked', '1,3');
  await expect(p.locator('[data-block="grad"] .cell-mark')).toHaveCount(1);
  // Column 1 of X (2×3: elements 0 and 3).
  await expect(page.locator('[data-label="X"] [data-block="value"]')).toHaveAttribute('data-marked', '0,3');
  await expect(page.locator('[data-block][data-marked]')).toHaveCount(2);
  // Another entry moves the marks: ∂L/∂X₂₃ came from row 2 of ∂L/∂(X @ W) and row 3 of W.
  await clickCell(page, page.locator('[data-label="X"] [data-block="grad"]'), 2, 3, 1, 2);
  await expect(page.locator('[data-label="X"]')).toHaveAttribute('data-selected-entry', '5');
  await expect(w).not.toHaveAttribute('data-selected-entry');
  await expect(p.locator('[data-block="grad"]')).toHaveAttribute('data-marked', '2,3');
  await expect(w.locator('[data-block="value"]')).toHaveAttribute('data-marked', '4,5');
});

test('the marks follow the step: nothing before the entry’s first contribution is sent, then each consumer as it sends', async ({ page }) => {
  const program = 'A = [[1, 2], [3, 4]]\nB = [[1, 0], [2, 1]]\nC = [[5, 6], [7, 8]]\nP = A @ B\nS = A + C\nL = sum(P * S)';
  const c = compile(program);
  const A = indexOf(c, 'A');
  const [first, second] = c.trace.gradSteps[A];
  await page.goto(appUrl(program, { step: String(first - 1) }));
  await showWhole(page);
  const a = page.locator('[data-label="A"]');
  // A₁₂ picked from its value grid: selected, but nothing sent to it yet.
  await clickCell(page, a.locator('[data-block="value"]'), 2, 2, 0, 1);
  await expect(a).toHaveAttribute('data-selected-entry', '1');
  await expect(page.locator('[data-block][data-marked]')).toHaveCount(0);
  // After a click the arrow keys still step.
  await press(page, 'ArrowRight');
  await expect(page.getByTestId('step-counter')).toContainText(`Step ${first} `);
  await expect(page.locator('[data-block][data-marked]')).toHaveCount(1);
  await press(page, 'ArrowRight', second - first);
  // Both consumers now: S's gradient cell, P's gradient row and B's value row.
  await expect(page.locator('[data-block][data-marked]')).toHaveCount(3);
  await expect(page.locator('[data-label="S"] [data-block="grad"]')).toHaveAttribute('data-marked', '1');
  await expect(page.locator('[data-label="P"] [data-block="grad"]')).toHaveAttribute('data-marked', '0,1');
  await expect(page.locator('[data-label="B"] [data-block="value"]')).toHaveAttribute('data-marked', '2,3');
  // Back before the first contribution, the marks go again.
  await press(page, 'ArrowLeft', second - first + 1);
  await expect(page.locator('[data-block][data-marked]')).toHaveCount(0);
});

test('tensor nodes speak Chinese: names, shapes and cells', async ({ page }) => {
  await page.goto(appUrl(TWO_LAYER_BATCH4, { step: 'end', lang: 'zh-CN' }));
  const w = page.locator('[data-label="W1"]');
  await expect(w).toHaveAttribute('aria-label', /3×5 矩阵/);
  await expect(w.locator('[data-block="value"]')).toHaveAttribute('aria-label', /W₁ 的值/);
  await w.locator('[data-block="grad"]').focus();
  await expect(page.getByTestId('tensor-tip')).toContainText('第 1 行第 1 列');
  await expect(page.locator('[data-label="b1"]')).toHaveAttribute('aria-label', /长度为 5 的向量/);
});

test('axe finds no serious or critical violation on a tensor graph with grids, heatmaps and a selected entry', async ({ page }) => {
  await page.goto(appUrl('X = randn(8, 9, seed=1)\nW = [[1, 2], [3, 4], [5, 6], [7, 8], [9, 10], [11, 12], [13, 14], [15, 16], [17, 18]]\nb = [1, -1]\nL = sum(X @ W + b)', { step: 'end' }));
  await showWhole(page);
  await clickCell(page, page.locator('[data-label="W"] [data-block="grad"]'), 9, 2, 0, 1);
  await expect(page.locator('[data-label="W"]')).toHaveAttribute('data-selected-entry', '1');
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(bad).toEqual([]);
});

test('an exported SVG keeps tensor nodes as drawn: their styles, heatmap images and §9 attributes', async ({ page }) => {
  const program = 'A = randn(8, 8, seed=1)\nb = [1, 2]\nL = sum(A * A) + sum(b)';
  await page.goto(appUrl(program, { step: 'end' }));
  await expect(page.locator('[data-label="A"] image.heatmap')).toHaveCount(2);
  await page.locator('.export-menu summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG', exact: true }).click()]);
  const svg = readFileSync(await download.path(), 'utf8');
  expect(svg).toContain('data-shape="8x8"');
  expect(svg).toContain('data-grad="[1,1]"');
  // A and A * A, value and gradient each.
  expect(svg.match(/<image[^>]*class="heatmap"[^>]*href="data:image\/png/g)?.length).toBe(4);
  for (const rule of ['.block-frame', '.cell-text', '.heatmap', '.shape-badge']) expect(svg).toContain(rule);
  expect(svg).toContain('--panel:');
});
