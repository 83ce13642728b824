// Matrix products on row-major Float64Arrays. Outputs are summed in blocks of
// 4×4 held in local variables, so each number loaded from memory serves four
// multiply-adds and no partial sum goes back to memory. Every output still
// sums its terms one by one in index order, so the results are the same, to
// the last bit, as the plain triple loop. A group of four zeros on the left
// skips its work (images and ReLU outputs are mostly zeros) unless the right
// side holds an ∞ or NaN, where 0·∞ must still give NaN.

import { allFinite } from './tensor';

/** How a factor is read in place: `inner` between its terms of one sum, `outer` between sums (rows of the left factor, columns of the right). */
interface Strides {
  readonly outer: number;
  readonly inner: number;
}

/**
 * OUT (rows×cols) = L · R, summed over `inner` terms, with L's entry (u, t) at
 * `a[u * left.outer + t * left.inner]` and R's entry (t, j) at
 * `b[t * right.inner + j * right.outer]`: A, Aᵀ or Bᵀ are all read in place. A
 * block of 4×4 outputs is summed in sixteen local variables (registers) over
 * all the terms: each step loads four numbers of L and four of R for sixteen
 * multiply-adds, where adding into OUT in memory cost a load and a store each.
 * Columns left over are done four rows at a time, one column each; rows left
 * over one at a time, adding into memory in the same order.
 */
function blockedProduct(a: Float64Array, left: Strides, b: Float64Array, right: Strides, rows: number, inner: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  const skipZeros = allFinite(b);
  const li = left.inner;
  const lo = left.outer;
  const end = inner * li;
  const step = right.inner;
  const c1 = right.outer;
  const c2 = 2 * c1;
  const c3 = 3 * c1;
  let u = 0;
  for (; u + 3 < rows; u += 4) {
    const a0 = u * lo;
    const a1 = a0 + lo;
    const a2 = a1 + lo;
    const a3 = a2 + lo;
    let j = 0;
    for (; j + 3 < cols; j += 4) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let t = 0, bp = j * c1; t < end; t += li, bp += step) {
        const x0 = a[a0 + t];
        const x1 = a[a1 + t];
        const x2 = a[a2 + t];
        const x3 = a[a3 + t];
        if (skipZeros && x0 === 0 && x1 === 0 && x2 === 0 && x3 === 0) continue;
        const v0 = b[bp];
        const v1 = b[bp + c1];
        const v2 = b[bp + c2];
        const v3 = b[bp + c3];
        s00 += x0 * v0; s01 += x0 * v1; s02 += x0 * v2; s03 += x0 * v3;
        s10 += x1 * v0; s11 += x1 * v1; s12 += x1 * v2; s13 += x1 * v3;
        s20 += x2 * v0; s21 += x2 * v1; s22 += x2 * v2; s23 += x2 * v3;
        s30 += x3 * v0; s31 += x3 * v1; s32 += x3 * v2; s33 += x3 * v3;
      }
      const o0 = u * cols + j;
      const o1 = o0 + cols;
      const o2 = o1 + cols;
      const o3 = o2 + cols;
      out[o0] = s00; out[o0 + 1] = s01; out[o0 + 2] = s02; out[o0 + 3] = s03;
      out[o1] = s10; out[o1 + 1] = s11; out[o1 + 2] = s12; out[o1 + 3] = s13;
      out[o2] = s20; out[o2 + 1] = s21; out[o2 + 2] = s22; out[o2 + 3] = s23;
      out[o3] = s30; out[o3 + 1] = s31; out[o3 + 2] = s32; out[o3 + 3] = s33;
    }
    for (; j < cols; j++) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let t = 0, bp = j * c1; t < end; t += li, bp += step) {
        const x0 = a[a0 + t];
        const x1 = a[a1 + t];
        const x2 = a[a2 + t];
        const x3 = a[a3 + t];
        if (skipZeros && x0 === 0 && x1 === 0 && x2 === 0 && x3 === 0) continue;
        const v = b[bp];
        s0 += x0 * v;
        s1 += x1 * v;
        s2 += x2 * v;
        s3 += x3 * v;
      }
      out[u * cols + j] = s0;
      out[(u + 1) * cols + j] = s1;
      out[(u + 2) * cols + j] = s2;
      out[(u + 3) * cols + j] = s3;
    }
  }
  for (; u < rows; u++) {
    const row = u * cols;
    const au = u * lo;
    for (let t = 0, bp = 0; t < end; t += li, bp += step) {
      const x = a[au + t];
      if (x === 0 && skipZeros) continue;
      for (let j = 0; j < cols; j++) out[row + j] += x * b[bp + j * c1];
    }
  }
  return out;
}

/** C (r×c) = A (r×k) · B (k×c). */
export function matmulNN(a: Float64Array, b: Float64Array, r: number, k: number, c: number): Float64Array {
  return blockedProduct(a, { outer: k, inner: 1 }, b, { outer: 1, inner: c }, r, k, c);
}

/** C (r×k) = G (r×c) · Bᵀ where B is k×c: B is read in place, along its rows. */
export function matmulNT(g: Float64Array, b: Float64Array, r: number, c: number, k: number): Float64Array {
  return blockedProduct(g, { outer: c, inner: 1 }, b, { outer: c, inner: 1 }, r, c, k);
}

/** C (k×c) = Aᵀ · G where A is r×k and G is r×c: A is read in place, down its columns. */
export function matmulTN(a: Float64Array, g: Float64Array, r: number, k: number, c: number): Float64Array {
  return blockedProduct(a, { outer: 1, inner: k }, g, { outer: 1, inner: c }, k, r, c);
}
