// Loading a data set by name, whichever way its images arrive: the browser
// (loadBrowser.ts) and Node (loadNode.ts) differ only in how they get an asset.
import type { ImageAsset } from '../engine/data/imageAsset';
import type { OptionValues } from '../engine/data/options';
import type { Problem } from '../engine/data/problem';
import { datasetProblem, isImageSet, makeDataset, type ImageSetName } from '../engine/data/registry';
import type { Dataset } from '../engine/data/types';

/** A data set that could not be made: bad options, or images that did not load. */
export class DataError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem, cause?: unknown) {
    super(problem.detail, cause === undefined ? undefined : { cause });
    this.name = 'DataError';
    this.problem = problem;
  }
}

export function loadFailed(name: string, cause?: unknown): DataError {
  const reason = cause instanceof Error ? ` (${cause.message})` : '';
  return new DataError({ key: 'data.loadFailed', params: { name }, detail: `the data set '${name}' did not load${reason}` }, cause);
}

/** Checks the options, loads the images if it needs them, and makes the data set. Rejects with a DataError. */
export async function datasetWith(name: string, options: OptionValues, loadAsset: (name: ImageSetName) => Promise<ImageAsset>): Promise<Dataset> {
  const problem = datasetProblem(name, options);
  if (problem) throw new DataError(problem);
  if (!isImageSet(name)) return makeDataset(name, options);
  const asset = await loadAsset(name);
  try {
    return makeDataset(name, options, asset);
  } catch (error) {
    throw loadFailed(name, error); // a damaged asset (checksum)
  }
}
