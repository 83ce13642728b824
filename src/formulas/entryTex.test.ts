import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { compile, type Compiled } from '../engine';
import { entryGradient, entryTex, entryValueTex, indexTex } from './entryTex';
import { tensorPrograms } from './testTensorPrograms';

const valid = (tex: string) => katex.renderToString(tex, { throwOnError: true, strict: 'ignore', trust: false });
const AFFINE = compile('X = [[1, 2, 3], [4, 5, 6]]\nW = randn(3, 2, std=0.5, seed=1)\nb = [0.1, -0.2]\nY = X @ W + b\nL = sum(Y * Y)');
const at = (c: Compiled, id: string) => c.graph.nodes.findIndex((n) => n.id === id);
const END = AFFINE.trace.end;

/** The value of a sum of products as written: `1 \cdot 7.068 + 4 \cdot (-14.44)`, numbers as texNumber writes them. */
function evaluate(tex: string): number {
  const number = (text: string): number => {
    let f = text.trim();
    let sign = 1;
    if (f.startsWith('-(')) {
      sign = -1;
      f = f.slice(1);
    }
    f = f.replace(/^\((.*)\)$/, '$1');
    const m = /^(-?[\d.]+)(?: \\times 10\^\{(-?\d+)\})?$/.exec(f);
    if (!m) throw new Error(`not a number: ${text}`);
    return sign * Number(m[1]) * 10 ** Number(m[2] ?? 0);
  };
  return tex.split(' + ').reduce((acc, term) => acc + term.split(' \\cdot ').reduce((p, f) => p * number(f), 1), 0);
}

const NUMBER = String.raw`\(?-?[\d.]+\)?`;
const PRODUCT = String.raw`${NUMBER}(?: \cdot ${NUMBER})*`;
/** `1 \cdot 0.5 + 2 \cdot (-1)`: what `evaluate` reads. */
const SUM_OF_PRODUCTS = new RegExp(String.raw`^${PRODUCT}(?: \+ ${PRODUCT})*$`);

/** The size of each term of a written sum, for the tolerance of 4-digit rounding. */
const magnitude = (tex: string) => tex.split(' + ').reduce((acc, term) => acc + Math.abs(evaluate(term)), 0);

describe('the name of an entry', () => {
  it('is the node with 1-based indices as a subscript, commas once an index has two digits', () => {
    expect(indexTex([2, 3], 5)).toBe('23');
    expect(indexTex([12, 3], 33)).toBe('12,1');
    expect(indexTex([4], 2)).toBe('3');
    expect(entryTex(AFFINE.graph, at(AFFINE, 'W'), 1)).toBe('W_{12}');
    expect(entryTex(AFFINE.graph, at(AFFINE, 'Y~0'), 1)).toBe('{(X\\,W)}_{12}');
    const layered = compile('w1 = [1, 2]\nL = sum(w1 * w1)');
    expect(entryTex(layered.graph, 0, 1)).toBe('{w_{1}}_{2}');
    valid(entryTex(layered.graph, 0, 1));
  });
});

describe('the gradient of one entry', () => {
  it('∂L/∂W₁₂ = Σₙ Xₙ₁ ∂L/∂Yₙ₂, every term written, with the numbers', () => {
    const { contributions, final, pending } = entryGradient(AFFINE.graph, AFFINE.trace, at(AFFINE, 'W'), 1, END);
    expect(contributions).toHaveLength(1);
    expect(contributions[0].tex).toBe(
      '\\frac{\\partial L}{\\partial W_{12}} = \\sum_{n} X_{n1}\\,\\frac{\\partial L}{\\partial {(X\\,W)}_{n2}} = X_{11}\\,\\frac{\\partial L}{\\partial {(X\\,W)}_{12}} + X_{21}\\,\\frac{\\partial L}{\\partial {(X\\,W)}_{22}} = 1 \\cdot 7.068 + 4 \\cdot 14.44 = 64.82',
    );
    expect(final).toBe(true);
    expect(pending).toBe(0);
  });

  it('∂L/∂X₂₃ = Σₘ ∂L/∂Y₂ₘ W₃ₘ (the gradient on the left of Wᵀ)', () => {
    const { contributions } = entryGradient(AFFINE.graph, AFFINE.trace, at(AFFINE, 'X'), 5, END);
    expect(contributions[0].tex).toBe(
      '\\frac{\\partial L}{\\partial X_{23}} = \\sum_{m} \\frac{\\partial L}{\\partial {(X\\,W)}_{2m}}\\,W_{3m} = \\frac{\\partial L}{\\partial {(X\\,W)}_{21}}\\,W_{31} + \\frac{\\partial L}{\\partial {(X\\,W)}_{22}}\\,W_{32} = 8.834 \\cdot (-0.2552) + 14.44 \\cdot 1.289 = 16.36',
    );
  });

  it('a broadcast bias entry sums its column: ∂L/∂b₂ = ∂L/∂Y₁₂ + ∂L/∂Y₂₂', () => {
    const { contributions } = entryGradient(AFFINE.graph, AFFINE.trace, at(AFFINE, 'b'), 1, END);
    expect(contributions[0].tex).toBe('\\frac{\\partial L}{\\partial b_{2}} = \\frac{\\partial L}{\\partial Y_{12}} + \\frac{\\partial L}{\\partial Y_{22}} = 7.068 + 14.44 = 21.51');
  });

  it('an entry used twice (Y * Y) gets a += per use and their sum', () => {
    const g = entryGradient(AFFINE.graph, AFFINE.trace, at(AFFINE, 'Y'), 0, END);
    expect(g.contributions.map((c) => c.tex)).toEqual([
      '\\frac{\\partial L}{\\partial Y_{11}} \\mathrel{+}= \\frac{\\partial L}{\\partial {(Y \\cdot Y)}_{11}}\\,Y_{11} = 1 \\cdot 1.252 = 1.252',
      '\\frac{\\partial L}{\\partial Y_{11}} \\mathrel{+}= Y_{11}\\,\\frac{\\partial L}{\\partial {(Y \\cdot Y)}_{11}} = 1.252 \\cdot 1 = 1.252',
    ]);
    expect(g.total).toBe('\\frac{\\partial L}{\\partial Y_{11}} = 1.252 + 1.252 = 2.505');
  });

  it('nothing before the backward pass reaches a consumer; partial until the last one', () => {
    const c = compile('A = [[1, 2], [3, 4]]\nB = A * 2\nC = A + 1\nL = sum(B * C)');
    const A = at(c, 'A');
    const [first, second] = c.trace.gradSteps[A];
    expect(entryGradient(c.graph, c.trace, A, 3, first - 1).contributions).toHaveLength(0);
    const partial = entryGradient(c.graph, c.trace, A, 3, first);
    expect(partial.contributions).toHaveLength(1);
    expect(partial.pending).toBe(1);
    expect(partial.final).toBe(false);
    const done = entryGradient(c.graph, c.trace, A, 3, second);
    expect(done.final).toBe(true);
    // ∂L/∂A = 4A + 2; A₂₂ = 4 gives 18.
    expect(done.total?.endsWith(' = 18')).toBe(true);
  });

  it('for every op and every entry: the terms written add up to what was sent, and the parts to the gradient', () => {
    for (const program of tensorPrograms()) {
      const c = compile(program);
      for (const node of c.graph.nodes) {
        if (node.shape.length === 0) continue;
        for (let element = 0; element < node.tensor.data.length; element++) {
          const g = entryGradient(c.graph, c.trace, node.index, element, c.trace.end);
          const total = g.contributions.reduce((acc, x) => acc + x.amount, 0);
          if (c.graph.outEdges[node.index].length > 0) expect(total, `${program}: ${node.id}[${element}]`).toBeCloseTo(c.trace.finalGrads[node.index].data[element], 10);
          for (const x of g.contributions) {
            // KaTeX is slow: typeset the first entries of each node only (the rest are built the same way).
            if (element < 2) valid(x.tex);
            expect(x.tex).not.toContain('NaN');
            const parts = x.tex.split(' = ');
            const numbers = parts[parts.length - 2];
            if (parts.length < 3 || /\\frac|\\cdots|_/.test(numbers)) continue;
            expect(Math.abs(evaluate(numbers) - x.amount), `${program}: ${x.tex}`).toBeLessThanOrEqual(1e-3 * magnitude(numbers) + 1e-12);
          }
        }
      }
    }
  });
});

describe('the value of one entry', () => {
  it('a matrix product entry: Σₖ X₁ₖ Wₖ₂ with every product', () => {
    expect(entryValueTex(AFFINE.graph, at(AFFINE, 'Y~0'), 1)).toBe(
      '{(X\\,W)}_{12} = \\sum_{k} X_{1k}\\,W_{k2} = X_{11}\\,W_{12} + X_{12}\\,W_{22} + X_{13}\\,W_{32} = 1 \\cdot 0.01207 + 2 \\cdot (-0.07272) + 3 \\cdot 1.289 = 3.734',
    );
  });

  it('an op on numbers reads the broadcast entry: Y₁₂ = (XW)₁₂ + b₂', () => {
    expect(entryValueTex(AFFINE.graph, at(AFFINE, 'Y'), 1)).toBe('Y_{12} = {(X\\,W)}_{12} + b_{2} = 3.734 + (-0.2) = 3.534');
    expect(entryValueTex(AFFINE.graph, at(AFFINE, 'W'), 5)).toBe('W_{32} = 1.289');
    expect(entryValueTex(AFFINE.graph, at(AFFINE, 'L'), 0)).toBeNull();
  });

  it('softmax, a reduction along an axis and a transpose', () => {
    const c = compile('Z = [[1, 2], [0.5, -1]]\nP = softmax(Z)\ns = sum(Z, 0)\nT = transpose(Z)\nL = sum(P * T) + sum(s)');
    expect(entryValueTex(c.graph, at(c, 'P'), 1)).toBe(`P_{12} = \\frac{e^{Z_{12}}}{\\sum_{m} e^{Z_{1m}}} = \\frac{e^{2}}{e^{1} + e^{2}} = 0.7311`);
    expect(entryValueTex(c.graph, at(c, 's'), 1)).toBe('s_{2} = \\sum_{i} Z_{i2} = Z_{12} + Z_{22} = 2 + (-1) = 1');
    expect(entryValueTex(c.graph, at(c, 'T'), 1)).toBe('T_{12} = Z_{21} = 0.5');
  });

  it('for every op and every entry the numbers written give the value', () => {
    for (const program of tensorPrograms()) {
      const c = compile(program);
      for (const node of c.graph.nodes) {
        if (node.shape.length === 0) continue;
        for (let element = 0; element < node.tensor.data.length; element++) {
          const tex = entryValueTex(c.graph, node.index, element) ?? '';
          if (element < 2) valid(tex);
          expect(tex).not.toContain('NaN');
          const parts = tex.split(' = ');
          const numbers = parts[parts.length - 2];
          // Sums of products can be checked by arithmetic (others hold functions: e^{…}, \tanh(…)).
          if (parts.length < 3 || !SUM_OF_PRODUCTS.test(numbers)) continue;
          expect(Math.abs(evaluate(numbers) - node.tensor.data[element]), `${program}: ${tex}`).toBeLessThanOrEqual(1e-3 * magnitude(numbers) + 1e-12);
        }
      }
    }
  });
});
