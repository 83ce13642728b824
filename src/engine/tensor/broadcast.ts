// NumPy broadcasting for numbers, vectors and matrices: shapes are lined up
// from the right, and a size of 1 (or a missing axis) stretches to match.
// The backward pass undoes it: a gradient is summed over every stretched axis.
import { sizeOf, type Shape, type Tensor } from './tensor';

/** The broadcast shape, or the first pair of sizes that cannot be matched. */
export function broadcastShapes(a: Shape, b: Shape): { shape: Shape } | { clash: [number, number] } {
  const rank = Math.max(a.length, b.length);
  const shape: number[] = [];
  for (let k = 0; k < rank; k++) {
    const da = a[a.length - rank + k] ?? 1;
    const db = b[b.length - rank + k] ?? 1;
    if (da !== db && da !== 1 && db !== 1) return { clash: [da, db] };
    shape.push(da === 1 ? db : da);
  }
  return { shape };
}

/**
 * For each element of the broadcast shape `out`, the index of the element of
 * `input` it reads. Null when `input` has the shape `out` already.
 */
export function broadcastIndex(input: Shape, out: Shape): Int32Array | null {
  if (input.length === out.length && input.every((d, i) => d === out[i])) return null;
  const n = sizeOf(out);
  const index = new Int32Array(n);
  if (input.length === 0 || sizeOf(input) === 1) return index; // every element reads element 0
  const rank = out.length;
  // Strides of the input lined up with `out`, 0 along stretched axes.
  const strides = new Array<number>(rank).fill(0);
  let stride = 1;
  for (let k = input.length - 1; k >= 0; k--) {
    const axis = rank - input.length + k;
    strides[axis] = input[k] === 1 ? 0 : stride;
    stride *= input[k];
  }
  if (rank === 1) {
    for (let i = 0; i < n; i++) index[i] = i * strides[0];
    return index;
  }
  const [r, c] = out;
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) index[i * c + j] = i * strides[0] + j * strides[1];
  return index;
}

/** The axes of `out` along which `input` was stretched (summed over in the backward pass). */
export function stretchedAxes(input: Shape, out: Shape): number[] {
  const axes: number[] = [];
  for (let axis = 0; axis < out.length; axis++) {
    const k = axis - (out.length - input.length);
    if (k < 0 || (input[k] === 1 && out[axis] !== 1)) axes.push(axis);
  }
  return axes;
}

/** Sums a gradient of the broadcast shape back to the input's shape. */
export function sumToShape(g: Tensor, input: Shape, index: Int32Array | null): Tensor {
  if (index === null) return { shape: input, data: g.data.slice() };
  const data = new Float64Array(sizeOf(input));
  for (let i = 0; i < g.data.length; i++) data[index[i]] += g.data[i];
  return { shape: input, data };
}
