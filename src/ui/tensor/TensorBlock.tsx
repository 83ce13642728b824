// One block of a tensor node: its value or its gradient, as a grid of numbers
// (up to 6×6) or as a heatmap image. The block is one focusable control with a
// cell cursor: hovering or arrow keys show a cell's number in a tooltip and in
// the block's accessible name; a click or Enter selects that entry. The arrow
// keys move the cursor only when the block was reached with the keyboard:
// after a click they step, as they do on any node.
import { memo, useId, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { createPortal } from 'react-dom';
import type { Tensor } from '../../engine';
import { formatNumber } from '../../formulas/number';
import { cellAt, cellBox, cellRects, type BlockKind, type Box, type TensorGeometry } from '../../graph/tensorSize';
import { textWidth } from '../textWidth';
import { useGraphT } from '../useT';
import { heatmapUrl, scaleBarUrl } from './heatmapImage';
import { hasNonFinite, rangeOf } from './tensorFacts';

interface Props {
  kind: BlockKind;
  /** The node's display name, for labels: `W₁`, `[@]`. */
  name: string;
  /** The shape in words: `3×2 matrix`. */
  shapeWords: string;
  /** Undefined until the value is computed or a gradient has arrived. */
  tensor: Tensor | undefined;
  geometry: TensorGeometry;
  /** The node's top-left corner in graph coordinates. */
  left: number;
  top: number;
  /** For a gradient: final (else partial, still being summed). */
  final: boolean;
  /** The colour range ± this (a shared scale), or undefined for the tensor's own largest |x|. */
  range: number | undefined;
  /** A grid draws its digits (else its colours, when zoomed out too far to read them). */
  numbers: boolean;
  /** The selected element of this node (-1: none) and the cells of this block to mark. */
  selected: number;
  marked: readonly number[];
  focusable: boolean;
  /** Selects entry `element` of the node; -1 clears the selection. */
  onSelect: (element: number) => void;
}

/** Where a tooltip goes, in pixels inside the graph view. */
interface Tip {
  element: number;
  byKey: boolean;
  x: number;
  y: number;
  /** Above the cell, or below it near the top of the view; centred on it, or starting or ending there near a side. */
  below: boolean;
  align: 'start' | 'middle' | 'end';
}

/** A grid number's font size (styles.css .cell-text), and roughly the width of a legend character. */
const CELL_FONT_PX = 13;
const LEGEND_CHAR = 7.4;

function offset(box: Box, left: number, top: number): Box {
  return { x: left + box.x, y: top + box.y, width: box.width, height: box.height };
}

/** At least `min` wide and tall, around the same centre: a cursor on a sub-pixel heatmap cell stays visible. */
function atLeast(box: Box, min: number): Box {
  const w = Math.max(box.width, min);
  const h = Math.max(box.height, min);
  return { x: box.x + (box.width - w) / 2, y: box.y + (box.height - h) / 2, width: w, height: h };
}

export const TensorBlock = memo(function TensorBlock(props: Props) {
  const { kind, name, shapeWords, tensor, geometry: g, left, top, final, range, numbers, selected, marked, focusable, onSelect } = props;
  const t = useGraphT();
  const frameRef = useRef<SVGRectElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const lastCursor = useRef(0);
  // Focus from a click leaves the arrow keys to stepping, as on any node; focus from the keyboard (Tab) gives them to the cursor.
  const pointerAt = useRef(Number.NEGATIVE_INFINITY);
  const [keyboard, setKeyboard] = useState(false);
  const tipId = useId();
  const block = offset(g[kind], left, top);
  const n = g.rows * g.cols;
  const vector = g.rows === 1 && tensor?.shape.length === 1;

  const cellText = (e: number): string => {
    const number = formatNumber(tensor ? tensor.data[e] : NaN);
    return vector ? t('tensor.cellVector', { index: e + 1, number }) : t('tensor.cell', { row: Math.floor(e / g.cols) + 1, col: (e % g.cols) + 1, number });
  };
  const title = t(kind === 'value' ? 'tensor.valueBlock' : final ? 'tensor.gradBlock' : 'tensor.gradBlockPartial', { name });

  const show = (element: number, byKey: boolean) => {
    const frame = frameRef.current;
    const host = frame?.closest('.graph-view');
    if (!frame || !host || element < 0 || element >= n) return setTip(null);
    lastCursor.current = element;
    const r = frame.getBoundingClientRect();
    const h = host.getBoundingClientRect();
    const cell = cellBox(g, kind, element);
    const b = g[kind];
    const x = r.left + ((cell.x + cell.width / 2 - b.x) / b.width) * r.width - h.left;
    const yTop = r.top + ((cell.y - b.y) / b.height) * r.height - h.top;
    const yBottom = r.top + ((cell.y + cell.height - b.y) / b.height) * r.height - h.top;
    const below = yTop < 56;
    const align = x < 120 ? 'start' : x > h.width - 120 ? 'end' : 'middle';
    setTip({ element, byKey, x, y: below ? yBottom : yTop, below, align });
  };
  const elementAt = (e: MouseEvent): number => {
    const r = frameRef.current?.getBoundingClientRect();
    return r ? cellAt(g, (e.clientX - r.left) / r.width, (e.clientY - r.top) / r.height) : -1;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!tensor) return;
    if (!keyboard && e.key.startsWith('Arrow')) return;
    const cur = tip?.element ?? lastCursor.current;
    const col = cur % g.cols;
    let next: number | null = null;
    switch (e.key) {
      case 'ArrowLeft':
        next = col > 0 ? cur - 1 : cur;
        break;
      case 'ArrowRight':
        next = col < g.cols - 1 ? cur + 1 : cur;
        break;
      case 'ArrowUp':
        next = cur - g.cols >= 0 ? cur - g.cols : cur;
        break;
      case 'ArrowDown':
        next = cur + g.cols < n ? cur + g.cols : cur;
        break;
      case 'Enter':
      case ' ':
        onSelect(cur);
        break;
      case 'Escape':
        if (selected < 0) return;
        onSelect(-1);
        break;
      default:
        return;
    }
    // Arrow keys move the cursor here instead of stepping; Enter selects the entry, not the node.
    e.preventDefault();
    e.stopPropagation();
    if (next !== null) show(next, true);
  };

  const classes = ['tensor-block', `tensor-${kind}`, !tensor && 'empty', kind === 'grad' && tensor && (final ? 'final' : 'partial')].filter(Boolean).join(' ');
  const max = range ?? (tensor ? rangeOf(tensor) : 0);
  const digits = g.grid && numbers;
  const cursor = tip ? atLeast(offset(cellBox(g, kind, tip.element), left, top), 3) : null;
  const host = tip ? frameRef.current?.closest('.graph-view') : null;
  return (
    <g
      className={classes}
      data-block={kind}
      data-marked={marked.length ? marked.join(',') : undefined}
      role={tensor ? 'button' : undefined}
      tabIndex={tensor ? (focusable ? 0 : -1) : undefined}
      aria-label={tensor ? [title, shapeWords, tip ? cellText(tip.element) : t('tensor.blockHelp'), g.grid ? '' : t('tensor.range', { min: formatNumber(-max), max: formatNumber(max) }), !g.grid && hasNonFinite(tensor) ? t('tensor.nonFinite') : ''].filter(Boolean).join('; ') : undefined}
      aria-describedby={tip ? tipId : undefined}
      onPointerMove={
        tensor
          ? (e) => {
              const element = elementAt(e);
              if (tip?.element !== element || tip.byKey) show(element, false);
            }
          : undefined
      }
      onPointerLeave={() => setTip((s) => (s && !s.byKey ? null : s))}
      onPointerDown={() => {
        pointerAt.current = performance.now();
        setKeyboard(false);
      }}
      onFocus={
        tensor
          ? () => {
              const byKey = performance.now() - pointerAt.current > 300;
              setKeyboard(byKey);
              if (byKey) show(selected >= 0 ? selected : lastCursor.current, true);
            }
          : undefined
      }
      onBlur={() => {
        setTip(null);
        setKeyboard(false);
      }}
      onKeyDown={onKeyDown}
      onClick={
        tensor
          ? (e) => {
              const element = elementAt(e);
              if (element < 0) return;
              e.stopPropagation();
              onSelect(element);
            }
          : undefined
      }
    >
      <rect ref={frameRef} className="block-frame" x={block.x} y={block.y} width={block.width} height={block.height} />
      {kind === 'grad' && (
        <text className="block-mark" x={block.x - 7} y={block.y + Math.min(block.height / 2, 9) + 4} textAnchor="middle" aria-hidden="true">
          ∇
        </text>
      )}
      {kind === 'grad' && tensor && !final && (
        // Still being summed: "…" under the ∇, as a number node writes it after its gradient.
        <text className="block-mark partial" x={block.x - 7} y={block.y + Math.min(block.height / 2, 9) + 14} textAnchor="middle" aria-hidden="true">
          …
        </text>
      )}
      {digits && <Marks marked={marked} g={g} block={block} />}
      {tensor && (digits ? <GridNumbers tensor={tensor} g={g} kind={kind} left={left} top={top} /> : <Heatmap tensor={tensor} box={block} max={max} />)}
      {!digits && <Marks marked={marked} g={g} block={block} />}
      {selected >= 0 && selected < n && <CellRect className="cell-selected" box={atLeast(offset(cellBox(g, kind, selected), left, top), 3)} />}
      {cursor && <CellRect className="cell-cursor" box={cursor} />}
      {tensor && !g.grid && <Legend box={offset(g.legend[kind], left, top)} max={max} />}
      {tip &&
        host &&
        tensor &&
        createPortal(
          <div id={tipId} className="tensor-tip" role="tooltip" aria-live={tip.byKey ? 'polite' : undefined} style={{ left: tip.x, top: tip.y, transform: tipTransform(tip) }} data-testid="tensor-tip">
            <span className="tip-name">{kind === 'value' ? name : `∂L/∂${name}`}</span> <span className="tip-cell">{cellText(tip.element)}</span>
          </div>,
          host,
        )}
    </g>
  );
});

function tipTransform(tip: Tip): string {
  const x = tip.align === 'start' ? '-14px' : tip.align === 'end' ? 'calc(-100% + 14px)' : '-50%';
  return `translate(${x}, ${tip.below ? '6px' : 'calc(-100% - 6px)'})`;
}

/**
 * The cells a selected entry came from, as few rectangles: filled under a grid's
 * numbers; over a heatmap, outlined just outside the cells so that a column one
 * pixel wide stays visible between the two lines.
 */
function Marks({ marked, g, block }: { marked: readonly number[]; g: TensorGeometry; block: Box }) {
  const pad = g.grid ? 0 : 1.2;
  return (
    <>
      {cellRects(marked, g.rows, g.cols).map((r) => (
        <rect
          key={`${r.row}:${r.col}`}
          className="cell-mark"
          x={block.x + (r.col * block.width) / g.cols - pad}
          y={block.y + (r.row * block.height) / g.rows - pad}
          width={(r.cols * block.width) / g.cols + 2 * pad}
          height={(r.rows * block.height) / g.rows + 2 * pad}
        />
      ))}
    </>
  );
}

function CellRect({ className, box }: { className: string; box: Box }) {
  return <rect className={className} x={box.x} y={box.y} width={box.width} height={box.height} />;
}

function GridNumbers({ tensor, g, kind, left, top }: { tensor: Tensor; g: TensorGeometry; kind: BlockKind; left: number; top: number }) {
  const texts = [];
  for (let e = 0; e < tensor.data.length; e++) {
    const cell = offset(cellBox(g, kind, e), left, top);
    const text = formatNumber(tensor.data[e]);
    // Long numbers (−0.1674, −1.235×10⁶) are squeezed into their cell rather than overlapping the next one.
    const squeeze = textWidth(text, CELL_FONT_PX) > cell.width - 4;
    texts.push(
      <text
        key={e}
        className={Number.isFinite(tensor.data[e]) ? 'cell-text' : 'cell-text non-finite'}
        x={cell.x + cell.width / 2}
        y={cell.y + cell.height / 2 + 4}
        textAnchor="middle"
        textLength={squeeze ? cell.width - 4 : undefined}
        lengthAdjust={squeeze ? 'spacingAndGlyphs' : undefined}
      >
        {text}
      </text>,
    );
  }
  return <>{texts}</>;
}

function Heatmap({ tensor, box, max }: { tensor: Tensor; box: Box; max: number }) {
  const href = heatmapUrl(tensor, max);
  if (!href) return null;
  return <image className="heatmap" href={href} x={box.x} y={box.y} width={box.width} height={box.height} preserveAspectRatio="none" imageRendering="pixelated" />;
}

/**
 * The heatmap's range: the scale as a thin bar across the node, −max under its
 * left end and max under its right, 0 in the middle where there is room. A
 * node too narrow for both ends writes the range once, as ±max, in the middle.
 */
function Legend({ box, max }: { box: Box; max: number }) {
  const bar = scaleBarUrl();
  const y = box.y + box.height - 2;
  const low = formatNumber(-max);
  const high = formatNumber(max);
  const bothFit = (low.length + high.length + 2) * LEGEND_CHAR <= box.width;
  return (
    <g className="heat-legend" aria-hidden="true">
      {bar && <image href={bar} x={box.x} y={box.y + 3} width={box.width} height={4} preserveAspectRatio="none" />}
      {bothFit ? (
        <>
          <text x={box.x} y={y} textAnchor="start">
            {low}
          </text>
          {(low.length + high.length + 6) * LEGEND_CHAR < box.width && (
            <text x={box.x + box.width / 2} y={y} textAnchor="middle">
              0
            </text>
          )}
          <text x={box.x + box.width} y={y} textAnchor="end">
            {high}
          </text>
        </>
      ) : (
        <text x={box.x + box.width / 2} y={y} textAnchor="middle">
          {`±${high}`}
        </text>
      )}
    </g>
  );
}
