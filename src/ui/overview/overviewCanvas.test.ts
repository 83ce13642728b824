import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Box } from '../followView';
import { mergeRects } from './overviewCanvas';

const rect = fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 80 })).map(([x, y, w, h]): Box => ({ x0: x, y0: y, x1: x + w, y1: y + h }));
const inside = (a: Box, b: Box) => a.x0 >= b.x0 && a.y0 >= b.y0 && a.x1 <= b.x1 && a.y1 <= b.y1;

describe('mergeRects', () => {
  it('covers every rectangle it was given, with no more rectangles', () => {
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 40 }), (rects) => {
        const merged = mergeRects(rects);
        expect(merged.length).toBeLessThanOrEqual(rects.length);
        for (const r of rects) expect(merged.some((m) => inside(r, m))).toBe(true);
      }),
    );
  });

  it('joins overlapping neighbours and leaves far-apart rectangles alone', () => {
    expect(mergeRects([{ x0: 0, y0: 0, x1: 10, y1: 10 }, { x0: 2, y0: 2, x1: 12, y1: 12 }])).toEqual([{ x0: 0, y0: 0, x1: 12, y1: 12 }]);
    const apart = [{ x0: 0, y0: 0, x1: 10, y1: 10 }, { x0: 300, y0: 300, x1: 310, y1: 310 }];
    expect(mergeRects(apart)).toEqual(apart);
  });
});
