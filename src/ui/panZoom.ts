// d3-zoom behind a small factory (after xyflow's XYPanZoom): React owns the
// SVG, this only turns gestures into a transform on one <g>. d3-zoom handles
// mouse, wheel and touch (one finger pans, two pinch); the <svg> has
// `touch-action: none` so the browser leaves those gestures to it.
import { select } from 'd3-selection';
import 'd3-transition';
import { zoom, zoomIdentity, zoomTransform, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import type { ViewInsets, ViewTransform } from './followView';

/** Room for the zoom buttons above and the legend below (little at the sides: a phone needs every pixel). */
export const VIEW_INSETS: ViewInsets = { top: 48, bottom: 36, side: 6 };

/** The insets with room for a legend of this height (two or three rows on a phone) and a small gap. */
export const insetsFor = (legendHeight: number): ViewInsets => ({ ...VIEW_INSETS, bottom: Math.max(VIEW_INSETS.bottom, Math.ceil(legendHeight) + 12) });

export interface PanZoom {
  /** Scales and centres content of the given size into the viewport. */
  fit: (contentWidth: number, contentHeight: number, maxScale?: number) => void;
  /** The scale `fit` would choose now. */
  fitScale: (contentWidth: number, contentHeight: number, maxScale?: number) => number;
  zoomBy: (factor: number) => void;
  /** The current transform. */
  transform: () => ViewTransform;
  /** Moves the view (the program's move, not the user's), over `durationMs` when given. */
  moveTo: (t: ViewTransform, durationMs?: number) => void;
  /** True once the user has zoomed or panned (then a resize does not refit). */
  touched: () => boolean;
  destroy: () => void;
}

/** The transform that fits content of the given size into a width × height viewport. */
export function fitTransform(width: number, height: number, contentWidth: number, contentHeight: number, maxScale: number, insets: ViewInsets = VIEW_INSETS): ViewTransform | null {
  if (width <= 0 || height <= 0 || contentWidth <= 0 || contentHeight <= 0) return null;
  const { top, bottom, side } = insets;
  const k = Math.max(0.05, Math.min(maxScale, (width - 2 * side) / contentWidth, (height - top - bottom) / contentHeight));
  return { x: (width - contentWidth * k) / 2, y: top + (height - top - bottom - contentHeight * k) / 2, k };
}

/** `layers` all get the same transform: the graph and the overlays drawn over it; `onZoom` hears each new one; `insets` is asked at each fit. */
export function createPanZoom(svg: SVGSVGElement, layers: readonly SVGGElement[], onZoom?: (t: ViewTransform) => void, insets: () => ViewInsets = () => VIEW_INSETS): PanZoom {
  let userMoved = false;
  const behavior: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.05, 6])
    .on('zoom', (event: { transform: ZoomTransform; sourceEvent: Event | null }) => {
      if (event.sourceEvent) userMoved = true;
      const transform = event.transform.toString();
      for (const layer of layers) layer.setAttribute('transform', transform);
      onZoom?.({ x: event.transform.x, y: event.transform.y, k: event.transform.k });
    });
  const selection = select(svg);
  selection.call(behavior).on('dblclick.zoom', null);
  const size = () => svg.getBoundingClientRect();
  const apply = (t: ViewTransform, durationMs = 0) => {
    const target = zoomIdentity.translate(t.x, t.y).scale(t.k);
    if (durationMs > 0) selection.transition().duration(durationMs).call(behavior.transform, target);
    else {
      selection.interrupt();
      selection.call(behavior.transform, target);
    }
  };

  return {
    fit(contentWidth, contentHeight, maxScale = 1.5) {
      const { width, height } = size();
      const t = fitTransform(width, height, contentWidth, contentHeight, maxScale, insets());
      if (!t) return;
      apply(t);
      userMoved = false;
    },
    fitScale(contentWidth, contentHeight, maxScale = 1.5) {
      const { width, height } = size();
      return fitTransform(width, height, contentWidth, contentHeight, maxScale, insets())?.k ?? 1;
    },
    zoomBy(factor) {
      userMoved = true;
      selection.interrupt();
      selection.call(behavior.scaleBy, factor);
    },
    transform() {
      const t = zoomTransform(svg);
      return { x: t.x, y: t.y, k: t.k };
    },
    moveTo: apply,
    touched: () => userMoved,
    destroy() {
      selection.interrupt();
      selection.on('.zoom', null);
    },
  };
}
