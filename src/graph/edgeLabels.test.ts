import { describe, expect, it } from 'vitest';
import { LABEL_BOX, labelRect, placeEdgeLabels, pointAlong, type Spot } from './edgeLabels';
import type { Point } from './layout';

const rect = labelRect;
const apart = (a: Spot, b: Spot) => {
  const p = rect(a);
  const q = rect(b);
  return p.x1 <= q.x0 || q.x1 <= p.x0 || p.y1 <= q.y0 || q.y1 <= p.y0;
};

describe('pointAlong', () => {
  it('follows the S-curve of a two-point edge: its ends at 0 and 1, the centre at 0.5', () => {
    const edge: Point[] = [[0, 0], [100, 40]];
    expect(pointAlong(edge, 0)).toEqual({ x: 0, y: 0 });
    expect(pointAlong(edge, 1)).toEqual({ x: 100, y: 40 });
    expect(pointAlong(edge, 0.5)).toEqual({ x: 50, y: 20 });
    // The curve leaves horizontally: a quarter of the way it has risen less than a quarter.
    expect(pointAlong(edge, 0.25).y).toBeLessThan(10);
  });

  it('walks a longer route by length', () => {
    const route: Point[] = [[0, 0], [30, 0], [30, 10]];
    expect(pointAlong(route, 0.5)).toEqual({ x: 20, y: 0 });
    expect(pointAlong(route, 1)).toEqual({ x: 30, y: 10 });
  });
});

describe('placeEdgeLabels', () => {
  it('writes a lone edge’s label above its middle', () => {
    expect(placeEdgeLabels([[[0, 0], [200, 0]]], [])).toEqual([{ x: 100, y: -LABEL_BOX.above }]);
  });

  it('two edges that cross at their middles write their numbers apart', () => {
    const spots = placeEdgeLabels(
      [
        [[0, 0], [200, 60]],
        [[0, 60], [200, 0]],
      ],
      [],
    );
    expect(spots[0]).toEqual({ x: 100, y: 30 - LABEL_BOX.above });
    expect(apart(spots[0], spots[1])).toBe(true);
  });

  it('moves a label off a node that sits at the middle of the edge', () => {
    const node = { x: 150, y: 0, width: 60, height: 40 };
    const [spot] = placeEdgeLabels([[[0, 0], [300, 0]]], [node]);
    const r = rect(spot);
    expect(r.x1 <= node.x - node.width / 2 || r.x0 >= node.x + node.width / 2).toBe(true);
  });

  it('a fan of many edges into one place keeps the labels it can apart, and every edge has one', () => {
    const edges: Point[][] = Array.from({ length: 6 }, (_, i) => [[0, i * 30], [300, 75]]);
    const spots = placeEdgeLabels(edges, []);
    expect(spots).toHaveLength(6);
    for (let i = 0; i < 6; i++) for (let j = i + 1; j < 6; j++) expect(apart(spots[i], spots[j]), `${i} and ${j}`).toBe(true);
  });
});

describe('the labels of every lesson', () => {
  // Where lessons' edges cross (the two-layer lesson's weights fanning into products), numbers were written on top of each other.
  it('never cover each other by more than a sliver', async () => {
    const { LESSONS } = await import('../../fixtures/lessons');
    const { compile } = await import('../engine');
    const { toDrawModel } = await import('./drawModel');
    const { layoutGraph } = await import('./layout');
    for (const lesson of LESSONS) {
      if (/^data /m.test(lesson.program)) continue; // image sets load in the page; their graphs are big anyway
      const { graph } = compile(lesson.program);
      if (graph.nodes.length > 300) continue; // big graphs draw no edge labels
      const model = toDrawModel(graph);
      const layout = layoutGraph(model);
      const spots = placeEdgeLabels(
        layout.edges.map((e) => e.points),
        model.nodes.map((n, k) => ({ x: layout.nodes[k].x, y: layout.nodes[k].y, width: n.width, height: n.height })),
      );
      const rects = spots.map(rect);
      let worst = 0;
      for (let i = 0; i < rects.length; i++)
        for (let j = i + 1; j < rects.length; j++) {
          const w = Math.max(0, Math.min(rects[i].x1, rects[j].x1) - Math.max(rects[i].x0, rects[j].x0));
          const h = Math.max(0, Math.min(rects[i].y1, rects[j].y1) - Math.max(rects[i].y0, rects[j].y0));
          worst = Math.max(worst, (w * h) / (LABEL_BOX.width * LABEL_BOX.height));
        }
      expect(worst, lesson.id).toBeLessThan(0.15);
    }
  });
});
