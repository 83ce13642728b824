import { describe, expect, it } from 'vitest';
import { compile, type Compiled } from '../engine';
import { entrySources, provenanceAt } from './provenance';

const byLabel = (c: Compiled, label: string) => c.graph.nodes.findIndex((n) => n.label === label);
const sorted = (s: ReadonlySet<number> | undefined) => [...(s ?? [])].sort((a, b) => a - b);

/** Σ over an entry's sources of ∂L/∂C_k · ∂C_k/∂X_e: must give the entry of the final gradient. */
function recompose(c: Compiled, node: number, element: number): number {
  let total = 0;
  for (const s of entrySources(c.graph, c.trace, node, element)) {
    const upstream = c.trace.finalGrads[s.consumer];
    for (const term of s.terms) total += upstream.data[term.k] * term.factor;
  }
  return total;
}

describe('entrySources: the cells one gradient entry was computed from', () => {
  // Y = X @ W with X 2×3 and W 3×2; the anonymous @ node feeds + b.
  const AFFINE = compile('X = [[1, 2, 3], [4, 5, 6]]\nW = [[0.5, -1], [2, 0.25], [-0.5, 1.5]]\nb = [0.1, -0.2]\nY = X @ W + b\nL = sum(Y * Y)');
  const W = byLabel(AFFINE, 'W');
  const X = byLabel(AFFINE, 'X');
  const b = byLabel(AFFINE, 'b');
  const Y = byLabel(AFFINE, 'Y');
  const product = AFFINE.graph.nodes.findIndex((n) => n.op === 'matmul');

  it('∂L/∂W₁₂ in Y = X @ W sums column 2 of ∂L/∂(X @ W) times column 1 of X', () => {
    // W₁₂ is row 0, column 1 of a 3×2 matrix: element 1.
    const [source] = entrySources(AFFINE.graph, AFFINE.trace, W, 1);
    expect(source.consumer).toBe(product);
    expect(source.slot).toBe(1);
    // (X @ W) is 2×2: column 1 is elements 1 and 3.
    expect(source.upstream).toEqual([1, 3]);
    // X is 2×3: column 0 is elements 0 and 3, and the factors are those values, 1 and 4.
    expect(source.operands).toEqual([{ node: X, slot: 0, cells: [0, 3] }]);
    expect(source.terms.map((t) => t.factor)).toEqual([1, 4]);
    expect(source.step).toBe(AFFINE.trace.visitStep[product]);
  });

  it('∂L/∂X₂₃ sums row 2 of ∂L/∂(X @ W) times row 3 of W', () => {
    const [source] = entrySources(AFFINE.graph, AFFINE.trace, X, 5);
    expect(source.upstream).toEqual([2, 3]);
    expect(source.operands).toEqual([{ node: W, slot: 1, cells: [4, 5] }]);
  });

  it('a broadcast bias entry sums its whole column of ∂L/∂Y, with no operand', () => {
    const [source] = entrySources(AFFINE.graph, AFFINE.trace, b, 1);
    expect(source.consumer).toBe(Y);
    expect(source.upstream).toEqual([1, 3]);
    expect(source.operands).toEqual([]);
    expect(source.terms.map((t) => t.factor)).toEqual([1, 1]);
  });

  it('recomposes every entry of every gradient from its terms exactly', () => {
    for (const node of AFFINE.graph.nodes) {
      if (node.index === AFFINE.graph.output) continue;
      for (let e = 0; e < node.tensor.data.length; e++) {
        expect(recompose(AFFINE, node.index, e)).toBeCloseTo(AFFINE.trace.finalGrads[node.index].data[e], 10);
      }
    }
  });

  it('Y * Y: one consumer sends twice, each term with the other side as its operand', () => {
    const sources = entrySources(AFFINE.graph, AFFINE.trace, Y, 2);
    expect(sources.map((s) => s.slot)).toEqual([0, 1]);
    for (const s of sources) expect(s.operands).toEqual([{ node: Y, slot: 1 - s.slot, cells: [2] }]);
  });

  it('softmax: an entry of the scores sums over its whole row of ∂L/∂p', () => {
    const c = compile('Z = [[1, 2, 3], [0, -1, 2]]\nP = softmax(Z)\nL = sum(P * [[1, 0, 0], [0, 0, 1]])');
    const [source] = entrySources(c.graph, c.trace, byLabel(c, 'Z'), 4);
    expect(source.upstream).toEqual([3, 4, 5]);
    expect(recompose(c, byLabel(c, 'Z'), 4)).toBeCloseTo(c.trace.finalGrads[byLabel(c, 'Z')].data[4], 12);
  });

  it('has no sources for the output, an element out of range or a node nobody uses', () => {
    const c = compile('A = [1, 2]\nB = [3, 4]\nL = sum(A)');
    expect(entrySources(c.graph, c.trace, c.graph.output, 0)).toEqual([]);
    expect(entrySources(c.graph, c.trace, byLabel(c, 'A'), 2)).toEqual([]);
    expect(entrySources(c.graph, c.trace, byLabel(c, 'B'), 0)).toEqual([]);
  });
});

describe('provenanceAt: the marks at a step', () => {
  // A is used twice: by the product (visited last) and by the sum with C (visited first).
  const TWO = compile('A = [[1, 2], [3, 4]]\nB = [[1, 0], [2, 1]]\nC = [[5, 6], [7, 8]]\nP = A @ B\nS = A + C\nL = sum(P * S)');
  const A = byLabel(TWO, 'A');
  const P = byLabel(TWO, 'P');
  const S = byLabel(TWO, 'S');
  const B = byLabel(TWO, 'B');

  it('marks only the contributions already sent: none before, one consumer between, both after', () => {
    const [first, second] = entrySources(TWO.graph, TWO.trace, A, 1);
    expect(first.step).toBeLessThan(second.step);
    expect(provenanceAt(TWO.graph, TWO.trace, A, 1, first.step - 1).size).toBe(0);
    const between = provenanceAt(TWO.graph, TWO.trace, A, 1, first.step);
    expect([...between.keys()]).toEqual([first.consumer]);
    const after = provenanceAt(TWO.graph, TWO.trace, A, 1, TWO.trace.end);
    // A₁₂ (row 0, col 1): S₁₂ directly; for P = A @ B, row 1 of ∂L/∂P and row 2 of B.
    expect(sorted(after.get(S)?.grad)).toEqual([1]);
    expect(sorted(after.get(P)?.grad)).toEqual([0, 1]);
    expect(sorted(after.get(B)?.value)).toEqual([2, 3]);
  });
});
