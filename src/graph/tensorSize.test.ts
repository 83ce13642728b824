import { describe, expect, it } from 'vitest';
import { compile } from '../engine';
import { toDrawModel } from './drawModel';
import { displayName } from '../engine/names';
import { estimateNameWidth, gateChipWidth, OP_NODE, VALUE_NODE } from './sizes';
import { cellAt, cellBox, cellRects, GRID_CELL, HEAT_MAX, showsGrid, tensorGeometry, tensorHeaderWidth, tensorNodeSize } from './tensorSize';

describe('tensorNodeSize', () => {
  it('draws up to 6×6 as a grid of numbers and anything larger as a heatmap', () => {
    expect([[3], [6], [2, 3], [6, 6], [1, 6]].map(showsGrid)).toEqual([true, true, true, true, true]);
    expect([[7], [7, 2], [2, 7], [784, 10]].map(showsGrid)).toEqual([false, false, false, false]);
  });

  it('gives a grid one cell per number, value above gradient, and grows with the shape', () => {
    const g = tensorGeometry([2, 3]);
    expect(g.grid).toBe(true);
    expect([g.value.width, g.value.height]).toEqual([3 * GRID_CELL.width, 2 * GRID_CELL.height]);
    expect(g.grad.y).toBeGreaterThanOrEqual(g.value.y + g.value.height);
    expect(g.height).toBeGreaterThan(g.grad.y + g.grad.height);
    expect(g.width).toBeGreaterThan(g.value.x + g.value.width);
    const bigger = tensorNodeSize([4, 5]);
    expect(bigger.width).toBeGreaterThan(g.width);
    expect(bigger.height).toBeGreaterThan(g.height);
    // A vector is one row.
    expect(tensorGeometry([4])).toMatchObject({ rows: 1, cols: 4, grid: true });
  });

  it('keeps every heatmap inside its box, 784×10 and 64×784 included, with square cells where they fit', () => {
    for (const shape of [[7, 7], [784, 10], [10, 784], [64, 784], [784, 16], [100000], [1000, 1000]]) {
      const g = tensorGeometry(shape);
      expect(g.grid).toBe(false);
      expect(g.value.width).toBeLessThanOrEqual(HEAT_MAX.width);
      expect(g.value.height).toBeLessThanOrEqual(HEAT_MAX.height);
      expect(g.value.width).toBeGreaterThan(0);
      expect(g.value.height).toBeGreaterThan(0);
      expect(g.legend.value.height).toBeGreaterThan(0);
    }
    expect([tensorGeometry([7, 7]).value.width, tensorGeometry([7, 7]).value.height]).toEqual([84, 84]);
    // Tall stays tall, wide stays wide.
    const tall = tensorGeometry([784, 10]).value;
    expect(tall.height).toBeGreaterThan(tall.width);
    const wide = tensorGeometry([64, 784]).value;
    expect(wide.width).toBeGreaterThan(wide.height);
  });

  it('is what toDrawModel gives tensor nodes, while number nodes keep their sizes', () => {
    const model = toDrawModel(compile('X = [[1, 2, 3], [4, 5, 6]]\nW = randn(3, 8, seed=1)\nY = X @ W\nL = 2 * sum(Y)').graph);
    const sizeOf = (id: string) => {
      const n = model.nodes.find((d) => d.id === id)!;
      return { width: n.width, height: n.height };
    };
    expect(sizeOf('X')).toEqual(tensorNodeSize([2, 3]));
    expect(sizeOf('W')).toEqual(tensorNodeSize([3, 8]));
    expect(sizeOf('Y')).toEqual(tensorNodeSize([2, 8]));
    expect(sizeOf('L')).toEqual(VALUE_NODE);
    const sum = model.nodes.find((d) => d.op === 'sum')!;
    expect({ width: sum.width, height: sum.height }).toEqual(OP_NODE);
  });

  it('widens a node whose gate chip, name and shape badge need more room than its blocks', () => {
    const model = toDrawModel(compile('X = randn(32, 2, seed=1)\nW = randn(2, 8, seed=2)\nHidden_layer = tanh(X @ W)\nL = sum(Hidden_layer)').graph);
    const h = model.nodes.find((d) => d.label === 'Hidden_layer')!;
    expect(h.gate).toBe('tanh');
    // chip (tanh) + gap + the name at 13.5 px + gap + the `32×8` badge, with the padding either side
    const need = tensorHeaderWidth('32×8', estimateNameWidth(displayName('Hidden_layer'), 13.5), gateChipWidth('tanh'));
    expect(need).toBeGreaterThan(tensorNodeSize([32, 8]).width);
    expect(h.width).toBe(need);
    expect(tensorGeometry([32, 8], h.width).header.width).toBe(h.width - 14);
  });
});

describe('cells', () => {
  it('finds the cell under a point and back, in grids and heatmaps', () => {
    for (const shape of [[2, 3], [784, 10], [16]]) {
      const g = tensorGeometry(shape);
      const n = g.rows * g.cols;
      for (const e of [0, 1, n - 1, Math.floor(n / 2)]) {
        const box = cellBox(g, 'grad', e);
        const fx = (box.x + box.width / 2 - g.grad.x) / g.grad.width;
        const fy = (box.y + box.height / 2 - g.grad.y) / g.grad.height;
        expect(cellAt(g, fx, fy)).toBe(e);
      }
      expect(cellAt(g, -0.01, 0.5)).toBe(-1);
      expect(cellAt(g, 0.5, 1)).toBe(-1);
    }
  });

  it('merges a column into one rectangle and a scattered set into runs', () => {
    const column = Array.from({ length: 784 }, (_, i) => i * 10 + 3);
    expect(cellRects(column, 784, 10)).toEqual([{ col: 3, row: 0, cols: 1, rows: 784 }]);
    expect(cellRects([0, 1, 2], 2, 3)).toEqual([{ col: 0, row: 0, cols: 3, rows: 1 }]);
    // 3×3: the corners and the centre.
    expect(cellRects([0, 2, 4, 6, 8], 3, 3)).toEqual([
      { col: 0, row: 0, cols: 1, rows: 1 },
      { col: 2, row: 0, cols: 1, rows: 1 },
      { col: 1, row: 1, cols: 1, rows: 1 },
      { col: 0, row: 2, cols: 1, rows: 1 },
      { col: 2, row: 2, cols: 1, rows: 1 },
    ]);
    // Two columns side by side over rows 1–2 are one rectangle.
    expect(cellRects([4, 5, 7, 8], 3, 3)).toEqual([{ col: 1, row: 1, cols: 2, rows: 2 }]);
  });
});
