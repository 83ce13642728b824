// micrograd and PyTorch programs opened by URL (CONTRACTS §3, §11): the graph
// they draw, the versions of a rebound name, labels as written, and errors
// that point into the Python.
import AxeBuilder from '@axe-core/playwright';
import { PYTHON_EXAMPLES } from '../fixtures/python';
import { appUrl, expect, node, test } from './fixtures';

const title = (page: import('@playwright/test').Page, id: string) => page.locator(`[data-node-id="${id}"] .node-title`);

test.describe('Python programs by URL', () => {
  test("micrograd's test_sanity_check draws its graph and ends with x.grad = 46", async ({ page }) => {
    await page.goto(appUrl(PYTHON_EXAMPLES.sanityMicrograd.text, { step: 'end' }));
    await expect(page.locator('[data-node-id]')).toHaveCount(14);
    // named by the Python variables; `xmg, ymg = x, y` draws no node of its own
    const labels = await page.locator('[data-label]').evaluateAll((els) => els.map((e) => e.getAttribute('data-label')));
    expect(labels.sort()).toEqual(['h', 'q', 'x', 'y', 'z']);
    await expect(node(page, 'x')).toHaveAttribute('data-op', 'input');
    await expect(node(page, 'x')).toHaveAttribute('data-grad', '46');
    await expect(node(page, 'y')).toHaveAttribute('data-value', '-20');
    await expect(page.locator('[data-node-id]:not([data-grad-final])')).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.screenshot({ path: 'screenshots/python-sanity-end.png' });
  });

  test("test_more_ops: c += … draws versions c, c′, c″, each reading the one before", async ({ page }) => {
    await page.goto(appUrl(PYTHON_EXAMPLES.moreOpsMicrograd.text, { step: 'end' }));
    await expect(page.locator('[data-node-id]')).toHaveCount(33);
    // every version keeps the Python variable as its label; later ones carry data-version
    await expect(node(page, 'c')).toHaveCount(3);
    await expect(page.locator('[data-node-id="c"]')).not.toHaveAttribute('data-version', /.*/);
    await expect(page.locator('[data-node-id="c@2"]')).toHaveAttribute('data-version', '2');
    await expect(page.locator('[data-node-id="c@3"]')).toHaveAttribute('data-version', '3');
    await expect(title(page, 'c')).toHaveText('c');
    await expect(title(page, 'c@2')).toHaveText('c′');
    await expect(title(page, 'c@3')).toHaveText('c″');
    await expect(page.locator('[data-node-id="c@2"]')).toHaveAttribute('aria-label', /^c′, /);
    await expect(page.locator('[data-node-id="c@3"]')).toHaveAttribute('data-value', '-1');
    // g += 10.0 / f: the output is g′, named by g.backward()
    await expect(page.locator('[data-node-id="g@2"]')).toHaveAttribute('data-grad', '1');
    const a = Number(await node(page, 'a').getAttribute('data-grad'));
    const b = Number(await node(page, 'b').getAttribute('data-grad'));
    expect(Math.abs(a - 138.83381924198252)).toBeLessThan(1e-6);
    expect(Math.abs(b - 645.5772594752186)).toBeLessThan(1e-6);
    await page.screenshot({ path: 'screenshots/python-more-ops-end.png' });
  });

  test("the lecture's neuron shows its labels as written, in the graph and in the formula", async ({ page }) => {
    await page.goto(appUrl(PYTHON_EXAMPLES.lectureNeuronTanh.text, { step: '4' }));
    await expect(page.locator('[data-node-id]')).toHaveCount(10);
    await expect(title(page, 'x1w1')).toHaveText('x1*w1');
    await expect(title(page, 'x1w1x2w2')).toHaveText('x1*w1 + x2*w2');
    // a label that is a name is drawn as names are: x with a subscript 1
    await expect(title(page, 'x1').locator('tspan.sub')).toHaveText('1');
    await expect(node(page, 'x1w1')).toHaveAttribute('aria-label', /^x1\*w1, /);
    // step 4 computes n from the labelled sum (the inputs are shown at step 0)
    await expect(page.getByTestId('formula').locator('[data-tex]').first()).toHaveAttribute('data-tex', 'n = \\text{x1*w1 + x2*w2} + b = -6 + 6.881 = 0.8814');
    await expect(page.getByTestId('formula').locator('.katex').first()).toContainText('x1*w1 + x2*w2');
    await page.screenshot({ path: 'screenshots/python-neuron-step4.png' });
    await page.goto(appUrl(PYTHON_EXAMPLES.lectureNeuronTanh.text, { step: 'end' }));
    for (const [name, grad] of [['x1', -1.5], ['w1', 1], ['x2', 0.5], ['w2', 0]] as const) {
      expect(Number(await node(page, name).getAttribute('data-grad')), name).toBeCloseTo(grad, 9);
    }
    await page.screenshot({ path: 'screenshots/python-neuron-end.png' });
  });

  test('a PyTorch program draws the same graph as its micrograd twin', async ({ page }) => {
    await page.goto(appUrl(PYTHON_EXAMPLES.sanityTorch.text, { step: 'end' }));
    await expect(page.locator('[data-node-id]')).toHaveCount(14);
    await expect(node(page, 'x')).toHaveAttribute('data-grad', '46');
  });

  test('a label is text: \\href in a label is shown, never a link', async ({ page }) => {
    await page.goto(appUrl("x = Value(2.0, label='\\\\href{https://example.com}{x}')\ny = x * 3; y.label = '$y$'", { step: '1' }));
    // shown as text (its box widens, and a label still too long is shrunk, then cut), the whole label in the aria-label
    await expect(title(page, 'x')).toHaveText(/^\\href\{https:\/\//);
    await expect(node(page, 'x')).toHaveAttribute('aria-label', /^\\href\{https:\/\/example\.com\}\{x\}, /);
    await expect(page.getByTestId('formula').locator('.katex').first()).toBeVisible();
    await expect(page.locator('a[href*="example.com"]')).toHaveCount(0);
    await expect(page.getByTestId('formula').locator('[data-tex]').first()).toHaveAttribute('data-tex', /^\\text\{\\\$y\\\$\} = \\text\{\\textbackslash\{\}href/);
  });

  test('an error points into the Python, says what is supported, and the text is kept', async ({ page }) => {
    const program = "a = Value(2.0, label='a')\nfor i in range(3):\n    a = a * 2\n";
    await page.goto(appUrl(program));
    const alert = page.getByRole('alert');
    await expect(alert).toContainText("line 2, col 1: a 'for' loop is not supported; Chainstep reads straight-line code");
    await expect(alert).toHaveAttribute('data-line', '2');
    await expect(alert).toHaveAttribute('data-col', '1');
    await expect(page.getByRole('textbox', { name: 'Program' })).toHaveValue(program);
    await page.screenshot({ path: 'screenshots/python-error.png' });
    // the same in Chinese, with the same position
    await page.goto(appUrl('x = Value()', { lang: 'zh-CN' }));
    await expect(page.getByRole('alert')).toContainText('第 1 行，第 5 列');
    await expect(page.getByRole('alert')).toContainText('Value 需要一个数');
  });

  test('a micrograd lesson opens by id and steps to the end', async ({ page }) => {
    await page.goto('./?lesson=micrograd-neuron-exp&step=end');
    await expect(page.getByTestId('lesson-picker')).toHaveValue('micrograd-neuron-exp');
    await expect(page.locator('[data-node-id]')).toHaveCount(17);
    expect(Number(await node(page, 'x1').getAttribute('data-grad'))).toBeCloseTo(-1.5, 9);
    await page.screenshot({ path: 'screenshots/python-lesson-exp-end.png', fullPage: true });
  });

  test('axe finds no serious or critical violation on a Python program with labels and versions', async ({ page }) => {
    test.slow(); // axe over a whole page takes long on a loaded 2-core machine
    await page.goto(appUrl(`${PYTHON_EXAMPLES.lectureExpression.text}x1w1 = L * 2; x1w1.label = "x1*w1 + a long label"\nc = Value(1.0)\nc += x1w1\nc *= c\nc.backward()\n`, { step: "12" }));
    await expect(page.locator('[data-node-id="c@3"]')).toHaveAttribute('data-version', '3');
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    expect(bad).toEqual([]);
  });
});
