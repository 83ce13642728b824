// The pulse that runs back along each edge carrying a gradient at this step.
// It lives in an <svg> of its own (its own compositor layer, see .graph-flow):
// animated inside the graph's <svg>, every frame of it repainted the whole
// graph, ~3,000 elements at 1,000 nodes, and slowed the next step.
import { useMemo } from 'react';
import { edgePath } from '../graph/edgePath';
import { useVisualizer } from '../store/context';
import { edgeVisualKey } from './nodeVisual';
import type { Drawing } from './useLayout';

export function FlowOverlay({ drawing }: { drawing: Drawing }) {
  const step = useVisualizer((s) => s.step);
  const { compiled, model, layout } = drawing;
  // Drawn edges by the graph node they feed.
  const byTarget = useMemo(() => {
    const map = new Map<number, number[]>();
    model.edgeIds.forEach((edge, k) => {
      const to = compiled.graph.edges[edge].to;
      map.set(to, [...(map.get(to) ?? []), k]);
    });
    return map;
  }, [compiled, model]);
  const s = compiled.trace.steps[step];
  if (!s || s.kind === 'start') return null;
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
