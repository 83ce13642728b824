import { memo } from 'react';
import { formatNumber } from '../formulas/number';
import { edgePieces } from '../graph/edgePath';
import { LABEL_BOX, type Spot } from '../graph/edgeLabels';
import { squeezeTo } from '../graph/sizes';
import { useStepKey } from './stepChannel';
import { textWidth } from './textWidth';

/** The label's font size (styles.css .edge-label). */
const LABEL_PX = 12;

/** The look of edge `index` at this step: its role and what it carries (a number, or `#2×3` for a tensor's shape). */
function useEdgeLook(index: number): { role: string; amount: number | undefined; shapeLabel: string | null } {
  const [role, amountText] = useStepKey(`e${index}`).split('|');
  const shapeLabel = amountText?.startsWith('#') ? amountText.slice(1) : null;
  const amount = amountText && shapeLabel === null ? Number(amountText) : undefined;
  return { role, amount, shapeLabel };
}

interface Props {
  index: number;
  from: string;
  to: string;
  points: readonly (readonly [number, number])[];
  /** Draw the arrowhead. */
  arrow?: boolean;
  /** The edge leaves a constant: the gradient it carries back is drawn muted (a literal is not a variable). */
  fromConst?: boolean;
}

/**
 * An edge, coloured by what the step sends along it: one <path>, or for a long
 * route several (edgePieces), alike but for `data-piece` on all but the first
 * and the arrowhead on the last.
 */
export const GraphEdgeView = memo(function GraphEdgeView({ index, from, to, points, arrow = true, fromConst = false }: Props) {
  const { role, amount } = useEdgeLook(index);
  const pieces = edgePieces(points);
  const className = `${role ? `edge edge-${role}` : 'edge'}${fromConst ? ' edge-const' : ''}`;
  const amountText = amount === undefined ? undefined : String(amount);
  // No wrapping <g>: at 1,000 nodes the 2,000 wrappers were a third of the graph's
  // elements, and each step's paint walks them all.
  return (
    <>
      {pieces.map((piece, j) => (
        <path
          key={j}
          className={className}
          data-from={from}
          data-to={to}
          data-amount={amountText}
          data-piece={j > 0 ? j : undefined}
          d={piece.d}
          markerEnd={arrow && j === pieces.length - 1 ? 'url(#arrow)' : undefined}
        />
      ))}
    </>
  );
});

/**
 * The gradient an edge has carried back, written beside it at `at`
 * (src/graph/edgeLabels.ts: clear of other labels and of nodes). Labels are
 * drawn in a layer above every edge, so no edge runs through a number.
 */
export const GraphEdgeLabel = memo(function GraphEdgeLabel({ index, at, fromConst = false }: { index: number; at: Spot; fromConst?: boolean }) {
  const { amount, shapeLabel } = useEdgeLook(index);
  if (amount === undefined && shapeLabel === null) return null;
  const text = shapeLabel ?? formatNumber(amount as number);
  const x = Math.round(at.x * 10) / 10;
  const y = Math.round(at.y * 10) / 10;
  // A long number (3.21×10⁻³⁹) is squeezed into the box its spot was chosen for, clear of nodes.
  const measured = textWidth(text, LABEL_PX);
  const squeeze = squeezeTo(measured, LABEL_BOX.width);
  // A card behind the digits: an edge that crosses the label passes under it, not through it.
  const width = (squeeze ?? measured) + 6;
  return (
    <>
      <rect className="edge-label-card" x={x - width / 2} y={y - 12} width={width} height={15} rx={3} />
      <text className={fromConst ? 'edge-label edge-const' : 'edge-label'} x={x} y={y} textAnchor="middle" textLength={squeeze} lengthAdjust={squeeze === undefined ? undefined : 'spacingAndGlyphs'}>
        {text}
      </text>
    </>
  );
});
