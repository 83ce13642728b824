import { describe, expect, it } from 'vitest';
import type { Tensor } from '../../engine';
import { colorOf, NON_FINITE_RGB } from './colorScale';
import { heatmapPixels, heatmapUrl, paintedCount } from './heatmapImage';

const tensor = (shape: number[], data: number[]): Tensor => ({ shape, data: Float64Array.from(data) });

describe('heatmapPixels', () => {
  it('paints one opaque pixel per element, row-major, in the colour of the scale', () => {
    const t = tensor([2, 3], [-2, -1, 0, 0.5, 1, 2]);
    const pixels = heatmapPixels(t, 2);
    expect(pixels.length).toBe(6 * 4);
    for (let e = 0; e < 6; e++) {
      expect([...pixels.subarray(e * 4, e * 4 + 3)]).toEqual([...colorOf(t.data[e], 2)]);
      expect(pixels[e * 4 + 3]).toBe(255);
    }
  });

  it('paints non-finite elements in the non-finite colour and clamps beyond the range', () => {
    const pixels = heatmapPixels(tensor([4], [NaN, Infinity, -Infinity, 5]), 1);
    for (let e = 0; e < 3; e++) expect([...pixels.subarray(e * 4, e * 4 + 3)]).toEqual([...NON_FINITE_RGB]);
    expect([...pixels.subarray(12, 15)]).toEqual([...colorOf(1, 1)]);
  });
});

describe('heatmapUrl', () => {
  it('paints a tensor once per range: the same tensor again is a cache hit, a new range or tensor is not', () => {
    const t = tensor([7, 7], Array.from({ length: 49 }, (_, i) => i - 24));
    const before = paintedCount();
    heatmapUrl(t, 24);
    heatmapUrl(t, 24);
    expect(paintedCount()).toBe(before + 1);
    heatmapUrl(t, 48);
    expect(paintedCount()).toBe(before + 2);
    heatmapUrl(tensor([7, 7], Array.from(t.data)), 24);
    expect(paintedCount()).toBe(before + 3);
  });
});
