// Matrix products on row-major Float64Arrays. The loops run with the innermost
// index contiguous in memory (i-k-j order), which is what makes them fast in a
// JavaScript engine; each sum is still accumulated in index order. A zero on the
// left skips its row of work (images and ReLU outputs are mostly zeros) unless
// the right side holds an ∞ or NaN, where 0·∞ must still give NaN.

function allFinite(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) return false;
  return true;
}

/** C (r×c) = A (r×k) · B (k×c). */
export function matmulNN(a: Float64Array, b: Float64Array, r: number, k: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  const skipZeros = allFinite(b);
  for (let i = 0; i < r; i++) {
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

/** C (r×k) = G (r×c) · Bᵀ where B is k×c: each entry a dot product of two rows. */
export function matmulNT(g: Float64Array, b: Float64Array, r: number, c: number, k: number): Float64Array {
  const out = new Float64Array(r * k);
  for (let i = 0; i < r; i++) {
    const gi = i * c;
    for (let p = 0; p < k; p++) {
      const bp = p * c;
      let s = 0;
      for (let j = 0; j < c; j++) s += g[gi + j] * b[bp + j];
      out[i * k + p] = s;
    }
  }
  return out;
}

/** C (k×c) = Aᵀ · G where A is r×k and G is r×c. */
export function matmulTN(a: Float64Array, g: Float64Array, r: number, k: number, c: number): Float64Array {
  const out = new Float64Array(k * c);
  const skipZeros = allFinite(g);
  for (let i = 0; i < r; i++) {
    const ai = i * k;
    const gi = i * c;
    for (let p = 0; p < k; p++) {
      const x = a[ai + p];
      if (x === 0 && skipZeros) continue;
      const row = p * c;
      for (let j = 0; j < c; j++) out[row + j] += x * g[gi + j];
    }
  }
  return out;
}
