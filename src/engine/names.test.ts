import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { displayLabelTex, displayLabelText, displayTex, displayText, MAX_DISPLAY, nodeNameTex, nodeNameText } from './names';

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

describe('versions and display labels', () => {
  it('marks versions c, c′, c″, c‴, then a superscript number', () => {
    const name = (version: number) => nodeNameText({ label: 'c', version, display: null });
    expect([1, 2, 3, 4, 5, 12].map(name)).toEqual(['c', 'c′', 'c″', 'c‴', 'c⁽⁵⁾', 'c⁽¹²⁾']);
    expect([1, 2, 3, 5].map((version) => nodeNameTex({ label: 'c', version, display: null }))).toEqual(['c', "{c}'", "{c}''", '{c}^{(5)}']);
    // names with subscripts keep them: x₁′ and {x_{1}}'
    expect(nodeNameText({ label: 'x1', version: 2, display: null })).toBe('x₁′');
    expect(nodeNameTex({ label: 'w1_21', version: 2, display: null })).toBe("{w^{(1)}_{21}}'");
    expect(nodeNameText({ label: null, version: 0, display: null })).toBeNull();
  });

  it('shows a display label instead of the name: a name as names are, other text as written', () => {
    expect(nodeNameText({ label: 'x1w1', version: 1, display: 'x1*w1' })).toBe('x1*w1');
    expect(nodeNameTex({ label: 'x1w1', version: 1, display: 'x1*w1' })).toBe('\\text{x1*w1}');
    expect(nodeNameText({ label: 'b', version: 1, display: 'w1' })).toBe('w₁');
    expect(nodeNameTex({ label: 'b', version: 1, display: 'w1' })).toBe('w_{1}');
    expect(nodeNameText({ label: 'o', version: 3, display: 'out' })).toBe('out');
    expect(displayLabelText('a\nb\u0007c')).toBe('a b c');
    expect(Array.from(displayLabelText('x'.repeat(100)))).toHaveLength(MAX_DISPLAY);
  });

  it('a display label never reaches KaTeX as TeX: specials are escaped inside \\text{}', () => {
    const hostile = ['\\href{x}', '\\href{javascript:alert(1)}{click}', '$\\alpha$', '}\\textcolor{red}{x', '\\\\', '100% & #1 ^_~', '\\url{http://x}', '{\\def\\a{\\a}\\a}', '<img src=x onerror=alert(1)>'];
    for (const label of hostile) {
      const tex = displayLabelTex(label);
      const options = { trust: false, throwOnError: true, strict: 'ignore', maxSize: 20, maxExpand: 200 } as const;
      expect(katex.renderToString(tex, options), label).not.toMatch(/<a |href=|<img|color:\s*red/);
      // the text shown is the label, character for character
      const html = katex.renderToString(tex, { ...options, output: 'html' });
      const shown = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/\u200b/g, '');
      expect(shown.replace(/\s+/g, ''), label).toBe(label.replace(/\s+/g, ''));
    }
  });
});

describe('names with several underscores', () => {
  it('give TeX that KaTeX accepts', async () => {
    const katex = (await import('katex')).default;
    const { displayTex } = await import('./names');
    const tex = displayTex('total_of_everything');
    expect(tex).toBe('\\mathrm{total}_{\\mathrm{of\\_everything}}');
    expect(() => katex.renderToString(tex, { throwOnError: true })).not.toThrow();
  });
});
