// A vector or matrix node: its name and shape badge, its value and, once any
// arrives, its gradient (partial or final, as for numbers), each a grid of
// numbers or a heatmap. It carries the data-* attributes of CONTRACTS §4 and §9
// and wakes only when its look key (which gradient entry, which role) changes,
// or its marks while an entry is selected.
import { memo, useCallback, useMemo } from 'react';
import type { GraphNode } from '../../engine';
import { nodeNameText } from '../../engine/names';
import { shapeKey, shapeText } from '../../engine/tensor/tensor';
import type { DrawNode } from '../../graph/drawModel';
import { gateChipWidth } from '../../graph/sizes';
import { badgeWidth, tensorGeometry } from '../../graph/tensorSize';
import { useVisualizer, useVisualizerStore } from '../../store/context';
import { GateChip, RoleBadge } from '../nodeParts';
import { parseTensorVisual } from '../nodeVisual';
import { useStepCompiled, useStepKey } from '../stepChannel';
import { useGraphT } from '../useT';
import { entryMarksKey, parseEntryMarks } from './entryMarks';
import { sharedRanges, useScaleMode } from './scaleMode';
import { TensorBlock } from './TensorBlock';
import { hasNonFinite, useTensorJson } from './tensorFacts';

interface Props {
  node: GraphNode;
  draw: DrawNode;
  x: number;
  y: number;
  detail: boolean;
  gridNumbers: boolean;
  focusable: boolean;
}

/** Room for the shape badge's text, per character. */
/** The gate chip in the header: a little lower than a number node's (GATE_CHIP), to fit above the value. */
const GATE_HEIGHT = 17;

export const TensorNodeView = memo(function TensorNodeView({ node, draw, x, y, detail, gridNumbers, focusable }: Props) {
  const key = useStepKey(`n${node.index}`);
  const compiled = useStepCompiled();
  const store = useVisualizerStore();
  const t = useGraphT();
  const v = parseTensorVisual(key);
  const marksKey = useVisualizer((s) => entryMarksKey(s, compiled, node.index));
  const marks = useMemo(() => parseEntryMarks(marksKey), [marksKey]);
  const g = tensorGeometry(node.shape, draw.width);
  const value = v.shown ? node.tensor : undefined;
  const grad = v.gradIndex >= 0 ? compiled.trace.gradTensors[node.index][v.gradIndex] : undefined;
  const left = x - g.width / 2;
  const top = y - g.height / 2;
  const named = nodeNameText(node);
  const name = named ?? (node.op === 'const' ? '' : draw.symbol);
  const spoken = named ?? `[${draw.symbol || node.op}]`;
  // A named computed node shows its operation as a chip left of its name, as number nodes do.
  const gate = detail ? draw.gate : null;
  const gateWidth = gate === null ? 0 : gateChipWidth(gate);
  const shapeWords = node.shape.length === 1 ? t('tensor.vector', { n: node.shape[0] }) : t('tensor.matrix', { rows: node.shape[0], cols: node.shape[1] });
  const badge = shapeText(node.shape);
  const badgeWide = badgeWidth(badge);
  const ranges = useScaleMode() === 'shared' ? sharedRanges(compiled) : null;
  const valueJson = useTensorJson(value);
  const gradJson = useTensorJson(grad);
  // §10: an input is a parameter (trained) or data (fixed); the graph draws them apart.
  const inputRole = node.op === 'input' ? node.role : null;
  const nonFinite = (value !== undefined && hasNonFinite(value)) || (grad !== undefined && hasNonFinite(grad));
  const selectEntry = useCallback((element: number) => store.getState().selectEntry(element < 0 ? null : { node: node.index, element }), [store, node.index]);

  const label = [
    gate !== null ? `${spoken}, ${draw.symbol} (${node.op})` : spoken,
    shapeWords,
    value ? t('tensor.valueShown') : t('node.noValue'),
    grad ? t(v.final ? 'tensor.gradFinal' : 'tensor.gradPartial') : t('node.noGrad'),
    marks.selected >= 0 ? t('tensor.selectedEntry') : '',
    inputRole ? t(inputRole === 'param' ? 'node.roleParam' : 'node.roleData') : '',
  ]
    .filter(Boolean)
    .join(', ');
  const classes = [
    'node',
    `node-${draw.kind}`,
    'node-tensor',
    inputRole && `input-${inputRole}`,
    node.op === 'const' && 'node-const',
    v.role && `role-${v.role}`,
    grad !== undefined && (v.final ? 'grad-final' : 'grad-partial'),
    nonFinite && 'non-finite',
    marks.selected >= 0 && 'entry-selected',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <g
      className={classes}
      data-node-id={node.id}
      data-label={node.label ?? undefined}
      data-op={node.op}
      data-role={inputRole ?? undefined}
      data-shape={shapeKey(node.shape)}
      data-value={valueJson}
      data-grad={gradJson}
      data-grad-final={v.final ? '' : undefined}
      data-selected-entry={marks.selected >= 0 ? marks.selected : undefined}
      role="group"
      tabIndex={focusable ? 0 : -1}
      aria-label={label}
      onClick={() => {
        // The node itself (its name or frame, not a cell): selected as a whole, no entry.
        const state = store.getState();
        if (state.selectedEntry) state.selectEntry(null);
        state.select(node.index);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === e.currentTarget) {
          e.preventDefault();
          store.getState().select(node.index);
        }
      }}
    >
      <rect className="node-shape" x={left} y={top} width={g.width} height={g.height} rx={draw.kind === 'value' ? 8 : 16} ry={draw.kind === 'value' ? 8 : 16} />
      {inputRole && detail && <RoleBadge role={inputRole} x={left} y={top} />}
      {detail && (
        <>
          {gate !== null && <GateChip gate={gate} x={left + g.header.x} y={top + 3} height={GATE_HEIGHT} baseline={13} />}
          <text className={draw.kind === 'value' ? 'node-title' : 'node-title op-symbol'} x={left + g.header.x + (gate === null ? 2 : gateWidth + 5)} y={top + 16}>
            {name}
          </text>
          <g className="shape-badge" aria-hidden="true">
            <rect x={left + g.header.x + g.header.width - badgeWide} y={top + 3} width={badgeWide} height={17} rx={8.5} />
            <text x={left + g.header.x + g.header.width - badgeWide / 2} y={top + 16} textAnchor="middle">
              {badge}
            </text>
          </g>
          <TensorBlock
            kind="value"
            name={spoken}
            shapeWords={shapeWords}
            tensor={value}
            geometry={g}
            left={left}
            top={top}
            final
            range={ranges?.value}
            numbers={gridNumbers}
            selected={marks.selected}
            marked={marks.value}
            focusable={focusable}
            onSelect={selectEntry}
          />
          <TensorBlock
            kind="grad"
            name={spoken}
            shapeWords={shapeWords}
            tensor={grad}
            geometry={g}
            left={left}
            top={top}
            final={v.final}
            range={ranges?.grad}
            numbers={gridNumbers}
            selected={marks.selected}
            marked={marks.grad}
            focusable={focusable}
            onSelect={selectEntry}
          />
        </>
      )}
    </g>
  );
});
