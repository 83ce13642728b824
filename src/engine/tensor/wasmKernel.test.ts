import { afterEach, describe, expect, it, vi } from 'vitest';

/** matmul.ts and wasmKernel.ts fresh, so the kernel is compiled again under the globals of the test. */
async function freshMatmul() {
  vi.resetModules();
  return import('./matmul');
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('without WebAssembly the products run in JavaScript', () => {
  const a = Float64Array.from({ length: 64 }, (_, i) => (i % 5) - 2);
  const expected = (() => {
    const out = new Float64Array(64);
    for (let i = 0; i < 8; i++) for (let j = 0; j < 8; j++) for (let p = 0; p < 8; p++) out[i * 8 + j] += a[i * 8 + p] * a[p * 8 + j];
    return out;
  })();

  it('where there is no WebAssembly at all', async () => {
    vi.stubGlobal('WebAssembly', undefined);
    const { matmulNN, lastProductKernel } = await freshMatmul();
    expect(Array.from(matmulNN(a, a, 8, 8, 8))).toEqual(Array.from(expected));
    expect(lastProductKernel()).toBe('js');
  });

  it('where compiling is refused (a CSP without wasm-unsafe-eval throws a CompileError)', async () => {
    const { CompileError, Instance, Memory } = WebAssembly;
    const refusing = {
      CompileError,
      Instance,
      Memory,
      Module: function Module() {
        throw new CompileError("WebAssembly.Module(): Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not an allowed source of script");
      },
    };
    vi.stubGlobal('WebAssembly', refusing);
    const { matmulNN, lastProductKernel } = await freshMatmul();
    const { wasmKernelAvailable } = await import('./wasmKernel');
    expect(wasmKernelAvailable()).toBe(false);
    expect(Array.from(matmulNN(a, a, 8, 8, 8))).toEqual(Array.from(expected));
    expect(lastProductKernel()).toBe('js');
  });
});

describe('the kernel’s memory', () => {
  it('grows for a larger product and gives the same sums after it', async () => {
    const { wasmProduct } = await import('./wasmKernel');
    const small = Float64Array.from({ length: 16 }, (_, i) => i);
    const before = Array.from(wasmProduct(small, 4, 1, small, false, 4, 4, 4) ?? []);
    expect(before.slice(0, 4)).toEqual([56, 62, 68, 74]);
    // 3 × 2.9 MB: past the first page and the first growth.
    const big = new Float64Array(600 * 600).fill(1);
    const product = wasmProduct(big, 600, 1, big, false, 600, 600, 600);
    expect(product?.length).toBe(600 * 600);
    expect(product?.[600 * 600 - 1]).toBe(600);
    expect(Array.from(wasmProduct(small, 4, 1, small, false, 4, 4, 4) ?? [])).toEqual(before);
  });
});
