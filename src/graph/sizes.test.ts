import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateNumberWidth, OP_NODE, roundedInset, squeezeTo } from './sizes';

describe('number lines of a node', () => {
  it('estimates superscripts narrower than digits', () => {
    expect(estimateNumberWidth('1.5', 10)).toBeCloseTo(18);
    expect(estimateNumberWidth('10⁻³⁹', 10)).toBeCloseTo(2 * 6 + 3 * 4);
  });

  it('squeezes only a line wider than its room', () => {
    expect(squeezeTo(80, 62)).toBe(62);
    expect(squeezeTo(50, 62)).toBeUndefined();
    expect(squeezeTo(62, 62)).toBeUndefined();
  });

  it("has a pill's round ends come in towards its top and bottom", () => {
    const r = OP_NODE.height / 2;
    expect(roundedInset(r, r, 0)).toBe(0);
    expect(roundedInset(r, r, r)).toBe(r);
    // The gradient line's digits, about 20 px below the middle of a 62-px pill: 6.9 px in.
    expect(roundedInset(r, r, 19.5)).toBeCloseTo(31 - Math.sqrt(31 * 31 - 19.5 * 19.5), 10);
  });

  it('has a box with small corners straight along most of its height', () => {
    expect(roundedInset(8, 31, 20)).toBe(0);
    expect(roundedInset(8, 31, 27)).toBeCloseTo(8 - Math.sqrt(64 - 16), 10);
    expect(roundedInset(8, 31, -27)).toBeCloseTo(roundedInset(8, 31, 27), 10);
  });

  it('is never negative and never more than the radius, and grows towards the ends', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 50, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (r, a, b) => {
        const half = r + 10;
        const [lo, hi] = a < b ? [a * half, b * half] : [b * half, a * half];
        const inLo = roundedInset(r, half, lo);
        const inHi = roundedInset(r, half, hi);
        return inLo >= 0 && inHi <= r + 1e-9 && inLo <= inHi + 1e-9;
      }),
    );
  });
});
