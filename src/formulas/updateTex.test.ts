import { describe, expect, it } from 'vitest';
import { createOptimizer, type UpdateRecord } from '../engine/optim';
import { entryTex, entryText, updateLines } from './updateTex';

/** The watched update of `steps` optimizer steps on one parameter w with the given gradients. */
function updates(kind: 'sgd' | 'momentum' | 'adam', lr: number, start: number, grads: number[]): UpdateRecord[] {
  const opt = createOptimizer({ kind, options: { lr } });
  const w = Float64Array.of(start);
  return grads.map((g) => opt.step(new Map([['w', w]]), new Map([['w', Float64Array.of(g)]]), { name: 'w', index: 0 }) as UpdateRecord);
}

describe('an update written out', () => {
  it('SGD: w ← w − α·g with the numbers of the linear model (g = −8 at w = 0.5)', () => {
    const [u] = updates('sgd', 0.1, 0.5, [-8]);
    expect(updateLines(u, 'w')).toEqual(['g = \\frac{\\partial L}{\\partial w} = -8', 'w \\leftarrow w - \\alpha\\, g = 0.5 - 0.1 \\cdot (-8) = 1.3']);
  });

  it('momentum: v ← g on the first step, then v ← μ·v + g', () => {
    const [first, second] = updates('momentum', 0.1, 1, [2, -1]);
    expect(updateLines(first, 'w').slice(1)).toEqual(['v \\leftarrow g = 2', 'w \\leftarrow w - \\alpha\\, v = 1 - 0.1 \\cdot 2 = 0.8']);
    // v = 0.9·2 + (−1) = 0.8; w = 0.8 − 0.1·0.8 = 0.72
    expect(updateLines(second, 'w').slice(1)).toEqual([
      'v \\leftarrow \\mu v + g = 0.9 \\cdot 2 + (-1) = 0.8',
      'w \\leftarrow w - \\alpha\\, v = 0.8 - 0.1 \\cdot 0.8 = 0.72',
    ]);
  });

  it("Adam's first step: m̂ = g and v̂ = g², so the step is α·sign(g)", () => {
    const [u] = updates('adam', 0.01, 2, [4]);
    const lines = updateLines(u, 'w');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toBe('m \\leftarrow \\beta_1 m + (1 - \\beta_1)\\, g = 0.9 \\cdot 0 + 0.1 \\cdot 4 = 0.4');
    expect(lines[2]).toBe('v \\leftarrow \\beta_2 v + (1 - \\beta_2)\\, g^2 = 0.999 \\cdot 0 + 0.001 \\cdot 4^2 = 0.016');
    expect(lines[3]).toBe('\\hat m = \\frac{m}{1 - \\beta_1^{1}} = \\frac{0.4}{0.1} = 4');
    expect(lines[4]).toBe('\\hat v = \\frac{v}{1 - \\beta_2^{1}} = \\frac{0.016}{0.001} = 16');
    expect(lines[5]).toBe('w \\leftarrow w - \\frac{\\alpha\\, \\hat m}{\\sqrt{\\hat v} + \\epsilon} = 2 - \\frac{0.01 \\cdot 4}{\\sqrt{16} + 1 \\times 10^{-8}} = 1.99');
  });

  it('names entries 1-based, as mathematics does', () => {
    expect(entryTex('w', [], 0)).toBe('w');
    expect(entryTex('b1', [8], 2)).toBe('(b_{1})_{3}');
    expect(entryTex('W1', [2, 8], 10)).toBe('(W_{1})_{2,3}');
    expect(entryText('W1', [2, 8], 10)).toBe('W1[2, 3]');
  });
});
