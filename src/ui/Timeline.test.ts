import { describe, expect, it } from 'vitest';
import { labelStretch } from './Timeline';

describe('where a pass label goes on the timeline', () => {
  it('takes its whole half while the thumb is elsewhere, the seed included', () => {
    expect(labelStretch(0, 0.4, 0.4)).toBeUndefined();
    expect(labelStretch(0.4, 1, 0.4)).toBeUndefined();
    expect(labelStretch(0.4, 1, 0)).toBeUndefined();
    expect(labelStretch(0, 0.4, 1)).toBeUndefined();
  });

  it('takes the half of its half away from the thumb, clear of it', () => {
    // The thumb a quarter into the backward half: the label goes to its right half.
    expect(labelStretch(0.4, 1, 0.55)).toEqual({ marginLeft: 'calc(50% + 8px)' });
    expect(labelStretch(0.4, 1, 0.69)).toEqual({ marginLeft: 'calc(50% + 8px)' });
    // Past the middle: its left half.
    expect(labelStretch(0.4, 1, 0.71)).toEqual({ width: 'calc(50% - 8px)' });
    expect(labelStretch(0, 0.4, 0.3)).toEqual({ width: 'calc(50% - 8px)' });
  });
});
