// Screenshots for people to look at (written to screenshots/), plus checks a
// machine can make on the same pages: nodes inside the view and not overlapping.
import type { Page } from '@playwright/test';
import { compile } from '../src/engine';
import { appUrl, BRANCHED, CIRCUIT, expect, test } from './fixtures';
import { TWO_LAYER_BATCH4, TWO_LAYER_MNIST } from './tensorPrograms';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function nodeBoxes(page: Page, selector = '[data-node-id] .node-shape'): Promise<Box[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

/**
 * Nodes inside the graph's view and not overlapping; the legend and the zoom
 * buttons cover none; nothing wider than the window. A view that follows the
 * step (zoomed in on a big graph) is held to this for the step's own nodes.
 */
async function expectTidy(page: Page): Promise<void> {
  const all = await nodeBoxes(page);
  expect(all.length).toBeGreaterThan(0);
  const view = await page.getByTestId('graph').boundingBox();
  if (!view) throw new Error('no graph view');
  const within = (b: Box) => b.x >= view.x - 1 && b.y >= view.y - 1 && b.x + b.width <= view.x + view.width + 1 && b.y + b.height <= view.y + view.height + 1;
  const whole = all.every(within);
  // Following: the step's nodes (at step 0, before any has a role, those in full view).
  const stepNodes = whole ? [] : await nodeBoxes(page, '[data-node-id]:is(.role-visit, .role-compute, .role-receive, .role-operand) .node-shape');
  const boxes = whole ? all : stepNodes.length > 0 ? stepNodes : all.filter(within);
  expect(boxes.length, whole ? 'every node in view' : 'the step\'s nodes').toBeGreaterThan(whole || stepNodes.length > 0 ? 0 : 1);
  for (const b of boxes) {
    expect(b.x, 'node inside the graph view (left)').toBeGreaterThanOrEqual(view.x - 1);
    expect(b.y).toBeGreaterThanOrEqual(view.y - 1);
    expect(b.x + b.width, 'node inside the graph view (right)').toBeLessThanOrEqual(view.x + view.width + 1);
    expect(b.y + b.height).toBeLessThanOrEqual(view.y + view.height + 1);
  }
  // (One expect for all pairs: half a million of them took minutes on a 1,000-node graph.)
  let overlapping: string | null = null;
  for (let i = 0; i < all.length && !overlapping; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i];
      const b = all[j];
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) {
        overlapping = `nodes ${i} and ${j} overlap`;
        break;
      }
    }
  }
  expect(overlapping, 'no two nodes overlap').toBeNull();
  // The legend and the zoom buttons cover no node (of the step's, when following; at step 0 the view
  // shows step 1's nodes, which carry no mark yet, and others may pass under the buttons).
  for (const selector of whole || stepNodes.length > 0 ? ['.legend', '.graph-tools'] : []) {
    const cover = await page.locator(selector).boundingBox();
    if (!cover) continue;
    for (const b of boxes) {
      const overlap = cover.x < b.x + b.width && b.x < cover.x + cover.width && cover.y < b.y + b.height && b.y < cover.y + cover.height;
      expect(overlap, `${selector} covers a node`).toBe(false);
    }
  }
  // Nothing on the page is wider than the window (no horizontal clipping).
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

interface Shot {
  name: string;
  width: number;
  height: number;
  url: string;
  dark?: boolean;
  /** A phone or tablet: touch, mobile viewport. */
  touch?: boolean;
}

const shots: Shot[] = [
  { name: 'desktop-circuit-backward', width: 1280, height: 800, url: appUrl(CIRCUIT, { step: '5' }) },
  { name: 'desktop-branch-partial', width: 1280, height: 800, url: appUrl(BRANCHED, { step: '6' }) },
  { name: 'projector-1920', width: 1920, height: 1080, url: appUrl(BRANCHED, { step: '8' }) },
  { name: 'narrow-700', width: 700, height: 640, url: appUrl(CIRCUIT, { step: '5' }) },
  { name: 'zh-CN', width: 1280, height: 800, url: appUrl(BRANCHED, { step: '6', lang: 'zh-CN' }) },
  { name: 'present-1920-light', width: 1920, height: 1080, url: './?lesson=two-layer&step=30&mode=present' },
  { name: 'present-1920-dark', width: 1920, height: 1080, url: './?lesson=two-paths&step=9&mode=present', dark: true },
  { name: 'present-1280x720-zh', width: 1280, height: 720, url: './?lesson=reuse&step=12&mode=present&lang=zh-CN' },
  { name: 'embed-700', width: 700, height: 560, url: './?lesson=circuit&step=5&mode=embed' },
  // First use on every screen (issue 14), in both languages.
  { name: 'phone-390-circuit-en', width: 390, height: 844, url: './?lesson=circuit&step=5', touch: true },
  { name: 'phone-390-two-layer-zh', width: 390, height: 844, url: './?lesson=two-layer&step=30&lang=zh-CN', touch: true },
  { name: 'phone-390-shopping-start-zh', width: 390, height: 844, url: './?lesson=shopping&lang=zh-CN', touch: true },
  { name: 'tablet-768-two-layer-en', width: 768, height: 1024, url: './?lesson=two-layer&step=30', touch: true },
  { name: 'tablet-768-circuit-zh', width: 768, height: 1024, url: './?lesson=circuit&step=5&lang=zh-CN', touch: true },
  { name: 'desktop-1280-two-layer-start-en', width: 1280, height: 800, url: './?lesson=two-layer' },
  { name: 'desktop-1280-softmax-zh', width: 1280, height: 800, url: './?lesson=softmax-ce&step=20&lang=zh-CN' },
  { name: 'desktop-1280-two-paths-en', width: 1280, height: 800, url: './?lesson=two-paths&step=6' },
  // A 250-step chain, a hairline when fitted: the view follows the step.
  { name: 'desktop-1280-long-chain', width: 1280, height: 800, url: appUrl(['x = 0.5', 'a0 = x', ...Array.from({ length: 250 }, (_, i) => `a${i + 1} = tanh(a${i} * 0.9 + x)`)].join('\n'), { step: '1000' }) },
  { name: 'present-1920-circuit-en', width: 1920, height: 1080, url: './?lesson=circuit&step=5&mode=present' },
  { name: 'present-1920-two-layer-zh', width: 1920, height: 1080, url: './?lesson=two-layer&step=30&mode=present&lang=zh-CN' },
  { name: 'present-1920-sigmoid-zh-dark', width: 1920, height: 1080, url: './?lesson=sigmoid-neuron&step=14&mode=present&lang=zh-CN', dark: true },
  // Tensor programs mid-backward: grids of numbers at batch 4, heatmaps at MNIST's size.
  { name: 'tensor-batch4-1280', width: 1280, height: 800, url: appUrl(TWO_LAYER_BATCH4, { step: midBackward(TWO_LAYER_BATCH4) }) },
  { name: 'tensor-mnist-1280', width: 1280, height: 800, url: appUrl(TWO_LAYER_MNIST, { step: midBackward(TWO_LAYER_MNIST) }) },
  { name: 'tensor-present-1920', width: 1920, height: 1080, url: appUrl(TWO_LAYER_BATCH4, { step: midBackward(TWO_LAYER_BATCH4), mode: 'present' }) },
  { name: 'tensor-mnist-present-1920-zh', width: 1920, height: 1080, url: appUrl(TWO_LAYER_MNIST, { step: midBackward(TWO_LAYER_MNIST), mode: 'present', lang: 'zh-CN' }) },
];

/** Halfway through the backward pass of a program. */
function midBackward(program: string): string {
  const { trace } = compile(program);
  return String(Math.round((trace.seed + trace.end) / 2));
}

for (const shot of shots) {
  test.describe(shot.name, () => {
    test.use({ viewport: { width: shot.width, height: shot.height }, hasTouch: shot.touch ?? false, isMobile: shot.touch ?? false });
    test(`screenshot ${shot.name} is tidy`, async ({ page }) => {
      await page.goto(shot.url);
      await expect(page.locator('[data-node-id]').first()).toBeVisible();
      if (shot.dark) await page.getByRole('button', { name: /Dark theme|深色主题/ }).click();
      await page.waitForTimeout(400);
      await expectTidy(page);
      await page.screenshot({ path: `screenshots/${shot.name}.png` });
    });
  });
}

test('screenshot of the course-notes page with two embedded diagrams', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 1400 });
  await page.goto('./course-notes.html');
  await expect(page.frameLocator('#diagram-branch').locator('[data-node-id]').first()).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'screenshots/course-notes.png', fullPage: true });
});

test('screenshots of the training tab and practice mode', async ({ page }) => {
  await page.goto('./?lesson=descent');
  for (let i = 0; i < 5; i++) await page.getByTestId('train-step').click();
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-iteration', '5');
  await page.screenshot({ path: 'screenshots/train-tab.png' });
  await page.goto('./?lesson=circuit&step=3');
  await page.getByTestId('practice-toggle').click();
  await page.getByTestId('practice-local-0').fill('-4');
  await page.getByTestId('practice-sent-0').fill('4');
  await page.getByTestId('practice-local-1').fill('3');
  await page.getByTestId('practice-sent-1').fill('3');
  await page.getByRole('button', { name: 'Check' }).click();
  await page.screenshot({ path: 'screenshots/practice.png' });
});
