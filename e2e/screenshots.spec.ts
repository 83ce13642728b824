// Screenshots for people to look at (written to screenshots/), plus checks a
// machine can make on the same pages: nodes inside the view and not overlapping.
import type { Page } from '@playwright/test';
import { appUrl, BRANCHED, CIRCUIT, expect, test } from './fixtures';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function nodeBoxes(page: Page): Promise<Box[]> {
  return page.locator('[data-node-id] .node-shape').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

async function expectTidy(page: Page): Promise<void> {
  const boxes = await nodeBoxes(page);
  expect(boxes.length).toBeGreaterThan(0);
  const view = await page.getByTestId('graph').boundingBox();
  if (!view) throw new Error('no graph view');
  for (const b of boxes) {
    expect(b.x, 'node inside the graph view (left)').toBeGreaterThanOrEqual(view.x - 1);
    expect(b.y).toBeGreaterThanOrEqual(view.y - 1);
    expect(b.x + b.width, 'node inside the graph view (right)').toBeLessThanOrEqual(view.x + view.width + 1);
    expect(b.y + b.height).toBeLessThanOrEqual(view.y + view.height + 1);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlap, `nodes ${i} and ${j} overlap`).toBe(false);
    }
  }
  // The legend and the zoom buttons cover no node.
  for (const selector of ['.legend', '.graph-tools']) {
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

const shots: { name: string; width: number; height: number; url: string; dark?: boolean }[] = [
  { name: 'desktop-circuit-backward', width: 1280, height: 800, url: appUrl(CIRCUIT, { step: '5' }) },
  { name: 'desktop-branch-partial', width: 1280, height: 800, url: appUrl(BRANCHED, { step: '6' }) },
  { name: 'projector-1920', width: 1920, height: 1080, url: appUrl(BRANCHED, { step: '8' }) },
  { name: 'narrow-700', width: 700, height: 640, url: appUrl(CIRCUIT, { step: '5' }) },
  { name: 'zh-CN', width: 1280, height: 800, url: appUrl(BRANCHED, { step: '6', lang: 'zh-CN' }) },
  { name: 'present-1920-light', width: 1920, height: 1080, url: './?lesson=two-layer&step=30&mode=present' },
  { name: 'present-1920-dark', width: 1920, height: 1080, url: './?lesson=two-paths&step=9&mode=present', dark: true },
  { name: 'present-1280x720-zh', width: 1280, height: 720, url: './?lesson=reuse&step=12&mode=present&lang=zh-CN' },
  { name: 'embed-700', width: 700, height: 560, url: './?lesson=circuit&step=5&mode=embed' },
];

for (const shot of shots) {
  test(`screenshot ${shot.name} is tidy`, async ({ page }) => {
    await page.setViewportSize({ width: shot.width, height: shot.height });
    await page.goto(shot.url);
    await expect(page.locator('[data-node-id]').first()).toBeVisible();
    if (shot.dark) await page.getByRole('button', { name: /Dark theme|深色主题/ }).click();
    await page.waitForTimeout(200);
    await expectTidy(page);
    await page.screenshot({ path: `screenshots/${shot.name}.png` });
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
