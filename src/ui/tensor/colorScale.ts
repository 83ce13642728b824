// The colour scale of heatmaps: diverging and centred on zero, from ColorBrewer's
// PRGn (purple for negative, green for positive, near-white at zero), which
// ColorBrewer marks colour-blind safe. Purple and green are neither the blue of
// values nor the vermillion and orange of gradients, so a heatmap reads as
// "signed numbers" in either block; the block's frame says which it is.
// ColorBrewer's purple side is darker than its green side (L* 32 against 44 at
// the ends), so the stops are evened out in CIELAB: each pair keeps its hue and
// takes the mean lightness, and a number and its negative are equally strong.
//
// The range is local: each heatmap is scaled to ± the largest |x| it holds,
// written in its legend (a shared range would leave most nodes near-white,
// since inputs, weights and gradients differ by orders of magnitude).

type Rgb = readonly [number, number, number];

/** PRGn, 9 classes, negative to positive. */
export const PRGN_STOPS = ['#762a83', '#9970ab', '#c2a5cf', '#e7d4e8', '#f7f7f7', '#d9f0d3', '#a6dba0', '#5aae61', '#1b7837'] as const;

/** ∞, −∞ and NaN cells: black, away from both ends of the scale and from its white middle. */
export const NON_FINITE_RGB: Rgb = [0, 0, 0];

function hexRgb(hex: string): Rgb {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as unknown as Rgb;
}

const toLinear = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
const fromLinear = (v: number) => (v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055);
const WHITE = [0.95047, 1, 1.08883] as const;
const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
const fInv = (t: number) => (t ** 3 > 216 / 24389 ? t ** 3 : (116 * t - 16) / (24389 / 27));

/** sRGB (0–255) to CIELAB (D65). */
export function rgbToLab([r, g, b]: Rgb): [number, number, number] {
  const [R, G, B] = [r, g, b].map((v) => toLinear(v / 255));
  const x = (0.4124 * R + 0.3576 * G + 0.1805 * B) / WHITE[0];
  const y = (0.2126 * R + 0.7152 * G + 0.0722 * B) / WHITE[1];
  const z = (0.0193 * R + 0.1192 * G + 0.9505 * B) / WHITE[2];
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function labToRgb([L, a, bb]: readonly [number, number, number]): Rgb {
  const fy = (L + 16) / 116;
  const x = fInv(fy + a / 500) * WHITE[0];
  const y = fInv(fy) * WHITE[1];
  const z = fInv(fy - bb / 200) * WHITE[2];
  const R = 3.2406 * x - 1.5372 * y - 0.4986 * z;
  const G = -0.9689 * x + 1.8758 * y + 0.0415 * z;
  const B = 0.0557 * x - 0.204 * y + 1.057 * z;
  return [R, G, B].map((v) => Math.round(255 * Math.min(1, Math.max(0, fromLinear(v))))) as unknown as Rgb;
}

/** The stops in CIELAB with each pair's lightness evened out (the middle stays as it is). */
const STOPS_LAB = (() => {
  const lab = PRGN_STOPS.map((h) => rgbToLab(hexRgb(h)));
  const n = lab.length;
  return lab.map(([, a, b], i) => [(lab[i][0] + lab[n - 1 - i][0]) / 2, a, b] as const);
})();

/** Odd, so that zero has a colour of its own in the middle: index (t + 1) · 127. */
export const LUT_SIZE = 255;

/** The scale sampled at LUT_SIZE points from −1 to 1, RGBA. */
export const SCALE_LUT: Uint8ClampedArray = (() => {
  const lut = new Uint8ClampedArray(LUT_SIZE * 4);
  const last = STOPS_LAB.length - 1;
  for (let i = 0; i < LUT_SIZE; i++) {
    const u = (i / (LUT_SIZE - 1)) * last;
    const k = Math.min(last - 1, Math.floor(u));
    const w = u - k;
    const a = STOPS_LAB[k];
    const b = STOPS_LAB[k + 1];
    const rgb = labToRgb([a[0] + (b[0] - a[0]) * w, a[1] + (b[1] - a[1]) * w, a[2] + (b[2] - a[2]) * w]);
    lut.set([rgb[0], rgb[1], rgb[2], 255], i * 4);
  }
  return lut;
})();

/** Where x falls on the LUT for a scale of ± max; -1 for a number that is not finite. */
export function lutIndex(x: number, max: number): number {
  if (!Number.isFinite(x)) return -1;
  const t = max > 0 ? Math.max(-1, Math.min(1, x / max)) : 0;
  return Math.round((t + 1) * ((LUT_SIZE - 1) / 2));
}

/** The colour of x on a scale of ± max. */
export function colorOf(x: number, max: number): Rgb {
  const i = lutIndex(x, max);
  if (i < 0) return NON_FINITE_RGB;
  return [SCALE_LUT[i * 4], SCALE_LUT[i * 4 + 1], SCALE_LUT[i * 4 + 2]];
}

/** The scale's half-range for some numbers: the largest |x| among the finite ones (0 if none). */
export function symmetricMax(data: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < data.length; i++) {
    const a = Math.abs(data[i]);
    if (a > max && a !== Infinity) max = a;
  }
  return max;
}

export const cssRgb = ([r, g, b]: Rgb): string => `rgb(${r}, ${g}, ${b})`;
