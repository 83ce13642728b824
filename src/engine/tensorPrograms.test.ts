// Tensor programs (CONTRACTS §9): worked examples from the notes, the steps,
// constructors, and errors that name the line, the column and both shapes.
import { describe, expect, it } from 'vitest';
import { compile, ProgramError } from './index';
import { toNested } from './tensor/tensor';

function errorOf(program: string): ProgramError {
  try {
    compile(program);
  } catch (err) {
    if (err instanceof ProgramError) return err;
    throw err;
  }
  throw new Error('expected a ProgramError');
}

const AFFINE = ['X = [[1, 2, 3], [4, 5, 6]]', 'W = [[0.5, -1], [0, 2], [1, 0.25]]', 'b = [0.1, -0.2]', 'Y = X @ W + b', 'L = sum(Y * Y)'].join('\n');
const at = (c: ReturnType<typeof compile>, label: string) => c.graph.nodes.findIndex((n) => n.label === label);

describe('the Affine layer on a batch (notes 003)', () => {
  const c = compile(AFFINE);
  const grad = (label: string) => toNested(c.trace.finalGrads[at(c, label)]);
  // Y = XW + b row by row: [1·0.5 + 2·0 + 3·1 + 0.1, 1·(−1) + 2·2 + 3·0.25 − 0.2] = [3.6, 3.55],
  // and [4·0.5 + 5·0 + 6·1 + 0.1, 4·(−1) + 5·2 + 6·0.25 − 0.2] = [8.1, 7.3].
  it('computes Y = X·W + b with b added to every row', () => {
    expect(toNested(c.graph.nodes[at(c, 'Y')].tensor)).toEqual([
      [3.6, 3.55],
      [8.1, 7.3],
    ]);
  });

  it('the bias gradient is the column sums of ∂L/∂Y', () => {
    // ∂L/∂Y = 2Y; the bias receives its column sums 7.2 + 16.2 and 7.1 + 14.6.
    const [[g11, g12], [g21, g22]] = grad('Y') as number[][];
    expect([g11, g12, g21, g22]).toEqual([7.2, 7.1, 16.2, 14.6]);
    expect(grad('b')).toEqual([7.2 + 16.2, 7.1 + 14.6]);
  });

  it('∂L/∂W = Xᵀ·∂L/∂Y and ∂L/∂X = ∂L/∂Y·Wᵀ', () => {
    const G = [
      [7.2, 7.1],
      [16.2, 14.6],
    ];
    const X = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    const W = [
      [0.5, -1],
      [0, 2],
      [1, 0.25],
    ];
    const xtg = X[0].map((_, p) => G[0].map((_, j) => X[0][p] * G[0][j] + X[1][p] * G[1][j]));
    const gwt = G.map((row) => W.map((w) => row[0] * w[0] + row[1] * w[1]));
    expect(grad('W')).toEqual(xtg);
    expect(grad('X')).toEqual(gwt);
  });

  it('the bias step says its gradient was summed over axis 0 (the rows)', () => {
    const step = c.trace.steps[c.trace.visitStep[at(c, 'Y')]];
    if (step.kind !== 'backward') throw new Error('expected a backward step');
    const toB = step.contributions.find((k) => k.to === at(c, 'b'));
    expect(toB?.tensors.summed).toEqual([0]);
    expect(toB?.tensors.local?.shape).toEqual([2, 2]);
  });
});

describe('softmax with cross-entropy (notes 003)', () => {
  it('one node whose backward rule is (p − y) / N', () => {
    const c = compile('Z = [[1, 2, 0.5], [0, -1, 3]]\nT = [[0, 1, 0], [1, 0, 0]]\nL = softmax_cross_entropy(Z, T)');
    const Z = [
      [1, 2, 0.5],
      [0, -1, 3],
    ];
    const T = [
      [0, 1, 0],
      [1, 0, 0],
    ];
    const p = Z.map((row) => {
      const e = row.map(Math.exp);
      const s = e.reduce((a, b) => a + b, 0);
      return e.map((x) => x / s);
    });
    const loss = -(Math.log(p[0][1]) + Math.log(p[1][0])) / 2;
    expect(c.graph.nodes[c.graph.output].value).toBeCloseTo(loss, 14);
    const g = toNested(c.trace.finalGrads[at(c, 'Z')]) as number[][];
    g.forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo((p[i][j] - T[i][j]) / 2, 15)));
  });

  it('gives the same gradient as the unfused softmax, log and mean', () => {
    const inputs = 'Z = [[1, 2, 0.5], [0, -1, 3]]\nT = [[0, 1, 0], [1, 0, 0]]';
    const fused = compile(`${inputs}\nL = softmax_cross_entropy(Z, T)`);
    const unfused = compile(`${inputs}\nP = softmax(Z)\nL = -sum(T * log(P)) / 2`);
    const a = fused.trace.finalGrads[at(fused, 'Z')].data;
    const b = unfused.trace.finalGrads[at(unfused, 'Z')].data;
    a.forEach((x, i) => expect(x).toBeCloseTo(b[i], 14));
  });
});

describe('the steps of §2 for tensors', () => {
  it('one forward step per computed node, the seed, one backward step per node', () => {
    const c = compile(AFFINE);
    const kinds = c.trace.steps.map((s) => s.kind);
    const computed = c.graph.nodes.filter((n) => n.inputs.length > 0).length;
    expect(kinds.filter((k) => k === 'forward')).toHaveLength(computed);
    expect(kinds.filter((k) => k === 'backward')).toHaveLength(c.graph.nodes.length);
    expect(c.trace.steps[c.trace.seed].kind).toBe('seed');
  });

  it('a matrix used twice receives two contributions, added', () => {
    const c = compile('A = [[1, 2], [3, 4]]\nB = A @ A\nL = sum(B)');
    const a = at(c, 'A');
    expect(c.trace.gradSteps[a]).toHaveLength(2);
    const [first, second] = c.trace.gradTensors[a];
    // ∂L/∂B is all ones. As the left factor A receives 1·Aᵀ (each row: A's row sums 3, 7);
    // as the right factor it receives Aᵀ·1 (A's column sums 4, 6 down each column); they add.
    expect(toNested(first)).toEqual([
      [3, 7],
      [3, 7],
    ]);
    expect(toNested(second)).toEqual([
      [3 + 4, 7 + 4],
      [3 + 6, 7 + 6],
    ]);
  });
});

describe('constructors', () => {
  it('give the same numbers for the same seed, others for another seed', () => {
    const a = compile('W = randn(3, 2, std=0.5, seed=1)\nL = sum(W)').graph.nodes[0].tensor.data;
    const b = compile('W = randn(3, 2, std=0.5, seed=1)\nL = sum(W)').graph.nodes[0].tensor.data;
    const other = compile('W = randn(3, 2, std=0.5, seed=2)\nL = sum(W)').graph.nodes[0].tensor.data;
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(other));
  });

  it('randn gives these exact numbers for seed 1 on every machine (built from + − × ÷ √ only)', () => {
    const w = compile('W = randn(2, 3, std=1, seed=1)\nL = sum(W)').graph.nodes[0].tensor.data;
    expect(Array.from(w)).toEqual([1.4043387784152637, 0.024141617523036025, 1.2157546192705377, -0.14543594087912307, -0.5103768768108126, 2.5782384300467514]);
  });

  it('randn has roughly the asked spread; uniform stays in [low, high)', () => {
    const n = compile('W = randn(100, 100, std=2, seed=3)\nL = sum(W)').graph.nodes[0].tensor.data;
    const mean = n.reduce((s, x) => s + x, 0) / n.length;
    const sd = Math.sqrt(n.reduce((s, x) => s + (x - mean) ** 2, 0) / n.length);
    expect(Math.abs(mean)).toBeLessThan(0.1);
    expect(sd).toBeGreaterThan(1.9);
    expect(sd).toBeLessThan(2.1);
    const u = compile('U = uniform(50, 40, low=-3, high=5, seed=4)\nL = sum(U)').graph.nodes[0].tensor.data;
    expect(Math.min(...u)).toBeGreaterThanOrEqual(-3);
    expect(Math.max(...u)).toBeLessThan(5);
  });

  it('zeros, ones and eye; one size gives a vector', () => {
    const c = compile('Z = zeros(2, 3)\nO = ones(3)\nI = eye(2)\nL = sum(Z) + sum(O) + sum(I)');
    expect(c.graph.nodes.slice(0, 3).map((n) => [n.shape, toNested(n.tensor)])).toEqual([
      [[2, 3], [[0, 0, 0], [0, 0, 0]]],
      [[3], [1, 1, 1]],
      [[2, 2], [[1, 0], [0, 1]]],
    ]);
    expect(c.graph.nodes[c.graph.output].value).toBe(5);
  });

  it('a literal or constructor inside an expression is a constant', () => {
    const c = compile('c = [2, 3, 4]\nL = sum(c * [1, -1, 2])');
    expect(c.graph.nodes.map((n) => n.op)).toEqual(['input', 'const', 'mul', 'sum']);
    expect(c.graph.nodes[c.graph.output].value).toBe(2 - 3 + 8);
  });
});

describe('errors name the line, the column and both shapes', () => {
  it('@ with inner sizes that differ (the example of §9)', () => {
    const err = errorOf('X = [[1, 2, 3], [4, 5, 6]]\nW = [[1, 2, 3], [4, 5, 6]]\nb = 1\nY = X @ W\nL = sum(Y)');
    expect(err.message).toBe('line 4, col 7: cannot multiply a 2×3 matrix by a 2×3 matrix with @ (inner sizes 3 and 2 differ)');
  });

  it('elementwise shapes that do not broadcast', () => {
    const err = errorOf('A = [[1, 2, 3], [4, 5, 6]]\nb = [1, 2]\nL = sum(A + b)');
    expect(err.message).toBe('line 3, col 11: cannot add a 2×3 matrix and a vector of length 2 element by element (sizes 3 and 2 differ)');
    expect(errorOf('A = [[1, 2, 3], [4, 5, 6]]\nL = sum(A * [[1, 2]])').message).toContain('for a matrix product write @');
  });

  it('an output that is not a number suggests sum or mean', () => {
    const err = errorOf('A = [[1, 2], [3, 4]]\nL = A * 2');
    expect([err.line, err.col]).toEqual([2, 1]);
    expect(err.message).toContain('the output L is a 2×2 matrix');
    expect(err.message).toContain('sum(L)');
  });

  it('ragged literals, unknown keywords, bad sizes and axes', () => {
    const ragged = errorOf('A = [[1, 2], [3]]\nL = sum(A)');
    expect([ragged.code, ragged.line, ragged.col]).toEqual(['raggedArray', 1, 14]);
    const kw = errorOf('W = randn(2, 2, mean=1)\nL = sum(W)');
    expect([kw.code, kw.line, kw.col]).toEqual(['unknownKeyword', 1, 17]);
    expect(errorOf('W = zeros(0, 2)\nL = sum(W)').code).toBe('badSize');
    expect(errorOf('A = [[1, 2]]\nL = sum(sum(A, 2))').params.kind).toBe('axisValue');
    expect(errorOf('v = [1, 2]\nL = sum(transpose(v))').params.kind).toBe('transposeMatrix');
  });

  it('zeros(100000, 100000) is an error before anything is allocated', () => {
    const started = Date.now();
    const err = errorOf('A = zeros(100000, 100000)\nL = sum(A)');
    expect(err.code).toBe('tensorTooBig');
    expect(err.message).toContain('10,000,000,000 numbers');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(errorOf('a = ones(1000)\nB = ones(1000, 1)\nL = sum(a + B + B + B + B)').code).toBe('tooManyElements');
    expect(errorOf('A = ones(1000, 1000)\nB = A @ A\nL = sum(B)').code).toBe('tooMuchWork');
  });

  it('param marks an input only', () => {
    expect(errorOf('x = 1\nparam y = x * 2\nL = y').code).toBe('paramNotInput');
    const c = compile('param w = 2\nx = 3\nL = w * x');
    expect(c.graph.nodes.map((n) => n.role)).toEqual(['param', 'data', null]);
    expect(compile('w = 2\nx = 3\nL = w * x').graph.nodes.map((n) => n.role)).toEqual(['param', 'param', null]);
  });
});
