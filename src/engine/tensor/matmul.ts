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
 * C (r×c) = A (r×k) · B (k×c). A block of 4×4 outputs is summed in sixteen
 * local variables (registers) over all of k: each step loads four numbers of
 * A and four of B for sixteen multiply-adds, where adding into C in memory
 * cost a load and a store each. Rows and columns left over are done four
 * rows at a time the same way, one column each.
 */
export function matmulNN(a: Float64Array, b: Float64Array, r: number, k: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  const skipZeros = allFinite(b);
  let i = 0;
  for (; i + 3 < r; i += 4) {
    const a0 = i * k;
    const a1 = a0 + k;
    const a2 = a1 + k;
    const a3 = a2 + k;
    let j = 0;
    for (; j + 3 < c; j += 4) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let p = 0, bp = j; p < k; p++, bp += c) {
        const x0 = a[a0 + p];
        const x1 = a[a1 + p];
        const x2 = a[a2 + p];
        const x3 = a[a3 + p];
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
      const o0 = i * c + j;
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
      for (let p = 0, bp = j; p < k; p++, bp += c) {
        const x0 = a[a0 + p];
        const x1 = a[a1 + p];
        const x2 = a[a2 + p];
        const x3 = a[a3 + p];
        if (skipZeros && x0 === 0 && x1 === 0 && x2 === 0 && x3 === 0) continue;
        const v = b[bp];
        s0 += x0 * v;
        s1 += x1 * v;
        s2 += x2 * v;
        s3 += x3 * v;
      }
      out[i * c + j] = s0;
      out[(i + 1) * c + j] = s1;
      out[(i + 2) * c + j] = s2;
      out[(i + 3) * c + j] = s3;
    }
  }
  for (; i < r; i++) {
    const row = i * c;
    const ai = i * k;
    for (let p = 0; p < k; p++) {
      const x = a[ai + p];
      if (x === 0 && skipZeros) continue;
      const bp = p * c;
      for (let j = 0; j < c; j++) out[row + j] += x * b[bp + j];
    }
  }
  return out;
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

/**
 * C (k×c) = Aᵀ · G where A is r×k and G is r×c: blocks of 4×4 outputs summed
 * over the r rows in sixteen local variables, as in matmulNN; the rows of C
 * left over one at a time, adding into memory.
 */
export function matmulTN(a: Float64Array, g: Float64Array, r: number, k: number, c: number): Float64Array {
  const out = new Float64Array(k * c);
  const skipZeros = allFinite(g);
  let p = 0;
  for (; p + 3 < k; p += 4) {
    let j = 0;
    for (; j + 3 < c; j += 4) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let i = 0, ai = p, gi = j; i < r; i++, ai += k, gi += c) {
        const x0 = a[ai];
        const x1 = a[ai + 1];
        const x2 = a[ai + 2];
        const x3 = a[ai + 3];
        if (skipZeros && x0 === 0 && x1 === 0 && x2 === 0 && x3 === 0) continue;
        const v0 = g[gi];
        const v1 = g[gi + 1];
        const v2 = g[gi + 2];
        const v3 = g[gi + 3];
        s00 += x0 * v0; s01 += x0 * v1; s02 += x0 * v2; s03 += x0 * v3;
        s10 += x1 * v0; s11 += x1 * v1; s12 += x1 * v2; s13 += x1 * v3;
        s20 += x2 * v0; s21 += x2 * v1; s22 += x2 * v2; s23 += x2 * v3;
        s30 += x3 * v0; s31 += x3 * v1; s32 += x3 * v2; s33 += x3 * v3;
      }
      const o0 = p * c + j;
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
      for (let i = 0, ai = p, gi = j; i < r; i++, ai += k, gi += c) {
        const x0 = a[ai];
        const x1 = a[ai + 1];
        const x2 = a[ai + 2];
        const x3 = a[ai + 3];
        if (skipZeros && x0 === 0 && x1 === 0 && x2 === 0 && x3 === 0) continue;
        const v = g[gi];
        s0 += x0 * v;
        s1 += x1 * v;
        s2 += x2 * v;
        s3 += x3 * v;
      }
      out[p * c + j] = s0;
      out[(p + 1) * c + j] = s1;
      out[(p + 2) * c + j] = s2;
      out[(p + 3) * c + j] = s3;
    }
  }
  for (; p < k; p++) {
    const row = p * c;
    for (let i = 0; i < r; i++) {
      const x = a[i * k + p];
      if (x === 0 && skipZeros) continue;
      const gi = i * c;
      for (let j = 0; j < c; j++) out[row + j] += x * g[gi + j];
    }
  }
  return out;
}
