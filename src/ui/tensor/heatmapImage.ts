// A heatmap is one image: one pixel per element, painted as ImageData on a
// canvas and handed to the SVG as a PNG data URL, scaled up with
// `image-rendering: pixelated`. A 784×10 matrix is then one <image>, not 7,840
// rectangles. Images are cached per (tensor, range): tensors in a trace never
// change, so stepping back and forth paints nothing again.
import type { Tensor } from '../../engine';
import { rowsCols } from '../../engine/tensor/tensor';
import { LUT_SIZE, NON_FINITE_RGB, SCALE_LUT } from './colorScale';

/** RGBA pixels of a tensor on a scale of ± max, one per element, row-major (a vector is one row). */
export function heatmapPixels(t: Tensor, max: number): Uint8ClampedArray {
  const n = t.data.length;
  const pixels = new Uint8ClampedArray(n * 4);
  const half = (LUT_SIZE - 1) / 2;
  const scale = max > 0 ? half / max : 0;
  for (let e = 0; e < n; e++) {
    const x = t.data[e];
    let i: number;
    if (x === x && x !== Infinity && x !== -Infinity) {
      // colorScale's lutIndex, inlined: this loop runs over every element of a 64×784 matrix.
      i = Math.round(half + x * scale);
      if (i < 0) i = 0;
      else if (i > LUT_SIZE - 1) i = LUT_SIZE - 1;
      const o = i * 4;
      pixels[e * 4] = SCALE_LUT[o];
      pixels[e * 4 + 1] = SCALE_LUT[o + 1];
      pixels[e * 4 + 2] = SCALE_LUT[o + 2];
    } else {
      pixels[e * 4] = NON_FINITE_RGB[0];
      pixels[e * 4 + 1] = NON_FINITE_RGB[1];
      pixels[e * 4 + 2] = NON_FINITE_RGB[2];
    }
    pixels[e * 4 + 3] = 255;
  }
  return pixels;
}

let canvas: HTMLCanvasElement | null = null;
let context: CanvasRenderingContext2D | null | undefined;

/** A PNG data URL of these pixels, or '' where the page has no 2-D canvas (tests in jsdom). */
function pngUrl(pixels: Uint8ClampedArray, width: number, height: number): string {
  if (context === undefined) {
    canvas = typeof document === 'undefined' ? null : document.createElement('canvas');
    // jsdom has canvas elements without a 2-D context (and says so on the console): ask only in a browser.
    const real = canvas && typeof navigator !== 'undefined' && !/jsdom/i.test(navigator.userAgent);
    context = real ? (canvas as HTMLCanvasElement).getContext('2d') : null;
  }
  if (!canvas || !context) return '';
  canvas.width = width;
  canvas.height = height;
  const image = new ImageData(pixels as Uint8ClampedArray<ArrayBuffer>, width, height);
  context.putImageData(image, 0, 0);
  return canvas.toDataURL('image/png');
}

const images = new WeakMap<Tensor, Map<number, string>>();
let painted = 0;

/** How many heatmaps have been painted so far (the cache's tests read it). */
export function paintedCount(): number {
  return painted;
}

/** The heatmap of a tensor on a scale of ± max, as an image URL; painted once per (tensor, max). */
export function heatmapUrl(t: Tensor, max: number): string {
  let byMax = images.get(t);
  if (!byMax) images.set(t, (byMax = new Map()));
  const hit = byMax.get(max);
  if (hit !== undefined) return hit;
  const [rows, cols] = rowsCols(t.shape);
  painted++;
  const url = pngUrl(heatmapPixels(t, max), cols, rows);
  byMax.set(max, url);
  return url;
}


/** The legend's bar: the whole scale, −1 to 1, as a LUT_SIZE × 1 image. */
let barUrl: string | null = null;
export function scaleBarUrl(): string {
  if (barUrl === null) barUrl = pngUrl(SCALE_LUT.slice(), LUT_SIZE, 1);
  return barUrl;
}
