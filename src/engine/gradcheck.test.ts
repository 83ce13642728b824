import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkGradients, forwardValues, numericGradients, relativeError } from './gradcheck';
import { compile } from './index';
import { localDerivatives } from './trace';
import { program } from './testPrograms';
import type { Graph } from './graph';

/** True when every value and local derivative is finite, modest, and no node sits on a kink. */
function wellConditioned(graph: Graph): boolean {
  for (const node of graph.nodes) {
    if (!Number.isFinite(node.value) || Math.abs(node.value) > 1e4) return false;
    if (!localDerivatives(graph, node.index).every((d) => Number.isFinite(d) && Math.abs(d) < 1e4)) return false;
    const [a, b] = node.inputs.map((i) => graph.nodes[i].value);
    const margin = 1e-3;
    if ((node.op === 'relu' || node.op === 'abs') && Math.abs(a) < margin) return false;
    if ((node.op === 'max' || node.op === 'min') && Math.abs(a - b) < margin) return false;
    // Near-zero bases and denominators make central differences unreliable.
    if ((node.op === 'pow' || node.op === 'log' || node.op === 'sqrt') && Math.abs(a) < 0.05) return false;
    if (node.op === 'div' && Math.abs(b) < 0.05) return false;
  }
  return true;
}

describe('gradient checking', () => {
  it('backprop matches central differences on random programs over every op (relative 1e-6)', () => {
    let checked = 0;
    let total = 0;
    const opsSeen = new Set<string>();
    fc.assert(
      fc.property(program, (text) => {
        total++;
        const { graph, trace } = compile(text);
        if (!wellConditioned(graph)) return;
        checked++;
        graph.nodes.forEach((n) => opsSeen.add(n.op));
        const numeric = numericGradients(graph);
        for (const [index, num] of numeric) {
          const bp = trace.grads[index];
          // Relative 1e-6, with an absolute floor for gradients that are ~0.
          const tolerance = 1e-6 * Math.max(Math.abs(bp), Math.abs(num), 1e-3);
          expect(Math.abs(bp - num), `${text}\n∂L/∂${graph.nodes[index].label}: backprop ${bp}, numeric ${num}`).toBeLessThanOrEqual(tolerance);
        }
      }),
      { numRuns: 600, seed: 20261124 },
    );
    expect(checked / total).toBeGreaterThan(0.3);
    expect([...opsSeen].sort()).toEqual(
      ['abs', 'add', 'const', 'cos', 'div', 'exp', 'input', 'log', 'max', 'min', 'mul', 'neg', 'pow', 'relu', 'sigmoid', 'sin', 'sqrt', 'sub', 'tanh'].sort(),
    );
  });

  it('forwardValues recomputes the graph with a nudged input', () => {
    const { graph } = compile('x = 2\ny = 3\nf = x * y + x');
    const values = forwardValues(graph, new Map([[0, 2.5]]));
    expect(values[graph.output]).toBe(2.5 * 3 + 2.5);
  });

  it('checkGradients reports both figures and their relative difference', () => {
    const { graph, trace } = compile('x = 3\ny = -1\nf = x * x * y');
    const [cx, cy] = checkGradients(graph, trace.grads);
    expect(cx.backprop).toBe(-6);
    expect(cx.numeric).toBeCloseTo(-6, 8);
    expect(cy.backprop).toBe(9);
    expect(cx.relativeError).toBeLessThan(1e-8);
    expect((cx.lossPlus - cx.lossMinus) / (2 * cx.h)).toBeCloseTo(-6, 6);
  });

  it('relativeError is symmetric and scale-free', () => {
    expect(relativeError(1, 1.000001)).toBeCloseTo(relativeError(1.000001, 1), 15);
    expect(relativeError(1e6, 1e6 + 1)).toBeCloseTo(relativeError(1, 1 + 1e-6), 12);
  });
});
