import { describe, expect, it } from 'vitest';
import { cosTurns, portableLog, sinTurns } from './portableMath';

const ulp = (x: number) => 2 ** (Math.floor(Math.log2(Math.abs(x))) - 52);

describe('portableLog', () => {
  it('is within 2 units in the last place of Math.log, from subnormals to huge numbers', () => {
    let worst = 0;
    for (let i = -1073; i <= 1022; i += 0.37) {
      const x = 2 ** i * (1 + ((i * 7919) % 1));
      const ref = Math.log(x);
      if (x > 0 && ref !== 0) worst = Math.max(worst, Math.abs(portableLog(x) - ref) / ulp(ref));
    }
    for (let k = 1; k < 5000; k++) {
      const u = k / 5000;
      const ref = Math.log(u);
      if (ref !== 0) worst = Math.max(worst, Math.abs(portableLog(u) - ref) / ulp(ref));
    }
    expect(worst).toBeLessThanOrEqual(2);
  });

  it('gives log 1 = 0, log 0 = −∞, NaN below 0, ∞ at ∞', () => {
    expect(portableLog(1)).toBe(0);
    expect(portableLog(0)).toBe(-Infinity);
    expect(portableLog(-1)).toBeNaN();
    expect(portableLog(Number.NaN)).toBeNaN();
    expect(portableLog(Infinity)).toBe(Infinity);
    expect(portableLog(Math.E)).toBeCloseTo(1, 15);
  });
});

describe('sinTurns and cosTurns', () => {
  it('are within 5e-16 of sin and cos of 2π·t', () => {
    let worst = 0;
    for (let k = -4000; k <= 4000; k++) {
      const t = k / 8000 + 1e-5 * Math.sin(k);
      worst = Math.max(worst, Math.abs(sinTurns(t) - Math.sin(2 * Math.PI * t)), Math.abs(cosTurns(t) - Math.cos(2 * Math.PI * t)));
    }
    expect(worst).toBeLessThan(5e-16);
  });

  it('are exact at quarter turns, whole turns repeat, and −0 never appears', () => {
    expect([0, 0.25, 0.5, 0.75, 1, 3.25].map(sinTurns)).toEqual([0, 1, 0, -1, 0, 1]);
    expect([0, 0.25, 0.5, 0.75, 1, -0.5].map(cosTurns)).toEqual([1, 0, -1, 0, 1, -1]);
    expect(Object.is(cosTurns(0.25), 0)).toBe(true);
    expect(sinTurns(0.1 + 7)).toBe(sinTurns(0.1 + 7 - 7 + 7));
    expect(sinTurns(Infinity)).toBeNaN();
  });
});
