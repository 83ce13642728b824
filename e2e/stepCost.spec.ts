// What a step may touch: only the nodes and edges it changes. These guard the
// causes of slow steps found with Chromium traces (see README, Performance).
import { appUrl, BRANCHED, CIRCUIT, expect, LAYERS_80, pasteProgram, press, test } from './fixtures';

test('stepping leaves <html> alone: setting its lang on every step restyled the whole page', async ({ page }) => {
  await page.goto(appUrl(BRANCHED));
  await expect(page.locator('[data-node-id]').first()).toBeVisible();
  await page.evaluate(() => {
    const w = window as unknown as { htmlChanges: string[] };
    w.htmlChanges = [];
    new MutationObserver((records) => records.forEach((r) => w.htmlChanges.push(r.attributeName ?? ''))).observe(document.documentElement, { attributes: true });
  });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await press(page, 'ArrowRight', 6);
  await expect(page.getByTestId('step-counter')).toContainText('6');
  await page.waitForTimeout(100);
  expect(await page.evaluate(() => (window as unknown as { htmlChanges: string[] }).htmlChanges)).toEqual([]);
  // Changing the language still sets it.
  await page.getByTestId('lang-switch').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('the graph <svg> has a size in pixels that follows its container', async ({ page }) => {
  await page.goto(appUrl(BRANCHED));
  await expect(page.locator('[data-node-id]').first()).toBeVisible();
  // The inline size in pixels, less the container's size: zero in both directions.
  const mismatch = () =>
    page.evaluate(() => {
      const svg = document.querySelector<SVGSVGElement>('.graph-svg')!;
      const box = document.querySelector('.graph-view')!.getBoundingClientRect();
      if (!svg.style.width.endsWith('px') || !svg.style.height.endsWith('px')) return 'not in pixels';
      return Math.max(Math.abs(parseFloat(svg.style.width) - box.width), Math.abs(parseFloat(svg.style.height) - box.height)) < 0.01 ? 'same' : `${svg.style.width}×${svg.style.height} in ${box.width}×${box.height}`;
    });
  const width = () => page.evaluate(() => document.querySelector<SVGSVGElement>('.graph-svg')!.style.width);
  expect(await mismatch()).toBe('same');
  const before = await width();
  await page.setViewportSize({ width: 1000, height: 700 });
  await expect.poll(width).not.toBe(before);
  expect(await mismatch()).toBe('same');
  // Nodes are placed by their coordinates, not one transform each.
  expect(await page.locator('[data-node-id][transform]').count()).toBe(0);
});

test('the graph <svg> is a compositor layer of its own, so a step rasters nothing of the page around it', async ({ page }) => {
  await page.goto(appUrl(BRANCHED));
  await expect(page.locator('[data-node-id]').first()).toBeVisible();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const ofSelector = async (selector: string) => {
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    return (await cdp.send('DOM.describeNode', { nodeId })).node.backendNodeId;
  };
  const layers = new Promise<{ backendNodeId?: number }[]>((resolve) => cdp.once('LayerTree.layerTreeDidChange', (e) => resolve(e.layers ?? [])));
  await cdp.send('LayerTree.enable');
  await press(page, 'ArrowRight', 1);
  const owners = (await layers).map((l) => l.backendNodeId);
  expect(owners).toContain(await ofSelector('.graph-svg'));
  expect(owners).not.toContain(await ofSelector('.step-panel'));
});

test('the pulse on the edges of a backward step is drawn in the overlay, pans and zooms with the graph, and runs only when stepping is unhurried', async ({ page }) => {
  await page.goto(appUrl(CIRCUIT, { step: '4' })); // f is visited: it sends gradients back to q and z
  await expect(page.locator('.edge-backward')).toHaveCount(2);
  await expect(page.locator('.graph-flow .flow-pulse')).toHaveCount(2);
  await expect(page.locator('.graph-svg .flow-pulse')).toHaveCount(0);
  await page.getByRole('button', { name: /zoom in/i }).click();
  const transforms = () =>
    page.evaluate(() => [document.querySelector('.graph-svg > g')!.getAttribute('transform'), document.querySelector('.graph-flow > g')!.getAttribute('transform')]);
  await expect.poll(async () => new Set(await transforms()).size).toBe(1);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.waitForTimeout(700);
  await press(page, 'ArrowLeft'); // the seed: nothing flows
  await expect(page.locator('.graph-flow .flow-pulse')).toHaveCount(0);
  // Clicking fast: no pulse (any animation would hold each step's frame back).
  await press(page, 'ArrowRight');
  await expect(page.locator('.edge-backward')).toHaveCount(2);
  await expect(page.locator('.graph-flow .flow-pulse')).toHaveCount(0);
  // After a pause, the next step pulses again (q sends to x and y).
  await page.waitForTimeout(700);
  await press(page, 'ArrowRight');
  await expect(page.locator('.graph-flow .flow-pulse')).toHaveCount(2);
});

test('a big graph is laid out off the page with its progress shown beside, not under, the zoom buttons; the old drawing stays as it was', async ({ page }) => {
  await page.goto(appUrl(CIRCUIT, { step: '2' }));
  await expect(page.locator('[data-label="f"]')).toHaveAttribute('data-value', '-12');
  // About 2,900 nodes, pasted: layers of values, each reused by later ones.
  const lines: string[] = [];
  for (let i = 0; i < 290; i++) lines.push(`x${i} = ${((i % 17) - 8) / 8}`);
  for (let i = 0; i < 2600; i++) lines.push(`t${i} = ${i < 2 ? `x${i}` : `t${Math.max(0, i - 1 - (i % 7))}`} ${'+*-'[i % 3]} x${(i * 37) % 290}`);
  lines.push('L = t2599 + t2598');
  await pasteProgram(page, lines.join('\n'));
  const progress = page.getByTestId('layout-progress');
  await expect(progress).toContainText(/Laying out 2\d{3} nodes, step [123] of 3/);
  // The circuit is still drawn, with its own values, while the new graph is laid out.
  await expect(page.locator('[data-label="f"]')).toHaveAttribute('data-value', '-12');
  const [message, tools] = [await progress.boundingBox(), await page.locator('.graph-tools').boundingBox()];
  expect(message && tools && message.x + message.width <= tools.x).toBe(true);
  await expect(progress).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator('[data-label="t2599"]')).toBeAttached();
});

test('only node shapes take the pointer: a click on a node’s text selects the node, and edges and their labels let the pointer through', async ({ page }) => {
  // Blink hit-tests under the mouse after every change of the drawing; 2,000 paths and labels made that ~3 ms a step.
  await page.goto(appUrl(CIRCUIT, { step: '5' }));
  await expect(page.locator('.edge-label').first()).toBeVisible();
  const hit = await page.evaluate(`(() => {
    const text = document.querySelector('[data-label="q"] text');
    const r = text.getBoundingClientRect();
    const at = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    const styles = [...document.querySelectorAll('path.edge, .edge-label, [data-node-id] text')].map((e) => getComputedStyle(e).pointerEvents);
    return { tag: at.tagName, node: at.closest('[data-node-id]')?.getAttribute('data-label'), x: r.x + r.width / 2, y: r.y + r.height / 2, styles: [...new Set(styles)] };
  })()`) as { tag: string; node: string; x: number; y: number; styles: string[] };
  expect(hit.node).toBe('q');
  expect(hit.tag).not.toBe('text');
  expect(hit.styles).toEqual(['none']);
  await page.mouse.click(hit.x, hit.y);
  await expect(page.getByTestId('selected-node')).toContainText('q');
});

test('a big graph’s overview leaves out the arrowheads (each is painted on its own, a pixel or two wide there); zoomed in to read, they come back', async ({ page }) => {
  await page.goto(appUrl(LAYERS_80));
  await expect(page.locator('[data-label="L"]')).toBeAttached();
  await expect(page.getByTestId('follow-toggle')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('layout-progress')).toHaveCount(0);
  // An edge is one path, or for a long route several (edgePieces); the arrowhead is on its last.
  const edges = await page.locator('path.edge:not([data-piece])').count();
  expect(edges).toBeGreaterThan(700);
  await expect(page.locator('path.edge[marker-end]')).toHaveCount(0);
  // Zoomed in far enough for labels, every edge has its arrow again.
  for (let i = 0; i < 20 && (await page.locator('path.edge[marker-end]').count()) === 0; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(page.locator('path.edge[marker-end]')).toHaveCount(edges);
});

test('a big graph’s overview composites its edges in three groups, not while a zoom settles, and not zoomed in to read', async ({ page }) => {
  // A step recoloured a few long edges, and the raster under them replayed every edge there (4–6 ms a step on the builder's 2,156).
  await page.goto(appUrl(LAYERS_80));
  await expect(page.getByTestId('layout-progress')).toHaveCount(0);
  const state = () =>
    page.evaluate(() => ({
      composited: document.querySelector('.graph-svg')!.hasAttribute('data-composite'),
      groups: [...document.querySelectorAll('.edge-group')].map((g) => [getComputedStyle(g).willChange, g.querySelectorAll('path.edge').length]),
      edges: document.querySelectorAll('path.edge').length,
    }));
  await expect.poll(async () => (await state()).composited).toBe(true);
  const rest = await state();
  expect(rest.groups.map(([w]) => w)).toEqual(['transform', 'transform', 'transform']);
  // Every edge is in a group, the groups about even.
  const sizes = rest.groups.map(([, n]) => n as number);
  expect(sizes.reduce((a, b) => a + b, 0)).toBe(rest.edges);
  expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(2 * 48);
  // A zoom takes the layers away (rastered at the old scale they would blur), and they return once the view rests.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  expect((await state()).composited).toBe(false);
  await expect.poll(async () => (await state()).composited).toBe(true);
  expect((await state()).groups.map(([w]) => w)).toEqual(['transform', 'transform', 'transform']);
  // Zoomed in to read (labels shown), the edges are not composited, however long the view rests.
  for (let i = 0; i < 20 && (await page.locator('path.edge[marker-end]').count()) === 0; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.waitForTimeout(600);
  const near = await state();
  expect(near.composited).toBe(false);
  expect(near.groups.map(([w]) => w)).toEqual(['auto', 'auto', 'auto']);
});

// A chain of 400 nodes: following shows a few of them at a readable size.
const LONG_CHAIN = ['x = 0.5', 'a0 = x', ...Array.from({ length: 100 }, (_, i) => `a${i + 1} = tanh(a${i} * 0.9 + x)`)].join('\n');

test('a big graph paints in layers of one chunk each, which hold their nodes and edges where they were and pass clicks through', async ({ page }) => {
  // Blink repaints a layer as a whole: without them a step of a 1,000-node graph walked all its shapes (~1.5 ms of each frame).
  await page.goto(appUrl(LONG_CHAIN, { step: '30' }));
  await expect(page.getByTestId('layout-progress')).toHaveCount(0);
  const layout = await page.evaluate(() => {
    const layers = [...document.querySelectorAll('.graph-content foreignObject.paint-layer:not(.edge-group)')];
    const nodes = document.querySelectorAll('[data-node-id]').length;
    // An edge is a path, or for a long route several (all but the first with data-piece).
    const edges = document.querySelectorAll('path.edge:not([data-piece])').length;
    // Every node and edge drawn is in a layer whose box holds it (its shape; strokes and badges may overflow).
    const drawn = [...document.querySelectorAll('[data-node-id] .node-shape, path.edge:not([data-culled])')];
    const outside = drawn.filter((el) => {
      const layer = el.closest('foreignObject.paint-layer') as SVGForeignObjectElement | null;
      if (!layer) return true;
      const b = (el as SVGGraphicsElement).getBBox();
      const x = layer.x.baseVal.value;
      const y = layer.y.baseVal.value;
      return b.x < x - 0.5 || b.y < y - 0.5 || b.x + b.width > x + layer.width.baseVal.value + 0.5 || b.y + b.height > y + layer.height.baseVal.value + 0.5;
    }).length;
    // A layer's <svg> maps its user units 1:1 onto the drawing's: a node's box on screen is where the layout put it.
    const m = (document.querySelector('.graph-svg > g') as SVGGElement).getScreenCTM()!;
    const view = document.querySelector('.graph-svg')!.getBoundingClientRect();
    const shape = [...document.querySelectorAll<SVGRectElement>('[data-label] .node-shape')].find((el) => {
      const r = el.getBoundingClientRect();
      return r.x > view.x + 40 && r.right < view.right - 40 && r.y > view.y + 60 && r.bottom < view.bottom - 60;
    })!;
    const r = shape.getBoundingClientRect();
    const x = shape.x.baseVal.value;
    const y = shape.y.baseVal.value;
    const label = shape.closest('[data-node-id]')!.getAttribute('data-label');
    // Each layer paints an invisible rectangle over its whole box first: a step that widens a stroke at the chunk's edge
    // then leaves the layer's painted area as it was, and Blink does not work out every compositor layer again.
    const bounds = [...document.querySelectorAll('foreignObject.paint-layer')].filter((fo) => {
      const rect = fo.querySelector(':scope > svg > rect.layer-bounds:first-child') as SVGRectElement | null;
      const f = fo as SVGForeignObjectElement;
      return (
        rect !== null &&
        rect.x.baseVal.value === f.x.baseVal.value &&
        rect.y.baseVal.value === f.y.baseVal.value &&
        rect.width.baseVal.value === f.width.baseVal.value &&
        rect.height.baseVal.value === f.height.baseVal.value &&
        getComputedStyle(rect).fill === 'rgba(0, 0, 0, 0)' &&
        getComputedStyle(rect).pointerEvents === 'none'
      );
    }).length;
    const allLayers = document.querySelectorAll('foreignObject.paint-layer').length;
    return { layers: layers.length, allLayers, bounds, nodes, edges, checked: drawn.length, outside, dx: r.x - (m.a * x + m.e), dy: r.y - (m.d * y + m.f), label, center: [r.x + r.width / 2, r.y + r.height / 2] };
  });
  expect(layout.nodes).toBeGreaterThan(300);
  expect(layout.layers).toBe(Math.ceil(layout.nodes / 48) + Math.ceil(layout.edges / 48));
  expect(layout.allLayers).toBeGreaterThanOrEqual(layout.layers);
  expect(layout.bounds).toBe(layout.allLayers);
  expect(layout.checked).toBeGreaterThan(layout.nodes);
  expect(layout.outside).toBe(0);
  expect(Math.abs(layout.dx)).toBeLessThan(1.5);
  expect(Math.abs(layout.dy)).toBeLessThan(1.5);
  // A click on a node in a layer selects it.
  await page.mouse.click(layout.center[0], layout.center[1]);
  await expect(page.getByTestId('selection-ring')).toBeVisible();
  // The ring is drawn around the very node clicked.
  const ring = (await page.getByTestId('selection-ring').boundingBox())!;
  expect(Math.abs(ring.x + ring.width / 2 - layout.center[0])).toBeLessThan(2);
  expect(Math.abs(ring.y + ring.height / 2 - layout.center[1])).toBeLessThan(2);
  // A lesson-sized graph is drawn without them.
  await page.goto(appUrl(CIRCUIT));
  await expect(page.locator('[data-label="q"]')).toBeVisible();
  await expect(page.locator('foreignObject.paint-layer')).toHaveCount(0);
});


/** How many node elements there are, how many are culled, and which nodes in sight are culled or have text not drawn (zoomed out, nodes have none). */
const cullState = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const view = document.querySelector('.graph-view')!.getBoundingClientRect();
    const nodes = [...document.querySelectorAll('[data-node-id]')];
    const inSight = nodes.filter((n) => {
      const r = n.querySelector('.node-shape')!.getBoundingClientRect();
      return r.right > view.left && r.left < view.right && r.bottom > view.top && r.top < view.bottom;
    });
    return {
      nodes: nodes.length,
      culled: document.querySelectorAll('[data-node-id][data-culled]').length,
      edgesCulled: document.querySelectorAll('path.edge[data-culled]').length,
      inSight: inSight.length,
      hiddenInSight: inSight.filter((n) => n.hasAttribute('data-culled') || n.querySelector('.node-title')?.getBoundingClientRect().width === 0).map((n) => n.getAttribute('data-node-id')),
    };
  });

test('a big graph draws only what is near the view: nodes far away keep their element and attributes, and fitting, printing and export draw them all', async ({ page }) => {
  // Before culling, each pan of the followed view laid out, painted and rastered all 2,900 elements of this chain again.
  await page.goto(appUrl(LONG_CHAIN, { step: 'end' }));
  await expect(page.getByTestId('follow-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await cullState(page)).culled).toBeGreaterThan(300);
  const followed = await cullState(page);
  expect(followed.nodes).toBeGreaterThan(400);
  expect(followed.inSight).toBeGreaterThan(0);
  expect(followed.hiddenInSight).toEqual([]);
  expect(followed.edgesCulled).toBeGreaterThan(300);
  // The edges from x, which every step reads, run the whole chain: only their pieces near the view are drawn (a dashed
  // highlight along all of one took 8 ms of raster a step).
  const fromX = await page.evaluate(() => {
    const x = document.querySelector('[data-label="x"]')!.getAttribute('data-node-id');
    const paths = [...document.querySelectorAll<SVGPathElement>(`path.edge[data-from="${x}"]`)];
    const length = (list: SVGPathElement[]) => list.reduce((sum, p) => sum + p.getTotalLength(), 0);
    return { all: length(paths), drawn: length(paths.filter((p) => !p.hasAttribute('data-culled'))) };
  });
  expect(fromX.drawn).toBeGreaterThan(0);
  expect(fromX.drawn).toBeLessThan(fromX.all / 4);
  // CONTRACTS §4 at the last step, culled or not.
  await expect(page.locator('[data-node-id]:not([data-grad-final])')).toHaveCount(0);
  // Stepping back pans the view to the start: what comes into sight is drawn.
  await page.locator('.graph-view').click({ position: { x: 3, y: 3 } });
  await press(page, 'Home');
  await expect(page.locator('[data-label="a1"]')).not.toHaveAttribute('data-culled');
  expect((await cullState(page)).hiddenInSight).toEqual([]);
  // The exported SVG has every node, none culled.
  await page.locator('.export-menu summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG', exact: true }).click()]);
  const svg = (await import('node:fs')).readFileSync(await download.path(), 'utf8');
  expect(svg.match(/data-node-id=/g)?.length).toBe(followed.nodes);
  expect(svg.includes('data-culled'), 'the export has no culled element and no culling rule').toBe(false);
  expect(svg.includes('foreignObject'), 'the export is plain SVG: the paint layers are flattened').toBe(false);
  expect(svg.match(/class="edge[ "]/g)?.length).toBe(await page.locator('path.edge').count());
  expect(await page.locator('[data-node-id][data-culled]').count()).toBeGreaterThan(300);
  // Printing draws the whole graph; back on screen it is culled again.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('[data-culled]')).toHaveCount(0);
  await page.emulateMedia({ media: 'screen' });
  await expect.poll(async () => (await cullState(page)).culled).toBeGreaterThan(300);
  // Fit (as far as the smallest zoom goes, a fifth of the chain): many more nodes in sight, every one drawn.
  await page.locator('.graph-view').click({ position: { x: 3, y: 3 } });
  await press(page, 'f');
  await expect.poll(async () => (await cullState(page)).inSight).toBeGreaterThan(50);
  expect((await cullState(page)).hiddenInSight).toEqual([]);
});
