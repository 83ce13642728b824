import { describe, expect, it } from 'vitest';
import { compile } from '../engine';
import { toDrawModel } from './drawModel';
import { fastLayers, longEdgesOverBudget } from './layering';
import { layoutGraph } from './layout';

describe('fastLayers', () => {
  it('puts every node right of its arguments and pulls sources next to their consumers', () => {
    // 0 → 2 → 3 ← 1, and 4 alone.
    const parents = [[], [], [0], [2, 1], []];
    const children = [[2], [3], [3], [], []];
    expect(fastLayers(parents, children)).toEqual([0, 1, 1, 2, 0]);
  });

  it('does not rely on index order and rejects cycles', () => {
    expect(fastLayers([[1], []], [[], [0]])).toEqual([1, 0]);
    expect(() => fastLayers([[1], [0]], [[1], [0]])).toThrow(/cycle/);
  });

  it('handles an empty graph', () => {
    expect(fastLayers([], [])).toEqual([]);
  });
});

describe('layoutGraph on a big graph (the fast settings)', () => {
  it('keeps edges left to right and nodes apart', () => {
    const lines = ['x0 = 1', 'x1 = 2'];
    for (let i = 2; i < 1100; i++) lines.push(`x${i} = x${i - 1} * x${i - 2 - (i % 7 === 0 && i > 9 ? 7 : 0)}`);
    const { graph } = compile(lines.join('\n'));
    const model = toDrawModel(graph);
    expect(model.nodes.length).toBeGreaterThan(1000);
    const layout = layoutGraph(model);
    for (const e of graph.edges) expect(layout.nodes[e.to].x).toBeGreaterThan(layout.nodes[e.from].x);
    const seen = new Set(layout.nodes.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`));
    expect(seen.size).toBe(layout.nodes.length);
  });
});

describe('longEdgesOverBudget', () => {
  const layer = [0, 1, 2, 3, 4, 5];
  it('leaves every edge in when the bends fit the budget', () => {
    expect(longEdgesOverBudget([[0, 5], [0, 1], [1, 3]], layer, 5)).toEqual([]);
  });
  it('takes out the longest edges first until the bends fit', () => {
    // Bends: 0→5 has 4, 0→3 has 2, 1→3 has 1, 0→1 none: 7 in all.
    expect(longEdgesOverBudget([[0, 3], [0, 5], [0, 1], [1, 3]], layer, 3)).toEqual([1]);
    expect(longEdgesOverBudget([[0, 3], [0, 5], [0, 1], [1, 3]], layer, 0)).toEqual([1, 0, 3]);
  });
});
