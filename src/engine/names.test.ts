import { describe, expect, it } from 'vitest';
import { displayTex, displayText } from './names';

describe('display names', () => {
  const cases: [string, string, string][] = [
    ['x', 'x', 'x'],
    ['w1', 'w₁', 'w_{1}'],
    ['x_12', 'x₁₂', 'x_{12}'],
    ['theta', 'θ', '\\theta'],
    ['alpha2', 'α₂', '\\alpha_{2}'],
    ['yhat', 'ŷ', '\\hat{y}'],
    ['yhat1', 'ŷ₁', '\\hat{y}_{1}'],
    ['xbar', 'x̄', '\\bar{x}'],
    ['price', 'price', '\\mathrm{price}'],
    ['x_in', 'x_in', 'x_{\\mathrm{in}}'],
    ['θ', 'θ', 'θ'],
    ['价格', '价格', '\\text{价格}'],
    ['w1_21', 'w⁽¹⁾₂₁', 'w^{(1)}_{21}'],
    ['z2_1', 'z⁽²⁾₁', 'z^{(2)}_{1}'],
    // Entries of a matrix expanded to scalars, with a side over 9.
    ['W_1_12', 'W₁,₁₂', 'W_{1,12}'],
    ['W1_10_2', 'W1₁₀,₂', '\\mathrm{W1}_{10,2}'],
  ];
  for (const [name, text, tex] of cases) {
    it(`${name} → ${text} and ${tex}`, () => {
      expect(displayText(name)).toBe(text);
      expect(displayTex(name)).toBe(tex);
    });
  }
});
