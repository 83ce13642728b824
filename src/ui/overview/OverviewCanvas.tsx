// The <canvas> a big graph's overview is drawn on (overviewCanvas.ts), over
// the graph's <svg>, whose nodes stay there to be tapped and read.
import { useEffect, useRef, type RefObject } from 'react';
import { useVisualizer } from '../../store/context';
import type { ViewTransform } from '../followView';
import type { StepChannel } from '../stepChannel';
import type { Drawing } from '../useLayout';
import { createOverviewRenderer, type OverviewRenderer } from './overviewCanvas';

interface Props {
  drawing: Drawing;
  channel: StepChannel;
  size: { width: number; height: number } | undefined;
  roles: boolean;
  stale: boolean;
  /** The view's transform now (the pan and zoom). */
  view: () => ViewTransform;
  /** Where GraphView's pan and zoom reach the renderer. */
  rendererRef: RefObject<OverviewRenderer | null>;
}

export function OverviewCanvas({ drawing, channel, size, roles, stale, view, rendererRef }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const theme = useVisualizer((s) => s.theme);
  // The theme the canvas was last drawn in: a renderer reads the palette when it is made, so only a change redraws.
  const drawnTheme = useRef(theme);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const renderer = createOverviewRenderer(canvas, drawing, channel.get, roles, view());
    rendererRef.current = renderer;
    const stop = channel.subscribeChanges(renderer.changed);
    return () => {
      stop();
      renderer.destroy();
      if (rendererRef.current === renderer) rendererRef.current = null;
    };
  }, [drawing, channel, roles, view, rendererRef]);
  useEffect(() => {
    if (size) rendererRef.current?.resize(size.width, size.height);
  }, [size?.width, size?.height, drawing, channel, roles, rendererRef]);
  useEffect(() => {
    if (theme === drawnTheme.current) return;
    drawnTheme.current = theme;
    rendererRef.current?.redraw();
  }, [theme, rendererRef]);
  return <canvas ref={canvasRef} className={stale ? 'graph-canvas stale' : 'graph-canvas'} style={size} aria-hidden="true" data-testid="graph-canvas" />;
}
