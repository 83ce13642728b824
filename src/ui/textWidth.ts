// The width a line of node text takes, measured with the page's font on a 2-D
// canvas (no layout), or estimated where there is no canvas (tests in jsdom).
import { estimateNumberWidth } from '../graph/sizes';

let context: CanvasRenderingContext2D | null | undefined;
let family = 'sans-serif';
const cache = new Map<string, number>();
/** Enough for every number a few big graphs show; the cache starts again beyond it. */
const CACHE_LIMIT = 20_000;

function measurer(): CanvasRenderingContext2D | null {
  if (context !== undefined) return context;
  try {
    context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    family = (typeof getComputedStyle === 'function' && document.body && getComputedStyle(document.body).fontFamily) || family;
  } catch {
    context = null;
  }
  return context;
}

/** The width in px of `text` drawn at `fontPx` in the page's font (weight 600, tabular digits, as node numbers are). */
export function textWidth(text: string, fontPx: number): number {
  const key = `${fontPx}|${text}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const ctx = measurer();
  let width: number;
  if (ctx) {
    ctx.font = `600 ${fontPx}px ${family}`;
    width = ctx.measureText(text).width;
  } else width = estimateNumberWidth(text, fontPx);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, width);
  return width;
}
