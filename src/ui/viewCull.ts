// Culling a big graph to the part near the view. With the view following the
// step at a readable size, a 1,000-node chain shows five nodes; yet every pan
// made Blink lay out, paint and raster all 7,000 of its SVG elements again.
// Nodes and edges well outside the view get `data-culled`: styles.css hides
// an edge, and all of a node but its box (so the element keeps a size), and the
// browser skips them. Every node keeps its element and its data-* attributes
// (CONTRACTS §4). Like the pan and zoom, this is view
// state applied outside React: a pan must not re-render the graph.
import { edgePieces } from '../graph/edgePath';
import { unionBox, type Box, type ViewTransform } from './followView';
import type { Drawing } from './useLayout';

/** Kept drawn beyond each side of the view, as a share of its size: a pan of up to this much needs no new elements. */
export const CULL_MARGIN = 0.5;
/** Room around an edge path's points and control points (its curve stays inside their hull): arrowheads and strokes stick out a little. */
const EDGE_PAD = 12;

/** The part of the drawing, in drawing units, that is drawn at transform `t` in a `width` × `height` view. */
export function cullRect(t: ViewTransform, width: number, height: number, margin = CULL_MARGIN): Box {
  const mx = width * margin;
  const my = height * margin;
  return { x0: (-mx - t.x) / t.k, y0: (-my - t.y) / t.k, x1: (width + mx - t.x) / t.k, y1: (height + my - t.y) / t.k };
}

export const overlaps = (a: Box, b: Box): boolean => a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1;

/** The box of drawn node `k`, in drawing units. */
export function nodeBox(drawing: Drawing, k: number): Box {
  const { x, y } = drawing.layout.nodes[k];
  const { width: w, height: h } = drawing.model.nodes[k];
  return { x0: x - w / 2, y0: y - h / 2, x1: x + w / 2, y1: y + h / 2 };
}

interface DrawingBoxes {
  readonly nodes: readonly Box[];
  readonly edges: readonly Box[];
  readonly pieces: readonly Box[];
}

/** Computed once per drawing: its paint layers (GraphLayers) and its culler read the same boxes. */
const boxCache = new WeakMap<Drawing, DrawingBoxes>();

/** Each drawn node's box, each edge's, and each edge path's (edgePieces: a long edge has several), in the drawing's order. */
export function drawingBoxes(drawing: Drawing): DrawingBoxes {
  const cached = boxCache.get(drawing);
  if (cached) return cached;
  const nodes = drawing.model.nodes.map((_, k) => nodeBox(drawing, k));
  const pad = (b: Box): Box => ({ x0: b.x0 - EDGE_PAD, y0: b.y0 - EDGE_PAD, x1: b.x1 + EDGE_PAD, y1: b.y1 + EDGE_PAD });
  const pieces: Box[] = [];
  const edges = drawing.layout.edges.map(({ points }) => {
    const own = edgePieces(points).map((p) => pad(p.box));
    pieces.push(...own);
    return unionBox(own) ?? { x0: 0, y0: 0, x1: 0, y1: 0 };
  });
  const boxes = { nodes, edges, pieces };
  boxCache.set(drawing, boxes);
  return boxes;
}

export interface Culler {
  /** Culls to what transform `t` shows in a `width` × `height` view. */
  update: (t: ViewTransform, width: number, height: number) => void;
  /** Draws everything until `resume` (printing: the whole graph is on paper). */
  pause: () => void;
  resume: () => void;
  destroy: () => void;
}

/**
 * Culls the node and edge elements of `drawing` under `layer`. Nodes are found
 * by data-node-id, edges in their drawing order (GraphLayers renders them so);
 * if the elements do not match the drawing, edges are left alone.
 */
export function createCuller(layer: Element, drawing: Drawing): Culler {
  const boxes = drawingBoxes(drawing);
  const byId = new Map<string, number>();
  drawing.model.nodes.forEach((n, k) => byId.set(drawing.compiled.graph.nodes[n.index].id, k));
  const nodeEls: (Element | undefined)[] = new Array(boxes.nodes.length);
  for (const el of Array.from(layer.querySelectorAll('.nodes [data-node-id]'))) {
    const k = byId.get(el.getAttribute('data-node-id') ?? '');
    if (k !== undefined) nodeEls[k] = el;
  }
  const edgeList = Array.from(layer.querySelectorAll('.edges path.edge'));
  const edgeEls = edgeList.length === boxes.pieces.length ? edgeList : [];
  const culled = new Set<Element>();
  let paused = false;
  let last: [ViewTransform, number, number] | null = null;
  const set = (el: Element | undefined, cull: boolean) => {
    if (!el || cull === culled.has(el)) return;
    if (cull) {
      el.setAttribute('data-culled', '');
      culled.add(el);
    } else {
      el.removeAttribute('data-culled');
      culled.delete(el);
    }
  };
  const showAll = () => {
    for (const el of culled) el.removeAttribute('data-culled');
    culled.clear();
  };
  const apply = () => {
    if (!last || paused) return;
    const rect = cullRect(...last);
    boxes.nodes.forEach((b, k) => set(nodeEls[k], !overlaps(b, rect)));
    edgeEls.forEach((el, k) => set(el, !overlaps(boxes.pieces[k], rect)));
  };
  return {
    update(t, width, height) {
      last = [t, width, height];
      apply();
    },
    pause() {
      paused = true;
      showAll();
    },
    resume() {
      paused = false;
      apply();
    },
    destroy: showAll,
  };
}

/** Runs `fn` with every culled element under `root` drawn (an export measures and copies the whole graph), then culls them again. */
export function withAllDrawn<T>(root: Element, fn: () => T): T {
  const hidden = Array.from(root.querySelectorAll('[data-culled]'));
  for (const el of hidden) el.removeAttribute('data-culled');
  try {
    return fn();
  } finally {
    for (const el of hidden) el.setAttribute('data-culled', '');
  }
}
