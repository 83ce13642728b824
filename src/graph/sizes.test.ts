import { describe, expect, it } from 'vitest';
import { estimateNumberWidth, numberSqueeze, OP_NODE } from './sizes';

describe('number lines of a node', () => {
  it('counts superscripts narrower than digits', () => {
    expect(estimateNumberWidth('1.5', 10)).toBeCloseTo(18);
    expect(estimateNumberWidth('10⁻³⁹', 10)).toBeCloseTo(2 * 6 + 3 * 4);
  });

  it('squeezes a long gradient into an operation pill and leaves a short one alone', () => {
    const room = OP_NODE.width - 8;
    expect(numberSqueeze('∇3.474×10⁻³⁹…', room, 14)).toBe(room);
    expect(numberSqueeze('∇-0.42', room, 14)).toBeUndefined();
    expect(numberSqueeze('', room, 14)).toBeUndefined();
  });
});
