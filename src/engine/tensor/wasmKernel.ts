// The WebAssembly product kernel (product.wat) behind a plain function. The
// module is compiled synchronously on first use: it is a few hundred bytes,
// far under the 4 KB that Chrome compiles synchronously on a page's main
// thread. Where WebAssembly or its SIMD is missing, or compiling is refused (a
// Content-Security-Policy without 'wasm-unsafe-eval'), wasmProduct returns
// null and the caller uses the JavaScript kernels.
import { PRODUCT_WASM_BASE64 } from './productWasm';

interface ProductExports {
  readonly memory: WebAssembly.Memory;
  product(a: number, rowStep: number, termStep: number, b: number, c: number, rows: number, terms: number, width: number): void;
}

/** Columns of one block of C: R and C are padded to a multiple of this. */
const BLOCK_COLS = 8;
const PAGE = 65536;
/** Memory the kernel may grow to; a product needing more runs in JavaScript. */
const MAX_BYTES = 1 << 30;

let kernel: ProductExports | null | undefined;
let view = new Float64Array(0);

function instantiate(): ProductExports | null {
  if (typeof WebAssembly !== 'object') return null;
  try {
    const bytes = Uint8Array.from(atob(PRODUCT_WASM_BASE64), (ch) => ch.charCodeAt(0));
    const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
    const { memory, product } = exports;
    if (!(memory instanceof WebAssembly.Memory) || typeof product !== 'function') return null;
    return exports as unknown as ProductExports;
  } catch {
    return null;
  }
}

/** Whether the WebAssembly kernel runs here (compiled on the first call). */
export function wasmKernelAvailable(): boolean {
  if (kernel === undefined) kernel = instantiate();
  return kernel !== null;
}

const align = (bytes: number) => Math.ceil(bytes / 64) * 64;

/** A Float64Array over the kernel's memory, at least `bytes` long; null when memory cannot grow that far. */
function memoryFor(k: ProductExports, bytes: number): Float64Array | null {
  const { memory } = k;
  if (bytes > memory.buffer.byteLength) {
    if (bytes > MAX_BYTES) return null;
    try {
      memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
    } catch {
      return null;
    }
  }
  // Growing detaches the old buffer: the view follows the new one.
  if (view.buffer !== memory.buffer) view = new Float64Array(memory.buffer);
  return view;
}

/**
 * C (rows×width) = L · R, summed over `terms`, or null where the kernel does
 * not run. L's entry (i, t) is `a[i * rowStride + t * termStride]`; R's entry
 * (t, j) is `b[t * width + j]`, or `b[j * terms + t]` when `rightTransposed`
 * (R = Bᵀ). Each sum starts from +0 and adds its terms in index order, so C
 * equals the plain triple loop to the last bit.
 */
export function wasmProduct(a: Float64Array, rowStride: number, termStride: number, b: Float64Array, rightTransposed: boolean, rows: number, terms: number, width: number): Float64Array | null {
  if (!wasmKernelAvailable() || !kernel) return null;
  const padded = Math.ceil(width / BLOCK_COLS) * BLOCK_COLS;
  const bAt = align(a.length * 8);
  const cAt = align(bAt + terms * padded * 8);
  const f = memoryFor(kernel, cAt + (rows + (rows & 1)) * padded * 8);
  if (!f) return null;
  f.set(a, 0);
  const b0 = bAt / 8;
  if (rightTransposed) {
    for (let j = 0; j < width; j++) for (let t = 0, s = j * terms, o = b0 + j; t < terms; t++, o += padded) f[o] = b[s + t];
  } else if (padded === width) f.set(b, b0);
  else for (let t = 0; t < terms; t++) for (let j = 0, s = t * width, o = b0 + t * padded; j < width; j++) f[o + j] = b[s + j];
  kernel.product(0, rowStride * 8, termStride * 8, bAt, cAt, rows, terms, padded);
  const c0 = cAt / 8;
  if (padded === width) return f.slice(c0, c0 + rows * width);
  const out = new Float64Array(rows * width);
  for (let i = 0; i < rows; i++) for (let j = 0, o = c0 + i * padded, d = i * width; j < width; j++) out[d + j] = f[o + j];
  return out;
}
