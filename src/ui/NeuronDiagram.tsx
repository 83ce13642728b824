// The neuron view: each neuron of a built network drawn as ONE node showing
// its activation and, once the backward pass has reached it, its error signal
// δ = ∂L/∂z. Clicking a neuron expands it into its scalar operations.
import { useState } from 'react';
import { nodeStateAt, type Compiled } from '../engine';
import { formatNumber } from '../formulas/number';
import { forwardTex } from '../formulas/stepTex';
import { Formula } from './Formula';
import type { Neuron } from './NeuronPanel';
import { useT } from './useT';

const COL = 112;
const ROW = 70;
const R = 31;

export function NeuronDiagram({ compiled, layers, step }: { compiled: Compiled; layers: Neuron[][]; step: number }) {
  const [open, setOpen] = useState<number | null>(null);
  const t = useT();
  const { graph, trace } = compiled;
  const inputs = graph.nodes.filter((n) => /^x\d+(r1)?$/.test(n.label ?? ''));
  const columns = [inputs.map((n) => ({ id: n.index, label: n.label ?? '' })), ...layers.map((l) => l.map((n) => ({ id: n.z, label: `${n.layer}.${n.unit}` })))];
  const rows = Math.max(...columns.map((c) => c.length));
  const width = COL * columns.length + 20;
  const height = ROW * rows + 20;
  const pos = new Map<number, [number, number]>();
  columns.forEach((col, c) => col.forEach((n, r) => pos.set(n.id, [20 + R + c * COL, 10 + R + (r + (rows - col.length) / 2) * ROW])));
  const neuronOf = new Map(layers.flat().map((n) => [n.z, n]));
  const opened = open === null ? undefined : neuronOf.get(open);
  return (
    <div className="neuron-diagram">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="group" aria-label={t('tabs.neurons')} data-testid="neuron-diagram">
        {columns.slice(1).map((col, c) =>
          col.flatMap((to) =>
            columns[c].map((from) => {
              const [x1, y1] = pos.get(from.id) ?? [0, 0];
              const [x2, y2] = pos.get(to.id) ?? [0, 0];
              return <line key={`${from.id}-${to.id}`} x1={x1 + R} y1={y1} x2={x2 - R} y2={y2} className="neuron-edge" />;
            }),
          ),
        )}
        {columns.map((col, c) =>
          col.map((n) => {
            const [x, y] = pos.get(n.id) ?? [0, 0];
            const neuron = neuronOf.get(n.id);
            const shown = neuron?.a ?? n.id;
            const value = nodeStateAt(graph, trace, shown, step).value;
            const zState = nodeStateAt(graph, trace, n.id, step);
            const delta = c > 0 && zState.final ? zState.grad : undefined;
            return (
              <g
                key={n.id}
                transform={`translate(${x},${y})`}
                className={`neuron-node${delta !== undefined ? ' has-delta' : ''}${open === n.id ? ' open' : ''}`}
                data-neuron-node={graph.nodes[n.id].label ?? ''}
                data-delta={delta === undefined ? undefined : String(delta)}
                onClick={() => c > 0 && setOpen(open === n.id ? null : n.id)}
                role={c > 0 ? 'button' : undefined}
                tabIndex={c > 0 ? 0 : undefined}
                onKeyDown={(e) => {
                  if (c > 0 && e.key === 'Enter') setOpen(open === n.id ? null : n.id);
                }}
              >
                <circle r={R} />
                <text y={-4} textAnchor="middle" className="neuron-value">
                  {value === undefined ? '' : formatNumber(value)}
                </text>
                <text y={12} textAnchor="middle" className="neuron-delta">
                  {delta === undefined ? '' : `δ ${formatNumber(delta)}`}
                </text>
              </g>
            );
          }),
        )}
      </svg>
      {opened && (
        <div className="neuron-expanded" data-testid="neuron-expanded">
          <Formula tex={forwardTex(graph, opened.z)} display />
          {opened.a !== null && <Formula tex={forwardTex(graph, opened.a)} display />}
        </div>
      )}
    </div>
  );
}
