// Matrix products on row-major Float64Arrays. The right factor is copied, four
// columns at a time, into a panel laid out term by term, so the inner loop
// reads it straight through memory. Outputs are summed in blocks of 3×4 held
// in local variables: each step loads three numbers of the left factor and
// four of the panel for twelve multiply-adds. Twelve sums and their operands
// can stay in x86's sixteen floating-point registers, where a 4×4 block's
// twenty-four cannot; 3×4 measured faster here. Every output still sums its
// terms one by one in index order, so the results are the same, to the last
// bit, as the plain triple loop. A group of three zeros on the left skips its work
// (images and ReLU outputs are mostly zeros) unless the right side holds an ∞
// or NaN, where 0·∞ must still give NaN.
//
// Where WebAssembly with SIMD runs, products go to the kernel of product.wat
// (wasmKernel.ts) instead: the same sums in the same order, so the same bits,
// about 4.6× faster on the training step's 64×784×128 products.

import { allFinite } from './tensor';
import { wasmProduct } from './wasmKernel';

/**
 * Products of fewer multiply-adds (r·k·c) run in JavaScript. Measured in Node
 * 20 on this VM, the two kernels in turn in one process, A·B, G·Bᵀ and Aᵀ·G
 * alike: up to 8 multiply-adds JS is faster by 0.03 µs (a call into
 * WebAssembly and the copies cost about 0.1 µs); from 9 to 16 the two are
 * even; from 27 (3×3×3) on WebAssembly is faster, 1.3–1.8× up to 12×12×12,
 * 2.5–4× from 16×16×16 and 4.6× on the training step's 64×784×128.
 */
export const WASM_MIN_WORK = 32;

export type ProductKernel = 'wasm' | 'js';

/** 'auto': WebAssembly from WASM_MIN_WORK on where it runs; tests force one kernel for every size. */
let choice: ProductKernel | 'auto' = 'auto';
let last: ProductKernel | null = null;

/** Chooses the kernel of every later product ('wasm' still falls back to JS where WebAssembly cannot run). */
export function setProductKernel(kernel: ProductKernel | 'auto'): void {
  choice = kernel;
}

/** Which kernel computed the last product (null: none yet). */
export function lastProductKernel(): ProductKernel | null {
  return last;
}

/** The WebAssembly kernel's product when it should and can run, else null (run the JS kernel). Records which ran. */
function viaWasm(work: number, run: () => Float64Array | null): Float64Array | null {
  const wanted = choice === 'wasm' || (choice === 'auto' && work >= WASM_MIN_WORK);
  const out = wanted ? run() : null;
  last = out ? 'wasm' : 'js';
  return out;
}

/** How a factor is read in place: `inner` between its terms of one sum, `outer` between sums (rows of the left factor, columns of the right). */
interface Strides {
  readonly outer: number;
  readonly inner: number;
}

const PANEL = 4;

/** Columns j … j+3 of R, term by term: panel[4t + c] = R(t, j + c), and 0 past the last column. */
function packPanel(panel: Float64Array, b: Float64Array, right: Strides, inner: number, j: number, width: number): void {
  for (let t = 0, p = 0; t < inner; t++, p += PANEL) {
    const bp = t * right.inner + j * right.outer;
    for (let c = 0; c < PANEL; c++) panel[p + c] = c < width ? b[bp + c * right.outer] : 0;
  }
}

/** Writes the first `width` of four sums into OUT from `o` on. */
function store(out: Float64Array, o: number, width: number, s0: number, s1: number, s2: number, s3: number): void {
  if (width === PANEL) {
    out[o] = s0;
    out[o + 1] = s1;
    out[o + 2] = s2;
    out[o + 3] = s3;
    return;
  }
  out[o] = s0;
  if (width > 1) out[o + 1] = s1;
  if (width > 2) out[o + 2] = s2;
}

/**
 * OUT (rows×cols) = L · R, summed over `inner` terms, with L's entry (u, t) at
 * `a[u * left.outer + t * left.inner]` and R's entry (t, j) at
 * `b[t * right.inner + j * right.outer]`: A, Aᵀ or Bᵀ are all read in place on
 * the left, and packed into a panel on the right. The panel's padding columns
 * are summed too (their products are thrown away), so every block is full
 * width; rows left over are summed one at a time against the same panel.
 */
function blockedProduct(a: Float64Array, left: Strides, b: Float64Array, right: Strides, rows: number, inner: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  const skipZeros = allFinite(b);
  const li = left.inner;
  const lo = left.outer;
  const end = inner * li;
  const panel = new Float64Array(inner * PANEL);
  for (let j = 0; j < cols; j += PANEL) {
    const width = Math.min(PANEL, cols - j);
    packPanel(panel, b, right, inner, j, width);
    let u = 0;
    for (; u + 2 < rows; u += 3) {
      const a0 = u * lo;
      const a1 = a0 + lo;
      const a2 = a1 + lo;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0;
      for (let t = 0, p = 0; t < end; t += li, p += PANEL) {
        const x0 = a[a0 + t];
        const x1 = a[a1 + t];
        const x2 = a[a2 + t];
        if (skipZeros && x0 === 0 && x1 === 0 && x2 === 0) continue;
        const v0 = panel[p];
        const v1 = panel[p + 1];
        const v2 = panel[p + 2];
        const v3 = panel[p + 3];
        s00 += x0 * v0; s01 += x0 * v1; s02 += x0 * v2; s03 += x0 * v3;
        s10 += x1 * v0; s11 += x1 * v1; s12 += x1 * v2; s13 += x1 * v3;
        s20 += x2 * v0; s21 += x2 * v1; s22 += x2 * v2; s23 += x2 * v3;
      }
      const o = u * cols + j;
      store(out, o, width, s00, s01, s02, s03);
      store(out, o + cols, width, s10, s11, s12, s13);
      store(out, o + 2 * cols, width, s20, s21, s22, s23);
    }
    for (; u < rows; u++) {
      const au = u * lo;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let t = 0, p = 0; t < end; t += li, p += PANEL) {
        const x = a[au + t];
        if (skipZeros && x === 0) continue;
        s0 += x * panel[p];
        s1 += x * panel[p + 1];
        s2 += x * panel[p + 2];
        s3 += x * panel[p + 3];
      }
      store(out, u * cols + j, width, s0, s1, s2, s3);
    }
  }
  return out;
}

/** C (r×c) = A (r×k) · B (k×c). */
export function matmulNN(a: Float64Array, b: Float64Array, r: number, k: number, c: number): Float64Array {
  return viaWasm(r * k * c, () => wasmProduct(a, k, 1, b, false, r, k, c)) ?? blockedProduct(a, { outer: k, inner: 1 }, b, { outer: 1, inner: c }, r, k, c);
}

/** C (r×k) = G (r×c) · Bᵀ where B is k×c: B is read in place, along its rows. */
export function matmulNT(g: Float64Array, b: Float64Array, r: number, c: number, k: number): Float64Array {
  return viaWasm(r * c * k, () => wasmProduct(g, c, 1, b, true, r, c, k)) ?? blockedProduct(g, { outer: c, inner: 1 }, b, { outer: c, inner: 1 }, r, c, k);
}

/** C (k×c) = Aᵀ · G where A is r×k and G is r×c: A is read in place, down its columns. */
export function matmulTN(a: Float64Array, g: Float64Array, r: number, k: number, c: number): Float64Array {
  return viaWasm(k * r * c, () => wasmProduct(a, 1, k, g, false, k, r, c)) ?? blockedProduct(a, { outer: 1, inner: k }, g, { outer: 1, inner: c }, k, r, c);
}
