import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { compile, OPS, type Compiled } from '../engine';
import { applyForward } from '../engine/ops/apply';
import {
  derivativeOrder,
  jacobianFormTex,
  jacobianLayout,
  jacobianMatrixTex,
  jacobianOf,
  jacobianSlicesTex,
  vjpJacobianTex,
} from './jacobianTex';
import { tensorPrograms } from './testTensorPrograms';

const valid = (tex: string) => katex.renderToString(tex, { throwOnError: true, strict: 'ignore', trust: false });
const at = (c: Compiled, id: string) => c.graph.nodes.findIndex((n) => n.id === id);

/** ∂node/∂input by central differences on the op's forward value, h = 1e-6: rows = output elements. */
function numericJacobian(c: Compiled, index: number, slot: number): number[][] {
  const node = c.graph.nodes[index];
  const values = node.inputs.map((i) => c.graph.nodes[i].tensor);
  const input = values[slot];
  const h = 1e-6;
  const columns = Array.from(input.data, (_, e) => {
    const nudged = (d: number) => {
      const data = Float64Array.from(input.data);
      data[e] += d;
      const inputs = values.map((v, s) => (s === slot ? { shape: v.shape, data } : v));
      return applyForward(OPS[node.op], inputs, node.param).data;
    };
    const up = nudged(h);
    const down = nudged(-h);
    return Array.from(up, (u, k) => (u - down[k]) / (2 * h));
  });
  return Array.from({ length: node.tensor.data.length }, (_, k) => columns.map((col) => col[k]));
}

describe('the Jacobian in numerator layout', () => {
  it('softmax: diag(p) − p pᵀ, full, each row summing to 0', () => {
    const c = compile('z = [1, 2, 0.5]\np = softmax(z)\nL = sum(p * [1, -1, 2])');
    const p = at(c, 'p');
    const j = jacobianOf(c.graph, p, 0);
    const e = [1, 2, 0.5].map(Math.exp);
    const probabilities = e.map((v) => v / (e[0] + e[1] + e[2]));
    expect([j.rows, j.cols]).toEqual([3, 3]);
    for (let r = 0; r < 3; r++) {
      for (let s = 0; s < 3; s++) expect(j.data[r * 3 + s]).toBeCloseTo(probabilities[r] * ((r === s ? 1 : 0) - probabilities[s]), 14);
      expect(j.data[r * 3] + j.data[r * 3 + 1] + j.data[r * 3 + 2]).toBeCloseTo(0, 14);
    }
    const form = jacobianFormTex(c.graph, p, 0) ?? '';
    expect(form.startsWith('\\frac{\\partial p}{\\partial z} = \\operatorname{diag}(p) - p\\,p^{\\top} = \\begin{bmatrix} 0.2312 & 0 & 0 \\\\')).toBe(true);
    valid(form);
  });

  it('an op on numbers element by element is diagonal: diag(1 − tanh²(z))', () => {
    const c = compile('z = [0.5, -1, 2]\nh = tanh(z)\nL = sum(h * h)');
    const h = at(c, 'h');
    const j = jacobianOf(c.graph, h, 0);
    [0.5, -1, 2].forEach((z, r) => [0, 1, 2].forEach((s) => expect(j.data[r * 3 + s]).toBeCloseTo(r === s ? 1 - Math.tanh(z) ** 2 : 0, 14)));
    expect(jacobianFormTex(c.graph, h, 0)).toBe('\\frac{\\partial h}{\\partial z} = \\operatorname{diag}\\left(1 - \\tanh^{2}(z)\\right)');
    expect(jacobianMatrixTex(c.graph, h, 0)).toMatch(/^\\frac\{\\partial h\}\{\\partial z\} = \\begin\{bmatrix\} 0\.7864 & 0 & 0 \\\\ 0 & 0\.42 & 0 \\\\ 0 & 0 & 0\.07065 \\end\{bmatrix\}$/);
  });

  it('y = W x: ∂y/∂x = W, and ∂y/∂W is order 3, shown as slices ∂yᵢ/∂W with x in row i', () => {
    const c = compile('W = [[1, 2], [3, 4], [5, 6]]\nx = [0.5, -1]\ny = W @ x\nL = sum(y * y)');
    const y = at(c, 'y');
    expect(jacobianFormTex(c.graph, y, 1)).toBe('\\frac{\\partial y}{\\partial x} = W');
    expect(Array.from(jacobianOf(c.graph, y, 1).data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(derivativeOrder(c.graph, y, 0)).toEqual({ of: 1, wrt: 2, order: 3 });
    expect(derivativeOrder(c.graph, y, 1)).toEqual({ of: 1, wrt: 1, order: 2 });
    expect(derivativeOrder(c.graph, c.graph.output, 0)).toEqual({ of: 0, wrt: 1, order: 1 });
    expect(jacobianLayout(c.graph, y, 0)).toBe('slices');
    expect(jacobianSlicesTex(c.graph, y, 0)).toEqual([
      '\\frac{\\partial y_{1}}{\\partial W} = \\begin{bmatrix} 0.5 & -1 \\\\ 0 & 0 \\\\ 0 & 0 \\end{bmatrix}',
      '\\frac{\\partial y_{2}}{\\partial W} = \\begin{bmatrix} 0 & 0 \\\\ 0.5 & -1 \\\\ 0 & 0 \\end{bmatrix}',
      '\\frac{\\partial y_{3}}{\\partial W} = \\begin{bmatrix} 0 & 0 \\\\ 0 & 0 \\\\ 0.5 & -1 \\end{bmatrix}',
    ]);
  });

  it('matrices are flattened row by row; too large ones are not written', () => {
    const c = compile('A = [[1, 2], [3, 4]]\nB = [[0.5, -1], [2, 0.25]]\nC = A @ B\nL = sum(C * C)');
    const C = at(c, 'C');
    expect(jacobianLayout(c.graph, C, 0)).toBe('matrix');
    expect(jacobianMatrixTex(c.graph, C, 0).startsWith('\\frac{\\partial \\operatorname{vec}(C)}{\\partial \\operatorname{vec}(A)} = ')).toBe(true);
    // vec(C) by vec(A): C₁₁ = A₁₁B₁₁ + A₁₂B₂₁ moves with A₁₁ by B₁₁ = 0.5 and with A₁₂ by B₂₁ = 2.
    expect(Array.from(jacobianOf(c.graph, C, 0).data.subarray(0, 4))).toEqual([0.5, 2, 0, 0]);
    const big = compile('X = randn(4, 4, seed=1)\nY = X * X\nL = sum(Y)');
    expect(jacobianLayout(big.graph, at(big, 'Y'), 0)).toBe('tooBig');
  });

  it('for every op: the Jacobian agrees with central differences, and gᵀJ is what the backward step sent', () => {
    for (const program of tensorPrograms()) {
      const c = compile(program);
      for (const node of c.graph.nodes) {
        if (node.inputs.length === 0) continue;
        node.inputs.forEach((_, slot) => {
          if (jacobianLayout(c.graph, node.index, slot) === 'tooBig') return;
          const j = jacobianOf(c.graph, node.index, slot);
          const numeric = numericJacobian(c, node.index, slot);
          numeric.forEach((row, r) => row.forEach((v, s) => expect(j.data[r * j.cols + s], `${program}: ${node.id} slot ${slot}`).toBeCloseTo(v, 5)));
          const vjp = vjpJacobianTex(c.graph, c.trace, node.index, slot, c.trace.end);
          if (!vjp) throw new Error('expected a vector-Jacobian product at the end');
          expect(vjp.tex).not.toContain('NaN');
          if (slot === 0) valid(`${vjp.tex} \\quad ${jacobianMatrixTex(c.graph, node.index, slot)}`);
          const sent = vjp.sent?.data ?? new Float64Array();
          expect(sent.length).toBe(vjp.values.length);
          vjp.values.forEach((v, e) => expect(v, `${program}: ${node.id} slot ${slot}`).toBeCloseTo(sent[e], 10));
        });
      }
    }
  });

  it('gᵀJ appears once the backward pass has reached the node', () => {
    const c = compile('z = [1, 2, 0.5]\np = softmax(z)\nL = sum(p * [1, -1, 2])');
    const p = at(c, 'p');
    expect(vjpJacobianTex(c.graph, c.trace, p, 0, c.trace.visitStep[p] - 1)).toBeNull();
    const vjp = vjpJacobianTex(c.graph, c.trace, p, 0, c.trace.visitStep[p]);
    expect(vjp?.tex.startsWith('\\left(\\frac{\\partial L}{\\partial p}\\right)^{\\top} J = \\begin{bmatrix} 1 & -1 & 2 \\end{bmatrix}\\,\\begin{bmatrix}')).toBe(true);
  });
});
