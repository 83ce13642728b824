import { describe, expect, it } from 'vitest';
import { checksum } from './imageAsset';
import { DATASETS, datasetProblem, makeDataset, type PointSetName } from './registry';
import type { Dataset } from './types';

const POINT_SETS = DATASETS.filter((d) => d.kind === 'points').map((d) => d.name as PointSetName);

function classCounts(labels: Int32Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const l of labels) counts[l]++;
  return counts;
}

/** Rows of a split as [x…, y…] strings, for comparing splits as sets. */
const rowsOf = (d: Dataset, split: 'train' | 'test') =>
  Array.from({ length: d[split].rows }, (_, r) => {
    const w = d[split].y.length / d[split].rows;
    return [...d[split].x.subarray(r * d.features, (r + 1) * d.features), ...d[split].y.subarray(r * w, (r + 1) * w)].join(',');
  });

describe('every point set', () => {
  for (const name of POINT_SETS) {
    it(`${name}: the same seed gives identical numbers, another seed different ones`, () => {
      const a = makeDataset(name, { seed: 5 });
      const b = makeDataset(name, { seed: 5 });
      const c = makeDataset(name, { seed: 6 });
      expect(b.train.x).toEqual(a.train.x);
      expect(b.test.y).toEqual(a.test.y);
      expect(c.train.x).not.toEqual(a.train.x);
    });

    it(`${name}: shapes, one-hot targets, a stratified test split and features within [−2.5, 2.5]`, () => {
      const d = makeDataset(name, { n: 500 });
      const { train, test, features, classes } = d;
      expect(train.rows + test.rows).toBe(500);
      expect(test.rows).toBe(100);
      expect(train.x.length).toBe(train.rows * features);
      expect(train.y.length).toBe(train.rows * (classes ?? 1));
      for (const v of [...train.x, ...test.x]) expect(Math.abs(v)).toBeLessThan(2.5);
      if (classes === null) return;
      for (const split of [train, test]) {
        for (let r = 0; r < split.rows; r++) {
          const row = Array.from(split.y.subarray(r * classes, (r + 1) * classes));
          expect(row.reduce((s, v) => s + v, 0)).toBe(1);
          expect(row[split.labels![r]]).toBe(1);
        }
      }
      const trainCounts = classCounts(train.labels!, classes);
      const testCounts = classCounts(test.labels!, classes);
      expect(Math.max(...trainCounts) - Math.min(...trainCounts)).toBeLessThanOrEqual(1);
      expect(Math.max(...testCounts) - Math.min(...testCounts)).toBeLessThanOrEqual(1);
    });

    it(`${name}: another test share holds out other rows of the same points`, () => {
      const a = makeDataset(name, { test: 0.2 });
      const b = makeDataset(name, { test: 0.5 });
      const all = (d: Dataset) => [...rowsOf(d, 'train'), ...rowsOf(d, 'test')].sort();
      expect(all(b)).toEqual(all(a));
      expect(b.test.rows).toBe(Math.round(b.train.rows + b.test.rows) / 2);
      expect(makeDataset(name, { test: 0 }).test.rows).toBe(0);
    });

    it(`${name}: noise moves the same points further from the clean shape`, () => {
      const clean = makeDataset(name, { noise: 0 });
      const a = makeDataset(name, { noise: 0.05 });
      const b = makeDataset(name, { noise: 0.1 });
      // x = shape + noise·z with the same z: the offsets from the clean shape double with the noise.
      for (let i = 0; i < clean.train.x.length; i++) {
        expect(b.train.x[i] - clean.train.x[i]).toBeCloseTo(2 * (a.train.x[i] - clean.train.x[i]), 12);
      }
    });
  }
});

/** Least squares of ±1 labels on the monomials of (x, y) up to `degree`; the share of rows on the right side. */
function polynomialSeparation(d: Dataset, degree: number): number {
  const monomials: [number, number][] = [];
  for (let total = 0; total <= degree; total++) for (let i = 0; i <= total; i++) monomials.push([total - i, i]);
  const k = monomials.length;
  const rows = d.train.rows;
  const phi = (r: number) => monomials.map(([a, b]) => d.train.x[2 * r] ** a * d.train.x[2 * r + 1] ** b);
  const A = Array.from({ length: k }, () => new Array<number>(k + 1).fill(0));
  for (let r = 0; r < rows; r++) {
    const f = phi(r);
    const t = d.train.labels![r] === 1 ? 1 : -1;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) A[i][j] += f[i] * f[j];
      A[i][k] += f[i] * t;
    }
  }
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(A[r][c]) > Math.abs(A[p][c])) p = r;
    [A[c], A[p]] = [A[p], A[c]];
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const m = A[r][c] / A[c][c];
      for (let j = c; j <= k; j++) A[r][j] -= m * A[c][j];
    }
  }
  const w = A.map((row, i) => row[k] / row[i]);
  let right = 0;
  for (let r = 0; r < rows; r++) {
    const s = phi(r).reduce((acc, f, i) => acc + f * w[i], 0);
    if ((s > 0 ? 1 : 0) === d.train.labels![r]) right++;
  }
  return right / rows;
}

/** Share of test rows whose nearest training point has their class. */
function nearestNeighbour(d: Dataset): number {
  let right = 0;
  for (let t = 0; t < d.test.rows; t++) {
    let best = Infinity;
    let label = -1;
    for (let r = 0; r < d.train.rows; r++) {
      const dist = (d.test.x[2 * t] - d.train.x[2 * r]) ** 2 + (d.test.x[2 * t + 1] - d.train.x[2 * r + 1]) ** 2;
      if (dist < best) [best, label] = [dist, d.train.labels![r]];
    }
    if (label === d.test.labels![t]) right++;
  }
  return right / d.test.rows;
}

describe('features and labels agree with each shape', () => {
  it('moons: a cubic boundary separates the two classes, a straight line does not', () => {
    const d = makeDataset('moons', { n: 1000, noise: 0.1 });
    expect(polynomialSeparation(d, 3)).toBeGreaterThan(0.97);
    expect(polynomialSeparation(d, 1)).toBeLessThan(0.9);
  });

  it('circles: class 0 lies on the ring of radius 1.5, class 1 on the ring of radius 0.75', () => {
    const d = makeDataset('circles', { noise: 0 });
    for (let r = 0; r < d.train.rows; r++) {
      expect(Math.hypot(d.train.x[2 * r], d.train.x[2 * r + 1])).toBeCloseTo(d.train.labels![r] === 0 ? 1.5 : 0.75, 14);
    }
    expect(polynomialSeparation(makeDataset('circles', { n: 1000 }), 2)).toBeGreaterThan(0.99);
  });

  it('xor: without noise the class is the sign of x·y', () => {
    const d = makeDataset('xor', { noise: 0 });
    for (let r = 0; r < d.train.rows; r++) expect(d.train.x[2 * r] * d.train.x[2 * r + 1] > 0 ? 0 : 1).toBe(d.train.labels![r]);
    expect(polynomialSeparation(makeDataset('xor', { n: 1000, noise: 0.05 }), 1)).toBeLessThan(0.7);
  });

  it('spiral and blobs: a nearest-neighbour rule classifies held-out points', () => {
    expect(nearestNeighbour(makeDataset('spiral', { n: 600, classes: 3 }))).toBeGreaterThan(0.95);
    expect(nearestNeighbour(makeDataset('blobs', { classes: 4, noise: 0.2 }))).toBeGreaterThan(0.95);
  });

  it('blobs: each class is centred on its point of the circle of radius 1.2', () => {
    const d = makeDataset('blobs', { n: 4000, classes: 4, noise: 0.3 });
    for (let c = 0; c < 4; c++) {
      let sx = 0;
      let sy = 0;
      let m = 0;
      for (let r = 0; r < d.train.rows; r++) {
        if (d.train.labels![r] !== c) continue;
        sx += d.train.x[2 * r];
        sy += d.train.x[2 * r + 1];
        m++;
      }
      const angle = 2 * Math.PI * (1 / 8 + c / 4);
      expect(Math.hypot(sx / m - 1.2 * Math.cos(angle), sy / m - 1.2 * Math.sin(angle))).toBeLessThan(0.05);
    }
  });

  it('line: the least-squares slope and intercept are those asked for', () => {
    for (const [w, b] of [[2, 0], [-0.5, 1]]) {
      const d = makeDataset('line', { n: 5000, noise: 0.3, w, b, test: 0 });
      const n = d.train.rows;
      let [sx, sy, sxx, sxy] = [0, 0, 0, 0];
      for (let i = 0; i < n; i++) {
        const x = d.train.x[i];
        const y = d.train.y[i];
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
      }
      const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
      expect(slope).toBeCloseTo(w, 1);
      expect((sy - slope * sx) / n).toBeCloseTo(b, 1);
      expect(d.classes).toBeNull();
      expect(d.train.labels).toBeNull();
    }
  });

  it('pins the first numbers of each set, so a link means the same data everywhere', () => {
    const first = (name: PointSetName) => Array.from(makeDataset(name, { seed: 1 }).train.x.slice(0, 2));
    expect(first('moons')).toEqual([0.3679494308255403, 0.06342604216399024]);
    expect(first('circles')).toEqual([0.9786616322865036, 1.0059484478894938]);
    expect(first('xor')).toEqual([1.5246698237244434, 0.7538967104827728]);
    expect(first('spiral')).toEqual([0.12269534042252281, -0.09364231078680892]);
    expect(first('blobs')).toEqual([0.6558920309977398, 0.4985101644533631]);
    expect(first('line')).toEqual([-1.530883189290762, -0.3581533916294575]);
    // FNV-1a of the bytes of train x, train y, test x, test y: every number and the row order.
    const fingerprint = (name: PointSetName) => {
      const d = makeDataset(name, { seed: 1 });
      return [d.train.x, d.train.y, d.test.x, d.test.y].map((a) => checksum(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)));
    };
    expect(Object.fromEntries(POINT_SETS.map((name) => [name, fingerprint(name)]))).toEqual({
      moons: [3875386444, 237649989, 2678841571, 2904234053],
      circles: [2585992299, 237649989, 1859478400, 2904234053],
      xor: [2507728072, 237649989, 3744721344, 2904234053],
      spiral: [4147644891, 4143006085, 2674507821, 1447478725],
      blobs: [4158987929, 237649989, 2665124707, 2904234053],
      line: [1185667829, 2795117343, 2195632327, 3356021491],
    });
  });
});

describe('datasetProblem', () => {
  it('names the set, the option and the allowed range', () => {
    expect(datasetProblem('moons', { n: 200, noise: 0.1, seed: 1 })).toBeNull();
    expect(datasetProblem('moon')).toMatchObject({ key: 'data.unknownSet', params: { name: 'moon' } });
    expect(datasetProblem('moons', { classes: 3 })).toMatchObject({ key: 'option.unknown', option: 'classes', params: { list: 'n, noise, seed, test' } });
    expect(datasetProblem('moons', { n: 5 })).toMatchObject({ key: 'option.range', option: 'n', params: { range: '10 ≤ n ≤ 20000' } });
    expect(datasetProblem('moons', { n: 100.5 })).toMatchObject({ key: 'option.integer', option: 'n' });
    expect(datasetProblem('spiral', { classes: 6 })?.detail).toBe("classes = 6 is out of range for 'spiral': 2 ≤ classes ≤ 5");
    expect(datasetProblem('moons', { noise: Number.NaN })).toMatchObject({ key: 'option.range', option: 'noise' });
    expect(datasetProblem('moons', { test: 0.9 })).toMatchObject({ key: 'option.range', option: 'test' });
    expect(datasetProblem('fashion', { n: 3001 })).toMatchObject({ key: 'option.range', params: { range: '10 ≤ n ≤ 3000' } });
    expect(() => makeDataset('moons', { n: 5 })).toThrow(RangeError);
  });

  it('an image set cannot be made before its images are loaded', () => {
    expect(() => makeDataset('digits')).toThrow(/not loaded/);
  });
});
