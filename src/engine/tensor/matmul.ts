// Matrix products on row-major Float64Arrays. Outputs are summed in blocks of
// 4×4 held in local variables, so each number loaded from memory serves four
// multiply-adds and no partial sum goes back to memory. Every output still
// sums its terms one by one in index order, so the results are the same, to
// the last bit, as the plain triple loop. A group of four zeros on the left
// skips its work (images and ReLU outputs are mostly zeros) unless the right
// side holds an ∞ or NaN, where 0·∞ must still give NaN.

function allFinite(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) return false;
  return true;
}

/**
 * OUT (rows×c) = L · B, where L's entry (u, t) is `a[u * rowStride + t * innerStride]`
 * and B (inner×c) is row-major: A itself (strides k, 1) or Aᵀ (strides 1, k),
 * read in place. A block of 4×4 outputs is summed in sixteen local variables
 * (registers) over all of `inner`: each step loads four numbers of L and four
 * of B for sixteen multiply-adds, where adding into OUT in memory cost a load
 * and a store each. Columns left over are done four rows at a time, one column
 * each; rows left over one at a time, adding into memory in the same order.
 */
function blockedProduct(a: Float64Array, rowStride: number, innerStride: number, rows: number, inner: number, b: Float64Array, c: number): Float64Array {
  const out = new Float64Array(rows * c);
  const skipZeros = allFinite(b);
  const end = inner * innerStride;
  let u = 0;
  for (; u + 3 < rows; u += 4) {
    const a0 = u * rowStride;
    const a1 = a0 + rowStride;
    const a2 = a1 + rowStride;
    const a3 = a2 + rowStride;
    let j = 0;
    for (; j + 3 < c; j += 4) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let t = 0, bp = j; t < end; t += innerStride, bp += c) {
        const x0 = a[a0 + t];
        const x1 = a[a1 + t];
        const x2 = a[a2 + t];
        const x3 = a[a3 + t];
        if (skipZeros && x0 === 0 && x1 === 0 && x2 === 0 && x3 === 0) continue;
        const v0 = b[bp];
        const v1 = b[bp + 1];
        const v2 = b[bp + 2];
        const v3 = b[bp + 3];
        s00 += x0 * v0; s01 += x0 * v1; s02 += x0 * v2; s03 += x0 * v3;
        s10 += x1 * v0; s11 += x1 * v1; s12 += x1 * v2; s13 += x1 * v3;
        s20 += x2 * v0; s21 += x2 * v1; s22 += x2 * v2; s23 += x2 * v3;
        s30 += x3 * v0; s31 += x3 * v1; s32 += x3 * v2; s33 += x3 * v3;
      }
      const o0 = u * c + j;
      const o1 = o0 + c;
      const o2 = o1 + c;
      const o3 = o2 + c;
      out[o0] = s00; out[o0 + 1] = s01; out[o0 + 2] = s02; out[o0 + 3] = s03;
      out[o1] = s10; out[o1 + 1] = s11; out[o1 + 2] = s12; out[o1 + 3] = s13;
      out[o2] = s20; out[o2 + 1] = s21; out[o2 + 2] = s22; out[o2 + 3] = s23;
      out[o3] = s30; out[o3 + 1] = s31; out[o3 + 2] = s32; out[o3 + 3] = s33;
    }
    for (; j < c; j++) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let t = 0, bp = j; t < end; t += innerStride, bp += c) {
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
      out[u * c + j] = s0;
      out[(u + 1) * c + j] = s1;
      out[(u + 2) * c + j] = s2;
      out[(u + 3) * c + j] = s3;
    }
  }
  for (; u < rows; u++) {
    const row = u * c;
    const au = u * rowStride;
    for (let t = 0, bp = 0; t < end; t += innerStride, bp += c) {
      const x = a[au + t];
      if (x === 0 && skipZeros) continue;
      for (let j = 0; j < c; j++) out[row + j] += x * b[bp + j];
    }
  }
  return out;
}

/** C (r×c) = A (r×k) · B (k×c). */
export function matmulNN(a: Float64Array, b: Float64Array, r: number, k: number, c: number): Float64Array {
  return blockedProduct(a, k, 1, r, k, b, c);
}

/**
 * C (r×k) = G (r×c) · Bᵀ where B is k×c: each entry a dot product of a row of G
 * and a row of B, in blocks of 4×4 entries summed in local variables (each
 * number loaded serves four multiply-adds); the rows left over four entries at
 * a time, the entries left over one at a time.
 */
export function matmulNT(g: Float64Array, b: Float64Array, r: number, c: number, k: number): Float64Array {
  const out = new Float64Array(r * k);
  let i = 0;
  for (; i + 3 < r; i += 4) {
    const g0 = i * c;
    const g1 = g0 + c;
    const g2 = g1 + c;
    const g3 = g2 + c;
    let p = 0;
    for (; p + 3 < k; p += 4) {
      const b0 = p * c;
      const b1 = b0 + c;
      const b2 = b1 + c;
      const b3 = b2 + c;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let j = 0; j < c; j++) {
        const v0 = b[b0 + j];
        const v1 = b[b1 + j];
        const v2 = b[b2 + j];
        const v3 = b[b3 + j];
        const x0 = g[g0 + j];
        s00 += x0 * v0; s01 += x0 * v1; s02 += x0 * v2; s03 += x0 * v3;
        const x1 = g[g1 + j];
        s10 += x1 * v0; s11 += x1 * v1; s12 += x1 * v2; s13 += x1 * v3;
        const x2 = g[g2 + j];
        s20 += x2 * v0; s21 += x2 * v1; s22 += x2 * v2; s23 += x2 * v3;
        const x3 = g[g3 + j];
        s30 += x3 * v0; s31 += x3 * v1; s32 += x3 * v2; s33 += x3 * v3;
      }
      const o0 = i * k + p;
      const o1 = o0 + k;
      const o2 = o1 + k;
      const o3 = o2 + k;
      out[o0] = s00; out[o0 + 1] = s01; out[o0 + 2] = s02; out[o0 + 3] = s03;
      out[o1] = s10; out[o1 + 1] = s11; out[o1 + 2] = s12; out[o1 + 3] = s13;
      out[o2] = s20; out[o2 + 1] = s21; out[o2 + 2] = s22; out[o2 + 3] = s23;
      out[o3] = s30; out[o3 + 1] = s31; out[o3 + 2] = s32; out[o3 + 3] = s33;
    }
    for (; p < k; p++) {
      const bp = p * c;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let j = 0; j < c; j++) {
        const v = b[bp + j];
        s0 += g[g0 + j] * v;
        s1 += g[g1 + j] * v;
        s2 += g[g2 + j] * v;
        s3 += g[g3 + j] * v;
      }
      out[i * k + p] = s0;
      out[(i + 1) * k + p] = s1;
      out[(i + 2) * k + p] = s2;
      out[(i + 3) * k + p] = s3;
    }
  }
  for (; i < r; i++) {
    const gi = i * c;
    const oi = i * k;
    for (let p = 0; p < k; p++) {
      const bp = p * c;
      let s = 0;
      for (let j = 0; j < c; j++) s += g[gi + j] * b[bp + j];
      out[oi + p] = s;
    }
  }
  return out;
}

/** C (k×c) = Aᵀ · G where A is r×k and G is r×c: A is read in place, down its columns. */
export function matmulTN(a: Float64Array, g: Float64Array, r: number, k: number, c: number): Float64Array {
  return blockedProduct(a, 1, k, k, r, g, c);
}
