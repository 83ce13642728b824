import { describe, expect, it } from 'vitest';
import { edgePath, edgePieces } from './edgePath';

describe('edgePath', () => {
  it('draws a horizontal S-curve between two points, rounded to 0.1', () => {
    expect(edgePath([[0, 0], [100, 50.04]])).toBe('M0,0C50,0,50,50,100,50');
    expect(edgePath([[10.26, 5], [20, 5]])).toBe('M10.3,5C15.1,5,15.1,5,20,5');
  });

  it('draws a smooth spline through longer routes, starting and ending at the ends', () => {
    expect(edgePath([[0, 0], [50, 20], [100, 0]])).toBe('M0,0L8.3,3.3C16.7,6.7,33.3,13.3,50,13.3C66.7,13.3,83.3,6.7,91.7,3.3L100,0');
    expect(edgePath([[0.04, 1.06], [30.333, 10], [60, 10], [90.99, 0]])).toBe(
      'M0,1.1L5.1,2.6C10.1,4,20.2,7,30.2,8.5C40.2,10,50.1,10,60.2,8.3C70.3,6.7,80.7,3.3,85.8,1.7L91,0',
    );
  });

  it('draws nothing for fewer than two points', () => {
    expect(edgePath([[1, 1]])).toBe('');
  });
});

describe('edgePieces', () => {
  const route = (n: number): [number, number][] => Array.from({ length: n }, (_, i) => [i * 40, (i % 3) * 15]);
  const segments = (d: string) => (d.match(/[LC]/g) ?? []).length;

  it('leaves a short edge whole, with the box of its points and control points', () => {
    const pieces = edgePieces([[0, 0], [100, 50]]);
    expect(pieces).toEqual([{ d: 'M0,0C50,0,50,50,100,50', box: { x0: 0, y0: 0, x1: 100, y1: 50 } }]);
  });

  it('cuts a long route into pieces of at most 16 segments, each starting where the one before ends, with the same segments in order', () => {
    const points = route(60);
    const whole = edgePath(points);
    const pieces = edgePieces(points);
    expect(pieces.length).toBe(Math.ceil(segments(whole) / 16));
    for (const p of pieces) expect(segments(p.d)).toBeLessThanOrEqual(16);
    // Dropping each later piece's leading move gives back the whole path.
    expect(pieces.map((p, i) => (i === 0 ? p.d : p.d.replace(/^M[^LC]*/, ''))).join('')).toBe(whole);
    for (let i = 1; i < pieces.length; i++) {
      const end = pieces[i - 1].d.match(/(-?[\d.]+),(-?[\d.]+)$/)!;
      expect(pieces[i].d.startsWith(`M${end[1]},${end[2]}`)).toBe(true);
    }
    // Each box holds every coordinate of its piece, and the pieces' boxes are far smaller than the whole route's.
    for (const p of pieces) {
      const nums = p.d.match(/-?[\d.]+/g)!.map(Number);
      for (let j = 0; j < nums.length; j += 2) {
        expect(nums[j]).toBeGreaterThanOrEqual(p.box.x0);
        expect(nums[j]).toBeLessThanOrEqual(p.box.x1);
        expect(nums[j + 1]).toBeGreaterThanOrEqual(p.box.y0);
        expect(nums[j + 1]).toBeLessThanOrEqual(p.box.y1);
      }
      expect(p.box.x1 - p.box.x0).toBeLessThan(17 * 40);
    }
  });

  it('cuts a segment 100,000 units long into parts of about 5,000 along the same curve', () => {
    const pieces = edgePieces([[0, 0], [100_000, 50]]);
    expect(pieces.length).toBe(Math.ceil(100_050 / 5000));
    expect(pieces[0].d.startsWith('M0,0C')).toBe(true);
    expect(pieces[pieces.length - 1].d.endsWith(',100000,50')).toBe(true);
    // The original S-curve M0,0 C50000,0 50000,50 100000,50 at t: each piece ends on it.
    const curve = (t: number) => [3 * (1 - t) ** 2 * t * 50_000 + 3 * (1 - t) * t * t * 50_000 + t ** 3 * 100_000, 3 * (1 - t) * t * t * 50 + t ** 3 * 50];
    pieces.forEach((p, i) => {
      const end = p.d.match(/(-?[\d.]+),(-?[\d.]+)$/)!.slice(1).map(Number);
      const n = pieces.length;
      const [x, y] = curve((i + 1) / n);
      expect(Math.abs(end[0] - x)).toBeLessThan(0.2);
      expect(Math.abs(end[1] - y)).toBeLessThan(0.2);
      expect(p.box.x1 - p.box.x0).toBeLessThan(2 * 5000);
      if (i > 0) expect(p.d.startsWith(`M${pieces[i - 1].d.match(/(-?[\d.]+,-?[\d.]+)$/)![1]}C`)).toBe(true);
    });
  });

  it('returns the same pieces for the same points (a drawing and its culler share them)', () => {
    const points = route(40);
    expect(edgePieces(points)).toBe(edgePieces(points));
  });
});
