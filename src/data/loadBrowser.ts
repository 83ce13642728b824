// Loads an image set in the page (or in a worker) on first use, as a separate
// classic script that puts its asset on globalThis.chainstepData: the same
// way KaTeX and the layout load, so it works from a static host's sub-path and
// from file://, and the images are not part of the first download.
import type { ImageAsset } from '../engine/data/imageAsset';
import type { OptionValues } from '../engine/data/options';
import type { ImageSetName } from '../engine/data/registry';
import type { Dataset } from '../engine/data/types';
import { datasetWith, loadFailed } from './dataset';
import digitsUrl from './digitsScript.ts?worker&url';
import fashionUrl from './fashionScript.ts?worker&url';
import { publishedAsset } from './publish';

const URLS: Record<ImageSetName, string> = { digits: digitsUrl, fashion: fashionUrl };

const loading = new Map<ImageSetName, Promise<ImageAsset>>();

declare function importScripts(...urls: string[]): void;

/** Runs the script at `url` once: a <script> tag in a page, importScripts in a worker. */
function runScript(url: string): Promise<void> {
  if (typeof document !== 'undefined') {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      if (import.meta.env.DEV) script.type = 'module';
      script.src = url;
      script.onload = () => resolve();
      script.onerror = () => {
        script.remove();
        reject(new Error(`${url} could not be fetched`));
      };
      document.head.appendChild(script);
    });
  }
  if (import.meta.env.DEV) return import(/* @vite-ignore */ url).then(() => undefined); // module workers in development
  if (typeof importScripts === 'function') {
    try {
      importScripts(url);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error);
    }
  }
  return Promise.reject(new Error('there is no way to load a script here'));
}

/** The asset of an image set; rejects with a DataError ('data.loadFailed'), after which a later call tries again. */
export function loadImageAsset(name: ImageSetName): Promise<ImageAsset> {
  const ready = publishedAsset(name);
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(name);
  if (!pending) {
    pending = runScript(URLS[name]).then(
      () => {
        const asset = publishedAsset(name);
        if (!asset) throw new Error('the script ran but did not publish the images');
        return asset;
      },
    );
    pending = pending.catch((error: unknown) => {
      loading.delete(name);
      throw loadFailed(name, error);
    });
    loading.set(name, pending);
  }
  return pending;
}

/** A data set by name and keyword options, its images loaded on first use. Rejects with a DataError. */
export function loadDataset(name: string, options: OptionValues = {}): Promise<Dataset> {
  return datasetWith(name, options, loadImageAsset);
}
