// Data sets (seeded 2-D points, a noisy line, two image sets), mini-batches and
// classifier metrics: plain TypeScript over typed arrays, no DOM.
// The image assets (assets/*.ts, 1 MB) are not exported here: app code gets them
// through src/data/loadBrowser.ts, so they stay out of the first download.
export { DATASETS, DATASET_NAMES, datasetEntry, datasetProblem, isImageSet, makeDataset } from './registry';
export type { DatasetEntry, DatasetName, ImageSetEntry, ImageSetName, PointSetEntry, PointSetName } from './registry';
export type { DataSplit, Dataset, DatasetKind } from './types';
export type { ImageAsset, ImageAssetSplit } from './imageAsset';
export { decodeSplit } from './imageAsset';
export { batchProblem, batchRows, batchesPerEpoch, createBatcher, epochOrder, gatherRows, type Batch, type BatchPlan } from './batches';
export { accuracy, confusionMatrix, crossEntropyPerRow, meanSquaredError, nonFiniteProblem, predictions, worstRows } from './metrics';
export { optionProblem, rangeText, resolveOptions, type NumberOption, type OptionValues } from './options';
export { PROBLEM_KEYS, type Problem, type ProblemKey } from './problem';
export { createRandom, permutation, subSeed, type Random } from './random';
export { cosTurns, portableLog, sinTurns } from './portableMath';
