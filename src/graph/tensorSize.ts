// The geometry of a vector or matrix node, from its shape alone (the layout
// needs node sizes before any value is drawn): a header with the name and the
// shape badge, then the value block and, under it, the gradient block. A block
// is a grid of numbers up to GRID_SIDE × GRID_SIDE, else a heatmap (one image)
// with a legend of its range under it. All sizes are SVG units.
import { rowsCols, type Shape } from '../engine/tensor/tensor';

/** Largest number of rows or columns drawn as a grid of numbers (as the formulas write out: ≤ 6×6). */
export const GRID_SIDE = 6;

/** A grid cell: room for `−0.3333` at the grid's font size. */
export const GRID_CELL = { width: 54, height: 19 } as const;

/** A heatmap fits in this box; its cells are square, at most HEAT_CELL_MAX wide, unless that leaves a side under HEAT_MIN_SIDE. */
export const HEAT_MAX = { width: 180, height: 120 } as const;
export const HEAT_CELL_MAX = 12;
export const HEAT_MIN_SIDE = 40;

const PAD = 7;
/** The name and the shape badge. */
const HEADER = 22;
/** Left of each block: the gradient block's ∇ mark (the value block keeps the same indent). */
const GUTTER = 13;
const BLOCK_GAP = 6;
/** Under a heatmap: its colour range, a bar with −0.53, 0 and 0.53 under it. */
export const LEGEND_HEIGHT = 21;
/** Wide enough for a name and a `64×784` badge. */
const MIN_WIDTH = 112;

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type BlockKind = 'value' | 'grad';

export interface TensorGeometry {
  readonly width: number;
  readonly height: number;
  /** A vector is one row. */
  readonly rows: number;
  readonly cols: number;
  /** A grid of numbers (true) or a heatmap (false). */
  readonly grid: boolean;
  /** The blocks, relative to the node's top-left corner. */
  readonly value: Box;
  readonly grad: Box;
  /** Where a heatmap's legend goes under each block (height 0 for grids). */
  readonly legend: { readonly value: Box; readonly grad: Box };
  /** The header row (name at the left, badge at the right). */
  readonly header: Box;
}

/** Whether a tensor of this shape is drawn as a grid of numbers (else as a heatmap). */
export function showsGrid(shape: Shape): boolean {
  const [r, c] = rowsCols(shape);
  return r <= GRID_SIDE && c <= GRID_SIDE;
}

/** Width and height of a heatmap of rows × cols. */
export function heatmapExtent(rows: number, cols: number): { width: number; height: number } {
  const cell = Math.min(HEAT_CELL_MAX, HEAT_MAX.width / cols, HEAT_MAX.height / rows);
  // Square cells, unless a very long, thin matrix would become a line: then the thin side grows.
  const width = Math.max(cols * cell, Math.min(HEAT_MIN_SIDE, cols * HEAT_CELL_MAX));
  const height = Math.max(rows * cell, Math.min(HEAT_MIN_SIDE, rows * HEAT_CELL_MAX));
  return { width: round(width), height: round(height) };
}

const round = (x: number): number => Math.round(x * 4) / 4;

const cache = new Map<string, TensorGeometry>();

/** The shape badge's width for its text (`32×8`) at the badge's 13 px. */
export const badgeWidth = (text: string): number => [...text].length * 7.9 + 10;

/**
 * The width a header needs: the gate chip (when the node is a named computed
 * value), the name, and the shape badge, with gaps, so that none overlaps another.
 */
export function tensorHeaderWidth(shapeLabel: string, nameWidth: number, gateWidth: number): number {
  return Math.ceil(PAD + (gateWidth > 0 ? gateWidth + 5 : 2) + nameWidth + 8 + badgeWidth(shapeLabel) + PAD);
}

/** The geometry of a node holding a tensor of this shape (a vector or a matrix), at least `minWidth` wide (its header's need). */
export function tensorGeometry(shape: Shape, minWidth = 0): TensorGeometry {
  const key = `${shape.join('x')}:${minWidth}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const [rows, cols] = rowsCols(shape);
  const grid = showsGrid(shape);
  const block = grid ? { width: cols * GRID_CELL.width, height: rows * GRID_CELL.height } : heatmapExtent(rows, cols);
  const legend = grid ? 0 : LEGEND_HEIGHT;
  const width = Math.max(MIN_WIDTH, minWidth, PAD + GUTTER + block.width + PAD);
  const x = PAD + GUTTER + (width - (PAD + GUTTER + block.width + PAD)) / 2;
  const value: Box = { x, y: HEADER, width: block.width, height: block.height };
  const grad: Box = { x, y: HEADER + block.height + legend + BLOCK_GAP, width: block.width, height: block.height };
  const legendBox = (b: Box): Box => ({ x: PAD, y: b.y + b.height, width: width - 2 * PAD, height: legend });
  const geometry: TensorGeometry = {
    width,
    height: grad.y + block.height + legend + PAD,
    rows,
    cols,
    grid,
    value,
    grad,
    legend: { value: legendBox(value), grad: legendBox(grad) },
    header: { x: PAD, y: 0, width: width - 2 * PAD, height: HEADER },
  };
  cache.set(key, geometry);
  return geometry;
}

/** The size a tensor node needs in the layout. */
export function tensorNodeSize(shape: Shape, minWidth = 0): { width: number; height: number } {
  const { width, height } = tensorGeometry(shape, minWidth);
  return { width, height };
}

/** The box of one element (row-major index) in a block, relative to the node's top-left corner. */
export function cellBox(g: TensorGeometry, block: BlockKind, element: number): Box {
  const b = g[block];
  const w = b.width / g.cols;
  const h = b.height / g.rows;
  const i = Math.floor(element / g.cols);
  const j = element % g.cols;
  return { x: b.x + j * w, y: b.y + i * h, width: w, height: h };
}

/** The element under a point given as fractions (0…1) across and down a block, or -1 outside it. */
export function cellAt(g: TensorGeometry, fx: number, fy: number): number {
  if (!(fx >= 0 && fx < 1 && fy >= 0 && fy < 1)) return -1;
  return Math.floor(fy * g.rows) * g.cols + Math.floor(fx * g.cols);
}

/**
 * A set of cells as few rectangles (in cell units: column, row, columns, rows):
 * runs along each row, then equal runs of consecutive rows merged. A column of
 * a 784-row heatmap is one rectangle, not 784.
 */
export function cellRects(cells: Iterable<number>, rows: number, cols: number): { col: number; row: number; cols: number; rows: number }[] {
  const byRow = new Map<number, number[]>();
  for (const e of cells) {
    if (e < 0 || e >= rows * cols) continue;
    const r = Math.floor(e / cols);
    let list = byRow.get(r);
    if (!list) byRow.set(r, (list = []));
    list.push(e % cols);
  }
  const rects: { col: number; row: number; cols: number; rows: number }[] = [];
  // Open rectangles by their run (`col:cols`), extended while the next row has the same run.
  let open = new Map<string, { col: number; row: number; cols: number; rows: number }>();
  for (let r = 0; r < rows; r++) {
    const list = byRow.get(r);
    const next = new Map<string, { col: number; row: number; cols: number; rows: number }>();
    if (list) {
      const sorted = [...new Set(list)].sort((a, b) => a - b);
      for (let k = 0; k < sorted.length; ) {
        let end = k;
        while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end++;
        const run = `${sorted[k]}:${end - k + 1}`;
        let rect = open.get(run);
        if (rect) rect.rows++;
        else rects.push((rect = { col: sorted[k], row: r, cols: end - k + 1, rows: 1 }));
        next.set(run, rect);
        k = end + 1;
      }
    }
    open = next;
  }
  return rects;
}
