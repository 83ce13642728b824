import { describe, expect, it } from 'vitest';
import { countCrossings } from './crossings';
import type { Layout, Point } from './layout';

const drawing = (...routes: Point[][]): Layout => ({ nodes: [], width: 10, height: 10, edges: routes.map((points) => ({ points })) });

describe('countCrossings', () => {
  it('counts one crossing of two diagonals', () => {
    expect(countCrossings(drawing([[0, 0], [10, 10]], [[0, 10], [10, 0]]))).toBe(1);
  });

  it('does not count parallel edges or edges that only share an end', () => {
    expect(countCrossings(drawing([[0, 0], [10, 0]], [[0, 5], [10, 5]]))).toBe(0);
    expect(countCrossings(drawing([[0, 0], [10, 5]], [[0, 10], [10, 5]]))).toBe(0);
  });

  it('counts crossings between segments of polylines, each pair of segments once', () => {
    // A zig-zag crossed twice by a straight edge.
    expect(countCrossings(drawing([[0, 0], [5, 10], [10, 0]], [[0, 5], [10, 5]]))).toBe(2);
    expect(countCrossings(drawing([[0, 0], [5, 10], [10, 0]]))).toBe(0);
  });
});
