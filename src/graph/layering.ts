// A fast layering for big graphs: longest path from the sources, then greedy
// moves that shorten edges (a node with more consumers than arguments moves
// right, towards its consumers, and so does one with as many, which lets chains
// slide together; one with more arguments moves left). It is the
// local-move half of network simplex, so it is close to d3-dag's
// layeringSimplex in total edge length while running in linear time per pass
// (layeringSimplex solves an LP and takes most of the time above ~1,000 nodes).
import type { GraphNode as DagNode } from 'd3-dag';

/** Layer of each node (0 = leftmost) of a DAG given as `parents`/`children` index lists. */
export function fastLayers(parents: readonly (readonly number[])[], children: readonly (readonly number[])[], passes = 8): number[] {
  const n = parents.length;
  // Kahn's algorithm: a topological order that does not rely on index order.
  const order: number[] = [];
  const pending = parents.map((p) => p.length);
  for (let v = 0; v < n; v++) if (pending[v] === 0) order.push(v);
  for (let i = 0; i < order.length; i++) {
    for (const c of children[order[i]]) if (--pending[c] === 0) order.push(c);
  }
  if (order.length !== n) throw new Error('fastLayers: the graph has a cycle');
  const layer = new Array<number>(n).fill(0);
  for (const v of order) for (const c of children[v]) layer[c] = Math.max(layer[c], layer[v] + 1);
  const top = n === 0 ? 0 : Math.max(...layer);
  const range = (v: number): [number, number] => {
    let lo = 0;
    for (const p of parents[v]) lo = Math.max(lo, layer[p] + 1);
    let hi = children[v].length === 0 ? (parents[v].length === 0 ? 0 : top) : Infinity;
    for (const c of children[v]) hi = Math.min(hi, layer[c] - 1);
    return [lo, hi];
  };
  for (let pass = 0; pass < passes; pass++) {
    let moved = false;
    // Right moves, consumers first, so a chain of nodes can move together.
    for (let i = n - 1; i >= 0; i--) {
      const v = order[i];
      if (children[v].length > 0 && children[v].length >= parents[v].length) {
        const [, hi] = range(v);
        if (hi > layer[v]) {
          layer[v] = hi;
          moved = true;
        }
      }
    }
    for (const v of order) {
      if (parents[v].length > children[v].length && children[v].length > 0) {
        const [lo] = range(v);
        if (lo < layer[v]) {
          layer[v] = lo;
          moved = true;
        }
      }
    }
    if (!moved) break;
  }
  return layer;
}

type Sep<N, L> = (a: DagNode<N, L> | undefined, b: DagNode<N, L> | undefined) => number;

/**
 * Sets each node's `y` to its layer, layers `sep` apart, as a d3-dag layering
 * operator does, and returns the height. Assumes one node size (as layout.ts uses).
 */
export function placeInLayers<N, L>(nodes: readonly DagNode<N, L>[], layerOf: (node: DagNode<N, L>, i: number) => number, sep: Sep<N, L>): number {
  if (nodes.length === 0) return 0;
  const first = sep(undefined, nodes[0]);
  const step = nodes.length > 1 ? sep(nodes[0], nodes[1]) : 0;
  let height = 0;
  nodes.forEach((node, i) => {
    node.y = first + layerOf(node, i) * step;
    height = Math.max(height, node.y + sep(node, undefined));
  });
  return height;
}

/**
 * Edges to leave out of the layered drawing so that the bends of long edges
 * (one per layer an edge jumps over) stay within `budget`: the longest first.
 * A value used at every step of a long chain (`t = t * x`, 400 times) needs
 * 80,000 bends, and d3-dag takes ~10 s on them; drawn straight, it takes none.
 * `edges` are [from, to] pairs; returns the indices of the edges to leave out.
 */
export function longEdgesOverBudget(edges: readonly (readonly [number, number])[], layer: readonly number[], budget: number): number[] {
  const spans = edges.map(([from, to]) => Math.max(0, layer[to] - layer[from] - 1));
  let total = spans.reduce((a, b) => a + b, 0);
  if (total <= budget) return [];
  const order = spans.map((_, i) => i).sort((a, b) => spans[b] - spans[a] || a - b);
  const out: number[] = [];
  for (const i of order) {
    if (total <= budget || spans[i] === 0) break;
    total -= spans[i];
    out.push(i);
  }
  return out;
}
