import { describe, expect, it } from 'vitest';
import { COLORS } from '../config';
import { colorOf, lutIndex, LUT_SIZE, NON_FINITE_RGB, PRGN_STOPS, rgbToLab, SCALE_LUT, symmetricMax } from './colorScale';

const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
const lab = (x: number, max = 1) => rgbToLab(colorOf(x, max));
const distance = (p: readonly number[], q: readonly number[]) => Math.hypot(...p.map((v, i) => v - q[i]));

describe('the heatmap colour scale', () => {
  it('is centred on zero: 0 is the neutral middle of PRGn, whatever the range', () => {
    for (const max of [1, 0.001, 250]) expect(colorOf(0, max)).toEqual(hex(PRGN_STOPS[4]));
    expect(lutIndex(0, 3)).toBe((LUT_SIZE - 1) / 2);
  });

  it('is symmetric: x and −x are equally light (equally strong), on opposite hues', () => {
    for (const x of [0.05, 0.2, 0.5, 0.8, 1]) {
      const [Lp, ap, bp] = lab(x);
      const [Ln, an, bn] = lab(-x);
      expect(Math.abs(Lp - Ln)).toBeLessThan(1.2);
      // Negative is purple (a* > 0, b* < 0), positive green (a* < 0, b* > 0): the blue–yellow
      // axis b* separates them, which red–green colour blindness keeps.
      expect(an).toBeGreaterThan(0);
      expect(ap).toBeLessThan(0);
      expect(bn).toBeLessThan(0);
      expect(bp).toBeGreaterThan(0);
    }
  });

  it('gets steadily darker away from zero on both sides', () => {
    let last = lab(0)[0];
    for (let x = 0.1; x <= 1.0001; x += 0.1) {
      const L = Math.max(lab(x)[0], lab(-x)[0]);
      expect(L).toBeLessThan(last + 0.5);
      last = L;
    }
    expect(lab(0)[0] - lab(1)[0]).toBeGreaterThan(45);
  });

  it('maps ± the range to the two ends and clamps beyond them', () => {
    expect(lutIndex(-2, 2)).toBe(0);
    expect(lutIndex(2, 2)).toBe(LUT_SIZE - 1);
    expect(lutIndex(10, 2)).toBe(LUT_SIZE - 1);
    expect(lutIndex(-10, 2)).toBe(0);
    expect(colorOf(-2, 2)).toEqual([SCALE_LUT[0], SCALE_LUT[1], SCALE_LUT[2]]);
    // An all-zero tensor has range 0: every cell is the middle.
    expect(colorOf(0, 0)).toEqual(hex(PRGN_STOPS[4]));
  });

  it('paints ∞ and NaN black, apart from every colour of the scale', () => {
    for (const x of [Infinity, -Infinity, NaN]) expect(colorOf(x, 1)).toEqual(NON_FINITE_RGB);
    for (let i = 0; i < LUT_SIZE; i++) expect(rgbToLab([SCALE_LUT[i * 4], SCALE_LUT[i * 4 + 1], SCALE_LUT[i * 4 + 2]])[0]).toBeGreaterThan(25);
  });

  it('reads as neither the value blue nor the gradient vermillion or orange', () => {
    for (const c of [COLORS.value, COLORS.grad, COLORS.partial]) {
      const target = rgbToLab(hex(c));
      for (let i = 0; i < LUT_SIZE; i++) {
        expect(distance(rgbToLab([SCALE_LUT[i * 4], SCALE_LUT[i * 4 + 1], SCALE_LUT[i * 4 + 2]]), target)).toBeGreaterThan(35);
      }
    }
  });

  it('takes its range from the largest finite |x|', () => {
    expect(symmetricMax(Float64Array.of(-3, 1, 2))).toBe(3);
    expect(symmetricMax(Float64Array.of(0.5, -Infinity, NaN))).toBe(0.5);
    expect(symmetricMax(Float64Array.of(0, 0))).toBe(0);
  });
});
