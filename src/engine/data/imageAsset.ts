// The shipped image sets (assets/*.ts, written by scripts/data/images.py) and
// their decoder. An asset stores each split's pixel levels row-major as w-bit
// symbols, most significant bit first, base64: a symbol v > 0 is one pixel of
// level v; a 0 is followed by a symbol r meaning r + 1 pixels of level 0.
// Features are level / maxLevel, in [0, 1].
import type { DataSplit } from './types';

export interface ImageAssetSplit {
  readonly rows: number;
  /** FNV-1a of every level, to detect a damaged asset. */
  readonly checksum: number;
  /** One digit per row: its class. */
  readonly labels: string;
  readonly pixels: string;
}

export interface ImageAsset {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  /** Bits per symbol. */
  readonly bits: number;
  /** The largest level: 16 for digits (pixels 0..16), 15 for Fashion-MNIST (16 levels of 0..255). */
  readonly maxLevel: number;
  readonly classNames: readonly string[];
  readonly train: ImageAssetSplit;
  readonly test: ImageAssetSplit;
  /**
   * Both splits already decoded, every row (the page decodes in slices so that
   * no task blocks it, src/data/decodeInSlices.ts); imageSplit then only takes
   * the first rows. Must equal what imageSplit would decode.
   */
  readonly decoded?: { readonly train: DataSplit; readonly test: DataSplit };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SEXTET = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) SEXTET[ALPHABET.charCodeAt(i)] = i;

/** Standard base64 (with or without = padding) to bytes; throws on a foreign character. */
export function decodeBase64(text: string): Uint8Array {
  let end = text.length;
  while (end > 0 && text[end - 1] === '=') end--;
  const out = new Uint8Array(Math.floor((end * 6) / 8));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? SEXTET[code] : -1;
    if (v < 0) throw new RangeError(`not base64 at character ${i}`);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >>> bits) & 0xff;
    }
  }
  return out;
}

/**
 * Reads a symbol stream into `out` a piece at a time: `advance(stop)` decodes
 * levels up to index `stop` (the sync decoder reads it all at once, the page's
 * in slices, src/data/decodeInSlices.ts). Throws if the stream ends early.
 */
export function levelReader(bytes: Uint8Array, bits: number, out: Uint8Array): { advance: (stop: number) => void } {
  const mask = (1 << bits) - 1;
  // acc: unread bits, the oldest highest; run: the next symbol is the length of a run of zeros.
  const state = { acc: 0, have: 0, pos: 0, o: 0, run: false };
  return {
    advance(stop) {
      // The state is copied into locals for the loop (closure slots are slower) and back after.
      let acc = state.acc, have = state.have, pos = state.pos, o = state.o, run = state.run;
      const end = Math.min(stop, out.length);
      while (o < end) {
        if (have < bits) {
          if (pos >= bytes.length) throw new RangeError(`the pixel stream ends after ${pos} bytes`);
          acc = ((acc << 8) | bytes[pos++]) & 0xffff;
          have += 8;
        }
        have -= bits;
        const v = (acc >>> have) & mask;
        if (run) {
          o = Math.min(out.length, o + v + 1); // the array is zero already
          run = false;
        } else if (v) out[o++] = v;
        else run = true;
      }
      state.acc = acc;
      state.have = have;
      state.pos = pos;
      state.o = o;
      state.run = run;
    },
  };
}

/** The `count` levels of a symbol stream; throws if the stream ends early. */
export function decodeLevels(bytes: Uint8Array, bits: number, count: number): Uint8Array {
  const out = new Uint8Array(count);
  levelReader(bytes, bits, out).advance(count);
  return out;
}

/** The FNV-1a offset basis: the checksum of nothing. */
export const CHECKSUM_START = 0x811c9dc5;

/** FNV-1a over bytes, as the conversion script computes it; `from`, `to` and `hash` continue one over several pieces. */
export function checksum(levels: Uint8Array, from = 0, to = levels.length, hash = CHECKSUM_START): number {
  let h = hash;
  for (let i = from; i < to; i++) h = Math.imul(h ^ levels[i], 0x01000193) >>> 0;
  return h;
}

/** Throws unless a split's levels hash to its checksum. */
export function checkLevels(asset: ImageAsset, which: 'train' | 'test', hash: number): void {
  if (hash !== asset[which].checksum) throw new RangeError(`the ${asset.name} ${which} pixels are damaged (checksum)`);
}

/** A split's labels, one class number per row; throws if they do not match its rows. */
export function splitLabels(asset: ImageAsset, which: 'train' | 'test'): Int32Array {
  const split = asset[which];
  if (split.labels.length !== split.rows) throw new RangeError(`the ${asset.name} ${which} labels are damaged`);
  const labels = new Int32Array(split.rows);
  for (let i = 0; i < split.rows; i++) labels[i] = split.labels.charCodeAt(i) - 48;
  return labels;
}

/** One-hot targets for the first `rows` labels. */
export function oneHot(labels: Int32Array, rows: number, classes: number): Float64Array {
  const y = new Float64Array(rows * classes);
  for (let r = 0; r < rows; r++) y[r * classes + labels[r]] = 1;
  return y;
}

/** Each level's feature value, level / maxLevel. */
export function levelValues(asset: ImageAsset): Float64Array {
  return Float64Array.from({ length: asset.maxLevel + 1 }, (_, level) => level / asset.maxLevel);
}

/** The levels and labels of one split, checked against the asset's checksum. */
export function decodeSplit(asset: ImageAsset, which: 'train' | 'test'): { levels: Uint8Array; labels: Int32Array } {
  const split = asset[which];
  const pixels = asset.width * asset.height;
  const levels = decodeLevels(decodeBase64(split.pixels), asset.bits, split.rows * pixels);
  checkLevels(asset, which, checksum(levels));
  return { levels, labels: splitLabels(asset, which) };
}

/** The first `rows` rows of a split as features in [0, 1] and one-hot targets. */
export function imageSplit(asset: ImageAsset, which: 'train' | 'test', rows: number): DataSplit {
  const full = asset.decoded?.[which];
  if (full && full.labels && rows <= full.rows) {
    const classes = asset.classNames.length;
    const features = asset.width * asset.height;
    return { x: full.x.subarray(0, rows * features), y: full.y.subarray(0, rows * classes), labels: full.labels.subarray(0, rows), rows };
  }
  const { levels, labels } = decodeSplit(asset, which);
  const features = asset.width * asset.height;
  const x = new Float64Array(rows * features);
  const value = levelValues(asset);
  for (let i = 0; i < x.length; i++) x[i] = value[levels[i]];
  return { x, y: oneHot(labels, rows, asset.classNames.length), labels: labels.slice(0, rows), rows };
}
