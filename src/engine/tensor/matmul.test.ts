import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { lastProductKernel, matmulNN, matmulNT, matmulTN, setProductKernel, WASM_MIN_WORK, type ProductKernel } from './matmul';
import { wasmKernelAvailable } from './wasmKernel';

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
const matrix = (n: number) => fc.array(value, { minLength: n, maxLength: n }).map((v) => Float64Array.from(v));
/** r and c up to 19: odd counts of rows, and widths past the JS kernel's blocks of four and the wasm kernel's of eight; k from 0. */
const sizes = fc.tuple(fc.integer({ min: 1, max: 19 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 19 }));
const problems = sizes.chain(([r, k, c]) => fc.tuple(fc.constant([r, k, c] as const), matrix(r * k), matrix(k * c), matrix(r * c)));
/** The same to the last bit, −0 and NaN included. */
const same = (x: Float64Array, y: Float64Array) => expect(Array.from(x).map((v) => (Object.is(v, -0) ? '-0' : String(v)))).toEqual(Array.from(y).map((v) => (Object.is(v, -0) ? '-0' : String(v))));

afterEach(() => setProductKernel('auto'));

describe.each<ProductKernel>(['js', 'wasm'])('the %s kernel gives the plain triple loop to the last bit', (kernel) => {
  it('A·B, G·Bᵀ and Aᵀ·G on every size, with zeros, ∞ and NaN', () => {
    setProductKernel(kernel);
    fc.assert(
      fc.property(problems, ([[r, k, c], a, b, g]) => {
        same(matmulNN(a, b, r, k, c), naive((i, p) => a[i * k + p], (p, j) => b[p * c + j], r, k, c));
        expect(lastProductKernel()).toBe(kernel);
        // G (r×k here) · Bᵀ with B c×k: out r×c.
        const bt = Float64Array.from({ length: c * k }, (_, q) => b[(q % k) * c + Math.floor(q / k)]);
        same(matmulNT(a, bt, r, k, c), naive((i, p) => a[i * k + p], (p, j) => bt[j * k + p], r, k, c));
        expect(lastProductKernel()).toBe(kernel);
        // Aᵀ (k×r) · G with A r×k and G r×c: out k×c.
        same(matmulTN(a, g, r, k, c), naive((p, i) => a[i * k + p], (i, j) => g[i * c + j], k, r, c));
        expect(lastProductKernel()).toBe(kernel);
      }),
      { numRuns: 300 },
    );
  });

  it('the training step’s products, 64×784 · 784×128 and Xᵀ · dH, with sparse ∞ and NaN', () => {
    setProductKernel(kernel);
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;
    const fill = (n: number) => Float64Array.from({ length: n }, () => {
      const q = next();
      return q < 0.3 ? 0 : q < 0.3002 ? Infinity : q < 0.3004 ? NaN : next() - 0.5;
    });
    const x = fill(64 * 784);
    const w = fill(784 * 128);
    const dh = fill(64 * 128);
    same(matmulNN(x, w, 64, 784, 128), naive((i, p) => x[i * 784 + p], (p, j) => w[p * 128 + j], 64, 784, 128));
    same(matmulTN(x, dh, 64, 784, 128), naive((p, i) => x[i * 784 + p], (i, j) => dh[i * 128 + j], 784, 64, 128));
    same(matmulNT(dh, w, 64, 128, 784), naive((i, p) => dh[i * 128 + p], (p, j) => w[j * 128 + p], 64, 128, 784));
    expect(lastProductKernel()).toBe(kernel);
  });
});

describe('which kernel runs a product', () => {
  it('WebAssembly with SIMD runs under Node', () => {
    expect(wasmKernelAvailable()).toBe(true);
  });

  it(`products of fewer than ${WASM_MIN_WORK} multiply-adds run in JavaScript, larger ones in WebAssembly`, () => {
    const row = (n: number) => Float64Array.from({ length: n }, (_, i) => i - 7);
    // A row times a column: n multiply-adds, the dot product.
    const dot = (n: number) => matmulNN(row(n), row(n), 1, n, 1)[0];
    const expected = (n: number) => row(n).reduce((s, x) => s + x * x, 0);
    expect(dot(WASM_MIN_WORK - 1)).toBe(expected(WASM_MIN_WORK - 1));
    expect(lastProductKernel()).toBe('js');
    expect(dot(WASM_MIN_WORK)).toBe(expected(WASM_MIN_WORK));
    expect(lastProductKernel()).toBe('wasm');
    matmulTN(row(8 * 8), row(8 * 8), 8, 8, 8);
    expect(lastProductKernel()).toBe('wasm');
  });
});
