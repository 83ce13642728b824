// Loads data sets in Node (the `train` command line, benchmarks): the image
// assets are plain modules, imported on first use.
import type { ImageAsset } from '../engine/data/imageAsset';
import type { OptionValues } from '../engine/data/options';
import type { ImageSetName } from '../engine/data/registry';
import type { Dataset } from '../engine/data/types';
import { datasetWith, loadFailed } from './dataset';

const MODULES: Record<ImageSetName, () => Promise<ImageAsset>> = {
  digits: () => import('../engine/data/assets/digits').then((m) => m.DIGITS),
  fashion: () => import('../engine/data/assets/fashion').then((m) => m.FASHION),
};

export async function loadImageAsset(name: ImageSetName): Promise<ImageAsset> {
  try {
    return await MODULES[name]();
  } catch (error) {
    throw loadFailed(name, error);
  }
}

/** A data set by name and keyword options. Rejects with a DataError. */
export function loadDataset(name: string, options: OptionValues = {}): Promise<Dataset> {
  return datasetWith(name, options, loadImageAsset);
}
