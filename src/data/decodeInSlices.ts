// Decoding an image set in the page without blocking it: the same result as
// imageSplit (src/engine/data/imageAsset.ts) for every row of both splits, but
// computed in small pieces with the page let in between (Fashion-MNIST's 3,500
// images take 20–150 ms to decode in one go, more than a frame budget allows).
import { checkLevels, checksum, CHECKSUM_START, decodeBase64, levelReader, levelValues, oneHot, splitLabels, type ImageAsset } from '../engine/data/imageAsset';
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

  const features = asset.width * asset.height;
  const count = split.rows * features;
  const levels = new Uint8Array(count);
  const reader = levelReader(bytes, asset.bits, levels);
  for (let stop = PIXELS; stop < count + PIXELS; stop += PIXELS) {
    reader.advance(stop);
    yield;
  }

  const value = levelValues(asset);
  const x = new Float64Array(count);
  let hash = CHECKSUM_START;
  for (let from = 0; from < count; from += PIXELS) {
    const stop = Math.min(count, from + PIXELS);
    for (let i = from; i < stop; i++) x[i] = value[levels[i]];
    hash = checksum(levels, from, stop, hash);
    yield;
  }
  checkLevels(asset, which, hash);
  const labels = splitLabels(asset, which);
  return { x, y: oneHot(labels, split.rows, asset.classNames.length), labels, rows: split.rows };
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
