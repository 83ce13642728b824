import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layerCrossings, siftLayers } from './sifting';

/** A random layered graph: layer sizes, and edges between adjacent layers only. */
const layeredGraph = fc
  .array(fc.integer({ min: 1, max: 7 }), { minLength: 2, maxLength: 6 })
  .chain((sizes) => {
    const layers: number[][] = [];
    let next = 0;
    for (const size of sizes) layers.push(Array.from({ length: size }, () => next++));
    const pairs: [number, number][] = [];
    for (let l = 0; l + 1 < layers.length; l++) for (const a of layers[l]) for (const b of layers[l + 1]) pairs.push([a, b]);
    return fc.subarray(pairs).map((edges) => ({ layers, n: next, edges }));
  });

function adjacency(n: number, edges: readonly [number, number][]) {
  const up: number[][] = Array.from({ length: n }, () => []);
  const down: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of edges) {
    down[a].push(b);
    up[b].push(a);
  }
  return { up, down };
}

/** Crossings by definition: two edges between the same layers whose ends are in opposite orders. */
function bruteCrossings(layers: readonly (readonly number[])[], edges: readonly [number, number][]): number {
  const pos: number[] = [];
  for (const layer of layers) layer.forEach((v, i) => (pos[v] = i));
  let count = 0;
  for (let i = 0; i < edges.length; i++)
    for (let j = i + 1; j < edges.length; j++) {
      const [a, b] = edges[i];
      const [c, d] = edges[j];
      if (layers.findIndex((l) => l.includes(a)) !== layers.findIndex((l) => l.includes(c))) continue;
      if ((pos[a] - pos[c]) * (pos[b] - pos[d]) < 0) count++;
    }
  return count;
}

describe('layerCrossings', () => {
  it('counts what the definition counts', () => {
    fc.assert(
      fc.property(layeredGraph, ({ layers, n, edges }) => {
        expect(layerCrossings(layers, adjacency(n, edges).down)).toBe(bruteCrossings(layers, edges));
      }),
    );
  });
});

describe('siftLayers', () => {
  it('untangles a crossed pair: 0→3 and 1→2 become parallel', () => {
    const layers = [[0, 1], [2, 3]];
    const { up, down } = adjacency(4, [[0, 3], [1, 2]]);
    expect(layerCrossings(layers, down)).toBe(1);
    siftLayers(layers, up, down);
    expect(layerCrossings(layers, down)).toBe(0);
  });

  it('finds the crossing-free order of a zig-zag that a median pass leaves crossed', () => {
    // 0 feeds 4 and 5, 1 feeds 3, 2 feeds 3 and 4: the order 1 2 0 / 3 4 5 has no crossing.
    const layers = [[0, 1, 2], [3, 4, 5]];
    const { up, down } = adjacency(6, [[0, 4], [0, 5], [1, 3], [2, 3], [2, 4]]);
    expect(layerCrossings(layers, down)).toBeGreaterThan(0);
    siftLayers(layers, up, down, 4);
    expect(layerCrossings(layers, down)).toBe(0);
  });

  it('keeps every layer a permutation of its nodes and never adds crossings', () => {
    fc.assert(
      fc.property(layeredGraph, fc.integer({ min: 1, max: 4 }), ({ layers, n, edges }, passes) => {
        const { up, down } = adjacency(n, edges);
        const before = layerCrossings(layers, down);
        const sifted = layers.map((l) => [...l]);
        siftLayers(sifted, up, down, passes);
        sifted.forEach((layer, l) => expect([...layer].sort((a, b) => a - b)).toEqual([...layers[l]].sort((a, b) => a - b)));
        expect(layerCrossings(sifted, down)).toBeLessThanOrEqual(before);
      }),
    );
  });
});
