// A uniform grid over a drawing's boxes, for redrawing only part of the
// overview canvas: which nodes and edge pieces a dirty rectangle touches.
import { unionBox, type Box } from '../followView';

export interface GridIndex {
  /** The indices of the boxes that overlap `box`, in increasing order. */
  query: (box: Box) => number[];
}

/** `cells` roughly sets the grid: about that many cells across the boxes' union. */
export function createGridIndex(boxes: readonly Box[], cells = 32): GridIndex {
  const all = unionBox(boxes);
  if (!all) return { query: () => [] };
  const { x0, y0, x1, y1 } = all;
  const size = Math.max((x1 - x0) / cells, (y1 - y0) / cells, 1);
  const cols = Math.max(1, Math.ceil((x1 - x0) / size) + 1);
  const rows = Math.max(1, Math.ceil((y1 - y0) / size) + 1);
  const col = (x: number) => Math.min(cols - 1, Math.max(0, Math.floor((x - x0) / size)));
  const row = (y: number) => Math.min(rows - 1, Math.max(0, Math.floor((y - y0) / size)));
  const grid: number[][] = Array.from({ length: cols * rows }, () => []);
  boxes.forEach((b, i) => {
    for (let r = row(b.y0); r <= row(b.y1); r++) for (let c = col(b.x0); c <= col(b.x1); c++) grid[r * cols + c].push(i);
  });
  const seen = new Uint32Array(boxes.length);
  let stamp = 0;
  return {
    query(box) {
      if (box.x1 < x0 || box.y1 < y0 || box.x0 > x1 || box.y0 > y1) return [];
      stamp++;
      const out: number[] = [];
      for (let r = row(box.y0); r <= row(box.y1); r++) {
        for (let c = col(box.x0); c <= col(box.x1); c++) {
          for (const i of grid[r * cols + c]) {
            if (seen[i] === stamp) continue;
            seen[i] = stamp;
            const b = boxes[i];
            if (b.x0 <= box.x1 && box.x0 <= b.x1 && b.y0 <= box.y1 && box.y0 <= b.y1) out.push(i);
          }
        }
      }
      return out.sort((a, b) => a - b);
    },
  };
}
