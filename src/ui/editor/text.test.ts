import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorRange, minimalChange, namesDefinedBefore } from './text';

describe('errorRange', () => {
  it('marks the name or number that starts at the line and column', () => {
    const text = 'x = 2\nf = x * yy + 1';
    expect(errorRange(text, 2, 9)).toEqual({ from: 14, to: 16 });
    expect(text.slice(14, 16)).toBe('yy');
    expect(errorRange(text, 1, 5)).toEqual({ from: 4, to: 5 });
    const python = 'a = torch.tensor(-4.0)\nb = 1.5e-3 $';
    expect(python.slice(...Object.values(errorRange(python, 1, 10)))).toBe('.');
    expect(python.slice(...Object.values(errorRange(python, 2, 5)))).toBe('1.5e-3');
  });

  it('counts columns in code points, as the lexer does', () => {
    const text = 'θ = 1\n𝑥 = θ $';
    // '𝑥' is one code point but two UTF-16 units: col 7 is '$'.
    const { from, to } = errorRange(text, 2, 7);
    expect(text.slice(from, to)).toBe('$');
  });

  it('past the end of the line is an empty range at its end; a line past the end clamps', () => {
    const text = 'x = 2\nf = x +';
    expect(errorRange(text, 2, 8)).toEqual({ from: 13, to: 13 });
    expect(errorRange(text, 9, 1).from).toBe(6);
    expect(errorRange('', 1, 1)).toEqual({ from: 0, to: 0 });
  });
});

describe('minimalChange', () => {
  it('replaces only what differs', () => {
    expect(minimalChange('x = 1\nf = x * x', 'x = 12\nf = x * x')).toEqual({ from: 5, to: 5, insert: '2' });
    expect(minimalChange('abc', 'abc')).toBeNull();
    expect(minimalChange('aaa', 'aa')).toEqual({ from: 2, to: 3, insert: '' });
  });

  it('applied to the old text it always gives the new text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const change = minimalChange(a, b);
        const result = change ? a.slice(0, change.from) + change.insert + a.slice(change.to) : a;
        expect(result).toBe(b);
      }),
    );
  });
});

describe('namesDefinedBefore', () => {
  it('lists the names assigned on the lines above, once each, in order', () => {
    const text = 'param W = 1\nx = 2; y = x\n# z = 3\nq += 1\nf = W * ';
    expect(namesDefinedBefore(text, text.length)).toEqual(['W', 'x', 'y', 'q']);
  });

  it('does not count the line being typed nor anything after the cursor', () => {
    const text = 'a = 1\nb = a\nc = 2';
    expect(namesDefinedBefore(text, 'a = 1\nb'.length)).toEqual(['a']);
    expect(namesDefinedBefore(text, 0)).toEqual([]);
  });

  it('reads Python assignments too, not comparisons', () => {
    const text = "a = Value(2.0, label='a')\nb = a == a\nc = a.tanh()\n";
    expect(namesDefinedBefore(text, text.length)).toEqual(['a', 'b', 'c']);
  });
});
