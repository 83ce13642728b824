// Sifting (Matuszewski, Schönfeld and Molitor, 1999): a crossing-reduction pass
// run after d3-dag's two-layer heuristic. Each node in turn is taken out of its
// layer and put back at the position where its edges to both neighbouring
// layers cross the fewest others. A move never adds crossings, so the result
// is at least as good as the order it starts from.
import type { SugiNode } from 'd3-dag';

/**
 * Layers of node ids; `up[v]`/`down[v]` are v's neighbours in the layer before
 * and after (one entry per edge). Reorders `layers` in place.
 */
export function siftLayers(layers: number[][], up: readonly (readonly number[])[], down: readonly (readonly number[])[], passes = 2): void {
  const pos: number[] = [];
  for (const layer of layers) layer.forEach((v, i) => (pos[v] = i));
  for (let pass = 0; pass < passes; pass++) {
    let moved = false;
    // Alternate sweeps: forward layers first, then backward.
    const order = layers.map((_, l) => (pass % 2 === 0 ? l : layers.length - 1 - l));
    for (const l of order) if (siftLayer(layers[l], pos, up, down)) moved = true;
    if (!moved) break;
  }
}

/** Pairs (a, b), a from `as`, b from `bs` (both sorted), with a > b: crossings when the owner of `as` is left of the owner of `bs`. */
function inversions(as: readonly number[], bs: readonly number[]): number {
  let count = 0;
  let j = 0;
  for (const a of as) {
    while (j < bs.length && bs[j] < a) j++;
    count += j;
  }
  return count;
}

function siftLayer(layer: number[], pos: number[], up: readonly (readonly number[])[], down: readonly (readonly number[])[]): boolean {
  const n = layer.length;
  if (n < 2) return false;
  // Neighbour positions in the fixed layers before and after, sorted once.
  const upPos = new Map<number, number[]>();
  const downPos = new Map<number, number[]>();
  for (const v of layer) {
    upPos.set(v, up[v].map((u) => pos[u]).sort((a, b) => a - b));
    downPos.set(v, down[v].map((u) => pos[u]).sort((a, b) => a - b));
  }
  const cross = (left: number, right: number): number =>
    inversions(upPos.get(left)!, upPos.get(right)!) + inversions(downPos.get(left)!, downPos.get(right)!);
  // Biggest nodes first: they decide most crossings.
  const byDegree = [...layer].sort((a, b) => up[b].length + down[b].length - (up[a].length + down[a].length));
  let moved = false;
  for (const v of byDegree) {
    if (up[v].length + down[v].length === 0) continue;
    const from = layer.indexOf(v);
    layer.splice(from, 1);
    // cost(p): v inserted before layer[p]. Start with v first, then let it pass each node.
    let cost = 0;
    const leftOf: number[] = [];
    const rightOf: number[] = [];
    for (const u of layer) {
      const vu = cross(v, u);
      const uv = cross(u, v);
      leftOf.push(vu);
      rightOf.push(uv);
      cost += vu;
    }
    let best = cost;
    let bestAt = 0;
    let costAtFrom = from === 0 ? cost : NaN;
    for (let p = 1; p <= layer.length; p++) {
      cost += rightOf[p - 1] - leftOf[p - 1];
      if (p === from) costAtFrom = cost;
      if (cost < best) {
        best = cost;
        bestAt = p;
      }
    }
    // Ties keep the node where it was.
    const to = best < costAtFrom ? bestAt : from;
    layer.splice(to, 0, v);
    if (to !== from) moved = true;
    layer.forEach((u, i) => (pos[u] = i));
  }
  return moved;
}

/** Crossings between adjacent layers (for tests and benchmarks). */
export function layerCrossings(layers: readonly (readonly number[])[], down: readonly (readonly number[])[]): number {
  const pos: number[] = [];
  for (const layer of layers) layer.forEach((v, i) => (pos[v] = i));
  let total = 0;
  for (let l = 0; l + 1 < layers.length; l++) {
    const edges: [number, number][] = [];
    for (const v of layers[l]) for (const w of down[v]) edges.push([pos[v], pos[w]]);
    edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    // Count pairs i < j with edges[i][1] > edges[j][1] and distinct sources, with a Fenwick tree.
    const size = layers[l + 1].length + 1;
    const tree = new Array<number>(size + 1).fill(0);
    const add = (i: number) => {
      for (i++; i <= size; i += i & -i) tree[i]++;
    };
    const atMost = (i: number) => {
      let s = 0;
      for (i++; i > 0; i -= i & -i) s += tree[i];
      return s;
    };
    let seen = 0;
    let k = 0;
    while (k < edges.length) {
      // Edges from one source do not cross each other: count a source's edges before adding them.
      let end = k;
      while (end < edges.length && edges[end][0] === edges[k][0]) end++;
      for (let i = k; i < end; i++) total += seen - atMost(edges[i][1]);
      for (let i = k; i < end; i++) add(edges[i][1]);
      seen += end - k;
      k = end;
    }
  }
  return total;
}

/** Sifting on d3-dag's layers of SugiNodes, as a step of a decrossing operator. */
export function siftSugiLayers<N, L>(layers: SugiNode<N, L>[][], passes = 2): void {
  const ids = new Map<SugiNode<N, L>, number>();
  const nodes: SugiNode<N, L>[] = [];
  const numbered = layers.map((layer) =>
    layer.map((node) => {
      ids.set(node, nodes.length);
      nodes.push(node);
      return nodes.length - 1;
    }),
  );
  const up = nodes.map((node) => [...node.parents()].map((p) => ids.get(p)!));
  const down = nodes.map((node) => [...node.children()].map((c) => ids.get(c)!));
  siftLayers(numbered, up, down, passes);
  numbered.forEach((order, l) => layers[l].splice(0, order.length, ...order.map((v) => nodes[v])));
}
