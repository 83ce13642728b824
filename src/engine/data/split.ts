// The held-out test split of generated points: a seeded, stratified choice
// (each class keeps its share in both splits), then each split in a seeded
// order so that the classes are mixed.
import type { Points } from './points';
import { permutation, subSeed } from './random';
import type { DataSplit } from './types';

function gather(points: Points, rows: Int32Array, classes: number | null): DataSplit {
  const f = points.features;
  const x = new Float64Array(rows.length * f);
  const width = classes ?? 1;
  const y = new Float64Array(rows.length * width);
  const labels = points.labels ? new Int32Array(rows.length) : null;
  for (let r = 0; r < rows.length; r++) {
    const src = rows[r];
    for (let j = 0; j < f; j++) x[r * f + j] = points.x[src * f + j];
    if (labels && points.labels) {
      labels[r] = points.labels[src];
      y[r * width + labels[r]] = 1;
    } else if (points.targets) {
      y[r] = points.targets[src];
    }
  }
  return { x, y, labels, rows: rows.length };
}

/** Rows `rows` in a seeded order. */
function shuffled(rows: number[], seed: number): Int32Array {
  const order = permutation(rows.length, seed);
  return Int32Array.from(order, (i) => rows[i]);
}

/**
 * Holds out round(test · size) rows of each class (of all rows, for regression),
 * chosen by `seed`; returns both splits, each in its own seeded order.
 */
export function splitPoints(points: Points, classes: number | null, test: number, seed: number): { train: DataSplit; test: DataSplit } {
  const n = points.x.length / points.features;
  const groups: number[][] = classes === null ? [[]] : Array.from({ length: classes }, () => []);
  for (let i = 0; i < n; i++) groups[points.labels ? points.labels[i] : 0].push(i);
  const trainRows: number[] = [];
  const testRows: number[] = [];
  groups.forEach((group, g) => {
    const order = permutation(group.length, subSeed(seed, 100 + g));
    const held = Math.round(group.length * test);
    order.forEach((k, i) => (i < held ? testRows : trainRows).push(group[k]));
  });
  return {
    train: gather(points, shuffled(trainRows, subSeed(seed, 10)), classes),
    test: gather(points, shuffled(testRows, subSeed(seed, 11)), classes),
  };
}
