import { describe, expect, it } from 'vitest';
import { compile } from './index';
import { setInputValues } from './edit';

describe('setInputValues', () => {
  it('writes trained values into the input statements and leaves the rest alone', () => {
    const text = '# start\nx = 1\ny = 4; z = -2\nf = x^2 + y^2 + z';
    const compiled = compile(text);
    const inputs = new Map([
      [0, -0.999999912],
      [1, 3.2e-7],
      [2, -2],
    ]);
    expect(setInputValues(text, compiled.graph, inputs)).toBe('# start\nx = -1\ny = 3.2e-7; z = -2\nf = x^2 + y^2 + z');
  });
});
