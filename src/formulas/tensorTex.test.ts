import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { compile, OPS, type Compiled } from '../engine';
import { accumulationTex, chainRuleTex, forwardTex, localRuleTex } from './stepTex';
import { tensorPrograms } from './testTensorPrograms';
import { isTensorStep, matrixRuleTex, tensorAccumulationTex, tensorContributionTex, tensorForwardTex, tensorStepLines } from './tensorTex';

const valid = (tex: string) => katex.renderToString(tex, { throwOnError: true, strict: 'ignore', trust: false });

const AFFINE = compile('X = [[1, 2, 3], [4, 5, 6]]\nW = randn(3, 2, std=0.5, seed=1)\nb = [0.1, -0.2]\nY = X @ W + b\nL = sum(Y * Y)');
// Steps: 1 X@W, 2 Y, 3 Y*Y, 4 L, 5 seed, 6 at L, 7 at Y*Y, 8 at Y, 9 at X@W.
const at = (c: Compiled, id: string) => c.graph.nodes.findIndex((n) => n.id === id);
const contribution = (c: Compiled, step: number, to: string) => {
  const s = c.trace.steps[step];
  if (s.kind !== 'backward') throw new Error('not a backward step');
  const k = s.contributions.findIndex((x) => x.to === at(c, to));
  const parts = tensorContributionTex(c.graph, c.trace, step, k);
  if (!parts) throw new Error('no contribution');
  return parts;
};

describe('the Affine layer Y = X·W + b on a batch', () => {
  it('∂L/∂W = Xᵀ · ∂L/∂Y with the shapes under each factor: (3×2) = (3×2)(2×2)', () => {
    expect(contribution(AFFINE, 9, 'W').rule).toBe(
      '\\underset{3 \\times 2}{\\frac{\\partial L}{\\partial W}} = \\underset{3 \\times 2}{X^{\\top}}\\,\\underset{2 \\times 2}{\\frac{\\partial L}{\\partial (X\\,W)}}',
    );
    expect(contribution(AFFINE, 9, 'X').rule).toBe(
      '\\underset{2 \\times 3}{\\frac{\\partial L}{\\partial X}} = \\underset{2 \\times 2}{\\frac{\\partial L}{\\partial (X\\,W)}}\\,\\underset{2 \\times 3}{W^{\\top}}',
    );
  });

  it('writes the numbers as small matrices: Xᵀ written transposed, the result the engine’s', () => {
    expect(contribution(AFFINE, 9, 'W').numbers).toBe(
      '\\frac{\\partial L}{\\partial W} = \\begin{bmatrix} 1 & 4 \\\\ 2 & 5 \\\\ 3 & 6 \\end{bmatrix}\\,\\begin{bmatrix} 2.505 & 7.068 \\\\ 8.834 & 14.44 \\end{bmatrix} = \\begin{bmatrix} 37.84 & 64.82 \\\\ 49.18 & 86.33 \\\\ 60.52 & 107.8 \\end{bmatrix}',
    );
  });

  it('the bias gradient is the column sums of ∂L/∂Y, written out entry by entry', () => {
    const parts = contribution(AFFINE, 8, 'b');
    expect(parts.summed).toEqual([0]);
    expect(parts.rule).toBe('\\underset{2}{\\frac{\\partial L}{\\partial b}} = \\sum_{n} \\left(\\underset{2 \\times 2}{\\frac{\\partial L}{\\partial Y}}\\right)_{n,:}');
    expect(parts.batchSum).toBe(
      '\\frac{\\partial L}{\\partial b} = \\sum_{n} \\left(\\frac{\\partial L}{\\partial Y}\\right)_{n,:} = \\begin{bmatrix} 2.505 + 8.834 & 7.068 + 14.44 \\end{bmatrix} = \\begin{bmatrix} 11.34 & 21.51 \\end{bmatrix}',
    );
    // Independently: ∂L/∂Y = 2Y, and b's gradient is its column sums.
    const Y = AFFINE.graph.nodes[at(AFFINE, 'Y')].tensor.data;
    const columnSums = [2 * (Y[0] + Y[2]), 2 * (Y[1] + Y[3])];
    const b = AFFINE.trace.finalGrads[at(AFFINE, 'b')].data;
    expect(b[0]).toBeCloseTo(columnSums[0], 12);
    expect(b[1]).toBeCloseTo(columnSums[1], 12);
    // The input that was not broadcast has no batch sum.
    expect(contribution(AFFINE, 8, 'Y~0').batchSum).toBeNull();
  });

  it('forward steps: the definition with shapes, then the matrices', () => {
    const y = tensorForwardTex(AFFINE.graph, at(AFFINE, 'Y'));
    expect(y.shapes).toBe('\\underset{2 \\times 2}{Y} = \\underset{2 \\times 2}{X\\,W} + \\underset{2}{b}');
    expect(y.numbers).toBe(
      'Y = X\\,W + b = \\begin{bmatrix} 1.152 & 3.734 \\\\ 4.317 & 7.419 \\end{bmatrix} + \\begin{bmatrix} 0.1 & -0.2 \\end{bmatrix} = \\begin{bmatrix} 1.252 & 3.534 \\\\ 4.417 & 7.219 \\end{bmatrix}',
    );
    expect(forwardTex(AFFINE.graph, at(AFFINE, 'Y'))).toBe(y.numbers);
  });

  it('the gradient of Y, used twice by Y * Y, is the sum of two matrices', () => {
    expect(tensorAccumulationTex(AFFINE.graph, AFFINE.trace, at(AFFINE, 'Y'), 7)).toBe(
      '\\frac{\\partial L}{\\partial Y} = \\underbrace{\\begin{bmatrix} 1.252 & 3.534 \\\\ 4.417 & 7.219 \\end{bmatrix}}_{Y \\cdot Y} + \\underbrace{\\begin{bmatrix} 1.252 & 3.534 \\\\ 4.417 & 7.219 \\end{bmatrix}}_{Y \\cdot Y} = \\begin{bmatrix} 2.505 & 7.068 \\\\ 8.834 & 14.44 \\end{bmatrix}',
    );
    // Both arrive at one step, so each is added with +=.
    expect(contribution(AFFINE, 7, 'Y').numbers).toMatch(/^\\frac\{\\partial L\}\{\\partial Y\} \\mathrel\{\+\}= /);
  });
});

describe('accumulation across steps', () => {
  const c = compile('A = [[1, 2], [3, 4]]\nB = A * 2\nC = A + 1\nL = sum(B * C)');
  const A = at(c, 'A');
  const steps = c.trace.gradSteps[A];

  it('is partial, with a grey ? for the consumer still to come, then final', () => {
    const first = tensorAccumulationTex(c.graph, c.trace, A, steps[0]) ?? '';
    expect(first).toContain('\\underbrace{\\color{gray}{?}}');
    expect(first.match(/\\underbrace/g)).toHaveLength(2);
    const last = tensorAccumulationTex(c.graph, c.trace, A, steps[1]) ?? '';
    expect(last).not.toContain('?');
    // L = Σ 2A(A + 1): ∂L/∂A = 4A + 2 = [[6, 10], [14, 18]].
    expect(last.endsWith('= \\begin{bmatrix} 6 & 10 \\\\ 14 & 18 \\end{bmatrix}')).toBe(true);
    expect(tensorAccumulationTex(c.graph, c.trace, A, steps[0] - 1)).toBeNull();
    expect(accumulationTex(c.graph, c.trace, A, steps[1])).toBe(last);
  });
});

describe('softmax with cross-entropy', () => {
  const c = compile('Z = [[1, 2, 0.5], [0.3, -1, 2]]\nT = [[0, 1, 0], [0, 0, 1]]\nL = softmax_cross_entropy(Z, T)');
  const step = c.trace.visitStep[c.graph.output];

  it('writes (P − T)/N with P, T and the result as matrices, and the result is (softmax(Z) − T)/2', () => {
    const s = c.trace.steps[step];
    if (s.kind !== 'backward') throw new Error('expected a backward step');
    const k = s.contributions.findIndex((x) => x.to === at(c, 'Z'));
    const parts = tensorContributionTex(c.graph, c.trace, step, k);
    const z = [[1, 2, 0.5], [0.3, -1, 2]];
    const t = [[0, 1, 0], [0, 0, 1]];
    const p = z.map((row) => row.map((v) => Math.exp(v) / row.reduce((acc, x) => acc + Math.exp(x), 0)));
    expect(parts?.probabilities).toBe(
      `P = \\operatorname{softmax}(Z) = \\begin{bmatrix} ${p.map((row) => row.map((v) => Number(v.toPrecision(4))).join(' & ')).join(' \\\\ ')} \\end{bmatrix}`,
    );
    expect(parts?.numbers).toContain('= \\frac{1}{2}\\left(P - T\\right) = \\frac{1}{2}\\left(\\begin{bmatrix}');
    expect(parts?.numbers).toContain('\\begin{bmatrix} 0 & 1 & 0 \\\\ 0 & 0 & 1 \\end{bmatrix}\\right)');
    const sent = s.contributions[k].tensors.amount.data;
    p.flat().forEach((pv, i) => expect(sent[i]).toBeCloseTo((pv - t.flat()[i]) / 2, 12));
    const result = (parts?.numbers ?? '').split(' = ').pop();
    expect(result).toBe(`\\begin{bmatrix} ${[0, 1].map((r) => [0, 1, 2].map((j) => Number(((p[r][j] - t[r][j]) / 2).toPrecision(4))).join(' & ')).join(' \\\\ ')} \\end{bmatrix}`);
  });
});

describe('large matrices are written with their shapes only', () => {
  const c = compile('X = randn(8, 7, seed=2)\nW = randn(7, 3, seed=3)\nb = zeros(3)\nL = sum(X @ W + b)');
  it('the rule keeps its shapes, the numbers are left out, the batch sum shows its shape', () => {
    for (let step = c.trace.seed + 1; step <= c.trace.end; step++) {
      const s = c.trace.steps[step];
      if (s.kind !== 'backward') continue;
      s.contributions.forEach((contribution, k) => {
        const parts = tensorContributionTex(c.graph, c.trace, step, k);
        if (!parts) throw new Error('expected a contribution');
        const big = [s.node, ...c.graph.nodes[s.node].inputs].some((i) => c.graph.nodes[i].shape.some((d) => d > 6));
        if (big) expect(parts.numbers).toBeNull();
        expect(parts.rule).toContain('\\underset{');
        if (contribution.to === at(c, 'X')) expect(parts.rule).toContain('\\underset{8 \\times 7}{\\frac{\\partial L}{\\partial X}} = \\underset{8 \\times 3}');
      });
    }
    expect(tensorForwardTex(c.graph, c.graph.nodes.findIndex((n) => n.op === 'matmul')).numbers).toBeNull();
  });
});

describe('vectors in products stand as rows or columns', () => {
  it('y = A x: x is a column, and ∂L/∂x = Aᵀ ∂L/∂y is (2×1) = (2×2)(2×1)', () => {
    const c = compile('A = [[1, 2], [3, 4]]\nx = [1, -1]\ny = A @ x\nL = sum(y * y)');
    const step = c.trace.visitStep[at(c, 'y')];
    const s = c.trace.steps[step];
    if (s.kind !== 'backward') throw new Error('expected a backward step');
    const k = s.contributions.findIndex((x) => x.to === at(c, 'x'));
    const parts = tensorContributionTex(c.graph, c.trace, step, k);
    expect(parts?.rule).toBe('\\underset{2}{\\frac{\\partial L}{\\partial x}} = \\underset{2 \\times 2}{A^{\\top}}\\,\\underset{2 \\times 1}{\\frac{\\partial L}{\\partial y}}');
    // y = A x = [-1, -1]; ∂L/∂y = 2y = [-2, -2] (a column); Aᵀ · it = [-8, -12].
    expect(parts?.numbers).toBe(
      '\\frac{\\partial L}{\\partial x} = \\begin{bmatrix} 1 & 3 \\\\ 2 & 4 \\end{bmatrix}\\,\\begin{bmatrix} -2 \\\\ -2 \\end{bmatrix} = \\begin{bmatrix} -8 & -12 \\end{bmatrix}',
    );
  });
});

describe('every tensor step', () => {
  it('is valid KaTeX, never prints NaN, and the stepTex lines agree with it', () => {
    for (const program of tensorPrograms()) {
      const c = compile(program);
      let tensorSteps = 0;
      for (let step = 1; step <= c.trace.end; step++) {
        if (!isTensorStep(c.graph, c.trace, step)) continue;
        tensorSteps++;
        const s = c.trace.steps[step];
        const lines = tensorStepLines(c.graph, c.trace, step);
        expect(lines.length, program).toBeGreaterThan(0);
        for (const line of lines) {
          expect(line, program).not.toMatch(/NaN|undefined|\u0001/);
          valid(line);
        }
        if (s.kind === 'forward') valid(forwardTex(c.graph, s.node));
        if (s.kind !== 'backward') continue;
        s.contributions.forEach((contribution, k) => {
          for (const line of [chainRuleTex(c.graph, c.trace, step, k), localRuleTex(c.graph, s.node, contribution.slot), matrixRuleTex(c.graph, s.node, contribution.slot)]) {
            expect(line, program).not.toMatch(/NaN|undefined/);
            valid(line);
          }
          const sum = accumulationTex(c.graph, c.trace, contribution.to, step);
          if (sum) {
            expect(sum, program).not.toContain('NaN');
            valid(sum);
          }
        });
      }
      expect(tensorSteps, program).toBeGreaterThan(0);
    }
  });

  it('the batch sum of any broadcast input adds up to what the engine sent', () => {
    for (const program of tensorPrograms()) {
      const c = compile(program);
      for (let step = c.trace.seed + 1; step <= c.trace.end; step++) {
        const s = c.trace.steps[step];
        if (s.kind !== 'backward' || !isTensorStep(c.graph, c.trace, step)) continue;
        s.contributions.forEach((contribution, k) => {
          const sum = tensorContributionTex(c.graph, c.trace, step, k)?.batchSum;
          expect(sum !== null, program).toBe(contribution.tensors.summed.length > 0 && OPS[c.graph.nodes[s.node].op].kind === 'elementwise');
          if (!sum) return;
          // Each entry `a + b + …` is the numbers added; it must equal the engine's entry (to the 4 digits written).
          const cells = /= (\\begin\{bmatrix\} (.*?) \\end\{bmatrix\}|[^=]*) = [^=]*$/.exec(sum);
          const written = cells?.[2] ?? cells?.[1] ?? '';
          const entries = written.split(/ & | \\\\ /).map((cell) => cell.split(' + ').reduce((acc, term) => acc + Number(term.replace(/[()]/g, '')), 0));
          const amount = Array.from(contribution.tensors.amount.data);
          expect(entries.length, sum).toBe(amount.length);
          entries.forEach((v, i) => expect(Math.abs(v - amount[i]), sum).toBeLessThanOrEqual(1e-3 * Math.max(1, Math.abs(amount[i]))));
        });
      }
    }
  });
});
