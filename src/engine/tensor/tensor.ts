// A value of the language: a number, a vector or a matrix, stored row-major in
// a Float64Array with its shape. A number has shape [] and one element.

export type Shape = readonly number[];

export interface Tensor {
  readonly shape: Shape;
  readonly data: Float64Array;
}

export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function scalar(x: number): Tensor {
  return { shape: [], data: Float64Array.of(x) };
}

export function zerosOf(shape: Shape): Tensor {
  return { shape, data: new Float64Array(sizeOf(shape)) };
}

export function filled(shape: Shape, x: number): Tensor {
  return { shape, data: new Float64Array(sizeOf(shape)).fill(x) };
}

export const isScalar = (t: { shape: Shape }): boolean => t.shape.length === 0;

/** The number a scalar holds; NaN for a vector or matrix (they have no single value). */
export function scalarValue(t: Tensor): number {
  return t.shape.length === 0 ? t.data[0] : NaN;
}

export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** `2x3`, `3`, '' for a number: the `data-shape` attribute of CONTRACTS §9. */
export function shapeKey(shape: Shape): string {
  return shape.join('x');
}

/** `2×3`, `3`, `1` (a number): a badge. */
export function shapeText(shape: Shape): string {
  return shape.length === 0 ? '1' : shape.join('×');
}

/** In words, for error messages: `a number`, `a vector of length 3`, `a 2×3 matrix`. */
export function describeShape(shape: Shape): string {
  if (shape.length === 0) return 'a number';
  if (shape.length === 1) return `a vector of length ${shape[0]}`;
  return `a ${shape.join('×')} matrix`;
}

export type Nested = number | Nested[];

/** The value as nested arrays: a number, [..] or [[..], ..]. */
export function toNested(t: Tensor): Nested {
  const { shape, data } = t;
  if (shape.length === 0) return data[0];
  if (shape.length === 1) return Array.from(data);
  const [r, c] = shape;
  return Array.from({ length: r }, (_, i) => Array.from(data.subarray(i * c, i * c + c)));
}

/** JSON of the nested array with non-finite numbers as the strings of CONTRACTS §7. */
export function tensorJson(t: Tensor): string {
  return JSON.stringify(toNested(t), (_key, v: unknown) =>
    typeof v === 'number' && !Number.isFinite(v) ? (Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity') : v,
  );
}

/** Element (i, j) of a matrix, i of a vector, the number of a scalar. */
export function at(t: Tensor, i = 0, j = 0): number {
  if (t.shape.length === 2) return t.data[i * t.shape[1] + j];
  if (t.shape.length === 1) return t.data[i];
  return t.data[0];
}

export function addTensors(a: Tensor, b: Tensor): Tensor {
  const out = new Float64Array(a.data.length);
  for (let i = 0; i < out.length; i++) out[i] = a.data[i] + b.data[i];
  return { shape: a.shape, data: out };
}

/**
 * No ∞ and no NaN. x·0 is ±0 for a finite x and NaN for ±∞ and NaN, so the sum
 * stays 0 until one of those comes: no branch per element, 1.5× faster than
 * testing each one (the training step checks W1 and its gradient every step).
 */
export function allFinite(x: ArrayLike<number>): boolean {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * 0;
  return s === 0;
}

export function mapTensor(t: Tensor, f: (x: number, i: number) => number): Tensor {
  const out = new Float64Array(t.data.length);
  for (let i = 0; i < out.length; i++) out[i] = f(t.data[i], i);
  return { shape: t.shape, data: out };
}

/** Rows and columns of a vector (one row) or matrix; a number is 1×1. */
export function rowsCols(shape: Shape): [number, number] {
  if (shape.length === 2) return [shape[0], shape[1]];
  if (shape.length === 1) return [1, shape[0]];
  return [1, 1];
}
