import { describe, expect, it } from 'vitest';
import { hingeLoss, makeMlp, mlpForward, mlpParameters } from './mlp';
import { Tape, Value } from './value';

describe('MLP', () => {
  it('orders params by layer, neuron, weights then bias', () => {
    const params = Array.from({ length: 2 * 3 + 3 + 3 + 1 }, (_, i) => i);
    const mlp = makeMlp(2, [3, 1], params);
    expect(mlp.layers[0][0].map((v) => v.data)).toEqual([0, 1, 2]);
    expect(mlp.layers[0][2].map((v) => v.data)).toEqual([6, 7, 8]);
    expect(mlp.layers[1][0].map((v) => v.data)).toEqual([9, 10, 11, 12]);
    expect(mlpParameters(mlp)).toHaveLength(13);
  });

  it('computes relu hidden and linear output by hand', () => {
    // hidden: relu(1*x0 + -1*x1 + 0.5), output: 2*h - 1
    const mlp = makeMlp(2, [1, 1], [1, -1, 0.5, 2, -1]);
    const [out] = mlpForward(mlp, [3, 1]);
    expect(out.data).toBe(2 * 2.5 - 1);
  });

  it('hinge loss gradients match central differences on every parameter', () => {
    const params = [0.3, -0.2, 0.1, 0.5, 0.4, -0.3, 0.7, -0.6, 0.2];
    const xs = [[0.5, -1], [1.5, 0.2], [-0.7, 0.9]];
    const ys = [1, -1, 1];
    const lossAt = (p: number[]): number => hingeLoss(makeMlp(2, [2, 1], p), xs, ys).data;
    const mlp = makeMlp(2, [2, 1], params);
    const L = hingeLoss(mlp, xs, ys);
    L.backward();
    mlpParameters(mlp).forEach((p, i) => {
      const h = 1e-6;
      const plus = [...params];
      const minus = [...params];
      plus[i] += h;
      minus[i] -= h;
      const numeric = (lossAt(plus) - lossAt(minus)) / (2 * h);
      expect(p.grad).toBeCloseTo(numeric, 6);
    });
  });

  it('rejects a parameter list of the wrong length', () => {
    expect(() => makeMlp(2, [1], [1, 2])).toThrow(/parameters/);
    expect(() => makeMlp(2, [1], [1, 2, 3, 4])).toThrow(/parameters/);
  });

  it('keeps all values on one tape', () => {
    const tape = new Tape();
    const mlp = makeMlp(1, [1], [2, 1], undefined, tape);
    const out = mlpForward(mlp, [new Value(3, tape)])[0];
    expect(out.tape).toBe(tape);
  });
});
