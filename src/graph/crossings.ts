// Counts edge crossings in a drawn layout: pairs of polyline segments that
// properly intersect (segments that only share an endpoint do not count).
import type { Layout, Point } from './layout';

function orient(a: Point, b: Point, c: Point): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return Math.abs(v) < 1e-9 ? 0 : Math.sign(v);
}

function properlyIntersect(p1: Point, p2: Point, q1: Point, q2: Point): boolean {
  const o1 = orient(p1, p2, q1);
  const o2 = orient(p1, p2, q2);
  const o3 = orient(q1, q2, p1);
  const o4 = orient(q1, q2, p2);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

/** Number of crossing pairs between distinct edges. O(S²) in segments, with an x-range filter. */
export function countCrossings(layout: Layout): number {
  const segments: { edge: number; a: Point; b: Point; minX: number; maxX: number }[] = [];
  layout.edges.forEach((e, edge) => {
    for (let i = 0; i + 1 < e.points.length; i++) {
      const a = e.points[i];
      const b = e.points[i + 1];
      segments.push({ edge, a, b, minX: Math.min(a[0], b[0]), maxX: Math.max(a[0], b[0]) });
    }
  });
  segments.sort((s, t) => s.minX - t.minX);
  let count = 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    for (let j = i + 1; j < segments.length && segments[j].minX < s.maxX; j++) {
      const u = segments[j];
      if (u.edge !== s.edge && properlyIntersect(s.a, s.b, u.a, u.b)) count++;
    }
  }
  return count;
}
