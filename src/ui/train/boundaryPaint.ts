// The decision boundary of a 2-D classifier as TensorFlow Playground draws it:
// each cell of the plane tinted with its predicted class, more strongly the
// surer the model is, and the data points on top (train filled, test ringed).
import type { Boundary } from '../../train/protocol';

/** Class colours (Okabe–Ito, distinct for colour-blind readers). */
export const CLASS_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9'] as const;

const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
const RGB = CLASS_COLORS.map(rgb);

/** Strongest tint of a cell, where the model is sure (a little of the white stays, so the points read). */
const MAX_TINT = 0.7;

/**
 * RGBA pixels of the boundary grid (resolution × resolution, row 0 at the top):
 * white where the classes are equally likely, the class colour where it is sure.
 */
export function boundaryPixels(b: Boundary, classes: number): Uint8ClampedArray {
  const n = b.resolution * b.resolution;
  const out = new Uint8ClampedArray(n * 4);
  const chance = 1 / Math.max(2, classes);
  for (let k = 0; k < n; k++) {
    const c = b.classes[k];
    const sure = c < 0 ? 0 : Math.max(0, Math.min(1, (b.confidence[k] - chance) / (1 - chance)));
    const t = MAX_TINT * sure;
    const [r, g, bl] = RGB[Math.max(0, c) % RGB.length];
    out[4 * k] = 255 + (r - 255) * t;
    out[4 * k + 1] = 255 + (g - 255) * t;
    out[4 * k + 2] = 255 + (bl - 255) * t;
    out[4 * k + 3] = 255;
  }
  return out;
}

/** Where a point of the plane lands on a square canvas of `size` pixels over `extent` (y up). */
export function toCanvas(extent: readonly [number, number, number, number], size: number, x: number, y: number): [number, number] {
  const [x0, x1, y0, y1] = extent;
  return [((x - x0) / (x1 - x0 || 1)) * size, ((y1 - y) / (y1 - y0 || 1)) * size];
}

export interface PointsToDraw {
  readonly x: Float64Array;
  readonly labels: Int32Array | null;
  readonly trainRows: number;
}

/** The box around the points with a tenth of a margin, when there is no boundary yet. */
export function extentOf(points: PointsToDraw): [number, number, number, number] {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i + 1 < points.x.length; i += 2) {
    x0 = Math.min(x0, points.x[i]);
    x1 = Math.max(x1, points.x[i]);
    y0 = Math.min(y0, points.x[i + 1]);
    y1 = Math.max(y1, points.x[i + 1]);
  }
  const px = (x1 - x0) * 0.1 || 1;
  const py = (y1 - y0) * 0.1 || 1;
  return [x0 - px, x1 + px, y0 - py, y1 + py];
}

/** One small canvas per grid resolution, reused for every paint (the grid is drawn on it, then scaled up). */
const scratches = new Map<number, OffscreenCanvas>();
function scratchFor(res: number): OffscreenCanvas {
  let canvas = scratches.get(res);
  if (!canvas) scratches.set(res, (canvas = new OffscreenCanvas(res, res)));
  return canvas;
}

/** Paints the boundary (if any) and the points onto a square canvas of `size` pixels. */
export function paintBoundary(ctx: CanvasRenderingContext2D, size: number, boundary: Boundary | null, points: PointsToDraw | null, classes: number): void {
  ctx.clearRect(0, 0, size, size);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, size, size);
  const extent = boundary?.extent ?? (points ? extentOf(points) : null);
  if (boundary) {
    const res = boundary.resolution;
    const grid = new ImageData(boundaryPixels(boundary, classes) as Uint8ClampedArray<ArrayBuffer>, res, res);
    const scratch = scratchFor(res);
    scratch.getContext('2d')?.putImageData(grid, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(scratch, 0, 0, size, size);
  }
  if (!points || !extent) return;
  const rows = points.x.length / 2;
  const radius = Math.max(2.5, size / 90);
  for (let i = 0; i < rows; i++) {
    const [cx, cy] = toCanvas(extent, size, points.x[2 * i], points.x[2 * i + 1]);
    const color = CLASS_COLORS[(points.labels?.[i] ?? 0) % CLASS_COLORS.length];
    ctx.beginPath();
    ctx.arc(cx, cy, radius, 0, 2 * Math.PI);
    if (i < points.trainRows) {
      // Training points: filled, with a white rim.
      ctx.fillStyle = color;
      ctx.fill();
      ctx.lineWidth = 1;
      ctx.strokeStyle = '#ffffff';
      ctx.stroke();
    } else {
      // Test points: a thick ring around white, told apart without colour.
      ctx.fillStyle = '#ffffff';
      ctx.fill();
      ctx.lineWidth = 2;
      ctx.strokeStyle = color;
      ctx.stroke();
    }
  }
}
