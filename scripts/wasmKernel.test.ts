import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRODUCT_WASM_BASE64 } from '../src/engine/tensor/productWasm';
import { assembleKernel, kernelModuleText, MODULE_PATH } from './wasmKernel';

describe('the committed product kernel', () => {
  it('is what `npm run wasm:kernel` makes of product.wat, byte for byte', async () => {
    const bytes = await assembleKernel();
    expect(Buffer.from(PRODUCT_WASM_BASE64, 'base64').equals(Buffer.from(bytes))).toBe(true);
    expect(readFileSync(MODULE_PATH, 'utf8')).toBe(kernelModuleText(bytes));
  });

  it('is small enough to compile synchronously on a page’s main thread (Chrome: 4 KB)', () => {
    expect(Buffer.from(PRODUCT_WASM_BASE64, 'base64').length).toBeLessThan(4096);
  });
});
