import { describe, expect, it } from 'vitest';
import { labelStretch } from './Timeline';

describe('where a pass label goes on the timeline', () => {
  it('takes its whole half while the thumb is elsewhere, the seed included', () => {
    expect(labelStretch(0, 0.4, 0.4)).toBeUndefined();
    expect(labelStretch(0.4, 1, 0.4)).toBeUndefined();
    expect(labelStretch(0.4, 1, 0)).toBeUndefined();
    expect(labelStretch(0, 0.4, 1)).toBeUndefined();
  });

  it('takes the wider stretch beside the thumb, clear of it', () => {
    // The thumb a quarter into the backward half: the label goes right of it.
    expect(labelStretch(0.4, 1, 0.55)).toEqual({ marginLeft: 'calc(25.000% + 8px)' });
    // Three quarters in: left of it.
    expect(labelStretch(0.4, 1, 0.85)).toEqual({ width: 'calc(75.000% - 8px)' });
    expect(labelStretch(0, 0.4, 0.2)).toEqual({ width: 'calc(50.000% - 8px)' });
  });
});
