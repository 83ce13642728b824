// Vectors and matrices in TeX: small ones written out as bmatrix with their
// numbers, larger ones as a bracket with their shape.
import { texNumber } from '../engine/numberText';
import { rowsCols, shapeText, type Shape, type Tensor } from '../engine/tensor/tensor';

/** Largest number of rows or columns written out number by number. */
export const MAX_SHOWN_SIDE = 6;

/** Whether a tensor is small enough to write out. */
export function fitsWritten(shape: Shape): boolean {
  const [r, c] = rowsCols(shape);
  return r <= MAX_SHOWN_SIDE && c <= MAX_SHOWN_SIDE;
}

/** `\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}`; a vector is one row; a number is itself. */
export function bmatrixTex(t: Tensor, format: (x: number) => string = texNumber): string {
  if (t.shape.length === 0) return format(t.data[0]);
  const [r, c] = rowsCols(t.shape);
  const rows = Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => format(t.data[i * c + j])).join(' & '));
  return `\\begin{bmatrix} ${rows.join(' \\\\ ')} \\end{bmatrix}`;
}

/** The value in TeX: written out when small, else `[⋯]` with its shape under it. */
export function tensorValueTex(t: Tensor): string {
  if (t.shape.length === 0) return texNumber(t.data[0]);
  return fitsWritten(t.shape) ? bmatrixTex(t) : `\\underset{${shapeTex(t.shape)}}{\\left[\\,\\cdots\\,\\right]}`;
}

/** `2 \times 3`, `3`: a shape in TeX. */
export function shapeTex(shape: Shape): string {
  return shapeText(shape).replace(/×/g, ' \\times ');
}
