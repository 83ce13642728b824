import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkBox, chunkBoxes } from './paintLayers';
import type { Box } from './followView';

const box = fc
  .tuple(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: 0, max: 500, noNaN: true }))
  .map(([x, y, w, h]): Box => ({ x0: x, y0: y, x1: x + w, y1: y + h }));

const inside = (b: Box, outer: Box, pad: number) => outer.x0 <= b.x0 - pad && outer.y0 <= b.y0 - pad && b.x1 + pad <= outer.x1 && b.y1 + pad <= outer.y1;

describe('chunkBox', () => {
  it('is the union of its boxes, widened by the pad and rounded outwards to whole units', () => {
    const boxes: Box[] = [
      { x0: 10.2, y0: 5, x1: 20, y1: 9.5 },
      { x0: -3.5, y0: 7, x1: 4, y1: 30.1 },
      { x0: 100, y0: 100, x1: 110, y1: 110 },
    ];
    expect(chunkBox(boxes, 0, 2)).toEqual({ x0: -4, y0: 5, x1: 20, y1: 31 });
    expect(chunkBox(boxes, 0, 2, 10)).toEqual({ x0: -14, y0: -5, x1: 30, y1: 41 });
    expect(chunkBox(boxes, 2, 2)).toEqual({ x0: 100, y0: 100, x1: 110, y1: 110 });
    expect(chunkBox(boxes, 3, 2)).toBeNull();
  });

  it('holds every box of its chunk, and the chunks follow the order of the boxes', () => {
    fc.assert(
      fc.property(fc.array(box, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 30 }), (boxes, size, pad) => {
        const chunks = chunkBoxes(boxes, size, pad);
        expect(chunks).toHaveLength(Math.ceil(boxes.length / size));
        boxes.forEach((b, k) => expect(inside(b, chunks[Math.floor(k / size)]!, pad)).toBe(true));
        for (const c of chunks) expect([c!.x0, c!.y0, c!.x1, c!.y1].every(Number.isInteger)).toBe(true);
      }),
    );
  });
});
