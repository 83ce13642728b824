import { describe, expect, it } from 'vitest';
import { compile } from './index';
import { nodeStateAt, phaseOf } from './trace';
import type { Step } from './trace.types';

const CIRCUIT = 'x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z';

function byLabel(program: string) {
  const compiled = compile(program);
  const index = (label: string): number => {
    const node = compiled.graph.nodes.find((n) => n.label === label);
    if (!node) throw new Error(`no node ${label}`);
    return node.index;
  };
  return { ...compiled, index };
}

const backward = (step: Step) => {
  if (step.kind !== 'backward') throw new Error(`expected a backward step, got ${step.kind}`);
  return step;
};

describe('trace', () => {
  it('has start, a forward step per computed node, the seed, then a backward step per node', () => {
    const { trace, graph } = compile(CIRCUIT);
    expect(trace.steps.map((s) => s.kind)).toEqual([
      'start',
      'forward',
      'forward',
      'seed',
      'backward',
      'backward',
      'backward',
      'backward',
      'backward',
    ]);
    expect(trace.lastForward).toBe(2);
    expect(trace.seed).toBe(3);
    expect(trace.end).toBe(trace.steps.length - 1);
    expect(graph.nodes).toHaveLength(5);
    expect([phaseOf(trace, 0), phaseOf(trace, 1), phaseOf(trace, 3), phaseOf(trace, 4)]).toEqual([
      'start',
      'forward',
      'seed',
      'backward',
    ]);
  });

  it('gives the textbook gradients of (x + y) * z', () => {
    const { trace, index } = byLabel(CIRCUIT);
    expect(trace.grads[index('x')]).toBe(-4);
    expect(trace.grads[index('y')]).toBe(-4);
    expect(trace.grads[index('z')]).toBe(3);
    expect(trace.grads[index('q')]).toBe(-4);
    expect(trace.grads[index('f')]).toBe(1);
  });

  it('records local derivative, upstream gradient and the addition for each edge', () => {
    const { trace, index } = byLabel(CIRCUIT);
    const visitF = backward(trace.steps[trace.visitStep[index('f')]]);
    expect(visitF.grad).toBe(1);
    // mul swaps: ∂f/∂q = z = -4, ∂f/∂z = q = 3
    expect(visitF.contributions.map((c) => [c.to, c.local, c.upstream, c.amount, c.before, c.after, c.final])).toEqual([
      [index('q'), -4, 1, -4, 0, -4, true],
      [index('z'), 3, 1, 3, 0, 3, true],
    ]);
    const visitQ = backward(trace.steps[trace.visitStep[index('q')]]);
    // add passes the gradient through to both inputs
    expect(visitQ.contributions.map((c) => [c.local, c.amount])).toEqual([
      [1, -4],
      [1, -4],
    ]);
  });

  it('a node used twice receives two contributions and is final only after the second', () => {
    const { trace, graph, index } = byLabel('x = 3\nf = x * x');
    const x = index('x');
    const visit = trace.visitStep[index('f')];
    const step = backward(trace.steps[visit]);
    expect(step.contributions.map((c) => [c.arrival, c.arrivals, c.before, c.after, c.final])).toEqual([
      [1, 2, 0, 3, false],
      [2, 2, 3, 6, true],
    ]);
    expect(graph.outEdges[x]).toHaveLength(2);
    expect(trace.grads[x]).toBe(6);
  });

  it('marks a branched node partial until its last consumer is visited', () => {
    const { graph, trace, index } = byLabel('s = 0.5\nx = s ^ 2\ny = exp(s)\nz = x * y');
    const s = index('s');
    const afterY = trace.visitStep[index('y')];
    const afterX = trace.visitStep[index('x')];
    expect(afterY).toBeLessThan(afterX);
    const partial = nodeStateAt(graph, trace, s, afterY);
    expect(partial.final).toBe(false);
    expect(partial.arrived).toBe(1);
    expect(partial.grad).toBeCloseTo(0.25 * Math.exp(0.5), 14);
    const done = nodeStateAt(graph, trace, s, afterX);
    expect(done.final).toBe(true);
    expect(done.arrived).toBe(2);
    // dz/ds = 2s·eˢ + s²·eˢ
    expect(done.grad).toBeCloseTo((2 * 0.5 + 0.25) * Math.exp(0.5), 14);
    expect(nodeStateAt(graph, trace, s, afterY - 1).grad).toBeUndefined();
  });

  it('sums three contributions where a value has three consumers', () => {
    const { trace, index } = byLabel('x = 2\na = x * 3\nb = x * x\nf = a + b');
    // f = 3x + x²: ∂f/∂x = 3 + 2x = 7, from one edge of a and two of b
    const arrivals = trace.steps
      .flatMap((s) => (s.kind === 'backward' ? s.contributions : []))
      .filter((c) => c.to === index('x'));
    expect(arrivals.map((c) => c.amount)).toEqual([2, 2, 3]);
    expect(arrivals.map((c) => c.after)).toEqual([2, 4, 7]);
    expect(arrivals.map((c) => c.final)).toEqual([false, false, true]);
    expect(trace.grads[index('x')]).toBe(7);
  });

  it('shows values from their forward step and gradients from their first contribution', () => {
    const { graph, trace, index } = byLabel(CIRCUIT);
    const q = index('q');
    expect(nodeStateAt(graph, trace, q, 0).value).toBeUndefined();
    expect(nodeStateAt(graph, trace, q, 1).value).toBe(3);
    expect(nodeStateAt(graph, trace, index('x'), 0).value).toBe(-2);
    expect(nodeStateAt(graph, trace, q, trace.seed).grad).toBeUndefined();
    expect(nodeStateAt(graph, trace, index('f'), trace.seed)).toMatchObject({ grad: 1, final: true });
  });

  it('ends with every node holding a final gradient, 0 for what the output ignores', () => {
    const { graph, trace, index } = byLabel('x = 1\nunused = 5\ndead = unused * 2\nf = x * 3');
    for (const node of graph.nodes) {
      const state = nodeStateAt(graph, trace, node.index, trace.end);
      expect(state.value).toBe(node.value);
      expect(state.grad).toBeDefined();
      expect(state.final).toBe(true);
    }
    expect(trace.grads[index('unused')]).toBe(0);
    expect(trace.grads[index('dead')]).toBe(0);
    expect(trace.grads[index('x')]).toBe(3);
  });

  it('a contribution of zero is still a contribution', () => {
    const { graph, trace, index } = byLabel('x = -1\nf = relu(x)');
    const state = nodeStateAt(graph, trace, index('x'), trace.end);
    expect(state.grad).toBe(0);
    expect(Object.is(state.grad, -0)).toBe(false);
    expect(state.arrived).toBe(1);
  });

  it('routes max to the larger input', () => {
    const { trace, index } = byLabel('x = 3\ny = -1\nm = max(x, y)\nf = m * 2');
    expect(trace.grads[index('x')]).toBe(2);
    expect(trace.grads[index('y')]).toBe(0);
  });

  it('flags non-finite values instead of failing', () => {
    const { graph, trace, index } = byLabel('x = 0\nf = 1 / x');
    expect(graph.nodes[index('f')].value).toBe(Infinity);
    expect(Number.isFinite(trace.grads[index('x')])).toBe(false);
  });
});
