// Left-to-right layered layout with d3-dag's Sugiyama method (simplex
// layering, two-layer crossing reduction followed by sifting, greedy
// coordinates), computed top-down and then transposed. Above BIG nodes the
// faster settings are used: our linear-time layering (layering.ts), one
// decrossing pass, centred coordinates.
import {
  aggMean,
  coordCenter,
  coordGreedy,
  decrossTwoLayer,
  graph as dagGraph,
  layeringSimplex,
  layerSeparation,
  sugiyama,
  twolayerAgg,
  twolayerGreedy,
  type Graph,
  type GraphNode,
  type MutGraph,
  type MutGraphLink,
  type MutGraphNode,
  type SugiNode,
} from 'd3-dag';
import type { DrawModel } from './drawModel';
import { fastLayers, longEdgesOverBudget, placeInLayers } from './layering';
import type { LayoutStage } from './layoutStages';
import { siftSugiLayers } from './sifting';
import { LAYER_GAP, MARGIN, NODE_GAP, PARALLEL_EDGE_OFFSET } from './sizes';

export type Point = readonly [number, number];

export interface Layout {
  /** Centre of each node, by node index. */
  readonly nodes: readonly { x: number; y: number }[];
  /** Polyline of each edge, by edge index, from the edge of its source box to the edge of its target box. */
  readonly edges: readonly { points: readonly Point[] }[];
  readonly width: number;
  readonly height: number;
}

/** Where the segment from the centre of a w×h box towards `toward` leaves the box. */
export function clipToBox(center: Point, w: number, h: number, toward: Point): Point {
  const dx = toward[0] - center[0];
  const dy = toward[1] - center[1];
  if (dx === 0 && dy === 0) return center;
  const sx = dx === 0 ? Infinity : w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy, 1);
  return [center[0] + dx * s, center[1] + dy * s];
}

/** Bends (dummy nodes of long edges) allowed: this many per node, and at least MIN_BENDS. */
const BENDS_PER_NODE = 2;
const MIN_BENDS = 2000;

/** Layers by d3-dag's simplex layering (an LP, ~0.5 s at 2,000 nodes), by node index. */
function layersSimplex(dagNodes: readonly MutGraphNode<number, number>[], g: MutGraph<number, number>): number[] {
  layeringSimplex()(g, layerSeparation);
  return dagNodes.map((node) => node.y);
}

/** Layers by our linear-time layering (layering.ts; about 15% more bends than simplex), by node index. */
function layersFast(model: DrawModel): number[] {
  const parents: number[][] = model.nodes.map(() => []);
  const children: number[][] = model.nodes.map(() => []);
  for (const [from, to] of model.edges) {
    children[from].push(to);
    parents[to].push(from);
  }
  return fastLayers(parents, children);
}

/** Above this many nodes the faster settings are used. */
const BIG = 1000;
/** Up to this many nodes (every lesson) a slower, more thorough crossing reduction: ~150 ms at 100 nodes. */
const SMALL = 100;

/**
 * Crossing reduction: d3-dag's two-layer heuristic, then sifting, which takes
 * out a quarter of the crossings left at 500 and 2,000 nodes for little time.
 * Small graphs get 24 two-layer passes with a mean aggregate and scanning swaps.
 */
function decrossFor(n: number): (layers: SugiNode<number, number>[][]) => void {
  const small = n <= SMALL;
  const twoLayer = small
    ? decrossTwoLayer().order(twolayerGreedy().base(twolayerAgg().aggregator(aggMean)).scan(true))
    : decrossTwoLayer().passes(n > BIG ? 1 : 2);
  return (layers) => {
    twoLayer(layers);
    siftSugiLayers(layers, small ? 4 : 2);
  };
}

export function layoutGraph(model: DrawModel, onStage?: (stage: LayoutStage) => void): Layout {
  const n = model.nodes.length;
  if (n === 0) return { nodes: [], edges: [], width: 0, height: 0 };
  const g = dagGraph<number, number>();
  const dagNodes: MutGraphNode<number, number>[] = model.nodes.map((node) => g.node(node.index));
  // d3-dag wants a simple graph: one link per (from, to) pair; parallel edges are fanned out below.
  const pairKey = (from: number, to: number) => from * n + to;
  const seen = new Set<number>();
  const links: { from: number; to: number; link: MutGraphLink<number, number> }[] = [];
  for (const [from, to] of model.edges) {
    const key = pairKey(from, to);
    if (seen.has(key)) continue;
    seen.add(key);
    links.push({ from, to, link: g.link(dagNodes[from], dagNodes[to], key) });
  }
  // Layers with every edge in place, so that every edge runs left to right; then the
  // longest edges beyond the bend budget are left out of the layered drawing and
  // drawn straight (their bends would cost more than the rest of the layout).
  const big = n > BIG;
  onStage?.('layers');
  const layers = big ? layersFast(model) : layersSimplex(dagNodes, g);
  for (const i of longEdgesOverBudget(
    links.map(({ from, to }) => [from, to] as const),
    layers,
    Math.max(MIN_BENDS, BENDS_PER_NODE * n),
  ))
    links[i].link.delete();
  const layerOf = new Map<unknown, number>(dagNodes.map((node, i) => [node, layers[i]]));
  const slot = {
    width: Math.max(...model.nodes.map((d) => d.width)),
    height: Math.max(...model.nodes.map((d) => d.height)),
  };
  // Transposed: d3-dag's x (within a layer) is our y, its y (layers) is our x.
  const decross = decrossFor(n);
  const layout = sugiyama()
    .layering(<N, L>(dag: Graph<N, L>, sep: (a: GraphNode<N, L> | undefined, b: GraphNode<N, L> | undefined) => number) => {
      const height = placeInLayers([...dag.nodes()], (node) => layerOf.get(node) ?? 0, sep);
      onStage?.('order');
      return height;
    })
    // Big graphs trade a little straightness for speed: one pass, centred coordinates.
    .decross((layers: SugiNode<number, number>[][]) => {
      decross(layers);
      onStage?.('coordinates');
    })
    .coord(big ? coordCenter() : coordGreedy())
    // One slot size for every node (the largest): a per-node size accessor makes d3-dag about 4× slower.
    .nodeSize([slot.height, slot.width] as const)
    .gap([NODE_GAP, LAYER_GAP]);
  const { width: dagWidth, height: dagHeight } = layout(g);

  const centers = dagNodes.map((node) => ({ x: node.y + MARGIN, y: node.x + MARGIN }));
  const routes = new Map<number, Point[]>();
  for (const link of g.links()) {
    routes.set(link.data, link.points.map(([px, py]) => [py + MARGIN, px + MARGIN] as Point));
  }

  const parallelCount = new Map<number, number>();
  for (const [from, to] of model.edges) parallelCount.set(pairKey(from, to), (parallelCount.get(pairKey(from, to)) ?? 0) + 1);
  const parallelSeen = new Map<number, number>();
  const edges = model.edges.map(([from, to]) => {
    const key = pairKey(from, to);
    const k = parallelSeen.get(key) ?? 0;
    parallelSeen.set(key, k + 1);
    const m = parallelCount.get(key) ?? 1;
    let points = routes.get(key) ?? [
      [centers[from].x, centers[from].y],
      [centers[to].x, centers[to].y],
    ];
    if (m > 1) {
      const offset = (k - (m - 1) / 2) * PARALLEL_EDGE_OFFSET * 1.6;
      if (points.length === 2) {
        const [a, b] = points;
        points = [a, [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2], b];
      }
      points = points.map((p, i) => (i === 0 || i === points.length - 1 ? p : ([p[0], p[1] + offset] as Point)));
    }
    const a = model.nodes[from];
    const b = model.nodes[to];
    const first = clipToBox([centers[from].x, centers[from].y], a.width, a.height, points[1]);
    const last = clipToBox([centers[to].x, centers[to].y], b.width, b.height, points[points.length - 2]);
    return { points: [first, ...points.slice(1, -1), last] };
  });
  return { nodes: centers, edges, width: dagHeight + 2 * MARGIN, height: dagWidth + 2 * MARGIN };
}
