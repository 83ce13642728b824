// Big graphs at their default view: node text at least 11 px on screen, the
// view following the step when the whole graph would be smaller than that.
import type { Page } from '@playwright/test';
import { LESSONS } from '../fixtures/lessons';
import { appUrl, expect, press, stepCounter, test } from './fixtures';

interface Seen {
  /** On-screen font sizes (px) of node text inside the graph's view. */
  sizes: number[];
  /** Whether the node of the current step is inside the view. */
  stepNodeInView: boolean;
  scale: number;
}

/** Font size × the zoom of each node text whose box is inside the visible graph area. */
async function seen(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    const view = document.querySelector('.graph-svg')!.getBoundingClientRect();
    const inside = (r: DOMRect) => r.width > 0 && r.left >= view.left - 1 && r.right <= view.right + 1 && r.top >= view.top - 1 && r.bottom <= view.bottom + 1;
    const sizes: number[] = [];
    for (const el of document.querySelectorAll<SVGTextElement>('[data-node-id] text')) {
      if (!el.textContent || !inside(el.getBoundingClientRect())) continue;
      const ctm = el.getScreenCTM();
      sizes.push(parseFloat(getComputedStyle(el).fontSize) * (ctm ? Math.hypot(ctm.a, ctm.b) : 1));
    }
    const current = document.querySelector('.role-visit .node-shape, .role-compute .node-shape');
    const layer = document.querySelector('.graph-svg > g')!;
    const ctm = (layer as SVGGElement).getScreenCTM();
    return { sizes, stepNodeInView: current ? inside(current.getBoundingClientRect()) : true, scale: ctm ? ctm.a : 1 };
  });
}

async function settled(page: Page): Promise<void> {
  await expect(page.locator('[data-node-id]').first()).toBeVisible();
  // A glide lasts 0.3 s; the layout arrives from a worker.
  await page.waitForTimeout(450);
}

for (const lesson of LESSONS) {
  test(`lesson ${lesson.id} at 1280×800: node text at least 11 px at step 0 and at a mid-backward step`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`./?lesson=${lesson.id}`);
    await settled(page);
    const start = await seen(page);
    expect(start.sizes.length, 'some node text is in view').toBeGreaterThan(2);
    expect(Math.min(...start.sizes), `smallest text at step 0 (zoom ${start.scale.toFixed(2)})`).toBeGreaterThanOrEqual(11);

    // Step into the backward pass with the keys, as a student does: the view follows.
    const end = Number(/of (\d+)/.exec((await page.getByTestId('step-counter').textContent()) ?? '')?.[1]);
    // Past the forward steps and the seed (end ≥ 2 × forward steps + 1), so a backward step.
    const mid = Math.floor(end * 0.75);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await press(page, 'ArrowRight', mid);
    expect(await stepCounter(page)).toBe(mid);
    await expect(page.locator('.phase-label')).toHaveAttribute('data-phase', 'backward');
    await page.waitForTimeout(700); // the last move of a fast run of steps comes 0.25 s after it
    const middle = await seen(page);
    expect(middle.stepNodeInView, 'the visited node is in view').toBe(true);
    expect(middle.sizes.length).toBeGreaterThan(2);
    expect(Math.min(...middle.sizes), `smallest text at step ${mid}`).toBeGreaterThanOrEqual(11);

    // The same step opened from a link gets the same readable view.
    await page.goto(`./?lesson=${lesson.id}&step=${mid}`);
    await settled(page);
    const linked = await seen(page);
    expect(linked.stepNodeInView).toBe(true);
    expect(Math.min(...linked.sizes)).toBeGreaterThanOrEqual(11);
  });
}

test('following can be turned off; F and the fit button show the whole graph', async ({ page }) => {
  await page.goto('./?lesson=two-layer&step=30');
  await settled(page);
  const follow = page.getByTestId('follow-toggle');
  await expect(follow).toHaveAttribute('aria-pressed', 'true');
  const followed = (await seen(page)).scale;
  expect(followed).toBeGreaterThanOrEqual(0.84);
  // F fits the whole graph (one key away), whatever following does on the next step.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('f');
  await expect.poll(async () => (await seen(page)).scale).toBeLessThan(0.6);
  const all = await page.evaluate(() => {
    const view = document.querySelector('.graph-svg')!.getBoundingClientRect();
    return [...document.querySelectorAll('[data-node-id] .node-shape')].every((el) => {
      const r = el.getBoundingClientRect();
      return r.left >= view.left && r.right <= view.right && r.top >= view.top && r.bottom <= view.bottom;
    });
  });
  expect(all, 'every node inside the view after F').toBe(true);
  await expect(page.getByTestId('fit-all')).toHaveAttribute('title', /\(F\)/);
  // The next step follows again.
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(450);
  expect((await seen(page)).scale).toBeGreaterThanOrEqual(0.84);
  // Off: the whole graph, and stepping no longer moves the view.
  await follow.click();
  await expect(follow).toHaveAttribute('aria-pressed', 'false');
  await page.waitForTimeout(100);
  const off = await page.evaluate(() => document.querySelector('.graph-svg > g')!.getAttribute('transform'));
  expect((await seen(page)).scale).toBeLessThan(0.6);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await press(page, 'ArrowRight', 3);
  await page.waitForTimeout(450);
  expect(await page.evaluate(() => document.querySelector('.graph-svg > g')!.getAttribute('transform'))).toBe(off);
  await expect(follow).toHaveAttribute('title', /Follow the step/);
});

test('a small graph that fits at a readable size is shown whole and stays put while stepping', async ({ page }) => {
  await page.goto('./?lesson=circuit');
  await settled(page);
  const before = await page.evaluate(() => document.querySelector('.graph-svg > g')!.getAttribute('transform'));
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(80);
  }
  await page.waitForTimeout(450);
  expect(await page.evaluate(() => document.querySelector('.graph-svg > g')!.getAttribute('transform'))).toBe(before);
  expect(Math.min(...(await seen(page)).sizes)).toBeGreaterThanOrEqual(11);
});

/** Layers of `width` values, each the product of two from the layer before: the nodes stay a few pixels tall when fitted. */
function layeredProgram(layers: number, width: number): string {
  const lines: string[] = [];
  for (let i = 0; i < width; i++) lines.push(`l0_${i} = ${((i % 7) - 3) / 4}`);
  for (let d = 1; d < layers; d++) for (let i = 0; i < width; i++) lines.push(`l${d}_${i} = l${d - 1}_${i} * l${d - 1}_${(i + 1) % width}`);
  lines.push(`L = ${Array.from({ length: width }, (_, i) => `l${layers - 1}_${i}`).join(' + ')}`);
  return lines.join('\n');
}

test('a graph above 300 nodes opens as an overview with following off; the toggle turns it on', async ({ page }) => {
  await page.goto(appUrl(layeredProgram(5, 70), { step: '100' }));
  await expect(page.locator('[data-node-id]').first()).toBeAttached({ timeout: 20_000 });
  await page.waitForTimeout(300);
  const follow = page.getByTestId('follow-toggle');
  await expect(follow).toHaveAttribute('aria-pressed', 'false');
  expect((await seen(page)).scale).toBeLessThan(0.6);
  await follow.click();
  await expect(follow).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await seen(page)).scale).toBeGreaterThanOrEqual(0.84);
  await page.waitForTimeout(400);
  expect((await seen(page)).stepNodeInView).toBe(true);
});

test('a long chain, too big for labels and a hairline when fitted, opens following the step with its text readable', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  // 1,000 nodes in a row: a_i = tanh(a_{i-1} · 0.9 + x).
  const chain = ['x = 0.5', 'a0 = x'];
  for (let i = 1; i <= 250; i++) chain.push(`a${i} = tanh(a${i - 1} * 0.9 + x)`);
  await page.goto(appUrl(chain.join('\n'), { step: '400' }));
  await expect(page.locator('[data-label="a250"]')).toBeAttached();
  await expect(page.getByTestId('layout-progress')).toHaveCount(0);
  await expect(page.getByTestId('follow-toggle')).toHaveAttribute('aria-pressed', 'true');
  await page.waitForTimeout(450);
  const followed = await seen(page);
  expect(followed.stepNodeInView).toBe(true);
  expect(followed.sizes.length).toBeGreaterThan(2);
  expect(Math.min(...followed.sizes)).toBeGreaterThanOrEqual(11);
});
