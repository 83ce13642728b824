import { describe, expect, it } from 'vitest';
import { edgePath } from './edgePath';

describe('edgePath', () => {
  it('draws a horizontal S-curve between two points, rounded to 0.1', () => {
    expect(edgePath([[0, 0], [100, 50.04]])).toBe('M0,0C50,0,50,50,100,50');
    expect(edgePath([[10.26, 5], [20, 5]])).toBe('M10.3,5C15.1,5,15.1,5,20,5');
  });

  it('draws a smooth spline through longer routes, starting and ending at the ends', () => {
    const d = edgePath([[0, 0], [50, 20], [100, 0]]);
    expect(d.startsWith('M0,0')).toBe(true);
    expect(d.endsWith('100,0')).toBe(true);
    expect(d).toContain('C');
  });

  it('draws nothing for fewer than two points', () => {
    expect(edgePath([[1, 1]])).toBe('');
  });
});
