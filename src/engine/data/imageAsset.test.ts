// The committed image assets against images read straight from the source files
// (assets/*.check.json, written by scripts/data/images.py from the Debian files).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIGITS } from './assets/digits';
import { FASHION } from './assets/fashion';
import { checksum, decodeBase64, decodeLevels, decodeSplit, type ImageAsset } from './imageAsset';
import { datasetEntry, makeDataset } from './registry';

interface Check {
  quantise: string;
  checksums: { train: number; test: number };
  samples: { split: 'train' | 'test'; row: number; sourceIndex: number; label: number; pixels: number[] }[];
}

const check = (name: string) => JSON.parse(readFileSync(new URL(`./assets/${name}.check.json`, import.meta.url), 'utf8')) as Check;

describe('decodeBase64', () => {
  it('agrees with Node on every padding length and rejects foreign characters', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 13) & 0xff);
      expect(decodeBase64(Buffer.from(bytes).toString('base64'))).toEqual(bytes);
    }
    expect(() => decodeBase64('AB-D')).toThrow(/character 2/);
  });
});

describe('decodeLevels', () => {
  it('reads literals and zero runs, most significant bit first', () => {
    // 4-bit symbols: 3, then 0 with run 2 (three zeros), then 15 → 0x30 0x2f
    expect(decodeLevels(Uint8Array.of(0x30, 0x2f), 4, 5)).toEqual(Uint8Array.of(3, 0, 0, 0, 15));
    // 5-bit symbols: 16, 0 with run 0 (one zero), 1 → 10000 00000 00000 00001 → 0x80 0x00 0x10
    expect(decodeLevels(Uint8Array.of(0x80, 0x00, 0x10), 5, 3)).toEqual(Uint8Array.of(16, 0, 1));
  });

  it('reports a stream that ends too early', () => {
    expect(() => decodeLevels(Uint8Array.of(0x31), 4, 5)).toThrow(/ends after 1 bytes/);
  });
});

const cases: [string, ImageAsset, (pixel: number) => number][] = [
  ['digits', DIGITS, (p) => p],
  ['fashion', FASHION, (p) => Math.round(p / 17)],
];

for (const [name, asset, quantise] of cases) {
  describe(`the ${name} asset`, () => {
    const known = check(name);
    let decoded: Record<'train' | 'test', ReturnType<typeof decodeSplit>>;
    beforeAll(() => {
      decoded = { train: decodeSplit(asset, 'train'), test: decodeSplit(asset, 'test') };
    });

    it('gives back the source images and labels exactly (after the stated quantisation)', () => {
      const pixels = asset.width * asset.height;
      expect(known.samples.length).toBeGreaterThanOrEqual(7);
      for (const sample of known.samples) {
        const { levels, labels } = decoded[sample.split];
        expect(labels[sample.row], `${sample.split} row ${sample.row} label`).toBe(sample.label);
        expect(Array.from(levels.subarray(sample.row * pixels, (sample.row + 1) * pixels)), `${sample.split} row ${sample.row}`).toEqual(sample.pixels.map(quantise));
      }
    });

    it('has every level intact: the checksums of the source', () => {
      expect(checksum(decoded.train.levels)).toBe(known.checksums.train);
      expect(checksum(decoded.test.levels)).toBe(known.checksums.test);
      expect(decoded.train.levels.reduce((m, v) => Math.max(m, v), 0)).toBe(asset.maxLevel);
    });

    it('is class-balanced, and any first 10·k training rows hold k of each class', () => {
      const entry = datasetEntry(name)!;
      expect(entry.kind === 'image' && [entry.trainRows, entry.testRows]).toEqual([asset.train.rows, asset.test.rows]);
      const counts = (labels: Int32Array) => Array.from({ length: 10 }, (_, c) => labels.filter((l) => l === c).length);
      const test = counts(decoded.test.labels);
      expect(Math.max(...test)).toBe(Math.min(...test));
      const train = counts(decoded.train.labels);
      expect(Math.max(...train) - Math.min(...train)).toBeLessThanOrEqual(name === 'digits' ? 9 : 0);
      for (const k of [1, 7, 100]) expect(counts(decoded.train.labels.subarray(0, 10 * k))).toEqual(new Array(10).fill(k));
    });

    it('detects a damaged pixel', () => {
      const pixels = asset.train.pixels;
      const flipped = pixels.slice(0, 1000) + (pixels[1000] === 'A' ? 'B' : 'A') + pixels.slice(1001);
      expect(() => decodeSplit({ ...asset, train: { ...asset.train, pixels: flipped } }, 'train')).toThrow(/damaged|ends/);
    });

    it('makes a data set with features in [0, 1] and one-hot targets; n takes the first rows', () => {
      const d = makeDataset(name, { n: 50 }, asset);
      const features = asset.width * asset.height;
      expect(d.features).toBe(features);
      expect(d.imageShape).toEqual([asset.height, asset.width]);
      expect(d.train.rows).toBe(50);
      expect(d.test.rows).toBe(asset.test.rows);
      expect(d.train.x.length).toBe(50 * features);
      expect(d.train.x.reduce((m, v) => Math.min(m, v), Infinity)).toBe(0);
      expect(d.train.x.reduce((m, v) => Math.max(m, v), -Infinity)).toBe(1);
      expect(d.train.x[7]).toBe(decoded.train.levels[7] / asset.maxLevel);
      expect(Array.from(d.train.labels!)).toEqual(Array.from(decoded.train.labels.subarray(0, 50)));
      for (let r = 0; r < 50; r++) expect(d.train.y[r * 10 + d.train.labels![r]]).toBe(1);
      expect(d.train.y.reduce((s, v) => s + v, 0)).toBe(50);
    });
  });
}
