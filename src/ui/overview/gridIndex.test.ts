import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Box } from '../followView';
import { createGridIndex } from './gridIndex';

const box = fc.tuple(fc.integer({ min: -500, max: 500 }), fc.integer({ min: -500, max: 500 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 })).map(([x, y, w, h]): Box => ({ x0: x, y0: y, x1: x + w, y1: y + h }));
const brute = (boxes: Box[], q: Box) => boxes.flatMap((b, i) => (b.x0 <= q.x1 && q.x0 <= b.x1 && b.y0 <= q.y1 && q.y0 <= b.y1 ? [i] : []));

describe('createGridIndex', () => {
  it('finds exactly the boxes that overlap a query, in order', () => {
    fc.assert(
      fc.property(fc.array(box, { maxLength: 120 }), fc.array(box, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 40 }), (boxes, queries, cells) => {
        const index = createGridIndex(boxes, cells);
        for (const q of queries) expect(index.query(q)).toEqual(brute(boxes, q));
      }),
    );
  });

  it('counts a box that only touches the query, and none far away', () => {
    const index = createGridIndex([{ x0: 0, y0: 0, x1: 10, y1: 10 }, { x0: 100, y0: 100, x1: 110, y1: 110 }]);
    expect(index.query({ x0: 10, y0: 10, x1: 20, y1: 20 })).toEqual([0]);
    expect(index.query({ x0: 1000, y0: 1000, x1: 2000, y1: 2000 })).toEqual([]);
    expect(createGridIndex([]).query({ x0: 0, y0: 0, x1: 1, y1: 1 })).toEqual([]);
  });
});
