import { describe, expect, it } from 'vitest';
import { compile } from '../engine';
import { checkStep, isClose, isQuizStep, parseAnswer, score } from './practice';

const CIRCUIT = compile('x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z');

describe('practice answers', () => {
  it('reads the ways students type numbers', () => {
    expect(parseAnswer(' -4 ')).toBe(-4);
    expect(parseAnswer('−4')).toBe(-4);
    expect(parseAnswer('.25')).toBe(0.25);
    expect(parseAnswer('1/4')).toBe(0.25);
    expect(parseAnswer('1e-3')).toBe(0.001);
    expect(parseAnswer('')).toBeNull();
    expect(parseAnswer('four')).toBeNull();
    expect(parseAnswer('1/0')).toBeNull();
  });

  it('forgives rounding to two decimals but not a wrong sign', () => {
    expect(isClose(0.1, 0.1045)).toBe(true);
    expect(isClose(0.33, 1 / 3)).toBe(true);
    expect(isClose(4, -4)).toBe(false);
    expect(isClose(-12.1, -12)).toBe(true);
    expect(isClose(-13, -12)).toBe(false);
  });

  it('checks every contribution of a backward step', () => {
    // Step 4 visits f = q·z: q gets local z = −4, sent −4; z gets local q = 3, sent 3.
    expect(isQuizStep(CIRCUIT, 4)).toBe(true);
    expect(isQuizStep(CIRCUIT, 3)).toBe(false); // the seed
    expect(isQuizStep(CIRCUIT, 8)).toBe(false); // an input sends nothing
    const results = checkStep(CIRCUIT, 4, [
      { local: '-4', sent: '-4' },
      { local: '3', sent: '-3' },
    ]);
    expect(results).toEqual([
      { local: true, sent: true },
      { local: true, sent: false },
    ]);
    expect(score({ 4: results })).toEqual({ right: 3, total: 4 });
  });
});
