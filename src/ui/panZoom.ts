// d3-zoom behind a small factory (after xyflow's XYPanZoom): React owns the
// SVG, this only turns gestures into a transform on one <g>.
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';

export interface PanZoom {
  /** Scales and centres content of the given size into the viewport. */
  fit: (contentWidth: number, contentHeight: number, maxScale?: number) => void;
  zoomBy: (factor: number) => void;
  /** True once the user has zoomed or panned (then a resize does not refit). */
  touched: () => boolean;
  destroy: () => void;
}

/** `layers` all get the same transform: the graph and the overlays drawn over it. */
export function createPanZoom(svg: SVGSVGElement, layers: readonly SVGGElement[], onScale?: (k: number) => void): PanZoom {
  let userMoved = false;
  const behavior: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.05, 6])
    .on('zoom', (event: { transform: ZoomTransform; sourceEvent: Event | null }) => {
      if (event.sourceEvent) userMoved = true;
      const transform = event.transform.toString();
      for (const layer of layers) layer.setAttribute('transform', transform);
      onScale?.(event.transform.k);
    });
  const selection = select(svg);
  selection.call(behavior).on('dblclick.zoom', null);

  return {
    fit(contentWidth, contentHeight, maxScale = 1.5) {
      const { width, height } = svg.getBoundingClientRect();
      if (width <= 0 || height <= 0 || contentWidth <= 0 || contentHeight <= 0) return;
      // Room for the zoom buttons above and the legend below.
      const pad = 16;
      const top = 48;
      const bottom = 36;
      const k = Math.max(0.05, Math.min(maxScale, (width - 2 * pad) / contentWidth, (height - top - bottom) / contentHeight));
      const x = (width - contentWidth * k) / 2;
      const y = top + (height - top - bottom - contentHeight * k) / 2;
      selection.call(behavior.transform, zoomIdentity.translate(x, y).scale(k));
      userMoved = false;
    },
    zoomBy(factor) {
      userMoved = true;
      selection.call(behavior.scaleBy, factor);
    },
    touched: () => userMoved,
    destroy() {
      selection.on('.zoom', null);
    },
  };
}
