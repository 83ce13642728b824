import { describe, expect, it } from 'vitest';
import { iterationAt, linearScale, lossDomain, pathOf } from './chartGeometry';

describe('chart geometry', () => {
  it('draws through finite points and breaks the line at NaN and ∞', () => {
    const x = linearScale([0, 4], [0, 100]);
    const y = linearScale([0, 2], [50, 0]);
    expect(pathOf([[0, 2], [1, 1], [2, NaN], [3, 0.5], [4, 0]], x, y)).toBe('M0 0L25 25M75 37.5L100 50');
  });

  it('a loss axis starts at 0 and ends at the largest finite loss', () => {
    expect(lossDomain([0.7, 2.3, Infinity, NaN, 0.1])).toEqual([0, 2.3]);
    expect(lossDomain([-1, 3])).toEqual([-1, 3]);
    expect(lossDomain([NaN])).toEqual([0, 1]);
  });

  it('a click picks the nearest iteration inside the plot, clamped to the run', () => {
    const box = { width: 400, height: 100, left: 40, right: 10, top: 5, bottom: 15 };
    // The element is drawn at half size (200 px wide) from x = 100 on screen.
    expect(iterationAt(100 + 20, 100, 200, box, 350)).toBe(0);
    expect(iterationAt(100 + 195, 100, 200, box, 350)).toBe(350);
    expect(iterationAt(100 + 20 + (350 / 2) / 2, 100, 200, box, 350)).toBe(175);
    expect(iterationAt(0, 100, 200, box, 350)).toBe(0);
  });
});
