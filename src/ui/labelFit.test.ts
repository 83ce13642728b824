import { describe, expect, it } from 'vitest';
import { fitLabel, MIN_TITLE_FONT } from './labelFit';

describe('fitLabel', () => {
  it('keeps a short label at the title size', () => {
    expect(fitLabel('x1*w1', 100)).toEqual({ text: 'x1*w1', fontSize: null });
  });

  it("shrinks the lecture's longest label to fit a value box, and no further than needed", () => {
    const fitted = fitLabel('x1*w1 + x2*w2', 100);
    expect(fitted.text).toBe('x1*w1 + x2*w2');
    expect(fitted.fontSize).toBeGreaterThanOrEqual(MIN_TITLE_FONT);
    expect(fitted.fontSize).toBeLessThan(14);
    expect(fitted.fontSize! * 0.62 * 13).toBeLessThanOrEqual(100 - 12);
  });

  it('cuts a label too long even for the smallest font, with an ellipsis', () => {
    const fitted = fitLabel('the output of the whole network, before the loss', 100);
    expect(fitted.fontSize).toBe(MIN_TITLE_FONT);
    expect(fitted.text.endsWith('…')).toBe(true);
    expect(Array.from(fitted.text).length * 0.62 * MIN_TITLE_FONT).toBeLessThanOrEqual(100 - 12 + 0.62 * MIN_TITLE_FONT);
  });

  it('counts Chinese characters as wide', () => {
    expect(fitLabel('价格', 100).fontSize).toBeNull();
    expect(fitLabel('苹果的价格乘以个数', 100).fontSize).not.toBeNull();
    expect(fitLabel('x1*w1+x2*w', 100).fontSize).toBeNull(); // ten Latin characters fit
  });
});
