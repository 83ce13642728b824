import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allFinite } from './tensor';

describe('allFinite', () => {
  it('is true exactly when no element is ±∞ or NaN, at any place, next to the largest and smallest numbers', () => {
    const element = fc.oneof(fc.double(), fc.constantFrom(0, -0, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity, NaN));
    fc.assert(
      fc.property(fc.array(element, { maxLength: 40 }), (values) => {
        expect(allFinite(Float64Array.from(values))).toBe(values.every(Number.isFinite));
        expect(allFinite(values)).toBe(values.every(Number.isFinite));
      }),
      { numRuns: 1000 },
    );
    expect(allFinite(new Float64Array(0))).toBe(true);
  });
});
