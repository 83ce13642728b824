import { describe, expect, it } from 'vitest';
import { compile, nodeStateAt } from '.';
import { layeredProgram } from './layeredProgram';

describe('layeredProgram', () => {
  it.each([200, 1000, 3000])('at %i nodes is about that size, and every value and gradient is a finite number', (nodes) => {
    const { graph, trace } = compile(layeredProgram(nodes));
    expect(Math.abs(graph.nodes.length - nodes)).toBeLessThan(nodes * 0.1);
    // A benchmark that steps NaN measures the NaN notes, not the graph a student steps.
    const values = graph.nodes.map((n) => n.value as number);
    const grads = graph.nodes.map((_, i) => nodeStateAt(graph, trace, i, trace.end).grad as number);
    expect(values.filter((v) => !Number.isFinite(v))).toEqual([]);
    expect(grads.filter((g) => !Number.isFinite(g))).toEqual([]);
    expect(Math.max(...values.map(Math.abs))).toBeLessThan(1e6);
  });

  it('is the same program for the same seed, and another for another seed', () => {
    expect(layeredProgram(500, 3)).toBe(layeredProgram(500, 3));
    expect(layeredProgram(500, 3)).not.toBe(layeredProgram(500, 4));
  });
});
