// Decoding an image set in the page without blocking it: the same result as
// imageSplit (src/engine/data/imageAsset.ts) for every row of both splits, but
// computed in small pieces with the page let in between (Fashion-MNIST's 3,500
// images take 20–150 ms to decode in one go, more than a frame budget allows).
import { decodeBase64, type ImageAsset } from '../engine/data/imageAsset';
import type { DataSplit } from '../engine/data/types';

/** Characters of base64 decoded per piece (a multiple of 4: each 4 characters are 3 whole bytes). */
const BASE64_CHARS = 64 * 1024;
/** Pixels decoded, mapped to features and checksummed per piece. */
const PIXELS = 96 * 1024;

/**
 * The decoding of one split as a generator: each `yield` is a point where the
 * page may run. Returns every row, as imageSplit(asset, which, rows) does.
 */
export function* decodeSplitSteps(asset: ImageAsset, which: 'train' | 'test'): Generator<void, DataSplit> {
  const split = asset[which];
  const text = split.pixels;
  let end = text.length;
  while (end > 0 && text[end - 1] === '=') end--;
  const bytes = new Uint8Array(Math.floor((end * 6) / 8));
  for (let from = 0, o = 0; from < end; from += BASE64_CHARS) {
    const piece = decodeBase64(text.slice(from, Math.min(end, from + BASE64_CHARS)));
    bytes.set(piece.subarray(0, Math.min(piece.length, bytes.length - o)), o);
    o += piece.length;
    yield;
  }

  // The symbol stream: a symbol v > 0 is one pixel of level v; 0 then r is r + 1 zeros.
  const features = asset.width * asset.height;
  const count = split.rows * features;
  const levels = new Uint8Array(count);
  const bits = asset.bits;
  const mask = (1 << bits) - 1;
  let acc = 0;
  let have = 0;
  let pos = 0;
  let o = 0;
  let run = false;
  while (o < count) {
    const stop = Math.min(count, o + PIXELS);
    while (o < stop) {
      if (have < bits) {
        if (pos >= bytes.length) throw new RangeError(`the pixel stream ends after ${pos} bytes`);
        acc = ((acc << 8) | bytes[pos++]) & 0xffff;
        have += 8;
      }
      have -= bits;
      const v = (acc >>> have) & mask;
      if (run) {
        o = Math.min(count, o + v + 1);
        run = false;
      } else if (v) levels[o++] = v;
      else run = true;
    }
    yield;
  }

  const classes = asset.classNames.length;
  const value = Float64Array.from({ length: asset.maxLevel + 1 }, (_, level) => level / asset.maxLevel);
  const x = new Float64Array(count);
  let hash = 0x811c9dc5;
  for (let from = 0; from < count; from += PIXELS) {
    const stop = Math.min(count, from + PIXELS);
    for (let i = from; i < stop; i++) {
      const level = levels[i];
      x[i] = value[level];
      hash = Math.imul(hash ^ level, 0x01000193) >>> 0;
    }
    yield;
  }
  if (hash !== split.checksum) throw new RangeError(`the ${asset.name} ${which} pixels are damaged (checksum)`);
  if (split.labels.length !== split.rows) throw new RangeError(`the ${asset.name} ${which} labels are damaged`);
  const labels = new Int32Array(split.rows);
  const y = new Float64Array(split.rows * classes);
  for (let r = 0; r < split.rows; r++) {
    labels[r] = split.labels.charCodeAt(r) - 48;
    y[r * classes + labels[r]] = 1;
  }
  return { x, y, labels, rows: split.rows };
}

/** Both splits, decoded: the asset with `decoded` filled in. */
export function* decodeAssetSteps(asset: ImageAsset): Generator<void, ImageAsset> {
  if (asset.decoded) return asset;
  const train = yield* decodeSplitSteps(asset, 'train');
  const test = yield* decodeSplitSteps(asset, 'test');
  return { ...asset, decoded: { train, test } };
}

/** Lets the page run (input, rendering) before the next piece of work. */
function breather(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs a generator's pieces for at most `sliceMs` at a time, letting the page in between. */
export async function runInSlices<T>(steps: Generator<void, T>, sliceMs = 8, pause: () => Promise<void> = breather): Promise<T> {
  for (;;) {
    const started = performance.now();
    let next = steps.next();
    while (!next.done && performance.now() - started < sliceMs) next = steps.next();
    if (next.done) return next.value;
    await pause();
  }
}
