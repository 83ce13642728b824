import { describe, expect, it } from 'vitest';
import { DIGITS } from '../engine/data/assets/digits';
import { FASHION } from '../engine/data/assets/fashion';
import { imageSplit, type ImageAsset } from '../engine/data/imageAsset';
import { makeDataset } from '../engine/data/registry';
import { decodeAssetSteps, decodeSplitSteps, runInSlices } from './decodeInSlices';

/** Byte-for-byte equality (toEqual on millions of numbers takes seconds). */
const bytesOf = (a: Float64Array | Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const same = (a: Float64Array | Int32Array | null, b: Float64Array | Int32Array | null) => a !== null && b !== null && a.length === b.length && bytesOf(a).equals(bytesOf(b));

function finish<T>(steps: Generator<void, T>): { value: T; pieces: number } {
  let pieces = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { value: next.value, pieces };
    pieces++;
  }
}

describe('decoding an image set in slices', () => {
  it.each([
    ['digits', DIGITS],
    ['fashion', FASHION],
  ] as const)('gives exactly what imageSplit gives for every row of %s, in many pieces', (_, asset) => {
    for (const which of ['train', 'test'] as const) {
      const { value, pieces } = finish(decodeSplitSteps(asset, which));
      const whole = imageSplit(asset, which, asset[which].rows);
      expect(value.rows).toBe(whole.rows);
      expect(same(value.labels, whole.labels)).toBe(true);
      expect(same(value.y, whole.y)).toBe(true);
      expect(same(value.x, whole.x)).toBe(true);
      if (asset === FASHION && which === 'train') expect(pieces).toBeGreaterThan(20);
    }
  });

  it('a decoded asset makes the same data set, and the first n rows of it', () => {
    const decoded = finish(decodeAssetSteps(DIGITS)).value;
    expect(decoded.decoded?.train.rows).toBe(1497);
    for (const n of [1497, 100]) {
      const a = makeDataset('digits', { n }, DIGITS);
      const b = makeDataset('digits', { n }, decoded);
      expect(same(b.train.x, a.train.x)).toBe(true);
      expect(same(b.train.labels, a.train.labels)).toBe(true);
      expect(same(b.test.y, a.test.y)).toBe(true);
    }
  });

  it('a damaged asset is refused by its checksum', () => {
    const pixels = DIGITS.train.pixels;
    const damaged: ImageAsset = { ...DIGITS, train: { ...DIGITS.train, pixels: pixels.slice(0, 100) + (pixels[100] === 'A' ? 'B' : 'A') + pixels.slice(101) } };
    expect(() => finish(decodeSplitSteps(damaged, 'train'))).toThrow(/damaged|ends after/);
  });

  it('runInSlices lets the page in between pieces and returns the result', async () => {
    let pauses = 0;
    function* work(): Generator<void, number> {
      for (let i = 0; i < 5; i++) {
        const until = performance.now() + 3;
        while (performance.now() < until);
        yield;
      }
      return 42;
    }
    const result = await runInSlices(work(), 1, async () => {
      pauses++;
    });
    expect(result).toBe(42);
    expect(pauses).toBeGreaterThanOrEqual(4);
  });
});
