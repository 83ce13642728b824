// A big graph's overview drawn on a <canvas> (issue 14: a step within one
// frame at 1,000 nodes). In SVG, each step of the network builder's 1,300
// nodes and 2,200 edges re-rastered a tile holding nearly all of them and
// composited half a dozen graph-sized layers; here a step clears and redraws
// only the small rectangles around what it changed, and the graph is one
// layer. The SVG keeps every node's element (CONTRACTS §4, hit targets for
// the pointer) with its shape made transparent, and every edge hidden; both
// come back for printing, for an export and when zoomed in to read.
import { edgePieces } from '../../graph/edgePath';
import { unionBox, type Box, type ViewTransform } from '../followView';
import type { Drawing } from '../useLayout';
import { drawingBoxes, nodeBox } from '../viewCull';
import { createGridIndex } from './gridIndex';
import { edgePaint, nodePaint, readPalette, type NodeKind, type Palette, type ShapePaint } from './overviewStyle';

/** A step that changes the look of more rectangles than this redraws the canvas whole. */
export const MAX_DIRTY_RECTS = 40;
/** Room, in drawing units, around a node's box: half its widest border (5) and a little. */
const NODE_PAD = 4;
/** Room, in device pixels, for anti-aliasing: around a changed shape, and around a redrawn area for the shapes that bleed into it. */
const BLEED_PX = 2;
/**
 * Once stepping has rested this long, the canvas is redrawn whole. Skia
 * anti-aliases a shape cut by a clip a little apart from the same shape drawn
 * whole (seen: a few pixels along a redrawn rectangle's edge, up to a sixth
 * apart in alpha); at rest the picture is exactly the one drawn afresh.
 */
export const REST_REDRAW_MS = 500;
/** A dash shorter than this on screen is drawn as a solid line (it would be a blur). */
const MIN_DASH_PX = 2;

export interface OverviewRenderer {
  /** The view's pan and zoom changed: the canvas is redrawn on the next frame. */
  setView: (t: ViewTransform) => void;
  /** The canvas's size in CSS pixels. */
  resize: (width: number, height: number) => void;
  /** These look keys (stepChannel: `n<i>`, `e<i>`) changed: redraws the area around each, now. */
  changed: (keys: readonly string[]) => void;
  /** Reads the palette again and redraws everything (a new theme). */
  redraw: () => void;
  destroy: () => void;
}

interface Items {
  nodeBoxes: Box[];
  nodeKinds: NodeKind[];
  nodeKeys: string[];
  pieceBoxes: readonly Box[];
  pieceEdge: number[];
  pieceD: string[];
  edgeKeys: string[];
  edgeFromConst: boolean[];
  byKey: Map<string, { nodes: number[]; pieces: number[] }>;
}

function itemsOf(drawing: Drawing): Items {
  const { model, layout } = drawing;
  const byKey = new Map<string, { nodes: number[]; pieces: number[] }>();
  const entry = (key: string) => {
    let e = byKey.get(key);
    if (!e) byKey.set(key, (e = { nodes: [], pieces: [] }));
    return e;
  };
  const nodeKeys = model.nodes.map((n, k) => {
    const key = `n${n.index}`;
    entry(key).nodes.push(k);
    return key;
  });
  const nodeBoxes = model.nodes.map((_, k) => {
    const b = nodeBox(drawing, k);
    return { x0: b.x0 - NODE_PAD, y0: b.y0 - NODE_PAD, x1: b.x1 + NODE_PAD, y1: b.y1 + NODE_PAD };
  });
  const graphNodes = drawing.compiled.graph.nodes;
  const nodeKinds = model.nodes.map((n): NodeKind => {
    const g = graphNodes[n.index];
    return { kind: n.kind === 'op' ? 'op' : 'value', isConst: g.op === 'const', group: Boolean(n.group), inputRole: g.op === 'input' ? g.role : null };
  });
  const pieceEdge: number[] = [];
  const pieceD: string[] = [];
  const edgeKeys = model.edgeIds.map((id) => `e${id}`);
  layout.edges.forEach(({ points }, k) => {
    for (const piece of edgePieces(points)) {
      entry(edgeKeys[k]).pieces.push(pieceD.length);
      pieceEdge.push(k);
      pieceD.push(piece.d);
    }
  });
  const edgeFromConst = model.edges.map(([from]) => model.nodes[from].op === 'const');
  return { nodeBoxes, nodeKinds, nodeKeys, pieceBoxes: drawingBoxes(drawing).pieces, pieceEdge, pieceD, edgeKeys, edgeFromConst, byKey };
}

const area = (b: Box): number => (b.x1 - b.x0) * (b.y1 - b.y0);

/**
 * Fewer rectangles covering all of `rects`: two are joined while their union is
 * not much bigger than the two (a step's edges and nodes lie close together,
 * and each rectangle is a clip, a clear and a query of its own).
 */
export function mergeRects(rects: readonly Box[], slack = 1.3): Box[] {
  const out = rects.map((b) => ({ ...b }));
  for (let joined = true; joined; ) {
    joined = false;
    for (let i = 0; i < out.length && !joined; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const u = unionBox([out[i], out[j]])!;
        if (area(u) <= (area(out[i]) + area(out[j])) * slack) {
          out[i] = u;
          out.splice(j, 1);
          joined = true;
          break;
        }
      }
    }
  }
  return out;
}

export function createOverviewRenderer(canvas: HTMLCanvasElement, drawing: Drawing, look: (key: string) => string, roles: boolean, view: ViewTransform): OverviewRenderer {
  const ctx = canvas.getContext('2d');
  const items = itemsOf(drawing);
  const nodeIndex = createGridIndex(items.nodeBoxes);
  const pieceIndex = createGridIndex(items.pieceBoxes);
  const paths: (Path2D | undefined)[] = new Array(items.pieceD.length);
  const path = (i: number): Path2D => (paths[i] ??= new Path2D(items.pieceD[i]));
  let palette: Palette = readPalette(canvas);
  let t = view;
  let frame = 0;
  let rest: ReturnType<typeof setTimeout> | undefined;
  // The canvas element outlives a renderer (a new drawing): the first resize always draws.
  let sized = false;
  const dpr = () => window.devicePixelRatio || 1;

  const setDash = (c: CanvasRenderingContext2D, dash: readonly number[] | null) => c.setLineDash(dash && dash[0] * t.k >= MIN_DASH_PX ? [...dash] : []);

  const strokeWith = (c: CanvasRenderingContext2D, p: Omit<ShapePaint, 'fill'>) => {
    c.strokeStyle = p.stroke;
    c.lineWidth = p.width;
    setDash(c, p.dash);
  };

  /**
   * Clears and redraws `area` (device pixels of the canvas, whole numbers, so
   * the clip has no soft edge), or all of it. Shapes are looked up a little
   * beyond it: a shape just outside still bleeds a pixel of anti-aliasing in.
   */
  const paint = (area: Box | null) => {
    if (!ctx || canvas.width === 0 || canvas.height === 0) return;
    const r = dpr();
    const px = area ?? { x0: 0, y0: 0, x1: canvas.width, y1: canvas.height };
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (area) {
      ctx.beginPath();
      ctx.rect(px.x0, px.y0, px.x1 - px.x0, px.y1 - px.y0);
      ctx.clip();
    }
    ctx.clearRect(px.x0, px.y0, px.x1 - px.x0, px.y1 - px.y0);
    ctx.setTransform(r * t.k, 0, 0, r * t.k, r * t.x, r * t.y);
    const scale = r * t.k;
    const m = BLEED_PX / scale;
    const inDrawing: Box = { x0: (px.x0 - r * t.x) / scale - m, y0: (px.y0 - r * t.y) / scale - m, x1: (px.x1 - r * t.x) / scale + m, y1: (px.y1 - r * t.y) / scale + m };
    // Edges under nodes, each in the drawing's order, as the SVG has them.
    for (const i of pieceIndex.query(inDrawing)) {
      const k = items.pieceEdge[i];
      strokeWith(ctx, edgePaint(palette, look(items.edgeKeys[k]), items.edgeFromConst[k]));
      ctx.stroke(path(i));
    }
    const { model, layout } = drawing;
    for (const k of nodeIndex.query(inDrawing)) {
      const p = nodePaint(palette, items.nodeKinds[k], look(items.nodeKeys[k]), roles);
      const { x, y } = layout.nodes[k];
      const { width: w, height: h } = model.nodes[k];
      const radius = items.nodeKinds[k].kind === 'value' ? 8 : h / 2;
      ctx.beginPath();
      if (radius * t.k >= 1) ctx.roundRect(x - w / 2, y - h / 2, w, h, radius);
      else ctx.rect(x - w / 2, y - h / 2, w, h);
      ctx.fillStyle = p.fill;
      ctx.fill();
      strokeWith(ctx, p);
      ctx.stroke();
    }
    ctx.restore();
  };

  /** A drawing box as device pixels of the canvas, widened for anti-aliasing; null off the canvas. */
  const toPixels = (b: Box): Box | null => {
    const r = dpr();
    const s = {
      x0: Math.floor(r * (b.x0 * t.k + t.x) - BLEED_PX),
      y0: Math.floor(r * (b.y0 * t.k + t.y) - BLEED_PX),
      x1: Math.ceil(r * (b.x1 * t.k + t.x) + BLEED_PX),
      y1: Math.ceil(r * (b.y1 * t.k + t.y) + BLEED_PX),
    };
    const c = { x0: Math.max(0, s.x0), y0: Math.max(0, s.y0), x1: Math.min(canvas.width, s.x1), y1: Math.min(canvas.height, s.y1) };
    return c.x0 < c.x1 && c.y0 < c.y1 ? c : null;
  };

  const full = () => {
    cancelAnimationFrame(frame);
    frame = 0;
    clearTimeout(rest);
    rest = undefined;
    paint(null);
  };
  const schedule = () => {
    if (frame === 0) frame = requestAnimationFrame(full);
  };

  return {
    setView(next) {
      t = next;
      schedule();
    },
    resize(w, h) {
      const r = dpr();
      const [pw, ph] = [Math.round(w * r), Math.round(h * r)];
      if (sized && pw === canvas.width && ph === canvas.height) return;
      sized = true;
      if (pw !== canvas.width) canvas.width = pw;
      if (ph !== canvas.height) canvas.height = ph;
      full();
    },
    changed(keys) {
      if (frame !== 0) return; // a full redraw is coming, with these too
      const rects: Box[] = [];
      for (const key of keys) {
        const e = items.byKey.get(key);
        if (!e) continue;
        for (const k of e.nodes) rects.push(items.nodeBoxes[k]);
        for (const i of e.pieces) rects.push(items.pieceBoxes[i]);
      }
      // A jump changes many looks at once: then the whole canvas, without sorting out rectangles first.
      if (rects.length > MAX_DIRTY_RECTS * 4) return full();
      const dirty = mergeRects(rects.map(toPixels).filter((b): b is Box => b !== null));
      if (dirty.length > MAX_DIRTY_RECTS) full();
      else {
        for (const b of dirty) paint(b);
        clearTimeout(rest);
        rest = setTimeout(full, REST_REDRAW_MS);
      }
    },
    redraw() {
      palette = readPalette(canvas);
      full();
    },
    destroy() {
      cancelAnimationFrame(frame);
      frame = 0;
      clearTimeout(rest);
    },
  };
}
