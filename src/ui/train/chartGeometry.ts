// Loss and accuracy curves as plain geometry: scales and SVG path strings,
// rounded to a tenth of a pixel (tested by value, drawn by React).

export interface Box {
  readonly width: number;
  readonly height: number;
  /** Room left for the axis labels, and a margin elsewhere. */
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface Scale {
  (v: number): number;
  readonly domain: readonly [number, number];
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const span = d1 - d0 || 1;
  const f = (v: number) => range[0] + ((v - d0) / span) * (range[1] - range[0]);
  return Object.assign(f, { domain });
}

/** The y range of a loss chart: from 0 (or the least value, if negative) to the largest finite value. */
export function lossDomain(values: Iterable<number>): [number, number] {
  let lo = 0;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!Number.isFinite(hi) || hi <= lo) hi = lo + 1;
  return [lo, hi];
}

const r = (x: number) => Math.round(x * 10) / 10;

/** `M x y L x y …` through the finite points; a gap where a value is not finite. */
export function pathOf(points: readonly (readonly [number, number])[], x: Scale, y: Scale): string {
  let d = '';
  let pen = false;
  for (const [px, py] of points) {
    if (!Number.isFinite(py)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${r(x(px))} ${r(y(py))}`;
    pen = true;
  }
  return d;
}

/** The iteration under a click at `clientX` over an element spanning [left, left + width] on screen. */
export function iterationAt(clientX: number, left: number, width: number, box: Box, last: number): number {
  const px = ((clientX - left) / width) * box.width;
  const share = (px - box.left) / (box.width - box.left - box.right);
  return Math.max(0, Math.min(last, Math.round(share * last)));
}
