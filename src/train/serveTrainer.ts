// The inside of a training worker: the host of host.ts behind postMessage. An
// image set the worker cannot load itself is asked of the page ('needAsset',
// answered by an 'asset' message).
import { loadFailed } from '../data/dataset';
import type { ImageAsset } from '../engine/data/imageAsset';
import type { ImageSetName } from '../engine/data/registry';
import { createTrainingHost } from './host';
import type { FromTrainer, ToTrainer } from './protocol';

/** Serves the trainer in this worker; `loadOwn` loads an image set from inside it (null: always ask the page). */
export function serveTrainer(loadOwn: ((name: ImageSetName) => Promise<ImageAsset>) | null): void {
  const post = (message: FromTrainer) => self.postMessage(message);
  const asked = new Map<ImageSetName, { resolve: (asset: ImageAsset) => void; reject: (error: unknown) => void }[]>();
  const fromPage = (name: ImageSetName): Promise<ImageAsset> =>
    new Promise((resolve, reject) => {
      const waiting = asked.get(name);
      if (waiting) waiting.push({ resolve, reject });
      else {
        asked.set(name, [{ resolve, reject }]);
        post({ type: 'needAsset', name });
      }
    });
  const handle = createTrainingHost({
    post,
    loadAsset: loadOwn ? (name) => loadOwn(name).catch(() => fromPage(name)) : fromPage,
    sliceMs: 40,
  });
  self.onmessage = (event: MessageEvent<ToTrainer>) => {
    const message = event.data;
    if (message.type !== 'asset') {
      handle(message);
      return;
    }
    const waiting = asked.get(message.name) ?? [];
    asked.delete(message.name);
    for (const w of waiting) {
      if (message.asset) w.resolve(message.asset);
      else w.reject(loadFailed(message.name, new Error(message.error ?? 'the page could not load it')));
    }
  };
}
