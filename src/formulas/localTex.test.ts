import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { compile } from '../engine';
import { localDerivativeTex } from './localTex';

const valid = (tex: string) => katex.renderToString(tex, { throwOnError: true });
const rules = (expr: string, names = 'x = 3\ny = -2') => {
  const { graph } = compile(`${names}\nf = ${expr}`);
  const node = graph.nodes[graph.output];
  return node.inputs.map((_, slot) => localDerivativeTex(graph, graph.output, slot));
};

describe('localDerivativeTex', () => {
  const cases: [string, string[]][] = [
    ['x + y', ['1', '1']],
    ['x - y', ['1', '-1']],
    ['x * y', ['y', 'x']],
    ['x / y', ['\\frac{1}{y}', '-\\frac{x}{{y}^{2}}']],
    ['x ^ y', ['y \\cdot {x}^{y - 1}', '{x}^{y} \\ln x']],
    ['-x', ['-1']],
    ['exp(x)', ['e^{x}']],
    ['log(x)', ['\\frac{1}{x}']],
    ['sqrt(x)', ['\\frac{1}{2\\sqrt{x}}']],
    ['tanh(x)', ['1 - \\tanh^{2}(x)']],
    ['sigmoid(x)', ['\\sigma(x)\\,(1 - \\sigma(x))']],
    ['relu(x)', ['[x > 0]']],
    ['sin(x)', ['\\cos(x)']],
    ['cos(x)', ['-\\sin(x)']],
    ['abs(x)', ['\\operatorname{sign}(x)']],
    ['max(x, y)', ['[x \\ge y]', '[y > x]']],
    ['min(x, y)', ['[x \\le y]', '[y < x]']],
  ];
  it.each(cases)('%s', (expr, expected) => {
    const tex = rules(expr);
    expect(tex).toEqual(expected);
    tex.forEach(valid);
  });

  it('keeps an operand with operators in one group, so a narrow panel breaks the line only outside the function', () => {
    expect(rules('tanh(x * 0.9 + y)')).toEqual(['1 - \\tanh^{2}({x \\cdot 0.9 + y})']);
    // KaTeX's HTML has one unbreakable box for each stretch between the spots where a line may break.
    const boxes = (tex: string) => valid(tex).match(/class="(?:katex-)?base"/g)?.length;
    expect(boxes(rules('tanh(x * 0.9 + y)')[0])).toBe(2); // "1 −", then "tanh²(x·0.9 + y)" whole
    expect(boxes('1 - \\tanh^{2}(x \\cdot 0.9 + y)')).toBe(4); // unbraced, it could break after − , · and +
  });

  it('the power rule with a constant exponent', () => {
    expect(rules('x ^ 3')).toEqual(['3 \\cdot {x}^{2}']);
    expect(rules('x ^ 2')).toEqual(['2 \\cdot x']);
    expect(rules('x ^ 1')).toEqual(['1']);
    expect(rules('x ^ 0')).toEqual(['0']);
    expect(rules('x ^ -1')).toEqual(['(-1) \\cdot {x}^{-2}']);
    expect(rules('(x + y) ^ 0.5')).toEqual(['0.5 \\cdot {(x + y)}^{-0.5}']);
  });

  it('brackets compound and negative inputs', () => {
    expect(rules('(x + y) * -3')).toEqual(['(-3)', '(x + y)']);
    expect(rules('x / (x + y)')).toEqual(['\\frac{1}{x + y}', '-\\frac{x}{{(x + y)}^{2}}']);
  });

  it('stays valid with layered names (no double superscript)', () => {
    const tex = rules('w1_21 / w2_11 + 0', 'w1_21 = 1\nw2_11 = 2');
    tex.forEach(valid);
    const { graph } = compile('w1_21 = 1\nw2_11 = 2\nf = w1_21 / w2_11');
    expect(localDerivativeTex(graph, graph.output, 1)).toBe('-\\frac{w^{(1)}_{21}}{{w^{(2)}_{11}}^{2}}');
    valid(localDerivativeTex(graph, graph.output, 1));
  });
});
