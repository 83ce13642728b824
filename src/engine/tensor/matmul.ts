// Matrix products on row-major Float64Arrays. The innermost loop runs along
// contiguous memory (i-k-j order), and four outputs are worked on together so
// that each value loaded from memory serves four multiply-adds. Every output
// still sums its terms one by one in index order, so the results are the same,
// to the last bit, as the plain triple loop. A group of four zeros on the left
// skips its work (images and ReLU outputs are mostly zeros) unless the right
// side holds an ∞ or NaN, where 0·∞ must still give NaN.

function allFinite(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) return false;
  return true;
}

/** C (r×c) = A (r×k) · B (k×c): four rows of C at a time share each row of B. */
export function matmulNN(a: Float64Array, b: Float64Array, r: number, k: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  const skipZeros = allFinite(b);
  let i = 0;
  for (; i + 3 < r; i += 4) {
    const o0 = i * c;
    const o1 = o0 + c;
    const o2 = o1 + c;
    const o3 = o2 + c;
    const a0 = i * k;
    const a1 = a0 + k;
    const a2 = a1 + k;
    const a3 = a2 + k;
    for (let p = 0; p < k; p++) {
      const x0 = a[a0 + p];
      const x1 = a[a1 + p];
      const x2 = a[a2 + p];
      const x3 = a[a3 + p];
      if (skipZeros && x0 === 0 && x1 === 0 && x2 === 0 && x3 === 0) continue;
      const bp = p * c;
      for (let j = 0; j < c; j++) {
        const v = b[bp + j];
        out[o0 + j] += x0 * v;
        out[o1 + j] += x1 * v;
        out[o2 + j] += x2 * v;
        out[o3 + j] += x3 * v;
      }
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

/** C (r×k) = G (r×c) · Bᵀ where B is k×c: each entry a dot product of two rows, four at a time. */
export function matmulNT(g: Float64Array, b: Float64Array, r: number, c: number, k: number): Float64Array {
  const out = new Float64Array(r * k);
  for (let i = 0; i < r; i++) {
    const gi = i * c;
    const oi = i * k;
    let p = 0;
    for (; p + 3 < k; p += 4) {
      const b0 = p * c;
      const b1 = b0 + c;
      const b2 = b1 + c;
      const b3 = b2 + c;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let j = 0; j < c; j++) {
        const v = g[gi + j];
        s0 += v * b[b0 + j];
        s1 += v * b[b1 + j];
        s2 += v * b[b2 + j];
        s3 += v * b[b3 + j];
      }
      out[oi + p] = s0;
      out[oi + p + 1] = s1;
      out[oi + p + 2] = s2;
      out[oi + p + 3] = s3;
    }
    for (; p < k; p++) {
      const bp = p * c;
      let s = 0;
      for (let j = 0; j < c; j++) s += g[gi + j] * b[bp + j];
      out[oi + p] = s;
    }
  }
  return out;
}

/** C (k×c) = Aᵀ · G where A is r×k and G is r×c: four rows of C at a time share each row of G. */
export function matmulTN(a: Float64Array, g: Float64Array, r: number, k: number, c: number): Float64Array {
  const out = new Float64Array(k * c);
  const skipZeros = allFinite(g);
  for (let i = 0; i < r; i++) {
    const ai = i * k;
    const gi = i * c;
    let p = 0;
    for (; p + 3 < k; p += 4) {
      const x0 = a[ai + p];
      const x1 = a[ai + p + 1];
      const x2 = a[ai + p + 2];
      const x3 = a[ai + p + 3];
      if (skipZeros && x0 === 0 && x1 === 0 && x2 === 0 && x3 === 0) continue;
      const o0 = p * c;
      const o1 = o0 + c;
      const o2 = o1 + c;
      const o3 = o2 + c;
      for (let j = 0; j < c; j++) {
        const v = g[gi + j];
        out[o0 + j] += x0 * v;
        out[o1 + j] += x1 * v;
        out[o2 + j] += x2 * v;
        out[o3 + j] += x3 * v;
      }
    }
    for (; p < k; p++) {
      const x = a[ai + p];
      if (x === 0 && skipZeros) continue;
      const row = p * c;
      for (let j = 0; j < c; j++) out[row + j] += x * g[gi + j];
    }
  }
  return out;
}
