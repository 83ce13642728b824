// One node of the drawn graph, with the data-* attributes of CONTRACTS §4.
// It subscribes to its own look only, so a step re-renders the nodes it changes.
import { memo } from 'react';
import type { GraphNode } from '../engine';
import { accentMark, displayIsName, displayLabelText, displayName, nodeNameText, versionMark } from '../engine/names';
import { shapeKey } from '../engine/tensor/tensor';
import { formatNumber } from '../formulas/number';
import type { DrawNode } from '../graph/drawModel';
import { estimateNameWidth, GATE_CHIP, gateChipWidth, roundedInset, squeezeTo } from '../graph/sizes';
import { useVisualizerStore } from '../store/context';
import { fitLabel } from './labelFit';
import { GateChip, RoleBadge } from './nodeParts';
import { parseNodeVisual } from './nodeVisual';
import { useStepKey } from './stepChannel';
import { textWidth } from './textWidth';
import { TensorNodeView } from './tensor/TensorNodeView';
import { useGraphT } from './useT';

/**
 * The title of a named node: its name (w₁, with a prime for a version, c′), or
 * its display label (§11): a label that is a name is drawn as names are, any
 * other text as written, shrunk or cut to fit the box.
 */
function NameText({ name, version = 1, display = null, width }: { name: string; version?: number; display?: string | null; width: number }) {
  if (display && !displayIsName(display)) {
    const fitted = fitLabel(displayLabelText(display), width);
    return <tspan fontSize={fitted.fontSize ?? undefined}>{fitted.text}</tspan>;
  }
  const d = displayName(display ?? name);
  const accent = accentMark(d.accent);
  const mark = display ? '' : versionMark(version);
  return (
    <>
      <tspan>{`${d.base}${accent}`.normalize('NFC')}</tspan>
      {d.sup !== null && (
        <tspan className="sup" dy="-0.45em" fontSize="0.7em">
          {d.sup}
        </tspan>
      )}
      {d.sub !== null && (
        <tspan className="sub" dy={d.sup !== null ? '0.75em' : '0.3em'} fontSize="0.75em">
          {d.sub}
        </tspan>
      )}
      {mark && (
        // primes are thin glyphs: a little larger, so c′ and c″ tell apart from across a room
        <tspan className="version" dy={d.sub !== null ? '-0.3em' : undefined} fontSize="1.25em">
          {mark}
        </tspan>
      )}
    </>
  );
}

/** A value or gradient line, squeezed into the box when it is long (∇3.474×10⁻³⁹ in an operation's pill). */
function NumberLine({ className, x, y, room, text }: { className: string; x: number; y: number; room: number; text: string }) {
  const squeeze = text === '' ? undefined : squeezeTo(textWidth(text, NUMBER_PX), room);
  return (
    <text className={className} x={x} y={y} textAnchor="middle" textLength={squeeze} lengthAdjust={squeeze === undefined ? undefined : 'spacingAndGlyphs'}>
      {text}
    </text>
  );
}

/** The title's font size (styles.css .node-title). */
const TITLE_PX = 14;
/** The value and gradient lines' largest font size (styles.css: 13.5 and 13 px, 14 px when presenting). */
const NUMBER_PX = 14;
/** The value line's baseline, below the middle of the box. */
const VALUE_BASELINE = 7;
/** Space kept free on each side of a number line. */
const NUMBER_PADDING = 3;
/** From a number line's baseline up to the middle of its digits, px. */
const DIGIT_MIDDLE = 4.5;

interface Props {
  node: GraphNode;
  draw: DrawNode;
  x: number;
  y: number;
  detail: boolean;
  /** Whether a tensor node's grids show their digits (readable at this zoom) or only their colours. */
  gridNumbers: boolean;
  /** Whether Tab stops on this node (small graphs: every node). */
  focusable: boolean;
  /**
   * The node's look is painted on the overview canvas: its element keeps the
   * classes that do not change with the step, so a step restyles nothing in
   * the SVG (only data-* and aria-label change, which no style reads).
   */
  onCanvas?: boolean;
}

/** A vector or matrix node draws its grids or heatmaps (tensor/TensorNodeView); a number node is drawn here. */
export const GraphNodeView = memo(function GraphNodeView(props: Props) {
  return props.node.shape.length > 0 ? <TensorNodeView {...props} /> : <ScalarNodeView {...props} />;
});

function ScalarNodeView({ node, draw, x, y, detail, focusable, onCanvas = false }: Props) {
  const key = useStepKey(`n${node.index}`);
  // Actions are read when used, not subscribed to: a step should wake only the nodes it changes.
  const store = useVisualizerStore();
  const group = draw.group;
  const t = useGraphT();
  const v = parseNodeVisual(key);
  const w = draw.width;
  const h = draw.height;
  const isValue = draw.kind === 'value';
  const title = node.label ?? (node.op === 'const' ? formatNumber(node.value) : draw.symbol);
  const gradText = v.grad === undefined ? '' : `∇${formatNumber(v.grad)}`;
  const nonFinite = (v.value !== undefined && !Number.isFinite(v.value)) || (v.grad !== undefined && !Number.isFinite(v.grad));
  // §10: an input is a parameter (trained) or data (fixed); the graph draws them apart.
  const inputRole = node.op === 'input' ? node.role : null;
  const isConst = node.op === 'const';
  const gate = detail ? draw.gate : null;
  const gateWidth = gate === null ? 0 : gateChipWidth(gate);
  // The room for the name: right of the gate chip when there is one. A name too
  // long for it is squeezed to fit (textLength) rather than run over the chip.
  const roomLeft = x - w / 2 + (gate === null ? 4 : GATE_CHIP.inset + gateWidth + 3);
  const roomRight = x + w / 2 - 4;
  const titleX = (roomLeft + roomRight) / 2;
  const shownName = group ? group.label : node.label;
  const fittedByLabel = !group && node.display !== null && !displayIsName(node.display);
  const squeeze = isValue && shownName && !fittedByLabel && estimateNameWidth(displayName(group ? shownName : node.display ?? shownName), TITLE_PX) > roomRight - roomLeft ? roomRight - roomLeft : undefined;
  // The width inside the box at a number line, its baseline `baseline` below the middle: less where round ends come in.
  const radius = isValue ? 8 : h / 2;
  const numberRoom = (baseline: number) => w - 2 * (roundedInset(radius, h / 2, baseline - DIGIT_MIDDLE) + NUMBER_PADDING);
  const opText = `${draw.symbol} (${node.op})`;
  const label = [
    node.label ? (draw.gate !== null && !group ? `${nodeNameText(node)}, ${opText}` : nodeNameText(node)) : isConst ? t('node.constant', { value: formatNumber(node.value) }) : opText,
    v.value === undefined ? t('node.noValue') : t('node.value', { value: formatNumber(v.value) }),
    v.grad === undefined ? t('node.noGrad') : t(v.final ? 'node.grad' : 'node.gradPartial', { grad: formatNumber(v.grad) }),
    ...(inputRole ? [t(inputRole === 'param' ? 'node.roleParam' : 'node.roleData')] : []),
  ].join(', ');
  const stepClasses = onCanvas ? [] : [v.role && `role-${v.role}`, v.grad !== undefined && (v.final ? 'grad-final' : 'grad-partial'), nonFinite && 'non-finite'];
  const classes = ['node', `node-${draw.kind}`, inputRole && `input-${inputRole}`, isConst && 'node-const', group && 'node-group', ...stepClasses]
    .filter(Boolean)
    .join(' ');
  return (
    <g
      className={classes}
      data-node-id={node.id}
      data-label={node.label ?? undefined}
      data-version={node.version > 1 ? node.version : undefined}
      data-op={node.op}
      data-role={inputRole ?? undefined}
      data-shape={node.shape.length > 0 ? shapeKey(node.shape) : undefined}
      data-value={v.value === undefined ? undefined : String(v.value)}
      data-grad={v.grad === undefined ? undefined : String(v.grad)}
      data-grad-final={v.final ? '' : undefined}
      role="button"
      tabIndex={focusable ? 0 : -1}
      aria-label={label}
      data-group={group ? group.kind : undefined}
      onClick={() => {
        // A group node opens up into its operations; any other node is selected.
        const state = store.getState();
        if (group) state.setCollapsed(state.collapsed.filter((id) => id !== group.id));
        state.select(node.index);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          store.getState().select(node.index);
        }
      }}
    >
      <rect className="node-shape" x={x - w / 2} y={y - h / 2} width={w} height={h} rx={radius} ry={radius} />
      {inputRole && detail && <RoleBadge role={inputRole} x={x - w / 2} y={y - h / 2} />}
      {detail && (
        <>
          {gate !== null && <GateChip gate={gate} x={x - w / 2 + GATE_CHIP.inset} y={y - h / 2 + GATE_CHIP.inset} height={GATE_CHIP.height} baseline={14} />}
          <text
            className={isValue ? 'node-title' : 'node-title op-symbol'}
            x={titleX}
            y={y - h / 2 + 17}
            textAnchor="middle"
            textLength={squeeze}
            lengthAdjust={squeeze === undefined ? undefined : 'spacingAndGlyphs'}
          >
            {group?.kind === 'softmax' ? 'softmax·CE' : node.label ? group ? <NameText name={group.label} width={roomRight - roomLeft} /> : <NameText name={node.label} version={node.version} display={node.display} width={roomRight - roomLeft} /> : title}
          </text>
          <NumberLine className="node-value" x={x} y={y + VALUE_BASELINE} room={numberRoom(VALUE_BASELINE)} text={v.value === undefined || isConst ? '' : formatNumber(v.value)} />
          <NumberLine className={v.final ? 'node-grad final' : 'node-grad partial'} x={x} y={y + h / 2 - 7} room={numberRoom(h / 2 - 7)} text={`${gradText}${v.grad !== undefined && !v.final ? '…' : ''}`} />
        </>
      )}
    </g>
  );
}
