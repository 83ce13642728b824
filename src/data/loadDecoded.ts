// An image set for the page: its script loaded on first use (loadBrowser.ts),
// then decoded in slices (decodeInSlices.ts), so neither blocks the page. The
// page's compile and the in-page trainer share the one decoded copy.
import type { ImageAsset } from '../engine/data/imageAsset';
import type { ImageSetName } from '../engine/data/registry';
import { loadFailed } from './dataset';
import { decodeAssetSteps, runInSlices } from './decodeInSlices';
import { loadImageAsset } from './loadBrowser';

const decoding = new Map<ImageSetName, Promise<ImageAsset>>();

/** The asset with both splits decoded; rejects with a DataError ('data.loadFailed'), after which a later call tries again. */
export function loadDecodedAsset(name: ImageSetName, load: (name: ImageSetName) => Promise<ImageAsset> = loadImageAsset): Promise<ImageAsset> {
  let pending = decoding.get(name);
  if (!pending) {
    pending = load(name)
      .then((asset) => runInSlices(decodeAssetSteps(asset)).catch((error: unknown) => Promise.reject(loadFailed(name, error))))
      .catch((error: unknown) => {
        decoding.delete(name);
        throw error;
      });
    decoding.set(name, pending);
  }
  return pending;
}
