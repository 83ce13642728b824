// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../engine';
import { collapsedModel } from '../graph/drawModel';
import { edgePieces } from '../graph/edgePath';
import { layoutGraph } from '../graph/layout';
import type { Box } from './followView';
import type { Drawing } from './useLayout';
import { createCuller, cullRect, drawingBoxes, overlaps, withAllDrawn } from './viewCull';

const CHAIN = ['x = 0.5', 'a0 = x', ...Array.from({ length: 40 }, (_, i) => `a${i + 1} = tanh(a${i} * 0.9 + x)`)].join('\n');
const compiled = compile(CHAIN);
const model = collapsedModel(compiled.graph, []);
const drawing: Drawing = { compiled, model, layout: layoutGraph(model) };
const SVG = 'http://www.w3.org/2000/svg';

/** The elements GraphLayers draws: edge paths in drawing order (a long edge has several), then each node's <g> with its box. */
function drawnLayer(): { layer: SVGGElement; nodes: Element[]; edges: Element[] } {
  const layer = document.createElementNS(SVG, 'g');
  const edgeGroup = layer.appendChild(document.createElementNS(SVG, 'g'));
  edgeGroup.setAttribute('class', 'edges');
  const edges = drawingBoxes(drawing).pieces.map(() => {
    const p = edgeGroup.appendChild(document.createElementNS(SVG, 'path'));
    p.setAttribute('class', 'edge');
    return p;
  });
  const nodeGroup = layer.appendChild(document.createElementNS(SVG, 'g'));
  nodeGroup.setAttribute('class', 'nodes');
  const nodes = model.nodes.map((n) => {
    const g = nodeGroup.appendChild(document.createElementNS(SVG, 'g'));
    g.setAttribute('data-node-id', compiled.graph.nodes[n.index].id);
    g.appendChild(document.createElementNS(SVG, 'rect')).setAttribute('class', 'node-shape');
    return g;
  });
  return { layer, nodes, edges };
}

const culled = (els: Element[]) => els.map((el) => el.hasAttribute('data-culled'));
const boxes = drawingBoxes(drawing);
const VIEW = { width: 600, height: 400 };
const inView = (t: { x: number; y: number; k: number }): Box => cullRect(t, VIEW.width, VIEW.height, 0);

describe('cullRect', () => {
  it('is the view in drawing units, grown by the margin on each side', () => {
    expect(cullRect({ x: 0, y: 0, k: 1 }, 600, 400, 0)).toEqual({ x0: -0, y0: -0, x1: 600, y1: 400 });
    // Panned left by 1,000 px at half size: the view shows drawing x 2,000 to 3,200.
    expect(cullRect({ x: -1000, y: 20, k: 0.5 }, 600, 400, 0.5)).toEqual({ x0: 1400, y0: -440, x1: 3800, y1: 1160 });
  });
});

describe('drawingBoxes', () => {
  it("gives a long edge (from x, read by every step) a box per piece, each far smaller than the edge's", () => {
    const longest = drawing.layout.edges.reduce((best, e, k) => (e.points.length > drawing.layout.edges[best].points.length ? k : best), 0);
    expect(drawing.layout.edges[longest].points.length).toBeGreaterThan(40);
    let first = 0;
    for (let k = 0; k < longest; k++) first += edgePieces(drawing.layout.edges[k].points).length;
    const own = boxes.pieces.slice(first, first + edgePieces(drawing.layout.edges[longest].points).length);
    expect(own.length).toBeGreaterThan(2);
    const edge = boxes.edges[longest];
    for (const b of own) {
      expect(b.x0).toBeGreaterThanOrEqual(edge.x0);
      expect(b.x1).toBeLessThanOrEqual(edge.x1);
      expect(b.x1 - b.x0).toBeLessThan((edge.x1 - edge.x0) / 2);
    }
    // Together they cover the edge's box.
    expect(Math.min(...own.map((b) => b.x0))).toBe(edge.x0);
    expect(Math.max(...own.map((b) => b.x1))).toBe(edge.x1);
  });
});

describe('createCuller', () => {
  it('culls the nodes and edges far from the view and nothing near it; a pan brings them back', () => {
    const { layer, nodes, edges } = drawnLayer();
    const culler = createCuller(layer, drawing);
    expect(drawing.layout.width).toBeGreaterThan(4 * VIEW.width); // a long chain, laid out left to right
    // The chain's row runs at y 765 to 1,212: the view starts at its left end.
    const start = { x: 0, y: -600, k: 1 };
    culler.update(start, VIEW.width, VIEW.height);
    const rect = cullRect(start, VIEW.width, VIEW.height);
    expect(culled(nodes)).toEqual(boxes.nodes.map((b) => !overlaps(b, rect)));
    expect(culled(edges)).toEqual(boxes.pieces.map((b) => !overlaps(b, rect)));
    const shown = culled(nodes).filter((c) => !c).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(nodes.length / 3);
    // To the far end of the chain: the first nodes go, the last come.
    const end = { x: VIEW.width - drawing.layout.width, y: -600, k: 1 };
    culler.update(end, VIEW.width, VIEW.height);
    expect(culled(nodes).slice(0, 3)).toEqual([true, true, true]);
    const endRect = cullRect(end, VIEW.width, VIEW.height);
    expect(culled(nodes)).toEqual(boxes.nodes.map((b) => !overlaps(b, endRect)));
  });

  it('never culls what is in sight, wherever the view is', () => {
    const { layer, nodes, edges } = drawnLayer();
    const culler = createCuller(layer, drawing);
    fc.assert(
      fc.property(fc.double({ min: -8000, max: 800, noNaN: true }), fc.double({ min: -400, max: 400, noNaN: true }), fc.double({ min: 0.05, max: 6, noNaN: true }), (x, y, k) => {
        culler.update({ x, y, k }, VIEW.width, VIEW.height);
        const sight = inView({ x, y, k });
        boxes.nodes.forEach((b, i) => overlaps(b, sight) && expect(nodes[i].hasAttribute('data-culled')).toBe(false));
        boxes.pieces.forEach((b, i) => overlaps(b, sight) && expect(edges[i].hasAttribute('data-culled')).toBe(false));
      }),
      { numRuns: 200 },
    );
  });

  it('draws everything while paused (printing) and culls again on resume; destroy leaves nothing culled', () => {
    const { layer, nodes } = drawnLayer();
    const culler = createCuller(layer, drawing);
    culler.update({ x: 0, y: -600, k: 1 }, VIEW.width, VIEW.height);
    const before = culled(nodes);
    expect(before).toContain(true);
    expect(before).toContain(false);
    culler.pause();
    expect(layer.querySelectorAll('[data-culled]')).toHaveLength(0);
    // A pan while paused changes nothing until resume, which culls to where the view is then: above the chain.
    culler.update({ x: 0, y: 0, k: 1 }, VIEW.width, VIEW.height);
    expect(layer.querySelectorAll('[data-culled]')).toHaveLength(0);
    culler.resume();
    expect(culled(nodes).every(Boolean)).toBe(true);
    culler.update({ x: 0, y: -600, k: 1 }, VIEW.width, VIEW.height);
    expect(culled(nodes)).toEqual(before);
    culler.destroy();
    expect(layer.querySelectorAll('[data-culled]')).toHaveLength(0);
  });

  it('leaves the edges alone when they do not match the drawing', () => {
    const { layer, edges } = drawnLayer();
    edges[0].remove();
    createCuller(layer, drawing).update({ x: 0, y: 0, k: 1 }, VIEW.width, VIEW.height);
    expect(layer.querySelectorAll('path[data-culled]')).toHaveLength(0);
    expect(layer.querySelectorAll('[data-node-id][data-culled]').length).toBeGreaterThan(0);
  });
});

describe('withAllDrawn', () => {
  it('shows every culled element while it runs, then culls the same ones again', () => {
    const { layer, nodes } = drawnLayer();
    createCuller(layer, drawing).update({ x: 0, y: 0, k: 1 }, VIEW.width, VIEW.height);
    const before = culled(nodes);
    const during = withAllDrawn(layer, () => layer.querySelectorAll('[data-culled]').length);
    expect(during).toBe(0);
    expect(culled(nodes)).toEqual(before);
  });
});
