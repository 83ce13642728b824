// The lessons on vectors and matrices: each opens by ?lesson=ID, draws tensor
// nodes (data-shape, CONTRACTS §9), and at step=end the gradients its summary
// names are on the nodes as JSON (data-grad). The expected numbers are the ones
// the summaries state, written out here by hand.
import type { Page } from '@playwright/test';
import { compile } from '../src/engine';
import { formatNumber } from '../src/engine/numberText';
import { groupedLessons, lessonById } from '../fixtures/lessons';
import { expect, node, test } from './fixtures';

type Nested = number | Nested[];

interface Expectation {
  id: string;
  /** data-shape of some of the lesson's nodes ('' = a number: no data-shape). */
  shapes: Record<string, string>;
  /** Gradients at the end, exactly (compared as JSON), or when `approx` as shown (4 significant digits, as the summary states them). */
  grads: Record<string, Nested>;
  approx?: boolean;
  /** Values stated in the summary, exactly. */
  values?: Record<string, Nested>;
  /** The node whose backward step the screenshot shows. */
  shot: (labels: (label: string) => number, c: ReturnType<typeof compile>) => number;
}

const matmulInto = (c: ReturnType<typeof compile>, input: number): number =>
  c.graph.nodes.findIndex((n) => n.op === 'matmul' && n.inputs.includes(input));

const LESSONS: Expectation[] = [
  {
    id: 'jacobians',
    shapes: { W: '2x3', x: '3', y: '2', q: '2', p: '2', L: '' },
    values: { y: [1, -1], p: [0.5, 0.5] },
    grads: { p: [2, 0], q: [0.5, -0.5], y: [1, 1], x: [3, 0, -1], W: [[1, 2, 3], [1, 2, 3]] },
    shot: (at) => at('p'),
  },
  {
    id: 'two-layer-matrix',
    shapes: { X: '2x2', W1: '2x2', b1: '2', W2: '2x1', b2: '', H: '2x2', yhat: '2x1', L: '' },
    values: { H: [[1, 2], [2, -1]], yhat: [[3], [2]] },
    grads: { yhat: [[2], [1]], W2: [[4], [3]], H: [[4, 2], [2, 1]], b1: [6, 3], W1: [[8, 4], [8, 4]] },
    shot: (at, c) => matmulInto(c, at('H')),
  },
  {
    id: 'folded-layers',
    shapes: { W: '2x1', b: '1', yhat: '2x1' },
    values: { W: [[1], [1]], b: [0], yhat: [[3], [2]] },
    grads: { W1: [[8, 4], [8, 4]], b1: [6, 3], W2: [[4], [3]], b2: 3 },
    shot: (at) => at('W'),
  },
  {
    id: 'two-layer-sigmoid',
    shapes: { Z: '2x2', H: '2x2', yhat: '2x1' },
    values: { Z: [[1, 2], [2, -1]] },
    approx: true,
    grads: { W1: [[0.1477, 0.04801], [0.2697, 0.07201]], H: [[0.6858, 0.3429], [0.06107, 0.03054]] },
    shot: (at) => at('H'),
  },
  {
    id: 'affine-batch',
    shapes: { X: '3x2', W: '2x2', b: '2', T: '3x2', Y: '3x2', L: '' },
    values: { Y: [[2, 3], [1, 2], [3, -4]] },
    grads: { Y: [[1, 0], [2, -1], [0, 2]], X: [[1, 0], [3, -2], [-2, 4]], W: [[1, 4], [4, -3]], b: [3, 1] },
    shot: (at) => at('Y'),
  },
  {
    id: 'softmax-loss',
    shapes: { Z: '2x3', T: '2x3', L: '' },
    approx: true,
    grads: { Z: [[-0.1674, 0.1224, 0.04502], [0.106, 0.2881, -0.394]] },
    shot: (at) => at('L'),
  },
  {
    id: 'softmax-loss-unfused',
    shapes: { Z: '2x3', P: '2x3', L: '' },
    approx: true,
    grads: { Z: [[-0.1674, 0.1224, 0.04502], [0.106, 0.2881, -0.394]], P: [[-0.7516, 0, 0], [0, 0, -2.359]] },
    shot: (at) => at('P'),
  },
  {
    id: 'layer-delta',
    shapes: { X: '2x2', W1: '2x2', Z1: '2x2', A1: '2x2', W2: '2x2', Z2: '2x2', L: '' },
    approx: true,
    grads: {
      Z2: [[1, -0.5], [-0.4621, 0.9621]],
      A1: [[2.5, -0.5], [-1.886, 0.9621]],
      Z1: [[0.625, -0.125], [-0.3709, 0.1892]],
      W1: [[0.625, -0.125], [0.2541, 0.06416]],
    },
    shot: (at) => at('A1'),
  },
];

async function jsonAttr(page: Page, label: string, attr: 'data-value' | 'data-grad'): Promise<Nested> {
  const text = await node(page, label).getAttribute(attr);
  if (text === null) throw new Error(`${label} has no ${attr}`);
  return JSON.parse(text) as Nested;
}

/** The same numbers as the page shows them (4 significant digits). */
function expectShown(actual: Nested, expected: Nested, what: string): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), what).toBe(true);
    const a = actual as Nested[];
    expect(a.length, what).toBe(expected.length);
    expected.forEach((e, i) => expectShown(a[i], e, `${what}[${i}]`));
  } else {
    expect(formatNumber(actual as number), `${what}: ${String(actual)}`).toBe(formatNumber(expected));
  }
}

test.describe('the vector and matrix lessons', () => {
  for (const lesson of LESSONS) {
    test(`${lesson.id}: opens by ?lesson=, draws tensor nodes, and ends with the gradients its summary names`, async ({ page }) => {
      const title = lessonById(lesson.id)?.title.en ?? '';
      await page.goto(`./?lesson=${lesson.id}`);
      await expect(page.getByTestId('lesson-picker')).toHaveValue(lesson.id);
      await expect(page.locator('.lesson-summary h2')).toHaveText(title);
      for (const [label, shape] of Object.entries(lesson.shapes)) {
        if (shape) await expect(node(page, label), `${label} is ${shape}`).toHaveAttribute('data-shape', shape);
        else await expect(node(page, label)).not.toHaveAttribute('data-shape');
      }
      // at step 0 no gradient has arrived anywhere
      await expect(page.locator('[data-node-id][data-grad]')).toHaveCount(0);

      await page.goto(`./?lesson=${lesson.id}&step=end`);
      await expect(page.locator('[data-node-id]').first()).toBeVisible();
      await expect(page.locator('[data-node-id]:not([data-grad-final])')).toHaveCount(0);
      for (const [label, value] of Object.entries(lesson.values ?? {})) expect(await jsonAttr(page, label, 'data-value'), `${label} value`).toEqual(value);
      for (const [label, grad] of Object.entries(lesson.grads)) {
        if (lesson.approx) expectShown(await jsonAttr(page, label, 'data-grad'), grad, `∂L/∂${label}`);
        else await expect(node(page, label), `∂L/∂${label}`).toHaveAttribute('data-grad', JSON.stringify(grad));
      }
    });
  }

  test('layer-delta: δ₂, then δ₂·W₂ᵀ at the matrix product, then ⊙ σ′ at the sigmoid: entry (1, 1) is 2.5, then 0.625', async ({ page }) => {
    const c = compile(lessonById('layer-delta')?.program ?? '');
    const at = (label: string) => c.graph.nodes.findIndex((n) => n.label === label);
    const product = matmulInto(c, at('A1'));
    // Step to the backward step at the product A1 @ W2: A1 receives δ₂ · W₂ᵀ, Z1 nothing yet.
    await page.goto(`./?lesson=layer-delta&step=${c.trace.visitStep[product]}`);
    expect(((await jsonAttr(page, 'Z2', 'data-grad')) as number[][])[0]).toEqual([1, -0.5]);
    const dA1 = (await jsonAttr(page, 'A1', 'data-grad')) as number[][];
    expect(dA1[0]).toEqual([2.5, -0.5]);
    await expect(node(page, 'Z1')).not.toHaveAttribute('data-grad');
    // One step on: the sigmoid multiplies entry by entry by σ′(Z1) = A1(1 − A1).
    await page.goto(`./?lesson=layer-delta&step=${c.trace.visitStep[at('A1')]}`);
    const d1 = (await jsonAttr(page, 'Z1', 'data-grad')) as number[][];
    expect(d1[0]).toEqual([0.625, -0.125]);
    const A1 = (await jsonAttr(page, 'A1', 'data-value')) as number[][];
    d1[1].forEach((d, j) => expect(d).toBeCloseTo(dA1[1][j] * A1[1][j] * (1 - A1[1][j]), 12));
  });

  test('the picker lists the lessons in groups, and a lesson picked from the vectors-and-matrices group opens', async ({ page }) => {
    await page.goto('./?lesson=circuit');
    const picker = page.getByTestId('lesson-picker');
    await expect(picker.locator('optgroup')).toHaveCount(groupedLessons().length);
    await expect(picker.locator('optgroup[data-group="scalar"]')).toHaveAttribute('label', 'Scalars');
    const tensor = picker.locator('optgroup[data-group="tensor"]');
    await expect(tensor).toHaveAttribute('label', 'Vectors and matrices');
    const ids = await tensor.locator('option').evaluateAll((opts) => opts.map((o) => (o as HTMLOptionElement).value));
    expect(ids).toEqual(LESSONS.map((l) => l.id));
    await expect(picker.locator('optgroup[data-group="scalar"] option[value="circuit"]')).toHaveCount(1);
    await picker.selectOption('affine-batch');
    await expect(picker).toHaveValue('affine-batch');
    await expect(node(page, 'X')).toHaveAttribute('data-shape', '3x2');
    await expect(page.getByTestId('step-counter')).toContainText('Step 0');
    await page.goto('./?lesson=affine-batch&lang=zh-CN');
    await expect(picker.locator('optgroup[data-group="tensor"]')).toHaveAttribute('label', '向量与矩阵');
    await expect(picker.locator('option:checked')).toHaveText('批量数据上的 Affine 层');
    await expect(page.locator('.lesson-summary')).toContainText('∂L/∂b = [1 + 2 + 0, 0 − 1 + 2] = [3, 1]');
  });

  test('screenshots: each lesson mid-backward at 1280×800, and one in zh-CN', async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    const shots = [...LESSONS.map((l) => ({ id: l.id, lang: 'en' })), { id: 'layer-delta', lang: 'zh-CN' }];
    for (const { id, lang } of shots) {
      const lesson = LESSONS.find((l) => l.id === id);
      const c = compile(lessonById(id)?.program ?? '');
      const at = (label: string) => c.graph.nodes.findIndex((n) => n.label === label);
      const step = c.trace.visitStep[lesson?.shot(at, c) ?? -1];
      expect(step, id).toBeGreaterThan(c.trace.seed);
      await page.goto(`./?lesson=${id}&step=${step}&lang=${lang}`);
      await expect(page.getByTestId('step-counter')).toContainText(new RegExp(`\\b${step}\\b`));
      await expect(page.locator('[data-node-id]').first()).toBeVisible();
      await page.screenshot({ path: `screenshots/tensor-lesson-${id}${lang === 'en' ? '' : `-${lang}`}.png` });
      // nothing on the page is wider than the window
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), id).toBeLessThanOrEqual(0);
    }
  });
});
