import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkGradients } from './gradcheck';
import { compile } from './index';
import { matrixNetworkProgram, matrixSpecProblem, networkProgram, parseUnitName, specProblem, unitName, type Activation, type NetworkSpec } from './network';

const spec = (over: Partial<NetworkSpec> = {}): NetworkSpec => ({
  inputs: 2,
  layers: [
    { width: 3, activation: 'tanh' },
    { width: 2, activation: 'identity' },
  ],
  loss: 'mse',
  batch: 1,
  seed: 7,
  ...over,
});

describe('networkProgram', () => {
  it('the same seed gives the same network; another seed other weights', () => {
    expect(networkProgram(spec())).toBe(networkProgram(spec()));
    expect(networkProgram(spec({ seed: 8 }))).not.toBe(networkProgram(spec()));
  });

  it('builds every combination of activation, loss and batch, with gradients that match central differences', () => {
    const arb = fc.record({
      inputs: fc.integer({ min: 1, max: 3 }),
      hidden: fc.integer({ min: 1, max: 3 }),
      out: fc.integer({ min: 2, max: 3 }),
      act: fc.constantFrom<Activation>('identity', 'sigmoid', 'tanh', 'relu'),
      loss: fc.constantFrom('mse' as const, 'softmax-ce' as const),
      batch: fc.integer({ min: 1, max: 3 }),
      seed: fc.integer({ min: 0, max: 1000 }),
    });
    fc.assert(
      fc.property(arb, (a) => {
        const s: NetworkSpec = {
          inputs: a.inputs,
          layers: [
            { width: a.hidden, activation: a.act },
            { width: a.out, activation: 'sigmoid' },
          ],
          loss: a.loss,
          batch: a.batch,
          seed: a.seed,
        };
        expect(specProblem(s)).toBeNull();
        const { graph, trace } = compile(networkProgram(s));
        for (const check of checkGradients(graph, trace.grads)) {
          // ReLU has a kink at 0; everything else is smooth.
          // Relative 1e-6, with a floor of 1e-6 absolute for gradients near zero (cancellation in ΔL).
          const tolerance = 1e-6 * Math.max(1, Math.abs(check.backprop));
          if (a.act !== 'relu') expect(Math.abs(check.backprop - check.numeric), graph.nodes[check.node].id).toBeLessThan(tolerance);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('softmax with cross-entropy: each output pre-activation gets p − y', () => {
    const { graph, trace } = compile(networkProgram(spec({ loss: 'softmax-ce', layers: [{ width: 3, activation: 'identity' }] })));
    const value = (name: string) => graph.nodes.find((n) => n.label === name)?.value ?? NaN;
    const grad = (name: string) => trace.grads[graph.nodes.findIndex((n) => n.label === name)];
    const text = networkProgram(spec({ loss: 'softmax-ce', layers: [{ width: 3, activation: 'identity' }] }));
    const truth = Number(/true class of row 1: (\d)/.exec(text)?.[1]);
    for (let k = 1; k <= 3; k++) {
      expect(grad(`z1_${k}`)).toBeCloseTo(value(`p${k}`) - (k === truth ? 1 : 0), 12);
    }
  });

  it('with a batch the bias gradient is the sum over the rows', () => {
    const { graph, trace } = compile(networkProgram(spec({ batch: 3 })));
    const index = (name: string) => graph.nodes.findIndex((n) => n.label === name);
    const perRow = [1, 2, 3].map((r) => trace.grads[index(`z2_1r${r}`)]);
    expect(trace.grads[index('b2_1')]).toBeCloseTo(perRow[0] + perRow[1] + perRow[2], 12);
    // b2_1 is one node used by three rows: three contributions arrive.
    expect(graph.outEdges[index('b2_1')]).toHaveLength(3);
  });

  it('rejects specs outside the limits', () => {
    expect(specProblem(spec({ inputs: 0 }))).toBe('inputs');
    expect(specProblem(spec({ batch: 9 }))).toBe('batch');
    expect(specProblem(spec({ loss: 'softmax-ce', layers: [{ width: 1, activation: 'identity' }] }))).toBe('classes');
  });
});

describe('parseUnitName', () => {
  it('reads back the per-unit names the builder writes, and nothing else', () => {
    expect(parseUnitName('z1_2')).toEqual({ letter: 'z', layer: 1, unit: 2, row: null });
    expect(parseUnitName('b2_1r3')).toEqual({ letter: 'b', layer: 2, unit: 1, row: 3 });
    expect(parseUnitName('x1')).toBeNull();
    expect(parseUnitName('total')).toBeNull();
    expect(parseUnitName(null)).toBeNull();
    for (const name of ['z1_2', 'a3_1r2', 'b1_4']) expect(unitName(parseUnitName(name) ?? { letter: '', layer: 0, unit: 0, row: null })).toBe(name);
  });
});

describe('matrixNetworkProgram', () => {
  it('writes "a 2-8-2 tanh network on moons" as a data line, parameters and one line a layer', () => {
    const text = matrixNetworkProgram({ dataset: 'moons', hidden: [8], activation: 'tanh', batch: 32, seed: 1 });
    expect(text).toBe(
      [
        '# a 2-8-2 tanh network on moons',
        'data X, Y = moons(n=200, noise=0.1, seed=1, batch=32)',
        'param W1 = randn(2, 8, std=0.71, seed=1)',
        'param b1 = zeros(8)',
        'H1 = tanh(X @ W1 + b1)',
        'param W2 = randn(8, 2, std=0.35, seed=2)',
        'param b2 = zeros(2)',
        'Z = H1 @ W2 + b2',
        'L = softmax_cross_entropy(Z, Y)',
      ].join('\n'),
    );
    const { graph } = compile(text);
    expect(graph.nodes.filter((n) => n.role === 'param').map((n) => [n.label, n.shape])).toEqual([
      ['W1', [2, 8]],
      ['b1', [8]],
      ['W2', [8, 2]],
      ['b2', [2]],
    ]);
    expect(graph.nodes.filter((n) => n.role === 'data').map((n) => [n.label, n.shape])).toEqual([
      ['X', [32, 2]],
      ['Y', [32, 2]],
    ]);
  });

  it('every point set gives a program that compiles: softmax regression with no hidden layer, squared error on line', () => {
    for (const dataset of ['moons', 'circles', 'xor', 'spiral', 'blobs', 'line'] as const) {
      for (const hidden of [[], [4, 3]]) {
        const text = matrixNetworkProgram({ dataset, hidden, activation: 'relu', batch: 16, seed: 3 });
        const { graph } = compile(text);
        expect(graph.nodes[graph.output].shape, `${dataset} ${hidden}`).toEqual([]);
        if (dataset === 'line') expect(text).toMatch(/L = mean\(\(Z - Y\) \^ 2\)$/);
      }
    }
    expect(matrixNetworkProgram({ dataset: 'blobs', hidden: [], activation: 'tanh', batch: 20, seed: 0 }).split('\n')[0]).toBe('# softmax regression on blobs');
  });

  it('image sets name their batch only, and the first layer takes every pixel', () => {
    const text = matrixNetworkProgram({ dataset: 'fashion', hidden: [32], activation: 'tanh', batch: 64, seed: 1 });
    expect(text.split('\n').slice(1, 3)).toEqual(['data X, Y = fashion(batch=64)', 'param W1 = randn(784, 32, std=0.036, seed=1)']);
  });

  it('reports what is out of range', () => {
    const ok = { dataset: 'moons', hidden: [8], activation: 'tanh', batch: 32, seed: 1 } as const;
    expect(matrixSpecProblem(ok)).toBeNull();
    expect(matrixSpecProblem({ ...ok, hidden: [8, 8, 8, 8] })).toBe('layers');
    expect(matrixSpecProblem({ ...ok, hidden: [0] })).toBe('width');
    expect(matrixSpecProblem({ ...ok, batch: 0 })).toBe('batch');
    expect(matrixSpecProblem({ ...ok, dataset: 'mnist' as never })).toBe('dataset');
  });
});
