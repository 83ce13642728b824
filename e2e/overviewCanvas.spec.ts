// A big graph's overview is painted on a canvas (src/ui/overview): the same
// looks as the SVG's styles, the same picture step by step as drawn afresh,
// and the SVG's nodes still there to tap and read (CONTRACTS §4).
import type { Page } from '@playwright/test';
import { REST_REDRAW_MS } from '../src/ui/overview/overviewCanvas';
import { edgePaint, nodePaint, PALETTE_VARIABLES, CARRIED_EDGE, type NodeKind, type Palette } from '../src/ui/overview/overviewStyle';
import { appUrl, expect, LAYERS_80, press, stepCounter, test } from './fixtures';

/** Constants, parameters and data, a value used twice (partial gradients), every op kind's shape. */
const STYLED = ['param w = 0.5', 'param b = -0.2', 'x = 1.5', 'h = tanh(w * x + b)', 'y = h * h + 3', 'L = (y - 2) * 0.5'].join('\n');

const hexToRgb = (hex: string): string => {
  const short = hex.replace('#', '');
  const h = short.length === 3 ? [...short].map((c) => c + c).join('') : short;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
};

async function palette(page: Page): Promise<Palette> {
  const vars = await page.evaluate((names) => {
    const style = getComputedStyle(document.querySelector('.graph-svg')!);
    return Object.fromEntries(Object.entries(names).map(([k, v]) => [k, style.getPropertyValue(v).trim()]));
  }, PALETTE_VARIABLES);
  return { ...(vars as Omit<Palette, 'carried'>), carried: CARRIED_EDGE };
}

test('the canvas paints each node and edge as styles.css styles it in the SVG, at every step', async ({ page }) => {
  // A small graph is drawn in SVG: its computed styles are what the canvas must reproduce.
  await page.goto(appUrl(STYLED));
  await expect(page.locator('[data-node-id]').first()).toBeVisible();
  const p = await palette(page);
  const roles = await page.locator('.graph-content.show-roles').count();
  expect(roles).toBe(1);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await press(page, 'End');
  const end = await stepCounter(page);
  await press(page, 'Home');
  let checked = 0;
  for (let step = 0; step <= end; step++) {
    const seen = await page.evaluate(() => {
      const rgb = (c: string) => c;
      return {
        nodes: [...document.querySelectorAll('[data-node-id]')].map((g) => {
          const s = getComputedStyle(g.querySelector('.node-shape')!);
          const role = [...g.classList].find((c) => c.startsWith('role-'))?.slice(5) ?? '';
          return {
            id: g.getAttribute('data-node-id'),
            kind: g.classList.contains('node-op') ? 'op' : 'value',
            isConst: g.getAttribute('data-op') === 'const',
            group: g.hasAttribute('data-group'),
            inputRole: g.getAttribute('data-role'),
            key: `${g.getAttribute('data-value') ?? ''}|${g.getAttribute('data-grad') ?? ''}|${g.hasAttribute('data-grad-final') ? 1 : 0}|${role}`,
            fill: rgb(s.fill),
            stroke: rgb(s.stroke),
            width: parseFloat(s.strokeWidth),
            dash: s.strokeDasharray,
          };
        }),
        edges: [...document.querySelectorAll('path.edge')].map((e) => {
          const s = getComputedStyle(e);
          const role = ['forward', 'backward', 'carried'].find((r) => e.classList.contains(`edge-${r}`)) ?? '';
          return { key: `${role}|`, fromConst: e.classList.contains('edge-const'), stroke: s.stroke, width: parseFloat(s.strokeWidth), dash: s.strokeDasharray };
        }),
      };
    });
    const dashText = (d: readonly number[] | null) => (d ? d.map((x) => `${x}px`).join(', ') : 'none');
    for (const n of seen.nodes) {
      const want = nodePaint(p, { kind: n.kind, isConst: n.isConst, group: n.group, inputRole: n.inputRole } as NodeKind, n.key, roles > 0);
      expect({ fill: n.fill, stroke: n.stroke, width: n.width, dash: n.dash }, `node ${n.id} at step ${step} (${n.key})`).toEqual({ fill: hexToRgb(want.fill), stroke: hexToRgb(want.stroke), width: want.width, dash: dashText(want.dash) });
      checked++;
    }
    for (const [i, e] of seen.edges.entries()) {
      const want = edgePaint(p, e.key, e.fromConst);
      expect({ stroke: e.stroke, width: e.width, dash: e.dash }, `edge ${i} at step ${step} (${e.key})`).toEqual({ stroke: hexToRgb(want.stroke), width: want.width, dash: dashText(want.dash) });
    }
    await press(page, 'ArrowRight');
    await expect.poll(() => stepCounter(page)).toBe(Math.min(end, step + 1));
  }
  expect(checked).toBeGreaterThan(100);
});

/** Keeps a copy of the canvas's pixels in the page, under `name` (copied through a canvas of its own: no readback of the live one). */
const keepPixels = (page: Page, name: string) =>
  page.evaluate((key) => {
    const live = document.querySelector<HTMLCanvasElement>('[data-testid="graph-canvas"]')!;
    const copy = document.createElement('canvas');
    [copy.width, copy.height] = [live.width, live.height];
    const ctx = copy.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(live, 0, 0);
    ((window as unknown as Record<string, ImageData>)[key] = ctx.getImageData(0, 0, copy.width, copy.height));
  }, name);

/** Redraws the canvas whole (a theme there and back) and keeps its pixels under `name`. */
async function keepWholeRedraw(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.getByRole('button', { name: 'Light theme' }).click();
  await page.waitForTimeout(200);
  await keepPixels(page, name);
}

/**
 * The pixels of two kept copies that differ by more than `tolerance` in any
 * premultiplied channel. A clipped redraw may round the coverage of a hairline
 * a level apart from a whole one: those faint pixels are not a difference.
 */
const differingPixels = (page: Page, a: string, b: string, tolerance = 3) =>
  page.evaluate(([a, b, tolerance]) => {
    const w = window as unknown as Record<string, ImageData>;
    const [x, y] = [w[a as string].data, w[b as string].data];
    if (x.length !== y.length) return -1;
    let count = 0;
    for (let i = 0; i < x.length; i += 4) {
      const [ax, ay] = [x[i + 3], y[i + 3]];
      let worst = Math.abs(ax - ay);
      for (let j = 0; j < 3; j++) worst = Math.max(worst, Math.abs((x[i + j] * ax) / 255 - (y[i + j] * ay) / 255));
      if (worst > (tolerance as number)) count++;
    }
    return count;
  }, [a, b, tolerance] as const);

test('a big graph’s overview is on a canvas: stepped there, it is the picture drawn afresh at that step', async ({ page }) => {
  await page.goto(appUrl(LAYERS_80, { step: '480' }));
  const canvas = page.getByTestId('graph-canvas');
  await expect(canvas).toBeVisible();
  await expect(page.getByTestId('layout-progress')).toHaveCount(0);
  await expect(page.getByTestId('graph')).toHaveAttribute('data-canvas', '');
  // The SVG keeps every node, transparent, and hides its edges.
  const svg = await page.evaluate(() => ({
    nodes: document.querySelectorAll('[data-node-id]').length,
    fill: getComputedStyle(document.querySelector('[data-node-id] .node-shape')!).fill,
    edges: getComputedStyle(document.querySelector('.graph-content .edges')!).display,
  }));
  expect(svg).toEqual({ nodes: 479, fill: 'rgba(0, 0, 0, 0)', edges: 'none' });
  await page.waitForTimeout(200);
  await keepPixels(page, 'before');
  await page.locator('.graph-view').click({ position: { x: 3, y: 3 } });
  // Backward steps: partial and final gradients, edges turning and carried.
  await press(page, 'ArrowRight', 30);
  await expect.poll(() => stepCounter(page)).toBe(510);
  await keepPixels(page, 'stepped');
  expect(await differingPixels(page, 'before', 'stepped')).toBeGreaterThan(50);
  // Once stepping rests, the canvas is drawn whole (REST_REDRAW_MS).
  await page.waitForTimeout(REST_REDRAW_MS + 300);
  await keepPixels(page, 'rested');
  // A new theme redraws the canvas whole too: back in the light one, it is the same picture.
  await keepWholeRedraw(page, 'whole');
  expect(await differingPixels(page, 'rested', 'whole', 0)).toBe(0);
  // Stepped, before the rest: the redrawn rectangles, a few faint pixels at their edges apart at most.
  expect(await differingPixels(page, 'stepped', 'whole')).toBeLessThan(100);
  expect(await differingPixels(page, 'stepped', 'whole', 64)).toBe(0);
  // A jump to the end changes nearly every look at once: the canvas is drawn whole, at once.
  await page.locator('.graph-view').click({ position: { x: 3, y: 3 } });
  await press(page, 'End');
  await expect(page.getByTestId('graph').locator('[data-label="l0_0"]')).toHaveAttribute('data-grad-final', '');
  await keepPixels(page, 'jumped');
  await keepWholeRedraw(page, 'jumpedWhole');
  expect(await differingPixels(page, 'jumped', 'jumpedWhole', 0)).toBe(0);
});

test('in the overview a node is still tapped on its shape, and zoomed in to read the SVG draws again', async ({ page }) => {
  await page.goto(appUrl(LAYERS_80, { step: 'end' }));
  await expect(page.getByTestId('graph-canvas')).toBeVisible();
  await expect(page.getByTestId('layout-progress')).toHaveCount(0);
  await page.locator('[data-label="l4_7"]').click();
  await expect(page.getByTestId('selected-node')).toContainText('l4');
  await expect(page.getByTestId('selection-ring')).toBeVisible();
  for (let i = 0; i < 20 && (await page.locator('path.edge[marker-end]').count()) === 0; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(page.getByTestId('graph-canvas')).toHaveCount(0);
  await expect(page.getByTestId('graph')).not.toHaveAttribute('data-canvas');
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.graph-content .edges')!).display)).not.toBe('none');
  // Back out to the overview: the canvas again.
  await page.getByTestId('fit-all').click();
  await expect(page.getByTestId('graph-canvas')).toBeVisible();
});

test('the overview canvas takes the dark theme’s colours', async ({ page }) => {
  await page.goto(appUrl(LAYERS_80, { step: '0' }));
  await expect(page.getByTestId('graph-canvas')).toBeVisible();
  await expect(page.getByTestId('layout-progress')).toHaveCount(0);
  // The middle pixel of an input's box is its fill.
  const centre = () =>
    page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="graph-canvas"]')!;
      const c = canvas.getBoundingClientRect();
      const n = document.querySelector('[data-label="l0_40"] .node-shape')!.getBoundingClientRect();
      const r = canvas.width / c.width;
      const [x, y] = [Math.round((n.x + n.width / 2 - c.x) * r), Math.round((n.y + n.height / 2 - c.y) * r)];
      const copy = document.createElement('canvas');
      [copy.width, copy.height] = [canvas.width, canvas.height];
      const ctx = copy.getContext('2d', { willReadFrequently: true })!;
      ctx.drawImage(canvas, 0, 0);
      return [...ctx.getImageData(x, y, 1, 1).data.slice(0, 3)];
    });
  // Within a step of three: the pixel may take a trace of the border's anti-aliasing.
  const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]) <= 3);
  const rgbOf = (hex: string) => hexToRgb(hex).match(/\d+/g)!.map(Number);
  const fill = () => page.evaluate(() => getComputedStyle(document.querySelector('.graph-svg')!).getPropertyValue('--node-fill').trim());
  const light = rgbOf(await fill());
  expect(near(await centre(), light), `${await centre()} near ${light}`).toBe(true);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  const dark = rgbOf(await fill());
  expect(near(dark, light)).toBe(false);
  await expect.poll(async () => near(await centre(), dark)).toBe(true);
});

test('printing and an export draw a big overview in SVG, each node with its step’s look; then the canvas is back', async ({ page }) => {
  await page.goto(appUrl(LAYERS_80, { step: '600' }));
  await expect(page.getByTestId('graph-canvas')).toBeVisible();
  await expect(page.getByTestId('layout-progress')).toHaveCount(0);
  // On the canvas, the nodes keep only the classes a step does not change.
  await expect(page.locator('[data-node-id].grad-final')).toHaveCount(0);
  const finals = await page.locator('[data-node-id][data-grad-final]').count();
  expect(finals).toBeGreaterThan(50);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('graph-canvas')).toHaveCount(0);
  await expect(page.locator('[data-node-id].grad-final')).toHaveCount(finals);
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.graph-content .edges')!).display)).not.toBe('none');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByTestId('graph-canvas')).toBeVisible();
  await expect(page.locator('[data-node-id].grad-final')).toHaveCount(0);
  // The exported SVG has the step's classes on its nodes and every edge.
  await page.locator('.export-menu summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG', exact: true }).click()]);
  const svg = (await import('node:fs')).readFileSync(await download.path(), 'utf8');
  expect(svg.match(/class="node [^"]*grad-final/g)?.length).toBe(finals);
  expect(svg.match(/class="edge[ "]/g)?.length).toBe(await page.locator('path.edge').count());
  expect(svg).not.toContain('data-canvas');
  await expect(page.getByTestId('graph-canvas')).toBeVisible();
});
