// The pulse that runs back along each edge carrying a gradient at this step.
// It lives in an <svg> of its own (its own compositor layer, see .graph-flow):
// animated inside the graph's <svg>, every frame of it repainted the whole
// graph, ~3,000 elements at 1,000 nodes, and slowed the next step.
//
// It runs only when stepping is unhurried (the last step was CALM_MS ago or
// more): while any animation runs, every frame keeps to the display's clock and
// a step reaches the screen about two frames later (p95 ~32 ms instead of ~14 ms
// at 1,000 nodes), and pulses that overlap while someone clicks fast are noise.
import { useMemo, useRef } from 'react';
import { edgePath } from '../graph/edgePath';
import { useVisualizer } from '../store/context';
import { edgeVisualKey } from './nodeVisual';
import type { Drawing } from './useLayout';

/** A step that comes at least this long after the one before it gets a pulse. */
const CALM_MS = 600;

export function FlowOverlay({ drawing }: { drawing: Drawing }) {
  const step = useVisualizer((s) => s.step);
  // When the step changed last, and whether that change came after a pause.
  const last = useRef({ step, at: Number.NEGATIVE_INFINITY, calm: true });
  if (last.current.step !== step) {
    const now = performance.now();
    last.current = { step, at: now, calm: now - last.current.at >= CALM_MS };
  }
  const { compiled, model, layout } = drawing;
  // Drawn edges by the graph node they feed.
  const byTarget = useMemo(() => {
    const map = new Map<number, number[]>();
    model.edgeIds.forEach((edge, k) => {
      const to = compiled.graph.edges[edge].to;
      const list = map.get(to);
      if (list) list.push(k);
      else map.set(to, [k]);
    });
    return map;
  }, [compiled, model]);
  const s = compiled.trace.steps[step];
  if (!s || s.kind === 'start' || !last.current.calm) return null;
  const active = (byTarget.get(s.node) ?? []).filter((k) => edgeVisualKey(compiled, model.edgeIds[k], step).startsWith('backward|'));
  return (
    <>
      {active.map((k) => (
        // Keyed by step, so the pulse starts again at every step.
        <path key={`${step}:${k}`} className="flow-pulse" d={edgePath(layout.edges[k].points)} pathLength={100} />
      ))}
    </>
  );
}
