// What an image set's script does when it runs: put its asset on
// globalThis.chainstepData, where the loader finds it. (A <script> cannot
// return a value, and browsers refuse module scripts and fetch() from file://.)
import type { ImageAsset } from '../engine/data/imageAsset';

export interface DataGlobal {
  chainstepData?: Record<string, ImageAsset>;
}

export function publishAsset(asset: ImageAsset): void {
  const g = globalThis as DataGlobal;
  g.chainstepData ??= {};
  g.chainstepData[asset.name] = asset;
}

export function publishedAsset(name: string): ImageAsset | null {
  return (globalThis as DataGlobal).chainstepData?.[name] ?? null;
}
