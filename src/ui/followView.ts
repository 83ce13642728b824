// The view that follows the step: which nodes a step is about, and the pan and
// zoom that bring them into sight at a readable size. Pure geometry, tested
// without a browser; GraphView applies the result through panZoom.
import type { Compiled } from '../engine';

export interface ViewTransform {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Room kept free around the graph: the zoom buttons above, the legend below (panZoom's fit uses the same). */
export interface ViewInsets {
  readonly top: number;
  readonly bottom: number;
  readonly side: number;
}

/**
 * The nodes step `step` is about, the main one first: the computed or visited
 * node and its inputs. Step 0 looks ahead to step 1; the seed shows the output
 * with its inputs, as the step after it does.
 */
export function focusNodes(compiled: Compiled, step: number): number[] {
  const { graph, trace } = compiled;
  const s = trace.steps[step === 0 && trace.end > 0 ? 1 : Math.min(step, trace.end)];
  if (!s || s.kind === 'start') return [];
  const node = s.node;
  return [node, ...graph.nodes[node].inputs.filter((input, i, all) => all.indexOf(input) === i)];
}

/** The smallest box around some boxes. */
export function unionBox(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    x0 = Math.min(x0, b.x0);
    y0 = Math.min(y0, b.y0);
    x1 = Math.max(x1, b.x1);
    y1 = Math.max(y1, b.y1);
  }
  return { x0, y0, x1, y1 };
}

export interface FollowRequest {
  /** The viewport in pixels. */
  readonly view: { readonly width: number; readonly height: number };
  readonly insets: ViewInsets;
  readonly current: ViewTransform;
  /** The step's nodes (content coordinates) and, within it, the main node. */
  readonly focus: Box;
  readonly anchor: Box;
  /**
   * The focus of the steps after this one, in order. A move takes in as many of
   * them as fit beside the focus, so that the next steps need no move of their own
   * (each move repaints the whole graph).
   */
  readonly ahead?: readonly Box[];
  /** Their main nodes: where a focus does not fit in the view (an input every step reads, far away), a move takes in these instead. */
  readonly aheadAnchors?: readonly Box[];
  /** The smallest zoom at which node text is readable, and the largest to zoom in to. */
  readonly minScale: number;
  readonly maxScale: number;
}

/**
 * The transform that shows `focus` at a readable size, or null when the view
 * already does (so most steps of a small graph move nothing). A zoom at or
 * above `minScale` is kept, as the user chose it; a smaller one becomes the
 * scale that fits the focus, between minScale and maxScale. The focus, with as
 * many of the next steps' as fit with it, is then centred; along an axis where
 * the focus alone does not fit, the anchor is centred instead. A focus that
 * does not fit at all asks only for its anchor to be in sight: a chain whose
 * every step also reads a far-away input would otherwise move at every step.
 */
export function followTransform({ view, insets, current, focus, anchor, ahead = [], aheadAnchors = [], minScale, maxScale }: FollowRequest): ViewTransform | null {
  const left = insets.side;
  const right = view.width - insets.side;
  const top = insets.top;
  const bottom = view.height - insets.bottom;
  const width = right - left;
  const height = bottom - top;
  if (width <= 0 || height <= 0) return null;
  const fw = Math.max(1, focus.x1 - focus.x0);
  const fh = Math.max(1, focus.y1 - focus.y0);
  const keep = current.k >= minScale - 1e-9;
  const k = keep ? current.k : Math.min(Math.max(minScale, maxScale), Math.max(minScale, Math.min(width / fw, height / fh)));
  const fits = (b: Box) => k * (b.x1 - b.x0) <= width && k * (b.y1 - b.y0) <= height;
  const whole = fits(focus);
  if (keep) {
    const target = whole ? focus : anchor;
    const inside =
      current.x + k * target.x0 >= left - 0.5 &&
      current.x + k * target.x1 <= right + 0.5 &&
      current.y + k * target.y0 >= top - 0.5 &&
      current.y + k * target.y1 <= bottom + 0.5;
    if (inside) return null;
  }
  const grow = (start: Box, next: readonly Box[]): Box => {
    let shown = start;
    for (const b of next) {
      const grown = unionBox([shown, b]) as Box;
      if (!fits(grown)) break;
      shown = grown;
    }
    return shown;
  };
  const shown = whole ? grow(focus, ahead) : focus;
  const anchorShown = whole ? anchor : grow(anchor, aheadAnchors);
  const centre = (lo: number, hi: number, f0: number, f1: number, a0: number, a1: number): number =>
    k * (f1 - f0) <= hi - lo ? (lo + hi) / 2 - (k * (f0 + f1)) / 2 : (lo + hi) / 2 - (k * (a0 + a1)) / 2;
  return {
    x: centre(left, right, shown.x0, shown.x1, anchorShown.x0, anchorShown.x1),
    y: centre(top, bottom, shown.y0, shown.y1, anchorShown.y0, anchorShown.y1),
    k,
  };
}

/** In a big graph's overview, nodes drawn smaller than this are specks, not dots one can tell apart: the view follows the step instead. */
export const OVERVIEW_MIN_NODE_PX = 2;

/**
 * Whether the whole graph, fitted to the view, draws its nodes as specks
 * (`nodeHeight` in layout units, the tallest node). A long chain laid out in a
 * row is a hairline a pixel tall: nothing of it can be seen or told apart.
 */
export function overviewIsSpecks(view: { width: number; height: number }, content: { width: number; height: number }, nodeHeight: number, maxScale: number): boolean {
  if (view.width <= 0 || view.height <= 0 || content.width <= 0 || content.height <= 0) return false;
  const k = Math.min(view.width / content.width, view.height / content.height, maxScale);
  return k * nodeHeight < OVERVIEW_MIN_NODE_PX;
}
