import { describe, expect, it } from 'vitest';
import { compile } from '../engine';
import { tensorPrograms } from '../formulas/testTensorPrograms';
import { announcement, nodeName } from './describe';

const AFFINE = compile('X = [[1, 2, 3], [4, 5, 6]]\nW = randn(3, 2, std=0.5, seed=1)\nb = [0.1, -0.2]\nY = X @ W + b\nL = sum(Y * Y)');

describe('announcements of tensor steps', () => {
  it('name the shapes sent and what a broadcast input was summed over', () => {
    expect(announcement('en', AFFINE, 8)).toBe('Backward at Y (2×2): sends a 2×2 matrix to [@]; sends a vector of length 2 to b, summed over the rows.');
    expect(announcement('en', AFFINE, 9)).toBe('Backward at [@] (2×2): sends a 2×3 matrix to X; sends a 3×2 matrix to W.');
    expect(announcement('en', AFFINE, 6)).toBe('Backward at L, gradient 1: sends a 2×2 matrix to [×].');
    expect(announcement('en', AFFINE, 2)).toBe('Forward: Y is computed, a 2×2 matrix.');
    expect(announcement('zh-CN', AFFINE, 8)).toBe('反向传播到 Y（2×2）：向 [@] 传递2×2 矩阵；向 b 传递长度为 2 的向量，对各行求和。');
  });

  it('a number used at every element receives one number, summed over all of them', () => {
    const c = compile('c = 2\nv = [1, -1, 3]\nL = sum(c * v)');
    const step = c.trace.visitStep[c.graph.nodes.findIndex((n) => n.op === 'mul')];
    expect(announcement('en', c, step)).toBe('Backward at [×] (3): sends 3 to c, summed over every element; sends a vector of length 3 to v.');
  });

  it('never say NaN for any step of any tensor program, in either language', () => {
    for (const program of tensorPrograms()) {
      const c = compile(program);
      for (let step = 0; step <= c.trace.end; step++) {
        for (const locale of ['en', 'zh-CN'] as const) expect(announcement(locale, c, step), program).not.toContain('NaN');
      }
      for (const n of c.graph.nodes) expect(nodeName(c.graph, n.index)).not.toContain('NaN');
    }
  });

  it('a vector constant is named by its numbers, a long one by its shape', () => {
    const c = compile('A = [[1, 2], [3, 4]]\nL = sum(A * [0.5, -1]) + sum(A @ [[1, 2, 3, 4, 5], [1, 2, 3, 4, 5]])');
    const consts = c.graph.nodes.filter((n) => n.op === 'const').map((n) => nodeName(c.graph, n.index));
    expect(consts).toEqual(['[0.5, −1]', '[2×5]']);
  });
});

describe('announcements leave constants out', () => {
  it('x * 2 sends to x only; 2 * 5 sends to no variable', async () => {
    const { compile } = await import('../engine');
    const { announcement } = await import('./describe');
    const c = compile('x = 3\nt = 2 * 5\nf = x * 2 + t');
    const atOut = announcement('en', c, c.trace.visitStep[c.graph.nodes.findIndex((n) => n.id === 'f~1')]);
    expect(atOut).toContain('sends 2 to x');
    expect(atOut).not.toContain('to 2');
    const atT = announcement('en', c, c.trace.visitStep[c.graph.nodes.findIndex((n) => n.label === 't')]);
    expect(atT).toContain('its inputs are constants');
  });
});
