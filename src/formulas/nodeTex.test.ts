import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { compile, type OpName } from '../engine';
import { MAX_INLINE, nodeTex, nodeTexAtom, opTex, opTexWithNumbers } from './nodeTex';

const valid = (tex: string) => katex.renderToString(tex, { throwOnError: true });
const last = (program: string) => {
  const { graph } = compile(program);
  return { graph, out: graph.output };
};
/** opTex of the output of `f = <expr>`: the expression as written back in TeX. */
const rhs = (expr: string, names = 'x = 3\ny = -2\nz = 5') => {
  const { graph, out } = last(`${names}\nf = ${expr}`);
  return opTex(graph, out);
};

describe('nodeTex', () => {
  it('names named nodes, writes constants as numbers', () => {
    const { graph } = compile('w1 = 2\ntheta = 1\nyhat = w1 * theta * 3');
    expect(nodeTex(graph, 0)).toBe('w_{1}');
    expect(nodeTex(graph, 1)).toBe('\\theta');
    expect(nodeTex(graph, 3)).toBe('3');
    expect(nodeTex(graph, graph.output)).toBe('\\hat{y}');
  });

  it('writes an anonymous node as the expression it computes', () => {
    const { graph } = compile('x = 2\nf = x * 3 + 1');
    expect(nodeTex(graph, 2)).toBe('x \\cdot 3');
    expect(nodeTexAtom(graph, 2)).toBe('(x \\cdot 3)');
    const g = compile('x = 1\nz = 2\nf = exp(x) + sigmoid(z) * max(x, z)').graph;
    expect(g.nodes.filter((n) => n.label === null).map((n) => nodeTex(g, n.index))).toEqual([
      'e^{x}',
      '\\sigma(z)',
      '\\max(x, z)',
      '\\sigma(z) \\cdot \\max(x, z)',
    ]);
  });

  it('brackets by precedence, and brackets negative constants used as operands', () => {
    expect(rhs('(x + y) * z')).toBe('(x + y) \\cdot z');
    expect(rhs('x - (y - z)')).toBe('x - (y - z)');
    expect(rhs('x - y - z')).toBe('x - y - z');
    expect(rhs('-(x + y)')).toBe('-(x + y)');
    expect(rhs('(x * y) ^ 2')).toBe('{(x \\cdot y)}^{2}');
    expect(rhs('(-2) ^ x')).toBe('{(-2)}^{x}');
    expect(rhs('x * -3')).toBe('x \\cdot (-3)');
    expect(rhs('x - -1')).toBe('x - (-1)');
    expect(rhs('-1 + x')).toBe('-1 + x');
    expect(rhs('x / (y + z)')).toBe('\\frac{x}{y + z}');
    expect(rhs('exp(-1)')).toBe('e^{-1}');
  });

  it('calls a sub-expression v_k when it is too long or too deep', () => {
    const terms = [1, 2, 3, 4, 5, 6];
    const { graph } = compile(
      `${terms.map((i) => `x${i} = ${i}\nw${i} = 1`).join('\n')}\nf = sigmoid(${terms.map((i) => `w${i} * x${i}`).join(' + ')})`,
    );
    const inner = graph.nodes[graph.output].inputs[0];
    // The chain of six products is deeper than MAX_DEPTH: its inner part is named v_k.
    expect(nodeTex(graph, inner)).toMatch(/^v_\{\d+\} \+ v_\{\d+\} \+ w_\{4\} \\cdot x_\{4\}/);
    expect(nodeTexAtom(graph, inner)).toBe(`(${nodeTex(graph, inner)})`);
    expect(opTex(graph, graph.output)).toBe(`\\sigma(${nodeTex(graph, inner)})`);
    const deep = compile('x = 1\nf = exp(exp(exp(exp(exp(exp(x))))))').graph;
    expect(nodeTex(deep, deep.output - 1)).toBe('e^{e^{e^{e^{v_{1}}}}}');
    for (const g of [graph, deep]) {
      for (const n of g.nodes) expect(nodeTex(g, n.index).length).toBeLessThanOrEqual(MAX_INLINE);
    }
  });
});

describe('opTex and opTexWithNumbers', () => {
  const cases: [OpName, string, string, string][] = [
    ['add', 'x + y', 'x + y', '3 + (-2)'],
    ['sub', 'x - y', 'x - y', '3 - (-2)'],
    ['mul', 'x * y', 'x \\cdot y', '3 \\cdot (-2)'],
    ['div', 'x / y', '\\frac{x}{y}', '\\frac{3}{-2}'],
    ['pow', 'x ^ y', '{x}^{y}', '{3}^{-2}'],
    ['neg', '-y', '-y', '-(-2)'],
    ['exp', 'exp(x)', 'e^{x}', 'e^{3}'],
    ['log', 'log(x)', '\\ln(x)', '\\ln(3)'],
    ['sqrt', 'sqrt(x)', '\\sqrt{x}', '\\sqrt{3}'],
    ['tanh', 'tanh(x)', '\\tanh(x)', '\\tanh(3)'],
    ['sigmoid', 'sigmoid(x)', '\\sigma(x)', '\\sigma(3)'],
    ['relu', 'relu(y)', '\\mathrm{ReLU}(y)', '\\mathrm{ReLU}(-2)'],
    ['sin', 'sin(x)', '\\sin(x)', '\\sin(3)'],
    ['cos', 'cos(x)', '\\cos(x)', '\\cos(3)'],
    ['abs', 'abs(y)', '\\left|y\\right|', '\\left|-2\\right|'],
    ['max', 'max(x, y)', '\\max(x, y)', '\\max(3, -2)'],
    ['min', 'min(x, y)', '\\min(x, y)', '\\min(3, -2)'],
  ];
  it.each(cases)('%s: %s', (op, expr, symbolic, numeric) => {
    const { graph, out } = last(`x = 3\ny = -2\nf = ${expr}`);
    expect(graph.nodes[out].op).toBe(op);
    expect(opTex(graph, out)).toBe(symbolic);
    expect(opTexWithNumbers(graph, out)).toBe(numeric);
    valid(opTex(graph, out));
    valid(opTexWithNumbers(graph, out));
  });

  it('a constant exponent is folded into the power', () => {
    const { graph, out } = last('y = -2\nf = y ^ 2');
    expect(opTex(graph, out)).toBe('{y}^{2}');
    expect(opTexWithNumbers(graph, out)).toBe('{(-2)}^{2}');
  });

  it('layered and Greek names stay valid TeX', () => {
    const { graph, out } = last('w1_21 = 2\ntheta = 3\nf = w1_21 ^ theta / w1_21 - theta');
    for (const n of graph.nodes) valid(nodeTex(graph, n.index));
    valid(opTex(graph, out));
  });
});

describe('nodeTex of versions and display labels (§11)', () => {
  it('a name assigned again is written with primes: c, {c}\', {c}\'\'', () => {
    const { graph } = compile('a = -4\nb = 2\nc = a + b\nc = c + (c + 1)\nc = c * 2');
    const versions = graph.nodes.filter((n) => n.label === 'c').map((n) => nodeTex(graph, n.index));
    expect(versions).toEqual(['c', "{c}'", "{c}''"]);
    expect(opTex(graph, graph.output)).toBe("{c}' \\cdot 2");
    for (const tex of versions) valid(tex);
  });

  it("a display label is written as written, in \\text{}, in the node's own line and in its consumers'", () => {
    const { graph } = compile("x1 = Value(2.0, label='x1')\nw1 = Value(-3.0)\nx1w1 = x1*w1; x1w1.label = 'x1*w1'\nn = x1w1 + 1; n.label = 'n'");
    const x1w1 = graph.nodes.findIndex((n) => n.label === 'x1w1');
    expect(nodeTex(graph, x1w1)).toBe('\\text{x1*w1}');
    expect(opTex(graph, graph.output)).toBe('\\text{x1*w1} + 1');
    expect(nodeTex(graph, 0)).toBe('x_{1}');
    valid(`\\frac{\\partial n}{\\partial ${nodeTexAtom(graph, x1w1)}}`);
  });

  it('a hostile label is text, not TeX', () => {
    const { graph } = compile("x = Value(2.0, label='\\\\href{x}')\ny = x * 2");
    expect(nodeTex(graph, 0)).toBe('\\text{\\textbackslash{}href\\{x\\}}');
    expect(katex.renderToString(opTex(graph, graph.output), { throwOnError: true, trust: false })).not.toContain('href=');
  });
});
