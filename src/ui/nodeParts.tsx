// Parts that number nodes and tensor nodes draw alike: the gate chip of a named
// computed node (its operation beside its name) and the PARAM/DATA badge of an
// input (§10).
import { gateChipWidth, gateSymbolSqueeze } from '../graph/sizes';
import type { InputRole } from '../engine';
import { useGraphT } from './useT';

/** The chip with `gate` in it, its top-left corner at (x, y); the symbol is squeezed when it would overflow. */
export function GateChip({ gate, x, y, height, baseline }: { gate: string; x: number; y: number; height: number; baseline: number }) {
  const width = gateChipWidth(gate);
  const squeeze = gateSymbolSqueeze(gate);
  return (
    <>
      <rect className="node-gate" x={x} y={y} width={width} height={height} rx={height / 2} />
      <text className="node-gate-symbol" x={x + width / 2} y={y + baseline} textAnchor="middle" textLength={squeeze} lengthAdjust={squeeze === undefined ? undefined : 'spacingAndGlyphs'}>
        {gate}
      </text>
    </>
  );
}

/** PARAM or DATA above a node whose top-left corner is (x, y) (shown once a program has both kinds). */
export function RoleBadge({ role, x, y }: { role: InputRole; x: number; y: number }) {
  const t = useGraphT();
  return (
    <text className="role-badge" x={x + 3} y={y - 4}>
      {t(role === 'param' ? 'node.param' : 'node.data')}
    </text>
  );
}
