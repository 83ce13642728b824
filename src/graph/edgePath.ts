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

/** An edge's path of more than this many segments is drawn as several paths of at most this many (edgePieces). */
export const PIECE_SEGMENTS = 16;
/** Nor is a piece longer than about this (drawing units, some ten views wide at a readable zoom): a segment longer than it is cut into parts along the same curve. */
export const PIECE_LENGTH = 5000;

/** One path of an edge and the box that holds it (its points and control points). */
export interface EdgePiece {
  readonly d: string;
  readonly box: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
}

const pieceCache = new WeakMap<readonly Point[], readonly EdgePiece[]>();

type Segment = { op: 'L' | 'C'; nums: number[] };

const polygonLength = (from: readonly number[], nums: readonly number[]): number => {
  let length = 0;
  let [x, y] = from;
  for (let j = 0; j + 1 < nums.length; j += 2) {
    length += Math.hypot(nums[j] - x, nums[j + 1] - y);
    [x, y] = [nums[j], nums[j + 1]];
  }
  return length;
};

/** `seg` from `from` cut into `n` parts along the same line or curve (de Casteljau at t = i/n), rounded as edgePath rounds. */
function cut(from: readonly [number, number], seg: Segment, n: number): Segment[] {
  const at = (t: number): number[] => {
    const [x0, y0] = from;
    if (seg.op === 'L') return [x0 + (seg.nums[0] - x0) * t, y0 + (seg.nums[1] - y0) * t];
    const [x1, y1, x2, y2, x3, y3] = seg.nums;
    const u = 1 - t;
    return [u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3, u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3];
  };
  const out: Segment[] = [];
  for (let i = 0; i < n; i++) {
    const [t0, t1] = [i / n, (i + 1) / n];
    if (seg.op === 'L') {
      out.push({ op: 'L', nums: at(t1).map(r) });
      continue;
    }
    // The part of a cubic between t0 and t1 is a cubic whose inner control points follow from the derivative.
    const [x0, y0, x1, y1, x2, y2, x3, y3] = [from[0], from[1], ...seg.nums];
    const d = (t: number): number[] => {
      const u = 1 - t;
      return [3 * (u * u * (x1 - x0) + 2 * u * t * (x2 - x1) + t * t * (x3 - x2)), 3 * (u * u * (y1 - y0) + 2 * u * t * (y2 - y1) + t * t * (y3 - y2))];
    };
    const [p0, p3, d0, d3] = [at(t0), at(t1), d(t0), d(t1)];
    const h = (t1 - t0) / 3;
    out.push({ op: 'C', nums: [p0[0] + d0[0] * h, p0[1] + d0[1] * h, p3[0] - d3[0] * h, p3[1] - d3[1] * h, p3[0], p3[1]].map(r) });
  }
  return out;
}

/**
 * edgePath(points) cut into paths of at most `size` segments and about
 * `length` units, each starting where the one before ends: drawn one after
 * another they are the same curve. A long edge (from an input every step of a
 * chain reads, 100,000 units long) then has pieces with boxes of their own: the
 * view draws only the pieces near it, and a dashed highlight is not dashed
 * along the whole route (that took 8 ms of raster a step).
 */
export function edgePieces(points: readonly Point[], size = PIECE_SEGMENTS, length = PIECE_LENGTH): readonly EdgePiece[] {
  const shared = size === PIECE_SEGMENTS && length === PIECE_LENGTH;
  const cached = shared ? pieceCache.get(points) : undefined;
  if (cached) return cached;
  const d = edgePath(points);
  const commands = [...d.matchAll(/([MLC])([^MLC]*)/g)].map((m) => ({ op: m[1], nums: m[2].split(',').map(Number) }));
  if (commands.length === 0) return [];
  // The segments after the first move, long ones cut into parts.
  let start: [number, number] = [commands[0].nums[0], commands[0].nums[1]];
  const first = start;
  const segments: Segment[] = [];
  for (const c of commands.slice(1)) {
    const seg = c as Segment;
    const parts = Math.ceil(polygonLength(start, seg.nums) / length);
    segments.push(...(parts > 1 ? cut(start, seg, parts) : [seg]));
    start = [seg.nums[seg.nums.length - 2], seg.nums[seg.nums.length - 1]];
  }
  const pieces: EdgePiece[] = [];
  let from = first;
  for (let i = 0; i < segments.length; ) {
    let text = `M${from[0]},${from[1]}`;
    let [x0, y0, x1, y1] = [from[0], from[1], from[0], from[1]];
    let count = 0;
    let run = 0;
    while (i < segments.length && count < size && (count === 0 || run + polygonLength(from, segments[i].nums) <= length)) {
      const { op, nums } = segments[i++];
      run += polygonLength(from, nums);
      text += `${op}${nums.join(',')}`;
      for (let j = 0; j + 1 < nums.length; j += 2) {
        x0 = Math.min(x0, nums[j]);
        x1 = Math.max(x1, nums[j]);
        y0 = Math.min(y0, nums[j + 1]);
        y1 = Math.max(y1, nums[j + 1]);
      }
      from = [nums[nums.length - 2], nums[nums.length - 1]];
      count++;
    }
    pieces.push({ d: text, box: { x0, y0, x1, y1 } });
  }
  if (shared) pieceCache.set(points, pieces);
  return pieces;
}
