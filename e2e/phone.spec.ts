// A phone and a tablet see the graph: on the first screen the graph, the step
// buttons and the counter; nothing scrolls sideways; tap selects, pinch zooms.
import type { Page } from '@playwright/test';
import { expect, node, test } from './fixtures';

const DEVICES = [
  { name: 'phone 390×844', width: 390, height: 844 },
  { name: 'tablet 768×1024', width: 768, height: 1024 },
];

/** The zoom of the graph layer. */
const zoom = (page: Page) => page.evaluate(() => (document.querySelector('.graph-svg > g') as SVGGElement).getScreenCTM()?.a ?? NaN);

async function firstScreen(page: Page, height: number) {
  const graph = await page.getByTestId('graph').boundingBox();
  const footer = await page.locator('.app-footer').boundingBox();
  if (!graph || !footer) throw new Error('graph or footer missing');
  expect(graph.y, 'graph starts on the first screen').toBeGreaterThanOrEqual(0);
  expect(graph.y + graph.height, 'graph ends above the step buttons').toBeLessThanOrEqual(footer.y + 1);
  expect(footer.y + footer.height, 'step buttons on the first screen').toBeLessThanOrEqual(height + 1);
  expect(graph.height / height, 'graph takes at least 40% of the screen').toBeGreaterThanOrEqual(0.4);
  for (const control of [page.getByRole('button', { name: 'Next step' }), page.getByRole('button', { name: 'Previous step' }), page.getByTestId('step-counter')]) {
    await expect(control).toBeInViewport({ ratio: 1 });
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 'no sideways scrolling').toBeLessThanOrEqual(0);
}

for (const device of DEVICES) {
  test.describe(device.name, () => {
    test.use({ viewport: { width: device.width, height: device.height }, hasTouch: true, isMobile: true });

    test('the first screen shows the whole circuit, the step buttons and the counter; nothing scrolls sideways', async ({ page }) => {
      await page.goto('./?lesson=circuit');
      await expect(node(page, 'f')).toBeVisible();
      await page.waitForTimeout(300);
      await firstScreen(page, device.height);
      // The whole circuit is in the graph's box, at a readable size.
      const view = await page.getByTestId('graph').boundingBox();
      for (const box of await page.locator('[data-node-id] .node-shape').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect))) {
        expect(box.x).toBeGreaterThanOrEqual((view?.x ?? 0) - 1);
        expect(box.x + box.width).toBeLessThanOrEqual((view?.x ?? 0) + (view?.width ?? 0) + 1);
        expect(box.y + box.height).toBeLessThanOrEqual((view?.y ?? 0) + (view?.height ?? 0) + 1);
      }
      expect(await zoom(page)).toBeGreaterThanOrEqual(11 / 13);
      // The editor and the lesson text are below the graph.
      const editor = await page.locator('.sidebar').boundingBox();
      expect(editor && view && editor.y >= view.y + view.height).toBe(true);
      // Stepping with the buttons works and the counter follows.
      await page.getByRole('button', { name: 'Next step' }).tap();
      await expect(page.getByTestId('step-counter')).toContainText('Step 1 of 8');
    });

    test('the two-layer lesson in Chinese: same first screen, the tools behind the ☰ toggle, no sideways scrolling', async ({ page }) => {
      await page.goto('./?lesson=two-layer&step=30&lang=zh-CN');
      await expect(page.locator('[data-node-id]').first()).toBeVisible();
      await page.waitForTimeout(400);
      await page.getByRole('button', { name: '下一步' }).waitFor();
      const graph = await page.getByTestId('graph').boundingBox();
      const footer = await page.locator('.app-footer').boundingBox();
      expect(graph && footer && graph.y + graph.height <= footer.y + 1 && graph.height >= 0.4 * device.height).toBe(true);
      await expect(page.getByTestId('step-counter')).toBeInViewport({ ratio: 1 });
      const picker = await page.getByTestId('lesson-picker').boundingBox();
      expect(picker && picker.x + picker.width <= device.width).toBe(true);
      // The tools open below the lesson and close again; nothing runs off the edge.
      await expect(page.getByTestId('lang-switch')).toBeHidden();
      await page.getByTestId('tools-toggle').tap();
      await expect(page.getByTestId('lang-switch')).toBeVisible();
      await expect(page.getByTestId('tools-toggle')).toHaveAttribute('aria-expanded', 'true');
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      for (const el of await page.locator('.header-more > *:visible').all()) {
        const box = await el.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= device.width + 1, 'header tool inside the screen').toBe(true);
      }
      await page.getByTestId('tools-toggle').tap();
      await expect(page.getByTestId('lang-switch')).toBeHidden();
    });

    test('a tap on a node selects it; a pinch zooms the graph', async ({ page }) => {
      await page.goto('./?lesson=circuit&step=5');
      await expect(node(page, 'q')).toBeVisible();
      await page.waitForTimeout(300);
      await node(page, 'q').locator('.node-shape').tap();
      await expect(page.getByTestId('selected-node')).toContainText('Selected: q');
      await expect(page.getByTestId('selection-ring')).toBeVisible();
      const ring = await page.getByTestId('selection-ring').boundingBox();
      const q = await node(page, 'q').locator('.node-shape').boundingBox();
      expect(ring && q && ring.x < q.x && ring.x + ring.width > q.x + q.width).toBe(true);

      const before = await zoom(page);
      const view = await page.getByTestId('graph').boundingBox();
      if (!view) throw new Error('no graph');
      const cx = view.x + view.width / 2;
      const cy = view.y + view.height / 2;
      const cdp = await page.context().newCDPSession(page);
      const points = (d: number) => [
        { x: cx - d, y: cy, id: 1 },
        { x: cx + d, y: cy, id: 2 },
      ];
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(30) });
      for (let d = 40; d <= 120; d += 10) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(d) });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await expect.poll(() => zoom(page)).toBeGreaterThan(before * 2);
      // Pinching in again zooms out.
      const zoomed = await zoom(page);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(120) });
      for (let d = 110; d >= 40; d -= 10) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(d) });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await expect.poll(() => zoom(page)).toBeLessThan(zoomed / 2);
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.graph-svg')!).touchAction)).toBe('none');
    });
  });
}

test('on a phone the legend (two rows with parameters and data) covers no node of the fitted graph, nor the visited one', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./?lesson=logistic-blobs&step=3');
  await expect(page.locator('[data-node-id]').first()).toBeVisible();
  const legend = page.locator('.legend');
  await expect(legend).toBeVisible();
  const overlaps = (selector: string) =>
    page.evaluate((sel) => {
      const l = document.querySelector('.legend')!.getBoundingClientRect();
      return [...document.querySelectorAll(sel)].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.left < l.right && r.right > l.left && r.top < l.bottom && r.bottom > l.top;
      }).length;
    }, selector);
  // Two rows: taller than the fixed inset it used to leave.
  expect((await legend.boundingBox())!.height).toBeGreaterThan(36);
  await page.waitForTimeout(400);
  expect(await overlaps('.role-visit .node-shape, .role-compute .node-shape')).toBe(0);
  await page.getByTestId('fit-all').click();
  await page.waitForTimeout(400);
  expect(await overlaps('[data-node-id] > .node-shape')).toBe(0);
});
