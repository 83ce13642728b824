import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matmulNN, matmulNT, matmulTN } from './matmul';

/** The plain triple loop, each sum in index order. */
function naive(a: (i: number, p: number) => number, b: (p: number, j: number) => number, r: number, k: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) {
    let s = 0;
    for (let p = 0; p < k; p++) if (a(i, p) !== 0 || !Number.isFinite(b(p, j))) s += a(i, p) * b(p, j);
    out[i * c + j] = s;
  }
  return out;
}

const value = fc.oneof({ weight: 6, arbitrary: fc.double({ min: -3, max: 3, noNaN: true }) }, { weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(Infinity, -Infinity, NaN) });
const sizes = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }));

describe('matrix products give the plain triple loop to the last bit', () => {
  it('A·B, G·Bᵀ and Aᵀ·G on every size (groups of four and the rest), with zeros, ∞ and NaN', () => {
    fc.assert(
      fc.property(sizes.chain(([r, k, c]) => fc.tuple(fc.constant([r, k, c]), fc.array(value, { minLength: r * k, maxLength: r * k }), fc.array(value, { minLength: k * c, maxLength: k * c }))), ([[r, k, c], av, bv]) => {
        const a = Float64Array.from(av);
        const b = Float64Array.from(bv);
        const same = (x: Float64Array, y: Float64Array) => expect(Array.from(x).map(String)).toEqual(Array.from(y).map(String));
        same(matmulNN(a, b, r, k, c), naive((i, p) => a[i * k + p], (p, j) => b[p * c + j], r, k, c));
        // G (r×k here) · Bᵀ with B c×k: out r×c.
        const bt = Float64Array.from({ length: c * k }, (_, q) => b[(q % k) * c + Math.floor(q / k)]);
        same(matmulNT(a, bt, r, k, c), naive((i, p) => a[i * k + p], (p, j) => bt[j * k + p], r, k, c));
        // Aᵀ (k×r) · G with A r×k... use a as r×k and b reshaped to r×c' with c' = k*c/r when whole.
        const g = Float64Array.from({ length: r * c }, (_, q) => bv[q % bv.length]);
        same(matmulTN(a, g, r, k, c), naive((p, i) => a[i * k + p], (i, j) => g[i * c + j], k, r, c));
      }),
      { numRuns: 300 },
    );
  });
});
