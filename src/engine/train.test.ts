import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forwardValues } from './gradcheck';
import { compile } from './index';
import { program } from './testPrograms';
import { localDerivatives } from './trace';
import { descentStep, divergence, forwardTangents, gradientsAt } from './train';

const PARABOLOID = compile('x = 1\ny = 4\nf = x^2 + y^2 + 2*x + 2');
const inputsOf = (c: typeof PARABOLOID) => new Map(c.graph.nodes.filter((n) => n.op === 'input').map((n) => [n.index, n.value]));

describe('gradientsAt and forwardTangents', () => {
  it('reverse mode at the program values equals the trace, and forward mode gives the same per input', () => {
    fc.assert(
      fc.property(program, (text) => {
        const { graph, trace } = compile(text);
        const values = forwardValues(graph);
        // ∞·0 and NaN spread differently forwards and backwards; compare where every local derivative is finite.
        const finite = graph.nodes.every((n) => Number.isFinite(n.value) && localDerivatives(graph, n.index).every(Number.isFinite));
        const grads = gradientsAt(graph, values);
        for (const node of graph.nodes) {
          if (node.op !== 'input') continue;
          const g = trace.grads[node.index];
          expect(Object.is(grads[node.index], g) || Math.abs(grads[node.index] - g) <= 1e-12 * Math.max(1, Math.abs(g))).toBe(true);
          const tangent = forwardTangents(graph, node.index, values)[graph.output];
          if (finite) expect(Math.abs(tangent - g)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(g)));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('descentStep', () => {
  it('shows θ ← θ − α·∂L/∂θ with numbers', () => {
    const step = descentStep(PARABOLOID.graph, inputsOf(PARABOLOID), [0, 1], 0.01);
    expect(step.loss).toBe(1 + 16 + 2 + 2);
    expect(step.updates).toEqual([
      { node: 0, before: 1, grad: 4, after: 1 - 0.04 },
      { node: 1, before: 4, grad: 8, after: 4 - 0.08 },
    ]);
  });

  it('f = x² + y² + 2x + 2 from (1, 4) at rate 0.01 converges to (−1, 0)', () => {
    let inputs = inputsOf(PARABOLOID);
    const losses: number[] = [];
    for (let k = 0; k < 1000; k++) {
      const step = descentStep(PARABOLOID.graph, inputs, [0, 1], 0.01);
      losses.push(step.loss);
      inputs = step.values;
    }
    expect(inputs.get(0)).toBeCloseTo(-1, 6);
    expect(inputs.get(1)).toBeCloseTo(0, 6);
    expect(losses.at(-1)).toBeCloseTo(1, 6); // the minimum value f(−1, 0) = 1
    expect(divergence(losses)).toBe('none');
  });

  it('a rate that is too large diverges, and it is recognised', () => {
    let inputs = inputsOf(PARABOLOID);
    const losses: number[] = [];
    for (let k = 0; k < 40; k++) {
      const step = descentStep(PARABOLOID.graph, inputs, [0, 1], 1.5);
      losses.push(step.loss);
      inputs = step.values;
    }
    expect(divergence(losses)).toBe('growing');
    expect(divergence([1, 2, NaN])).toBe('nonFinite');
  });
});
