// Every data set a program can name, one entry each: its keyword options with
// defaults and ranges (the parser checks `moons(n=200, noise=0.1, seed=1)`
// against them), its shape, and how it is made.
import type { ImageAsset } from './imageAsset';
import { imageSplit } from './imageAsset';
import { optionProblem, resolveOptions, type NumberOption, type OptionValues } from './options';
import { blobs, circles, line, moons, spiral, xor, type PointOptions, type Points } from './points';
import type { Problem } from './problem';
import { createRandom, subSeed } from './random';
import { splitPoints } from './split';
import type { Dataset } from './types';

export type PointSetName = 'moons' | 'circles' | 'xor' | 'spiral' | 'blobs' | 'line';
export type ImageSetName = 'digits' | 'fashion';
export type DatasetName = PointSetName | ImageSetName;

interface EntryBase {
  readonly name: DatasetName;
  /** What it is, in English, for the README and help. */
  readonly doc: string;
  readonly options: readonly NumberOption[];
  readonly features: number;
  /** Number of classes for these options; null for regression. */
  classes(options: PointOptions): number | null;
}

export interface PointSetEntry extends EntryBase {
  readonly kind: 'points';
  readonly name: PointSetName;
  readonly imageShape: null;
  generate(options: PointOptions, rand: ReturnType<typeof createRandom>): Points;
}

export interface ImageSetEntry extends EntryBase {
  readonly kind: 'image';
  readonly name: ImageSetName;
  readonly imageShape: readonly [number, number];
  /** Rows shipped: the training rows (the most `n` can be) and the fixed test rows. */
  readonly trainRows: number;
  readonly testRows: number;
}

export type DatasetEntry = PointSetEntry | ImageSetEntry;

const n = (value: number, min = 10): NumberOption => ({ name: 'n', default: value, min, max: 20000, integer: true, doc: 'number of points, train and test together' });
const noise = (value: number, max: number, doc = 'standard deviation of the Gaussian noise added to each coordinate'): NumberOption => ({ name: 'noise', default: value, min: 0, max, doc });
const SEED: NumberOption = { name: 'seed', default: 0, min: 0, max: 4294967295, integer: true, doc: 'the random seed: the same seed gives the same numbers everywhere' };
const TEST: NumberOption = { name: 'test', default: 0.2, min: 0, max: 0.5, doc: 'the share of the points held out for testing (of each class)' };
const CLASSES: NumberOption = { name: 'classes', default: 2, min: 2, max: 5, integer: true, doc: 'number of classes' };
const two = () => 2;

const POINT_SETS: readonly PointSetEntry[] = [
  { name: 'moons', kind: 'points', doc: 'two interleaved half circles', options: [n(200), noise(0.1, 1), SEED, TEST], features: 2, classes: two, imageShape: null, generate: moons },
  { name: 'circles', kind: 'points', doc: 'a ring inside a ring (radii 0.75 and 1.5)', options: [n(200), noise(0.1, 1), SEED, TEST], features: 2, classes: two, imageShape: null, generate: circles },
  { name: 'xor', kind: 'points', doc: 'four squares, opposite corners in the same class', options: [n(200), noise(0.1, 1), SEED, TEST], features: 2, classes: two, imageShape: null, generate: xor },
  {
    name: 'spiral',
    kind: 'points',
    doc: 'spiral arms winding out from the centre, one per class',
    options: [n(300), noise(0.1, 1), { ...CLASSES }, SEED, TEST],
    features: 2,
    classes: (o) => o.classes,
    imageShape: null,
    generate: spiral,
  },
  {
    name: 'blobs',
    kind: 'points',
    doc: 'Gaussian clusters around a circle of radius 1.2, one per class',
    options: [n(200), noise(0.4, 2, 'standard deviation of each cluster'), { ...CLASSES }, SEED, TEST],
    features: 2,
    classes: (o) => o.classes,
    imageShape: null,
    generate: blobs,
  },
  {
    name: 'line',
    kind: 'points',
    doc: 'regression: x uniform in [−2, 2], y = w·x + b + noise',
    options: [
      n(50, 2),
      noise(0.3, 2, 'standard deviation of the noise added to y'),
      { name: 'w', default: 2, min: -10, max: 10, doc: 'the slope of the true line' },
      { name: 'b', default: 0, min: -10, max: 10, doc: 'the intercept of the true line' },
      SEED,
      TEST,
    ],
    features: 1,
    classes: () => null,
    imageShape: null,
    generate: line,
  },
];

const rowsOption = (max: number): NumberOption => ({ name: 'n', default: max, min: 10, max, integer: true, doc: 'training images used, the first n (a multiple of 10 has the same number of each class)' });

const IMAGE_SETS: readonly ImageSetEntry[] = [
  {
    name: 'digits',
    kind: 'image',
    doc: "handwritten digits 0–9, 8×8 pixels of 0..16 (scikit-learn's copy of the UCI set)",
    options: [rowsOption(1497)],
    features: 64,
    classes: () => 10,
    imageShape: [8, 8],
    trainRows: 1497,
    testRows: 300,
  },
  {
    name: 'fashion',
    kind: 'image',
    doc: 'Fashion-MNIST: clothes in 10 classes, 28×28 pixels in 16 grey levels',
    options: [rowsOption(3000)],
    features: 784,
    classes: () => 10,
    imageShape: [28, 28],
    trainRows: 3000,
    testRows: 500,
  },
];

export const DATASETS: readonly DatasetEntry[] = [...POINT_SETS, ...IMAGE_SETS];
export const DATASET_NAMES: readonly DatasetName[] = DATASETS.map((d) => d.name);

export function datasetEntry(name: string): DatasetEntry | undefined {
  return DATASETS.find((d) => d.name === name);
}

export function isImageSet(name: string): name is ImageSetName {
  return datasetEntry(name)?.kind === 'image';
}

/** What is wrong with `name(options)`, or null. `option` in the result names the keyword at fault. */
export function datasetProblem(name: string, options: OptionValues = {}): Problem | null {
  const entry = datasetEntry(name);
  if (!entry) {
    const list = DATASET_NAMES.join(', ');
    return { key: 'data.unknownSet', params: { name, list }, detail: `unknown data set '${name}'; the data sets are ${list}` };
  }
  return optionProblem(name, entry.options, options);
}

/**
 * Makes a data set. Point sets need nothing else; an image set needs its asset
 * (loaded by src/data). Throws RangeError on options datasetProblem rejects.
 */
export function makeDataset(name: string, options: OptionValues = {}, asset?: ImageAsset): Dataset {
  const problem = datasetProblem(name, options);
  if (problem) throw new RangeError(problem.detail);
  const entry = datasetEntry(name)!;
  const o = resolveOptions(name, entry.options, options);
  const classes = entry.classes(o);
  if (entry.kind === 'points') {
    const points = entry.generate(o, createRandom(subSeed(o.seed, 1)));
    const { train, test } = splitPoints(points, classes, o.test, subSeed(o.seed, 2));
    return { name, kind: 'points', options: o, features: entry.features, classes, imageShape: null, classNames: null, train, test };
  }
  if (!asset || asset.name !== name) throw new RangeError(`the ${name} images are not loaded`);
  return {
    name,
    kind: 'image',
    options: o,
    features: entry.features,
    classes,
    imageShape: entry.imageShape,
    classNames: asset.classNames,
    train: imageSplit(asset, 'train', o.n),
    test: imageSplit(asset, 'test', entry.testRows),
  };
}
