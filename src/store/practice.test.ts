import { describe, expect, it } from 'vitest';
import { compile } from '../engine';
import { checkStep, isClose, isQuizStep, isTensorQuiz, parseAnswer, parseShape, practiceEntry, revealedStep, sameShapeAnswer, score } from './practice';

const CIRCUIT = compile('x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z');

describe('practice answers', () => {
  it('reads the ways students type numbers', () => {
    expect(parseAnswer(' -4 ')).toBe(-4);
    expect(parseAnswer('−4')).toBe(-4);
    expect(parseAnswer('.25')).toBe(0.25);
    expect(parseAnswer('1/4')).toBe(0.25);
    expect(parseAnswer('1e-3')).toBe(0.001);
    expect(parseAnswer('')).toBeNull();
    expect(parseAnswer('four')).toBeNull();
    expect(parseAnswer('1/0')).toBeNull();
  });

  it('forgives rounding to two decimals but not a wrong sign', () => {
    expect(isClose(0.1, 0.1045)).toBe(true);
    expect(isClose(0.33, 1 / 3)).toBe(true);
    expect(isClose(4, -4)).toBe(false);
    expect(isClose(-12.1, -12)).toBe(true);
    expect(isClose(-13, -12)).toBe(false);
  });

  it('checks every contribution of a backward step', () => {
    // Step 4 visits f = q·z: q gets local z = −4, sent −4; z gets local q = 3, sent 3.
    expect(isQuizStep(CIRCUIT, 4)).toBe(true);
    expect(isQuizStep(CIRCUIT, 3)).toBe(false); // the seed
    expect(isQuizStep(CIRCUIT, 8)).toBe(false); // an input sends nothing
    const results = checkStep(CIRCUIT, 4, [
      { local: '-4', sent: '-4' },
      { local: '3', sent: '-3' },
    ]);
    expect(results).toEqual([
      { local: true, sent: true },
      { local: true, sent: false },
    ]);
    expect(score({ 4: results })).toEqual({ right: 3, total: 4 });
  });
});

describe('practice at a tensor step', () => {
  const AFFINE = compile('X = [[1, 2, 3], [4, 5, 6]]\nW = randn(3, 2, std=0.5, seed=1)\nb = [0.1, -0.2]\nY = X @ W + b\nL = sum(Y * Y)');
  // Step 9 visits X @ W: X receives a 2×3 matrix, W a 3×2 matrix.

  it('reads the ways students write a shape', () => {
    expect(parseShape('3x2')).toEqual([3, 2]);
    expect(parseShape(' 3 × 2 ')).toEqual([3, 2]);
    expect(parseShape('(3, 2)')).toEqual([3, 2]);
    expect(parseShape('[3,2]')).toEqual([3, 2]);
    expect(parseShape('3 by 2')).toEqual([3, 2]);
    expect(parseShape('2')).toEqual([2]);
    expect(parseShape('(2,)')).toEqual([2]);
    expect(parseShape('1')).toEqual([]);
    expect(parseShape('scalar')).toEqual([]);
    expect(parseShape('标量')).toEqual([]);
    expect(parseShape('3x')).toBeNull();
    expect(parseShape('0x2')).toBeNull();
    expect(parseShape('2x3x4')).toBeNull();
    expect(parseShape('')).toBeNull();
    expect(sameShapeAnswer([1, 2], [2])).toBe(true);
    expect(sameShapeAnswer([2, 3], [3, 2])).toBe(false);
  });

  it('asks for the shape and one entry of what each input receives, and scores them as two fields', () => {
    expect(isQuizStep(AFFINE, 9)).toBe(true);
    expect(isTensorQuiz(AFFINE, 9)).toBe(true);
    expect(isTensorQuiz(CIRCUIT, 4)).toBe(false);
    const s = AFFINE.trace.steps[9];
    if (s.kind !== 'backward') throw new Error('expected a backward step');
    const [toX, toW] = s.contributions;
    const ex = practiceEntry(AFFINE, 9, 0);
    const ew = practiceEntry(AFFINE, 9, 1);
    expect(ex).toBeLessThan(6);
    expect(ew).toBeLessThan(6);
    const results = checkStep(AFFINE, 9, [
      { shape: '2x3', entry: toX.tensors.amount.data[ex].toFixed(2) },
      { shape: '2x3', entry: String(-toW.tensors.amount.data[ew]) },
    ]);
    expect(results).toEqual([
      { shape: true, entry: true, element: ex },
      { shape: false, entry: false, element: ew },
    ]);
    expect(score({ 9: results })).toEqual({ right: 2, total: 4 });
    expect(revealedStep(AFFINE, 9)).toEqual([
      { shape: false, entry: false, element: ex },
      { shape: false, entry: false, element: ew },
    ]);
  });

  it('a number receiving from a tensor op is asked as shape 1 and its value', () => {
    const c = compile('c = 2\nv = [1, -1, 3]\nL = sum(c * v)');
    const step = c.trace.visitStep[c.graph.nodes.findIndex((n) => n.op === 'mul')];
    expect(isTensorQuiz(c, step)).toBe(true);
    expect(checkStep(c, step, [{ shape: '1', entry: '3' }, { shape: '3', entry: '2' }])).toEqual([
      { shape: true, entry: true, element: 0 },
      { shape: true, entry: true, element: practiceEntry(c, step, 1) },
    ]);
  });
});

describe('constants are not asked about', () => {
  it('a step whose only input is a constant is no question, and a mixed step asks only for the variable', async () => {
    const { compile } = await import('../engine');
    const { askedContributions, checkStep, isQuizStep } = await import('./practice');
    const c = compile('x = 3\nf = x * 2');
    const step = c.trace.visitStep[c.graph.output];
    const asked = askedContributions(c, step);
    expect(asked.map(({ c: k }) => c.graph.nodes[k.to].label)).toEqual(['x']);
    // The one answer typed is for x: ∂f/∂x = 2, sent 2·1.
    expect(checkStep(c, step, [{ local: '2', sent: '2' }])).toEqual([{ local: true, sent: true }]);
    const constantOnly = compile('x = 3\nt = 2 * 5\nf = x * t');
    expect(isQuizStep(constantOnly, constantOnly.trace.visitStep[constantOnly.graph.nodes.findIndex((n) => n.label === 't')])).toBe(false);
  });
});
