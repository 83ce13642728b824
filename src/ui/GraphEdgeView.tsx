import { memo } from 'react';
import { formatNumber } from '../formulas/number';
import { edgePath } from '../graph/edgePath';
import { useStepKey } from './stepChannel';

interface Props {
  index: number;
  from: string;
  to: string;
  points: readonly (readonly [number, number])[];
  detail: boolean;
  /** Draw the arrowhead. */
  arrow?: boolean;
  /** The edge leaves a constant: the gradient it carries back is drawn muted (a literal is not a variable). */
  fromConst?: boolean;
}

/** An edge; once the backward pass has sent a gradient along it, it shows that contribution. */
export const GraphEdgeView = memo(function GraphEdgeView({ index, from, to, points, detail, arrow = true, fromConst = false }: Props) {
  const key = useStepKey(`e${index}`);
  const [role, amountText] = key.split('|');
  // A tensor carried is labelled by its shape (`#2×3`); a number by its value.
  const shapeLabel = amountText?.startsWith('#') ? amountText.slice(1) : null;
  const amount = amountText && shapeLabel === null ? Number(amountText) : undefined;
  const mid = points[Math.floor(points.length / 2)] ?? [0, 0];
  const prev = points[Math.max(0, Math.floor(points.length / 2) - 1)] ?? mid;
  const labelX = points.length % 2 === 0 ? (mid[0] + prev[0]) / 2 : mid[0];
  const labelY = points.length % 2 === 0 ? (mid[1] + prev[1]) / 2 : mid[1];
  // One <path> per edge (no wrapping <g>): at 1,000 nodes the 2,000 wrappers were
  // a third of the graph's elements, and each step's paint walks them all.
  return (
    <>
      <path
        className={`${role ? `edge edge-${role}` : 'edge'}${fromConst ? ' edge-const' : ''}`}
        data-from={from}
        data-to={to}
        data-amount={amount === undefined ? undefined : String(amount)}
        d={edgePath(points)}
        markerEnd={arrow ? 'url(#arrow)' : undefined}
      />
      {detail && (amount !== undefined || shapeLabel !== null) && (
        <text className={fromConst ? 'edge-label edge-const' : 'edge-label'} x={labelX} y={labelY - 5} textAnchor="middle">
          {shapeLabel ?? formatNumber(amount as number)}
        </text>
      )}
    </>
  );
});
