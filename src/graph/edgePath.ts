// SVG path data for an edge polyline: a horizontal S-curve between two points,
// a smooth B-spline through longer routes. Numbers are rounded to 0.1.
import { curveBasis, line } from 'd3-shape';
import type { Point } from './layout';

const r = (x: number): number => Math.round(x * 10) / 10;

const spline = line<Point>()
  .x((p) => p[0])
  .y((p) => p[1])
  .curve(curveBasis)
  .digits(1);

export function edgePath(points: readonly Point[]): string {
  if (points.length < 2) return '';
  if (points.length === 2) {
    const [[x0, y0], [x1, y1]] = points;
    const mx = (x0 + x1) / 2;
    return `M${r(x0)},${r(y0)}C${r(mx)},${r(y0)},${r(mx)},${r(y1)},${r(x1)},${r(y1)}`;
  }
  return spline(points as Point[]) ?? '';
}
