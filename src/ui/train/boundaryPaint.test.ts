import { describe, expect, it } from 'vitest';
import type { Boundary } from '../../train/protocol';
import { boundaryPixels, extentOf, toCanvas } from './boundaryPaint';

describe('the decision boundary picture', () => {
  it('tints each cell with its class, white at chance and the class colour (70%) where sure', () => {
    const b: Boundary = { resolution: 2, extent: [0, 1, 0, 1], classes: Int32Array.of(0, 1, 1, 0), confidence: Float32Array.of(1, 1, 0.5, 0.75) };
    const px = boundaryPixels(b, 2);
    // class 0 (#0072B2) sure: 255 + (0 − 255)·0.7 = 76.5 (a clamped array rounds it to even: 76), 156.3, 201.1
    expect(Array.from(px.slice(0, 4))).toEqual([76, 156, 201, 255]);
    // class 1 (#E69F00) sure
    expect(Array.from(px.slice(4, 8))).toEqual([238, 188, 76, 255]);
    // at chance: white
    expect(Array.from(px.slice(8, 12))).toEqual([255, 255, 255, 255]);
    // halfway sure: half the tint
    expect(Array.from(px.slice(12, 16))).toEqual([166, 206, 228, 255]);
  });

  it('maps the plane onto the canvas with y up', () => {
    expect(toCanvas([-1, 1, -2, 2], 200, 0, 0)).toEqual([100, 100]);
    expect(toCanvas([-1, 1, -2, 2], 200, -1, 2)).toEqual([0, 0]);
    expect(toCanvas([-1, 1, -2, 2], 200, 1, -2)).toEqual([200, 200]);
  });

  it('frames the points with a tenth of a margin', () => {
    expect(extentOf({ x: Float64Array.of(0, 0, 10, 5), labels: null, trainRows: 2 })).toEqual([-1, 11, -0.5, 5.5]);
  });
});
