// The 2-D data sets (and the 1-D line), generated from a seed. Each generator
// draws its points from one random stream and its Gaussian noise as
// noise · N(0, 1), always drawing the same normals: the same seed with more or
// less noise moves the same points further from or closer to the clean shape.
// Features stay roughly within [−2, 2].
import { cosTurns, sinTurns } from './portableMath';
import type { Random } from './random';

/** Points with a class each (classification) or a target each (regression). */
export interface Points {
  /** n × features, row-major. */
  readonly x: Float64Array;
  readonly features: number;
  /** Classes of a classifier's points, or null. */
  readonly labels: Int32Array | null;
  /** Targets of a regression's points, or null. */
  readonly targets: Float64Array | null;
}

export type PointOptions = Readonly<Record<string, number>>;

/** n split into k class sizes as evenly as possible (the first classes get the extra points). */
export function classSizes(n: number, k: number): number[] {
  return Array.from({ length: k }, (_, c) => Math.floor(n / k) + (c < n % k ? 1 : 0));
}

function labelled(n: number): { x: Float64Array; labels: Int32Array } {
  return { x: new Float64Array(n * 2), labels: new Int32Array(n) };
}

/**
 * Two interleaved half circles (scikit-learn's make_moons), shifted to centre 0:
 * class 0 is (cos θ, sin θ) − (0.5, 0.25), class 1 is (1 − cos θ, 0.5 − sin θ) − (0.5, 0.25),
 * θ evenly spaced over [0, π]. x ∈ [−1.5, 1.5], y ∈ [−0.75, 0.75] before noise.
 */
export function moons(o: PointOptions, rand: Random): Points {
  const [outer, inner] = [Math.floor(o.n / 2), o.n - Math.floor(o.n / 2)];
  const { x, labels } = labelled(o.n);
  let r = 0;
  for (const [label, count] of [[0, outer], [1, inner]] as const) {
    for (let i = 0; i < count; i++, r++) {
      const turns = count > 1 ? i / (2 * (count - 1)) : 0; // θ = π·i/(count − 1), in turns
      const c = cosTurns(turns);
      const s = sinTurns(turns);
      const px = label === 0 ? c : 1 - c;
      const py = label === 0 ? s : 0.5 - s;
      x[2 * r] = px - 0.5 + o.noise * rand.normal();
      x[2 * r + 1] = py - 0.25 + o.noise * rand.normal();
      labels[r] = label;
    }
  }
  return { x, features: 2, labels, targets: null };
}

/** Two rings (scikit-learn's make_circles, factor 0.5), radii 1.5 (class 0) and 0.75 (class 1), evenly spaced angles. */
export function circles(o: PointOptions, rand: Random): Points {
  const [outer, inner] = [Math.floor(o.n / 2), o.n - Math.floor(o.n / 2)];
  const { x, labels } = labelled(o.n);
  let r = 0;
  for (const [label, count, radius] of [[0, outer, 1.5], [1, inner, 0.75]] as const) {
    for (let i = 0; i < count; i++, r++) {
      const turns = i / count;
      x[2 * r] = radius * cosTurns(turns) + o.noise * rand.normal();
      x[2 * r + 1] = radius * sinTurns(turns) + o.noise * rand.normal();
      labels[r] = label;
    }
  }
  return { x, features: 2, labels, targets: null };
}

/**
 * Exclusive or: points uniform over the four squares 0.1 ≤ |x|, |y| ≤ 1.9; class 0 where x and y
 * have the same sign (x·y > 0), class 1 where they differ. Noise is added after labelling.
 */
export function xor(o: PointOptions, rand: Random): Points {
  const { x, labels } = labelled(o.n);
  const sizes = classSizes(o.n, 2);
  let r = 0;
  for (let label = 0; label < 2; label++) {
    for (let i = 0; i < sizes[label]; i++, r++) {
      const sx = rand.uniform() < 0.5 ? -1 : 1;
      const sy = label === 0 ? sx : -sx;
      const ax = 0.1 + 1.8 * rand.uniform();
      const ay = 0.1 + 1.8 * rand.uniform();
      x[2 * r] = sx * ax + o.noise * rand.normal();
      x[2 * r + 1] = sy * ay + o.noise * rand.normal();
      labels[r] = label;
    }
  }
  return { x, features: 2, labels, targets: null };
}

/**
 * `classes` spiral arms around the origin: point i of an arm with m points lies at radius
 * 0.1 + 1.8·s and angle 1.25·s turns + arm/classes turns, s = (i + ½)/m.
 */
export function spiral(o: PointOptions, rand: Random): Points {
  const { x, labels } = labelled(o.n);
  const sizes = classSizes(o.n, o.classes);
  let r = 0;
  for (let label = 0; label < o.classes; label++) {
    const m = sizes[label];
    for (let i = 0; i < m; i++, r++) {
      const s = (i + 0.5) / m;
      const radius = 0.1 + 1.8 * s;
      const turns = 1.25 * s + label / o.classes;
      x[2 * r] = radius * cosTurns(turns) + o.noise * rand.normal();
      x[2 * r + 1] = radius * sinTurns(turns) + o.noise * rand.normal();
      labels[r] = label;
    }
  }
  return { x, features: 2, labels, targets: null };
}

/**
 * `classes` Gaussian blobs with standard deviation `noise`, centred on a circle of radius 1.2
 * at angles 1/8 + k/classes turns (two blobs: up right and down left).
 */
export function blobs(o: PointOptions, rand: Random): Points {
  const { x, labels } = labelled(o.n);
  const sizes = classSizes(o.n, o.classes);
  let r = 0;
  for (let label = 0; label < o.classes; label++) {
    const turns = 1 / 8 + label / o.classes;
    const cx = 1.2 * cosTurns(turns);
    const cy = 1.2 * sinTurns(turns);
    for (let i = 0; i < sizes[label]; i++, r++) {
      x[2 * r] = cx + o.noise * rand.normal();
      x[2 * r + 1] = cy + o.noise * rand.normal();
      labels[r] = label;
    }
  }
  return { x, features: 2, labels, targets: null };
}

/** Points on a noisy line for regression (the notes' ŷ = x·w): x uniform in [−2, 2], y = w·x + b + noise·N(0, 1). */
export function line(o: PointOptions, rand: Random): Points {
  const x = new Float64Array(o.n);
  const targets = new Float64Array(o.n);
  for (let i = 0; i < o.n; i++) {
    x[i] = -2 + 4 * rand.uniform();
    targets[i] = o.w * x[i] + o.b + o.noise * rand.normal();
  }
  return { x, features: 1, labels: null, targets };
}
