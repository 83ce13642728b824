// Where each edge writes the gradient it carries back. Above the middle of the
// edge, unless that label would cover another edge's label or a node: then
// below it, or further along the edge on either side of the middle. Edges that cross near
// their middles (a layer of weights fanning into products) otherwise write
// their numbers on top of each other ("0.25" over "−1").
import type { Point } from './layout';

/** Where a label's text is anchored: its middle, on its baseline. */
export interface Spot {
  readonly x: number;
  readonly y: number;
}

interface Rect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** The box a label takes: 12 px digits, up to about six of them; written 5 px above the edge, or 15 px below it. */
export const LABEL_BOX = { width: 46, height: 15, above: 5, below: 15 } as const;

/** Fractions along an edge tried in turn. */
const ALONG = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82] as const;

/** Beyond this many edges labels stay at the middles (big graphs draw no edge labels). */
const MAX_PLACED = 1500;

/**
 * The point a fraction `t` of the way along an edge: on the S-curve of a
 * two-point edge (edgePath's cubic), along the route of a longer one.
 */
export function pointAlong(points: readonly Point[], t: number): Spot {
  if (points.length === 0) return { x: 0, y: 0 };
  if (points.length === 1) return { x: points[0][0], y: points[0][1] };
  if (points.length === 2) {
    const [[x0, y0], [x1, y1]] = points;
    const mx = (x0 + x1) / 2;
    const u = 1 - t;
    // Cubic Bézier with controls (mx, y0) and (mx, y1).
    const x = u * u * u * x0 + 3 * u * u * t * mx + 3 * u * t * t * mx + t * t * t * x1;
    const y = u * u * u * y0 + 3 * u * u * t * y0 + 3 * u * t * t * y1 + t * t * t * y1;
    return { x, y };
  }
  const lengths: number[] = [];
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const d = Math.hypot(points[i][0] - points[i - 1][0], points[i][1] - points[i - 1][1]);
    lengths.push(d);
    total += d;
  }
  let left = t * total;
  for (let i = 0; i < lengths.length; i++) {
    if (left <= lengths[i] || i === lengths.length - 1) {
      const f = lengths[i] === 0 ? 0 : Math.min(1, left / lengths[i]);
      return { x: points[i][0] + f * (points[i + 1][0] - points[i][0]), y: points[i][1] + f * (points[i + 1][1] - points[i][1]) };
    }
    left -= lengths[i];
  }
  const last = points[points.length - 1];
  return { x: last[0], y: last[1] };
}

/** The box of a label whose text is anchored (middle, baseline) at `s`. */
export const labelRect = (s: Spot): Rect => ({
  x0: s.x - LABEL_BOX.width / 2,
  x1: s.x + LABEL_BOX.width / 2,
  y0: s.y - LABEL_BOX.height + 3,
  y1: s.y + 3,
});

/** The area two boxes share. */
const shared = (a: Rect, b: Rect): number => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/**
 * A label spot for every edge, in order: each the first spot along its edge
 * whose label covers no node and no label placed before it; where every spot
 * covers something, the one that covers least (a label over a label counts
 * four times: two numbers on top of each other cannot be read). `nodes` are the
 * drawn nodes' boxes (centre and size).
 */
export function placeEdgeLabels(edges: readonly (readonly Point[])[], nodes: readonly { x: number; y: number; width: number; height: number }[]): Spot[] {
  const above = (p: Spot): Spot => ({ x: p.x, y: p.y - LABEL_BOX.above });
  const middle = edges.map((points) => above(pointAlong(points, 0.5)));
  if (edges.length > MAX_PLACED) return middle;
  const nodeRects: Rect[] = nodes.map((n) => ({ x0: n.x - n.width / 2, x1: n.x + n.width / 2, y0: n.y - n.height / 2, y1: n.y + n.height / 2 }));
  const placed: Rect[] = [];
  return edges.map((points, k) => {
    let best = middle[k];
    let bestCost = Infinity;
    search: for (const t of ALONG) {
      const on = pointAlong(points, t);
      for (const spot of [above(on), { x: on.x, y: on.y + LABEL_BOX.below }]) {
        const rect = labelRect(spot);
        let cost = 0;
        for (const n of nodeRects) cost += shared(rect, n);
        for (const p of placed) cost += 4 * shared(rect, p);
        if (cost < bestCost) {
          best = spot;
          bestCost = cost;
          if (cost === 0) break search;
        }
      }
    }
    placed.push(labelRect(best));
    return best;
  });
}
