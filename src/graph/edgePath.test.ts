import { describe, expect, it } from 'vitest';
import { edgePath } from './edgePath';

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
