import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, texFactor, texNumber } from './number';

describe('formatNumber', () => {
  it('writes numbers the way a student reads them', () => {
    expect(formatNumber(3)).toBe('3');
    expect(formatNumber(-2.5)).toBe('−2.5');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1 / 3)).toBe('0.3333');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(123456)).toBe('123456');
    expect(formatNumber(1234567.8)).toBe('1.235×10⁶');
    expect(formatNumber(0.0000123)).toBe('1.23×10⁻⁵');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('−∞');
    expect(formatNumber(NaN)).toBe('NaN');
  });

  it('shows small integers exactly and is never empty', () => {
    fc.assert(
      fc.property(fc.integer({ min: -999_999, max: 999_999 }), (k) => {
        expect(Number(formatNumber(k).replace('−', '-'))).toBe(k === 0 ? 0 : k);
      }),
    );
    fc.assert(
      fc.property(fc.double(), (x) => {
        expect(formatNumber(x).length).toBeGreaterThan(0);
      }),
    );
  });

  it('stays within 4 significant digits of the true value', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-4, max: 1e5, noNaN: true }), (x) => {
        const shown = Number(formatNumber(x));
        expect(Math.abs(shown - x) / x).toBeLessThan(1e-3);
      }),
    );
  });
});

describe('texNumber and texFactor', () => {
  it('writes TeX and brackets negative factors', () => {
    expect(texNumber(-4)).toBe('-4');
    expect(texFactor(-4)).toBe('(-4)');
    expect(texFactor(1.5)).toBe('1.5');
    expect(texNumber(Infinity)).toBe('\\infty');
    expect(texNumber(NaN)).toBe('\\mathrm{NaN}');
    expect(texFactor(2e-7)).toBe('(2 \\times 10^{-7})');
  });
});

describe('formatNumber edge cases', () => {
  it('switches to powers of ten where rounding reaches a million', () => {
    expect(formatNumber(999999.5)).toBe('1×10⁶');
    expect(formatNumber(123456.7)).toBe('123500');
    expect(formatNumber(-0.00001234)).toBe('−1.234×10⁻⁵');
    expect(formatNumber(1e21)).toBe('1×10²¹');
    expect(formatNumber(Number.MIN_VALUE)).toBe('4.941×10⁻³²⁴');
    expect(texNumber(-0.00001234)).toBe('-1.234 \\times 10^{-5}');
    expect(texNumber(-0)).toBe('0');
    expect(texFactor(-Infinity)).toBe('(-\\infty)');
  });

  it('uses the minus sign U+2212 and never a hyphen', () => {
    fc.assert(
      fc.property(fc.double(), (x) => {
        expect(formatNumber(x)).not.toContain('-');
        expect(formatNumber(x).startsWith('\u2212')).toBe(x < 0);
      }),
    );
  });
});
